"""Users (Settings → Users, company admins) and the public password pages: "Forgot password"
and the set-password page that invitation and reset links open."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.accounts import lifecycle
from app.accounts.models import User
from app.accounts.tenancy import current_company_id, get_or_404
from app.admin.blueprint import bp
from app.admin.forms import (
    ROLE_LABELS,
    EmptyForm,
    ForgotPasswordForm,
    InviteForm,
    RoleForm,
    SetPasswordForm,
)
from app.extensions import limiter
from app.security import admin_required, current_locale, public

# ---------------------------------------------------------------- Settings → Users


def _users_page(form: InviteForm, status: int = 200):
    rows = lifecycle.company_users(current_company_id())
    return render_template("admin/settings/users.html", users=rows, form=form, role_form=RoleForm(),
                           action_form=EmptyForm(), role_labels=ROLE_LABELS), status


@bp.route("/settings/users", methods=["GET", "POST"])
@admin_required
def users():
    form = InviteForm()
    if request.method == "GET":
        form.locale.data = current_user.company.default_locale
    if form.validate_on_submit():
        try:
            user = lifecycle.invite_user(current_company_id(), email=form.email.data, name=form.name.data,
                                         role=form.role.data, locale=form.locale.data, actor=current_user)
        except lifecycle.UserError as exc:
            form.email.errors = [str(exc)]
        else:
            flash(_("Invitation sent to %(email)s.", email=user.email), "success")
            return redirect(url_for("admin.users"))
    return _users_page(form, 422 if request.method == "POST" else 200)


def _act(user_id: int, call, done: str, form=None):
    """Run one lifecycle change for a user of this company (another company's user is a 404);
    a broken rule re-renders the page with the reason (422) and changes nothing."""
    get_or_404(User, user_id)
    if form is not None and not form.validate_on_submit():
        flash(lifecycle.UserError("bad_role").message, "error")
        return _users_page(InviteForm(formdata=None), 422)
    if not EmptyForm().validate_on_submit():
        flash(_("Your form expired or was sent from another page. Please reload and try again."), "error")
        return redirect(url_for("admin.users"))
    try:
        user = call()
    except lifecycle.UserError as exc:
        flash(str(exc), "error")
        return _users_page(InviteForm(formdata=None))[0], 422
    flash(done % {"name": user.name}, "success")
    return redirect(url_for("admin.users"))


@bp.post("/settings/users/<int:user_id>/disable")
@admin_required
def user_disable(user_id: int):
    return _act(user_id, lambda: lifecycle.set_enabled(current_company_id(), user_id, False, actor=current_user),
                _("%(name)s is disabled and signed out everywhere."))


@bp.post("/settings/users/<int:user_id>/enable")
@admin_required
def user_enable(user_id: int):
    return _act(user_id, lambda: lifecycle.set_enabled(current_company_id(), user_id, True, actor=current_user),
                _("%(name)s can sign in again."))


@bp.post("/settings/users/<int:user_id>/role")
@admin_required
def user_role(user_id: int):
    form = RoleForm()
    return _act(user_id, lambda: lifecycle.change_role(current_company_id(), user_id, form.role.data,
                                                       actor=current_user),
                _("The role of %(name)s is changed; their open sessions were ended."), form=form)


@bp.post("/settings/users/<int:user_id>/reset")
@admin_required
def user_reset(user_id: int):
    return _act(user_id, lambda: lifecycle.send_password_reset(current_company_id(), user_id, actor=current_user),
                _("A password-reset link is on its way to %(name)s."))


@bp.post("/settings/users/<int:user_id>/resend")
@admin_required
def user_resend(user_id: int):
    return _act(user_id, lambda: lifecycle.resend_invitation(current_company_id(), user_id, actor=current_user),
                _("A new invitation is on its way to %(name)s; the old link no longer works."))


@bp.post("/settings/users/<int:user_id>/revoke")
@admin_required
def user_revoke(user_id: int):
    return _act(user_id, lambda: lifecycle.revoke_invitation(current_company_id(), user_id, actor=current_user),
                _("The invitation of %(name)s is revoked."))


# ---------------------------------------------------------------- forgot password / set password

def _address_key() -> str:
    # request.form (no WTForms): the rate limiter keys on the address before the view (and its form) runs.
    return "forgot|" + ((request.form.get("email") or "").strip().lower()[:254] or "-")


@bp.route("/forgot-password", methods=["GET", "POST"])
@public
@limiter.limit("5/minute;30/hour", methods=["POST"])
@limiter.limit("5/hour", key_func=_address_key, methods=["POST"])
def forgot_password():
    """The same answer for every address, known or not (no account enumeration)."""
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        lifecycle.request_password_reset(form.email.data)
        return render_template("admin/auth/forgot_password.html", form=form, sent=True)
    return render_template("admin/auth/forgot_password.html", form=form, sent=False), \
        422 if request.method == "POST" else 200


@bp.route("/set-password/<token>", methods=["GET", "POST"])
@public
@limiter.limit("20/minute", methods=["POST"])
def set_password(token: str):
    link = lifecycle.link_for(token)
    if link is None:
        return _no_referrer(render_template("admin/auth/link_invalid.html"), 410)
    form = SetPasswordForm()
    if form.validate_on_submit():
        try:
            lifecycle.redeem(token, form.password.data, locale=current_locale())
        except lifecycle.UserError as exc:
            if exc.code != "password":
                return _no_referrer(render_template("admin/auth/link_invalid.html"), 410)
            form.password.errors = [str(exc)]
        else:
            flash(_("Your password is set. Sign in with your email address and the new password."), "success")
            return redirect(url_for("admin.login"))
    status = 422 if request.method == "POST" else 200
    return _no_referrer(render_template("admin/auth/set_password.html", form=form, link=link, user=link.user), status)


def _no_referrer(body: str, status: int):
    """The token is in this page's address: never send it on as a Referer."""
    return body, status, {"Referrer-Policy": "no-referrer"}
