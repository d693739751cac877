"""Two-factor sign-in screens: the code step of the login, enrolment on the account page
(recruiters, admins and staff alike), recovery codes, and the company's requirement."""

from __future__ import annotations

import segno
from flask import flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from markupsafe import Markup

from app.accounts import throttle, twofactor
from app.accounts.tenancy import current_company_id
from app.admin.blueprint import bp
from app.admin.forms import (
    EmptyForm,
    TwoFactorCodeForm,
    TwoFactorConfirmForm,
    TwoFactorProofForm,
    TwoFactorRequirementForm,
)
from app.extensions import limiter
from app.plugins import plugins
from app.security import admin_required, login_required_any, public, safe_next


def _home(user) -> str:
    return url_for("staff.index" if user.is_staff else "admin.dashboard")


# ---------------------------------------------------------------- sign-in: the code step

def _pending_key() -> str:
    pending = session.get(twofactor.PENDING_KEY) or {}
    return f"2fa|{pending.get('uid', '-')}"


@bp.route("/login/code", methods=["GET", "POST"])
@public
@limiter.limit("5/minute;20/hour", key_func=_pending_key, methods=["POST"],
               deduct_when=lambda response: response.status_code >= 400)
def login_code():
    if current_user.is_authenticated:
        return redirect(_home(current_user))
    user = twofactor.pending_login_user()
    if user is None:
        flash(_("Your sign-in took too long or was not started here. Please log in again."), "error")
        return redirect(url_for("admin.login"))
    form = TwoFactorCodeForm()
    if form.validate_on_submit():
        try:
            outcome = twofactor.complete_login(user, form.code.data)
        except twofactor.TwoFactorError as exc:
            form.code.errors = [str(exc)]
        else:
            if outcome.recovery_left is not None:
                flash(ngettext("You signed in with a recovery code. %(num)d recovery code is left; make new ones on "
                               "your account page.",
                               "You signed in with a recovery code. %(num)d recovery codes are left; make new ones "
                               "on your account page if you are running low.", outcome.recovery_left), "info")
            response = redirect(safe_next(outcome.next_url) or _home(user))
            return throttle.remember_device(response, user.email)  # a browser that completed a sign-in
    return render_template("admin/auth/login_code.html", form=form), 422 if request.method == "POST" else 200


# ---------------------------------------------------------------- enrolment and management

def _user_key() -> str:
    return f"2fa-proof|{getattr(current_user, 'id', '-')}"


#: Codes and passwords typed into the account forms: a session left open must not become a
#: way to guess the password or codes without the login's limits.
_proof_limit = limiter.shared_limit("5/minute;30/hour", scope="two-factor-proof", key_func=_user_key,
                                    methods=["POST"], deduct_when=lambda response: response.status_code >= 400)


def _qr_svg(uri: str) -> Markup:
    """The provisioning address as an inline SVG (no image request, nothing for the CSP)."""
    svg = segno.make(uri, error="m").svg_inline(scale=1, border=4, omitsize=True, dark="#000", light="#fff",
                                                svgclass="qr-code", title=str(_("QR code for your authenticator app")))
    return Markup(svg)


def _grouped(secret: str) -> str:
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


def _layout(user, forced: bool) -> str:
    if forced:
        return "layout.html"
    return "staff/layout.html" if user.is_staff else "admin/layout.html"


def _page(confirm: TwoFactorConfirmForm | None = None, regenerate: TwoFactorProofForm | None = None,
          turn_off: TwoFactorProofForm | None = None, status: int = 200):
    user = current_user._get_current_object()
    enabled, required = twofactor.is_enabled(user), twofactor.is_required(user)
    secret = twofactor.pending_secret(user)
    pending = None
    if secret:
        uri = twofactor.provisioning_uri(user, secret)
        pending = {"qr": _qr_svg(uri), "secret": _grouped(secret), "uri": uri}
    forced = required and not enabled
    return render_template(
        "admin/auth/two_factor.html", layout=_layout(user, forced), forced=forced, enabled=enabled,
        required=required, pending=pending, record=twofactor.record_of(user),
        codes_left=twofactor.recovery_codes_left(user) if enabled else 0,
        start_form=EmptyForm(), confirm=confirm or TwoFactorConfirmForm(prefix="tf"),
        regenerate=regenerate or TwoFactorProofForm(prefix="rc"), turn_off=turn_off or TwoFactorProofForm(prefix="off"),
    ), status


