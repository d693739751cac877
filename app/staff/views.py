"""Platform staff admin: companies, their first admin, global email templates."""

from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app import audit
from app.accounts import lifecycle, queries
from app.accounts import services as accounts
from app.accounts.models import Company, Role
from app.applications import queries as applications
from app.forms import EmptyForm
from app.messaging import queries as messaging
from app.messaging import rendering
from app.messaging.models import EmailTemplate
from app.messaging.services import reset_templates, save_template
from app.security import staff_required
from app.staff.blueprint import bp
from app.staff.forms import CompanyEmrexForm, CompanyForm, GlobalTemplateForm, InviteAdminForm


@bp.get("/")
@staff_required
def index():
    return render_template("staff/index.html", companies=queries.companies(), users=queries.user_counts_by_company(),
                           apps=applications.counts_by_company())


@bp.route("/companies/new", methods=["GET", "POST"])
@staff_required
def company_new():
    form = CompanyForm()
    if form.validate_on_submit():
        try:
            company = accounts.create_company(name=form.name.data, slug=form.slug.data,
                                              admin_email=form.admin_email.data, admin_name=form.admin_name.data,
                                              locale=form.locale.data, actor=audit.actor_of(current_user))
        except accounts.AccountError as exc:
            if accounts._email_taken(form.admin_email.data.strip()):
                form.admin_email.errors = [lifecycle.UserError("email_taken").message]
            else:
                form.slug.errors = [str(exc)]
        else:
            flash(_("Company %(name)s created; the invitation is on its way to %(email)s.", name=company.name,
                    email=form.admin_email.data), "success")
            return redirect(url_for("staff.company", company_id=company.id))
    return render_template("staff/company_form.html", form=form), 422 if request.method == "POST" else 200


@bp.get("/companies/<int:company_id>")
@staff_required
def company(company_id: int):
    company = queries.company(company_id) or abort(404)
    form = InviteAdminForm(formdata=None, locale=company.default_locale)
    return _company_page(company, form)


def _company_page(company: Company, form: InviteAdminForm, status: int = 200):
    return render_template("staff/company.html", company=company, users=lifecycle.company_users(company.id),
                           form=form), status


# ---------------------------------------------------------------- company admins (staff)

@bp.post("/companies/<int:company_id>/users/invite")
@staff_required
def company_user_invite(company_id: int):
    company = queries.company(company_id) or abort(404)
    form = InviteAdminForm()
    if form.validate_on_submit():
        try:
            user = lifecycle.invite_user(company.id, email=form.email.data, name=form.name.data, role=Role.ADMIN.value,
                                         locale=form.locale.data, actor=current_user)
        except lifecycle.UserError as exc:
            form.email.errors = [str(exc)]
        else:
            flash(_("Invitation sent to %(email)s.", email=user.email), "success")
            return redirect(url_for("staff.company", company_id=company.id))
    return _company_page(company, form, 422)


def _staff_act(company_id: int, user_id: int, call, done: str):
    """One lifecycle change for a company admin (the company's own admins manage recruiters)."""
    company = queries.company(company_id) or abort(404)
    user = queries.company_user(company.id, user_id) or abort(404)
    if not EmptyForm().validate_on_submit():
        abort(400)
    if user.role != Role.ADMIN.value:
        flash(_("Staff manage company admins; the company's admins manage its recruiters."), "error")
        return _company_page(company, InviteAdminForm(formdata=None), 422)
    try:
        call(company.id, user.id)
    except lifecycle.UserError as exc:
        flash(str(exc), "error")
        return _company_page(company, InviteAdminForm(formdata=None), 422)
    flash(done % {"name": user.name}, "success")
    return redirect(url_for("staff.company", company_id=company.id))


@bp.post("/companies/<int:company_id>/users/<int:user_id>/disable")
@staff_required
def company_user_disable(company_id: int, user_id: int):
    return _staff_act(company_id, user_id, lambda c, u: lifecycle.set_enabled(
        c, u, False, actor=current_user, keep_an_admin=False), _("%(name)s is disabled and signed out everywhere."))


@bp.post("/companies/<int:company_id>/users/<int:user_id>/enable")
@staff_required
def company_user_enable(company_id: int, user_id: int):
    return _staff_act(company_id, user_id, lambda c, u: lifecycle.set_enabled(c, u, True, actor=current_user),
                      _("%(name)s can sign in again."))


@bp.post("/companies/<int:company_id>/users/<int:user_id>/reset")
@staff_required
def company_user_reset(company_id: int, user_id: int):
    return _staff_act(company_id, user_id, lambda c, u: lifecycle.send_password_reset(c, u, actor=current_user),
                      _("A password-reset link is on its way to %(name)s."))


@bp.post("/companies/<int:company_id>/users/<int:user_id>/resend")
@staff_required
def company_user_resend(company_id: int, user_id: int):
    return _staff_act(company_id, user_id, lambda c, u: lifecycle.resend_invitation(c, u, actor=current_user),
                      _("A new invitation is on its way to %(name)s; the old link no longer works."))


@bp.post("/companies/<int:company_id>/users/<int:user_id>/revoke")
@staff_required
def company_user_revoke(company_id: int, user_id: int):
    return _staff_act(company_id, user_id, lambda c, u: lifecycle.revoke_invitation(c, u, actor=current_user),
                      _("The invitation of %(name)s is revoked."))


@bp.get("/email-templates")
@staff_required
def email_templates():
    return render_template("staff/email_templates.html", templates=messaging.global_templates(), reset=reset_templates(None))


@bp.route("/email-templates/new", methods=["GET", "POST"])
@staff_required
def email_template_new():
    return _save(GlobalTemplateForm(), None)


@bp.route("/email-templates/<int:template_id>", methods=["GET", "POST"])
@staff_required
def email_template_edit(template_id: int):
    template = messaging.global_template(template_id) or abort(404)
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

    company = queries.company(company_id) or abort(404)
    form = CompanyEmrexForm(data={"gpa_scale": company.gpa_scale})
    if not form.validate():
        # The company page again, the switch's problems beside its fields (emrex_panel reads g).
        g.company_emrex_form = form
        return _company_page(company, InviteAdminForm(formdata=None, locale=company.default_locale), 422)
    try:
        emrex.set_company(company, enabled=form.emrex_enabled.data, gpa_scale=form.gpa_scale.data)
    except emrex.EmrexError as exc:
        flash(str(exc), "error")
    else:
        flash(_("EMREX for %(name)s: %(state)s, GPA scale %(scale)s.", name=company.name,
                state=_("on") if company.emrex_enabled else _("off"), scale=company.gpa_scale), "success")
    return redirect(url_for("staff.company", company_id=company.id))


@bp.get("/emrex")
@staff_required
def emrex_registry():
    from app.emrex.queries import registry

    points, countries, syncs = registry()
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

