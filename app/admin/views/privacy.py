"""Data rights in the recruiter admin: erasing a candidate (company admins only) and the
company's retention setting."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from app.accounts import queries as accounts
from app.accounts.tenancy import current_company_id, get_or_404
from app.admin.blueprint import bp
from app.admin.card import CardAction
from app.admin.forms import EraseForm, RetentionForm
from app.applications import queries as applications
from app.applications.models import Candidate
from app.plugins import plugins
from app.privacy import services
from app.security import admin_required


@bp.route("/candidates/<int:candidate_id>/erase", methods=["GET", "POST"])
@admin_required
def candidate_erase(candidate_id: int):
    candidate = get_or_404(Candidate, candidate_id)
    form = EraseForm()
    if form.validate_on_submit():
        mode = services.erase_candidate(candidate.id, current_company_id(), current_user._get_current_object(),
                                        anonymise=form.anonymise.data)
        if mode == "anonymised":
            flash(_("Candidate #%(id)d anonymised: the applications stay for statistics without personal data.",
                    id=candidate_id), "success")
        else:
            flash(_("Candidate #%(id)d erased.", id=candidate_id), "success")
        return redirect(url_for("admin.applications"), code=303)
    fp = services.footprint(candidate)
    return render_template("admin/privacy/erase.html", candidate=candidate,
                           applications=applications.of_candidate(candidate.company_id, candidate.id), fp=fp,
                           form=form, back=request.args.get("from", type=int)), \
        422 if request.method == "POST" else 200


@bp.post("/candidates/<int:candidate_id>/export.zip")
@admin_required
def candidate_export(candidate_id: int):
    """The company's data about one person (their applications here, with files) as a ZIP.
    A POST from the ⋯ menu's form: the download is audited, and a GET never changes anything."""
    candidate = get_or_404(Candidate, candidate_id)
    body = services.candidate_export(candidate.id, current_company_id(), current_user._get_current_object())
    response = current_app.response_class(body, mimetype="application/zip")
    response.headers["Content-Disposition"] = f'attachment; filename="candidate-{candidate.id}.zip"'
    return response


@bp.route("/settings/data-protection", methods=["GET", "POST"])
@admin_required
def data_protection():
    company = accounts.company(current_company_id())
    form = RetentionForm(obj=company)
    if form.validate_on_submit():
        try:
            services.set_retention(company.id, form.retention_months.data, current_user._get_current_object(),
                                   privacy_notice_url=form.privacy_notice_url.data)
        except services.PrivacyError as exc:
            form.privacy_notice_url.errors = [str(exc)]
        else:
            flash(_("Retention saved: candidates with no activity for %(n)d months are deleted.",
                    n=form.retention_months.data), "success")
            return redirect(url_for("admin.data_protection"), code=303)
    return render_template("admin/privacy/settings.html", form=form, company=company), \
        422 if request.method == "POST" else 200


@plugins.settings_section
def _settings_section() -> list[dict]:
    if not getattr(current_user, "is_company_admin", False):
        return []
    return [{"label": _("Data protection"), "url": url_for("admin.data_protection"),
             "hint": _("How long candidates are kept after their last activity, and your privacy notice.")}]


plugins.card_action(CardAction(
    key="candidate_export", label=_l("Export data (ZIP)"), order=800, method="post",
    url=lambda application: url_for("admin.candidate_export", candidate_id=application.candidate_id),
    available=lambda application, user: bool(getattr(user, "is_company_admin", False))))

plugins.card_action(CardAction(
    key="candidate_erase", label=_l("Erase candidate…"), order=900, method="get",
    url=lambda application: url_for("admin.candidate_erase", candidate_id=application.candidate_id,
                                    **{"from": application.id}),
    available=lambda application, user: bool(getattr(user, "is_company_admin", False))))
