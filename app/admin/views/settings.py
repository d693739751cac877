"""Company settings: email templates and users (company admins)."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.accounts import branding
from app.accounts import services as accounts
from app.accounts.tenancy import current_company_id, get_or_404
from app.admin.blueprint import bp
from app.admin.forms import CareersSiteForm, CompanyLanguageForm, EmailTemplateForm
from app.i18n import current_locale, time_zones
from app.messaging import rendering
from app.messaging.models import EmailTemplate
from app.messaging.services import reset_templates, save_template, templates_available
from app.plugins import plugins
from app.security import admin_required, company_user_required


@bp.get("/settings")
@company_user_required
def settings():
    return render_template("admin/settings/index.html")


@bp.route("/settings/language", methods=["GET", "POST"])
@admin_required
def company_language():
    """The company's default language and time zone."""
    company = current_user.company
    form = CompanyLanguageForm(data={"locale": company.default_locale, "timezone": company.timezone or "UTC"}
                               if request.method == "GET" else None)
    form.timezone.choices = [(z, z.replace("_", " ")) for z in time_zones()]
    if form.validate_on_submit():
        accounts.save_company_language_and_time_zone(company.id, form.locale.data, form.timezone.data,
                                                     current_user._get_current_object())
        flash(_("Language and time zone saved."), "success")
        return redirect(url_for("admin.company_language"), code=303)
    return render_template("admin/settings/language.html", form=form, company=company), \
        422 if request.method == "POST" else 200


@bp.get("/settings/email-templates")
@company_user_required
def email_templates():
    return render_template("admin/settings/email_templates.html",
                           templates=templates_available(current_company_id()),
                           reset=reset_templates(current_company_id()))


@bp.route("/settings/email-templates/new", methods=["GET", "POST"])
@admin_required
def email_template_new():
    form = EmailTemplateForm()
    base_id = request.args.get("from", type=int)
    if base_id and request.method == "GET":
        base = next((t for t in templates_available(current_company_id()) if t.id == base_id), None)
        if base is not None:
            form = EmailTemplateForm(obj=base)
    return _save_template(form, None)


@bp.route("/settings/email-templates/<int:template_id>", methods=["GET", "POST"])
@admin_required
def email_template_edit(template_id: int):
    template = get_or_404(EmailTemplate, template_id)
    return _save_template(EmailTemplateForm(obj=template), template)


def _save_template(form: EmailTemplateForm, template: EmailTemplate | None):
    if form.validate_on_submit():
        try:
            save_template(template, company_id=current_company_id(), key=form.key.data.strip(), name=form.name.data,
                          subject=form.subject.data, body=form.body.data, locale=form.locale.data)
        except rendering.TemplateProblem as problem:
            form.show_problem(problem)
        else:
            flash(_("Email template saved."), "success")
            return redirect(url_for("admin.email_templates"))
    return render_template("admin/settings/email_template_form.html", form=form, template=template,
                           fields=rendering.MERGE_FIELDS), 422 if request.method == "POST" else 200


@bp.get("/settings/audit")
@admin_required
def audit_log():
    from app import audit

    action = request.args.get("action") or None
    rows = audit.entries_for(current_company_id(), before_id=request.args.get("before", type=int), action=action)
    return render_template("admin/settings/audit.html", rows=rows, names=accounts.actor_names(rows), action=action,
                           labels=audit.ACTION_LABELS)


@bp.route("/settings/careers-site", methods=["GET", "POST"])
@admin_required
def careers_site():
    """The careers site's look: brand colour (contrast checked), about text, logo."""
    company = current_user.company
    form = CareersSiteForm(data={"brand_colour": company.brand_colour or "", "about": company.about,
                                 "country": company.country or ""} if request.method == "GET" else None)
    form.country.choices = branding.country_choices(current_locale())
    error = None
    if form.validate_on_submit():
        upload = form.logo.data
        logo = upload.read(branding.LOGO_MAX_BYTES + 1) if upload and getattr(upload, "filename", "") else None
        try:
            branding.save(company.id, current_user._get_current_object(), colour=form.brand_colour.data,
                          about=form.about.data or "", logo=logo, remove_logo=form.remove_logo.data,
                          country=form.country.data)
        except branding.BrandingError as exc:
            error = str(exc)
        else:
            flash(_("Careers site saved."), "success")
            return redirect(url_for("admin.careers_site"), code=303)
    return render_template("admin/settings/careers_site.html", form=form, company=company, error=error), \
        422 if request.method == "POST" else 200


@plugins.settings_section
def _careers_site_section() -> list[dict]:
    if not getattr(current_user, "is_company_admin", False):
        return []
    return [{"label": _("Careers site"), "url": url_for("admin.careers_site"),
             "hint": _("Your logo, brand colour and a few words about the company on your careers pages.")}]