def _codes_page(codes: list[str], first: bool):
    user = current_user._get_current_object()
    text = "\n".join(["Haku recovery codes", user.email, "", *codes, ""])
    return render_template("admin/auth/recovery_codes.html", layout=_layout(user, False), codes=codes, first=first,
                           text=text, home=_home(user))


@bp.get("/account/two-factor")
@login_required_any
def two_factor():
    return _page()


@bp.post("/account/two-factor/start")
@login_required_any
def two_factor_start():
    form = EmptyForm()
    if not form.validate_on_submit():
        return _page(status=400)
    twofactor.start_enrolment(current_user._get_current_object())
    return redirect(url_for("admin.two_factor") + "#setup", code=303)


@bp.post("/account/two-factor/confirm")
@login_required_any
@_proof_limit
def two_factor_confirm():
    form = TwoFactorConfirmForm(prefix="tf")
    if form.validate_on_submit():
        user = current_user._get_current_object()
        replacing = twofactor.is_enabled(user)
        try:
            codes = twofactor.confirm_enrolment(user, form.code.data)
        except twofactor.TwoFactorError as exc:
            if exc.code == "no_pending":  # no code field on the page then: say it at the top
                flash(str(exc), "error")
            form.code.errors = [str(exc)]
        else:
            if codes:
                return _codes_page(codes, first=not replacing)
            flash(_("Your authenticator app is changed. The old one no longer works, and other sessions were "
                    "logged out."), "success")
            return redirect(url_for("admin.two_factor"), code=303)
    return _page(confirm=form, status=422)


@bp.post("/account/two-factor/recovery-codes")
@login_required_any
@_proof_limit
def two_factor_recovery_codes():
    form = TwoFactorProofForm(prefix="rc")
    if form.validate_on_submit():
        try:
            codes = twofactor.regenerate_recovery_codes(current_user._get_current_object(), form.proof.data)
        except twofactor.TwoFactorError as exc:
            form.proof.errors = [str(exc)]
        else:
            return _codes_page(codes, first=False)
    return _page(regenerate=form, status=422)


@bp.post("/account/two-factor/disable")
@login_required_any
@_proof_limit
def two_factor_disable():
    form = TwoFactorProofForm(prefix="off")
    if form.validate_on_submit():
        try:
            twofactor.disable(current_user._get_current_object(), form.proof.data)
        except twofactor.TwoFactorError as exc:
            form.proof.errors = [str(exc)]
        else:
            flash(_("Two-factor sign-in is off. Other sessions were logged out."), "success")
            return redirect(url_for("admin.two_factor"), code=303)
    return _page(turn_off=form, status=422)


# ---------------------------------------------------------------- the company's requirement

@bp.route("/settings/two-factor", methods=["GET", "POST"])
@admin_required
def two_factor_setting():
    company, total, without = twofactor.requirement_overview(current_company_id())
    form = TwoFactorRequirementForm(data={"required": company.two_factor_required} if request.method == "GET" else None)
    if form.validate_on_submit():
        try:
            twofactor.set_company_requirement(company.id, bool(form.required.data), current_user._get_current_object())
        except twofactor.TwoFactorError as exc:
            flash(str(exc), "error")
            form.required.data = company.two_factor_required  # the page shows what is in force
        else:
            flash(_("Two-factor sign-in is now required for every user.") if form.required.data
                  else _("Two-factor sign-in is now optional."), "success")
            return redirect(url_for("admin.two_factor_setting"), code=303)
    return render_template("admin/settings/two_factor.html", form=form, company=company, total=total,
                           without=without, own_enabled=twofactor.is_enabled(current_user._get_current_object())), \
        422 if request.method == "POST" else 200


@plugins.settings_section
def _settings_section() -> list[dict]:
    if not getattr(current_user, "is_company_admin", False):
        return []
    return [{"label": _("Two-factor sign-in"), "url": url_for("admin.two_factor_setting"),
             "hint": _("Require an authenticator app for every user.")}]
