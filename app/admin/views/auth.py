from flask import flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.accounts import services as accounts
from app.accounts import throttle, twofactor
from app.admin.blueprint import bp
from app.admin.forms import LanguageForm, LoginForm, NotificationPrefsForm, PasswordForm
from app.errors import render_error
from app.extensions import limiter
from app.forms import LOCALE_CHOICES
from app.i18n import time_zones
from app.messaging.services import NOTIFICATION_KINDS
from app.security import login_required_any, public, safe_next


@bp.route("/login", methods=["GET", "POST"])
@public
@limiter.limit(throttle.PER_ADDRESS_AND_ACCOUNT, key_func=throttle.address_and_account_key, methods=["POST"])
@limiter.limit(throttle.PER_ADDRESS, key_func=throttle.address_key, methods=["POST"], deduct_when=throttle.failed,
               exempt_when=throttle.trusted_device)
@limiter.limit(throttle.PER_ACCOUNT, key_func=throttle.account_key, methods=["POST"], deduct_when=throttle.failed,
               exempt_when=throttle.trusted_device)
@limiter.limit(throttle.PER_DEVICE, key_func=throttle.device_key, methods=["POST"], deduct_when=throttle.failed,
               exempt_when=throttle.untrusted_device)
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
            target = safe_next(request.args.get("next"))
            response = redirect(target or url_for("staff.index" if user.is_staff else "admin.dashboard"))
            return throttle.remember_device(response, user.email)
        flash(_("Wrong email or password."), "error")
        return render_template("admin/auth/login.html", form=form), 401
    return render_template("admin/auth/login.html", form=form)


@bp.errorhandler(429)
def _throttled(exc):
    """A held sign-in gets the login page back (status 429) with a message that fits the
    budgets, which can last longer than the generic page's "a minute"."""
    if request.endpoint != "admin.login":
        return render_error(429)
    flash(_("Too many sign-in attempts. Please wait a while and try again."), "error")
    return render_template("admin/auth/login.html", form=LoginForm()), 429


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
    language = _language_form()
    if request.method == "GET":
        prefs.kinds.data = current_user.email_notification_kinds or []
    # request.form["which"] (no WTForms): which of the page's forms was posted; each then validates itself.
    if request.method == "POST" and request.form.get("which") == "language" and language.validate_on_submit():
        accounts.save_language_and_time_zone(current_user._get_current_object(), language.locale.data,
                                             language.timezone.data)
        session.pop("lang", None)  # a language picked with ?lang= earlier in the session gives way to the choice
        flash(_("Language and time zone saved."), "success")
        return redirect(url_for("admin.account"))
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
    return render_template("admin/auth/account.html", form=form, prefs=prefs, language=language,
                           two_factor_on=twofactor.is_enabled(current_user._get_current_object())), status


def _language_form() -> LanguageForm:
    """The Account page's language and time zone, with "not chosen" first: the browser's
    language and the company's time zone."""
    user = current_user._get_current_object()
    form = LanguageForm(prefix="lt", data={"locale": user.locale or "", "timezone": user.timezone or ""}
                        if request.method == "GET" else None)
    company_zone = (user.company.timezone if user.company else None) or "UTC"
    form.locale.choices = [("", _("The language of my browser")), *LOCALE_CHOICES]
    form.timezone.choices = [("", _("The company's time zone (%(zone)s)", zone=company_zone) if user.company
                              else "UTC"), *((z, z.replace("_", " ")) for z in time_zones())]
    return form
