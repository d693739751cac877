from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.accounts import services as accounts
from app.accounts import twofactor
from app.admin.forms import LoginForm, NotificationPrefsForm, PasswordForm
from app.admin.views import bp
from app.extensions import limiter
from app.messaging.services import NOTIFICATION_KINDS
from app.security import is_safe_next, login_required_any, public


def _login_key() -> str:
    return f"{request.remote_addr}|{(request.form.get('email') or '').strip().lower()}"


def _account_key() -> str:
    return (request.form.get("email") or "").strip().lower() or "-"


@bp.route("/login", methods=["GET", "POST"])
@public
@limiter.limit("5/minute", key_func=_login_key, methods=["POST"])
@limiter.limit("100/hour", key_func=_account_key, methods=["POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("staff.index" if current_user.is_staff else "admin.dashboard"))
    form = LoginForm()
    if form.validate_on_submit():
        user = accounts.authenticate(form.email.data, form.password.data)
        if user is not None and twofactor.is_enabled(user):
            twofactor.begin_login(user, request.args.get("next"))  # not logged in until the code step
            return redirect(url_for("admin.login_code"))
        if user is not None:
            accounts.start_session(user)
            target = request.args.get("next")
            if is_safe_next(target):
                return redirect(target)
            return redirect(url_for("staff.index" if user.is_staff else "admin.dashboard"))
        flash(_("Wrong email or password."), "error")
        return render_template("admin/auth/login.html", form=form), 401
    return render_template("admin/auth/login.html", form=form)


@bp.post("/logout")
@login_required_any
def logout():
    accounts.end_session(current_user._get_current_object())
    flash(_("You are logged out."), "info")
    return redirect(url_for("admin.login"))


@bp.route("/account", methods=["GET", "POST"])
@login_required_any
def account():
    form = PasswordForm(prefix="pw")
    prefs = NotificationPrefsForm(prefix="np")
    prefs.kinds.choices = list(NOTIFICATION_KINDS.items())
    if request.method == "GET":
        prefs.kinds.data = current_user.email_notification_kinds or []
    if request.method == "POST" and request.form.get("which") == "password" and form.validate_on_submit():
        try:
            accounts.change_password(current_user._get_current_object(), form.current.data, form.new.data)
        except accounts.AccountError as exc:
            form.new.errors = [str(exc)]
        else:
            flash(_("Your password is changed. Other sessions were logged out."), "success")
            return redirect(url_for("admin.account"))
    elif request.method == "POST" and request.form.get("which") == "prefs" and prefs.validate_on_submit():
        accounts.save_notification_prefs(current_user._get_current_object(), prefs.kinds.data or [])
        flash(_("Notification settings saved."), "success")
        return redirect(url_for("admin.account"))
    status = 422 if request.method == "POST" else 200
    return render_template("admin/auth/account.html", form=form, prefs=prefs,
                           two_factor_on=twofactor.is_enabled(current_user._get_current_object())), status
