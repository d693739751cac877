"""Platform staff admin: companies, their first admin, global email templates."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import func, select

from app.accounts import services as accounts
from app.accounts.models import Company, User
from app.applications.models import Application
from app.extensions import db
from app.messaging import rendering
from app.messaging.models import EmailTemplate
from app.messaging.services import reset_templates, save_template
from app.security import staff_required
from app.staff.forms import CompanyForm, GlobalTemplateForm

bp = Blueprint("staff", __name__)


@bp.get("/")
@staff_required
def index():
    companies = db.session.scalars(select(Company).order_by(Company.name)).all()
    users = dict(db.session.execute(select(User.company_id, func.count(User.id)).group_by(User.company_id)).all())
    apps = dict(db.session.execute(select(Application.company_id, func.count(Application.id))
                                   .group_by(Application.company_id)).all())
    return render_template("staff/index.html", companies=companies, users=users, apps=apps)


@bp.route("/companies/new", methods=["GET", "POST"])
@staff_required
def company_new():
    form = CompanyForm()
    if form.validate_on_submit():
        try:
            company = accounts.create_company(name=form.name.data, slug=form.slug.data,
                                              admin_email=form.admin_email.data, admin_name=form.admin_name.data,
                                              admin_password=form.admin_password.data)
        except accounts.AccountError as exc:
            db.session.rollback()
            form.slug.errors = [str(exc)]
        else:
            flash(_("Company %(name)s created.", name=company.name), "success")
            return redirect(url_for("staff.company", company_id=company.id))
    return render_template("staff/company_form.html", form=form), 422 if request.method == "POST" else 200


@bp.get("/companies/<int:company_id>")
@staff_required
def company(company_id: int):
    company = db.session.get(Company, company_id) or abort(404)
    users = db.session.scalars(select(User).where(User.company_id == company.id).order_by(User.name)).all()
    return render_template("staff/company.html", company=company, users=users)


@bp.get("/email-templates")
@staff_required
def email_templates():
    rows = db.session.scalars(select(EmailTemplate).where(EmailTemplate.company_id.is_(None))
                              .order_by(EmailTemplate.key, EmailTemplate.locale)).all()
    return render_template("staff/email_templates.html", templates=rows, reset=reset_templates(None))


@bp.route("/email-templates/new", methods=["GET", "POST"])
@staff_required
def email_template_new():
    return _save(GlobalTemplateForm(), None)


@bp.route("/email-templates/<int:template_id>", methods=["GET", "POST"])
@staff_required
def email_template_edit(template_id: int):
    template = db.session.scalar(select(EmailTemplate).where(EmailTemplate.id == template_id,
                                                             EmailTemplate.company_id.is_(None))) or abort(404)
    return _save(GlobalTemplateForm(obj=template), template)


def _save(form: GlobalTemplateForm, template: EmailTemplate | None):
    if form.validate_on_submit():
        try:
            save_template(template, company_id=None, key=form.key.data.strip(), name=form.name.data,
                          subject=form.subject.data, body=form.body.data, locale=form.locale.data)
        except rendering.TemplateProblem as problem:
            form.show_problem(problem)
        else:
            flash(_("Email template saved."), "success")
            return redirect(url_for("staff.email_templates"))
    return render_template("staff/email_template_form.html", form=form, template=template,
                           fields=rendering.MERGE_FIELDS), 422 if request.method == "POST" else 200


# ---------------------------------------------------------------- EMREX (staff)

@bp.post("/companies/<int:company_id>/emrex")
@staff_required
def company_emrex(company_id: int):
    from app.emrex import services as emrex

    company = db.session.get(Company, company_id) or abort(404)
    try:
        emrex.set_company(company, enabled=request.form.get("emrex_enabled") == "y",
                          gpa_scale=request.form.get("gpa_scale", company.gpa_scale))
    except emrex.EmrexError as exc:
        flash(str(exc), "error")
    else:
        flash(_("EMREX for %(name)s: %(state)s, GPA scale %(scale)s.", name=company.name,
                state=_("on") if company.emrex_enabled else _("off"), scale=company.gpa_scale), "success")
    return redirect(url_for("staff.company", company_id=company.id))


@bp.get("/emrex")
@staff_required
def emrex_registry():
    from app.emrex.models import EmrexContactPoint, EmrexCountry, EmrexRegistrySync

    points = db.session.scalars(select(EmrexContactPoint).order_by(EmrexContactPoint.country_code,
                                                                   EmrexContactPoint.url)).all()
    countries = {c.code: c for c in db.session.scalars(select(EmrexCountry))}
    syncs = db.session.scalars(select(EmrexRegistrySync).order_by(EmrexRegistrySync.id.desc()).limit(5)).all()
    return render_template("staff/emrex.html", points=points, countries=countries, syncs=syncs)


@bp.post("/emrex/refresh")
@staff_required
def emrex_refresh():
    from app.emrex.tasks import enqueue_refresh

    if enqueue_refresh():
        flash(_("Registry refresh queued; reload in a moment."), "success")
    else:
        flash(_("The task queue is not reachable; the sweeper will refresh the registry later."), "error")
    return redirect(url_for("staff.emrex_registry"))


from app.staff import assessments, boards, tasks  # noqa: F401
