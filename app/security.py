"""Sessions, roles, locale and the response headers every page carries."""

from __future__ import annotations

import logging
import re
import unicodedata
from functools import cache, wraps
from urllib.parse import unquote, urlsplit

from flask import Flask, abort, current_app, has_request_context, redirect, request, session, url_for
from flask.sessions import SecureCookieSessionInterface
from flask_login import current_user, logout_user

from app.clock import utcnow
from app.extensions import db, login_manager
from app.htmx import is_htmx

log = logging.getLogger(__name__)

CSP = ("default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
       "img-src 'self' data:; style-src 'self'; script-src 'self'")


def init_app(app: Flask) -> None:
    login_manager.login_view = "admin.login"
    login_manager.login_message = None
    login_manager.session_protection = None  # the session version below does the revocation
    app.before_request(_enforce_session_age)
    app.before_request(_enforce_two_factor)
    app.after_request(_headers)
    app.session_interface = SessionCookies()
    app.jinja_env.globals["csrf_token"] = csrf_token
    # Flask-WTF also hands every render a context with its own ``csrf_token`` (a context
    # processor), and a context wins over the globals: without this the global above was
    # never called and every page signed its token anew. Its ``csrf_meta_tag`` stays a global.
    processors = app.template_context_processors[None]
    processors[:] = [p for p in processors if getattr(p, "__module__", None) != "flask_wtf.csrf"]
    _rate_limits_where_they_apply(app)


class SessionCookies(SecureCookieSessionInterface):
    """Flask's signed session cookie, its serializer built once per signing key rather than on
    every request (``get_signing_serializer``: ~1% of a recruiter page). Keyed by the secret key
    and the fallback keys as they are when the request comes, so a key changed in the config
    signs and verifies with the new keys from the next request on; the serializer holds no
    state of a request. The cookie, its signature and its checks are Flask's own."""

    def __init__(self) -> None:
        self._serializers: dict[tuple, object] = {}

    def get_signing_serializer(self, app: Flask):
        fallbacks = app.config["SECRET_KEY_FALLBACKS"]
        key = (app.secret_key, tuple(fallbacks) if fallbacks else ())
        serializer = self._serializers.get(key)
        if serializer is None:
            serializer = super().get_signing_serializer(app)
            if serializer is None:  # no secret key: no session, as Flask answers it
                return None
            if len(self._serializers) >= 8:
                self._serializers.clear()
            self._serializers[key] = serializer
        return serializer


def _rate_limits_where_they_apply(app: Flask) -> None:
    """Flask-Limiter's ``before_request`` check only on requests a registered limit can apply
    to. The extension resolves a route's limits on every request (blueprints, exemptions,
    decorated and hinted limits: ~5% of a recruiter page), and nearly every limit of Haku is
    ``methods=["POST"]``, so on a GET it resolves them to nothing. Whether anything can apply
    is worked out on the first request of each (endpoint, method) from the limits actually
    registered (the blueprint's and its parents', the view's own, with their methods; they are
    declared as the views are imported, before any request) — not a blanket GET exemption: a
    limit without ``methods`` (the partner API's) or one naming GET still applies. Limits for
    every request (application, default and meta limits, the in-memory fallback) turn this
    off; an endpoint whose view met a limit on another callable (Flask-Limiter's hints) is
    always checked. The views' own checks (``limiter.limit`` on a view) are not touched."""
    from flask_limiter.util import get_qualified_name

    from app.extensions import limiter

    hooks = app.before_request_funcs.get(None, [])
    if limiter._check_request_limit not in hooks:  # rate limiting is off for this app
        return
    manager = limiter.limit_manager
    answers: dict[tuple[str, str], bool] = {}

    def applies(endpoint: str, blueprint: str | None, method: str) -> bool:
        if (manager.application_limits or manager.default_limits or getattr(limiter, "_meta_limits", True)
                or getattr(limiter, "_in_memory_fallback_enabled", True)):
            return True
        limits = manager.blueprint_limits(app, blueprint) if blueprint else []
        view = app.view_functions.get(endpoint)
        if view is not None:
            limits = [*limits, *manager.decorated_limits(get_qualified_name(view))]
        method = method.lower()
        return any(limit.methods is None or method in limit.methods for limit in limits)

    def check_rate_limits():
        endpoint = request.endpoint
        if endpoint and not manager.has_hints(endpoint):
            key = (endpoint, request.method)
            answer = answers.get(key)
            if answer is None:
                answer = answers[key] = applies(endpoint, request.blueprint, request.method)
            if not answer:
                return None
        return limiter._check_request_limit()

    hooks[hooks.index(limiter._check_request_limit)] = check_rate_limits


#: Signed CSRF tokens by (signing key, the session's raw token), at most ``_CSRF_KEPT``.
_CSRF_TOKENS: dict[tuple, str] = {}
_CSRF_KEPT = 4096


def csrf_token() -> str:
    """``csrf_token()`` in templates: Flask-WTF's ``generate_csrf`` signs the session's raw
    token anew on every request (a serializer, JSON, base64 and an HMAC). With
    ``WTF_CSRF_TIME_LIMIT = None`` the signature carries no expiry that matters, so every
    signature of the same raw token is equally valid and one is reused (per process, by the
    raw token and the key: nothing to invalidate — a logout clears the session and with it the
    raw token, so the next session's token is another key). With a time limit set, a token
    is signed per request as before."""
    from flask import g
    from flask_wtf.csrf import generate_csrf

    config = current_app.config
    field = config.get("WTF_CSRF_FIELD_NAME", "csrf_token")
    if field in g:  # this request's token, made or taken already: what generate_csrf returns then
        return g.get(field)
    if config.get("WTF_CSRF_TIME_LIMIT", 3600) is not None:
        return generate_csrf()
    secret = config.get("WTF_CSRF_SECRET_KEY") or current_app.secret_key
    raw = session.get(field)
    token = _CSRF_TOKENS.get((secret, field, raw)) if isinstance(raw, str) else None
    if token is not None:
        setattr(g, field, token)  # the forms of this request (generate_csrf) use it too
        return token
    token = generate_csrf()
    raw = session.get(field)  # on a session's first page, the raw token generate_csrf just made
    if isinstance(raw, str):
        if len(_CSRF_TOKENS) >= _CSRF_KEPT:
            _CSRF_TOKENS.clear()
        _CSRF_TOKENS[(secret, field, raw)] = token
    return token


_USER_STATEMENTS: dict[bool, object] = {}


def _user_statement(with_bell: bool = False):
    """The user with their company and two-factor record, one statement built once per process
    (a bound parameter): every admin page reads the company (two-factor rule, language, time
    zone, panels), and the session's identity map holds objects weakly, so a company fetched by
    id and dropped was fetched again by the next reader (2-3 SELECTs per page); the two-factor
    record answers ``_enforce_two_factor`` (a SELECT per page for staff and for companies that
    require two-factor sign-in). Logout, a password change and a 2FA reset still take effect
    on the next request: the row is read on every request, only in one statement.

    ``with_bell``: the bell's unread count rides along as a scalar subquery (an index-only
    count over ``ix_notifications_user_unread``), for the requests that draw the bell (a full
    admin page, the bell's own poll): one round trip instead of two."""
    statement = _USER_STATEMENTS.get(with_bell)
    if statement is None:
        from sqlalchemy import bindparam, select
        from sqlalchemy.orm import joinedload

        from app.accounts.models import User

        columns = [User]
        if with_bell:
            from app.messaging.services import unread_on_page

            columns.append(unread_on_page().label("bell"))
        statement = _USER_STATEMENTS[with_bell] = select(*columns).options(
            joinedload(User.company), joinedload(User.two_factor)).where(User.id == bindparam("uid"))
    return statement


def _draws_bell() -> bool:
    """Whether this request's answer shows the bell's figure: a full admin page (a GET that is
    not an htmx swap renders the layout) or the bell's own poll."""
    if not has_request_context() or request.blueprint != "admin" or request.method != "GET":
        return False
    return not is_htmx() or request.endpoint == "admin.notifications_badge"


@login_manager.user_loader
def load_user(user_id: str):
    uid, _, version = user_id.partition(":")
    try:
        uid = int(uid)
    except ValueError:
        return None
    bell = None
    if _draws_bell():
        row = db.session.execute(_user_statement(True), {"uid": uid, "bell_user_id": uid}).first()
        user, bell = (row[0], row[1]) if row is not None else (None, None)
    else:
        user = db.session.scalars(_user_statement(), {"uid": uid}).first()
    if user is None or not user.is_enabled or str(user.session_version) != version:
        return None
    if bell is not None:
        from app.messaging.services import remember_unread

        remember_unread(uid, bell)
    return user


@login_manager.unauthorized_handler
def _unauthorized():
    login = url_for("admin.login", next=request.full_path if request.method == "GET" else None)
    if is_htmx():
        response = current_app.response_class("", status=401)
        response.headers["HX-Redirect"] = login
        return response
    return redirect(login)


def _enforce_session_age():
    """Idle 30 min and absolute 12 h for admin sessions."""
    if "_user_id" not in session:
        return
    now = utcnow().timestamp()
    idle = current_app.config["SESSION_IDLE_MINUTES"] * 60
    absolute = current_app.config["PERMANENT_SESSION_LIFETIME"].total_seconds()
    last, started = session.get("seen", now), session.get("login_at", now)
    if now - last > idle or now - started > absolute:
        logout_user()
        session.clear()
        return
    if now - last > 60:  # avoid a Set-Cookie on every request
        session["seen"] = now


#: What a user who must enrol in two-factor sign-in may still open.
TWO_FACTOR_ENROLMENT = {"admin.two_factor", "admin.two_factor_start", "admin.two_factor_confirm", "admin.logout",
                        "admin.login", "admin.login_code"}


def _enforce_two_factor():
    """Staff, and users of a company that requires it, reach nothing behind the login
    until they have set up two-factor sign-in."""
    if request.blueprint not in ("admin", "staff") or request.endpoint in TWO_FACTOR_ENROLMENT:
        return None
    if not current_user.is_authenticated:
        return None
    from app.accounts import twofactor

    if not twofactor.needs_enrolment(current_user):
        return None
    target = url_for("admin.two_factor")
    if is_htmx():
        response = current_app.response_class("", status=401)
        response.headers["HX-Redirect"] = target
        return response
    return redirect(target)


def _headers(response):
    """The security headers every answer carries, a header the view set itself left as it is.
    The names present are read once: Werkzeug's ``Headers.setdefault`` scans the list three
    times and raises (and catches) an HTTP ``KeyError`` for every header it adds, ~4% of a
    recruiter page for these five. Same headers, values and order as ``setdefault`` gives."""
    headers = response.headers
    present = {name.lower() for name, _ in headers}
    missing = [(name, value) for name, value in (
        ("Content-Security-Policy", CSP), ("X-Content-Type-Options", "nosniff"), ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", "no-referrer" if request.blueprint in ("portal", None) else "same-origin"),
    ) if name.lower() not in present]
    for name, value in missing:
        headers.add(name, value)
    if _private(request.endpoint):
        headers["Cache-Control"] = "no-store"
    if current_app.config.get("NAME") == "production" and "strict-transport-security" not in present:
        headers.add("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
    if response.mimetype == "text/html" and "charset" not in (response.content_type or ""):
        response.content_type = "text/html; charset=utf-8"
    headers.add("Vary", "HX-Request")
    return response


def _private(endpoint: str | None) -> bool:
    """Pages with someone's data: everything behind a login, a candidate's EMREX pages and
    the CV link sent to assessment vendors. Never cached by browsers or proxies."""
    if endpoint and endpoint.startswith(("admin.", "staff.", "portal.emrex", "partner_api.")):
        return True
    try:
        return bool(getattr(current_user, "is_authenticated", False))
    except Exception:
        return True


from app.i18n import current_locale  # noqa: F401  (views import it from here)


def select_locale() -> str:
    """A language picked for this session (``?lang=``, kept in the session) first. Then, on
    candidate and public pages, the browser's; for a signed-in admin or staff user, their own
    choice (Account page), else the browser's, else the company's default language."""
    if not has_request_context():  # a task, the CLI or a test reading a service's error
        return "en"
    languages = current_app.config["LANGUAGES"]
    chosen = request.args.get("lang")
    if chosen in languages:
        session["lang"] = chosen
        return chosen
    if session.get("lang") in languages:
        return session["lang"]
    user = _signed_in_user()
    if user is None:
        return request.accept_languages.best_match(languages) or "en"
    if user.locale in languages:
        return user.locale
    company_default = user.company.default_locale if user.company else None
    return request.accept_languages.best_match(languages) or (company_default if company_default in languages
                                                               else "en")


@cache
def _parsed_locale(code: str):
    from babel import Locale

    return Locale.parse(code)


def select_babel_locale():
    """``select_locale`` as the parsed ``babel.Locale`` Flask-Babel wants, parsed once per
    process and language (``Locale.parse`` of a code checks the locale data files on disk
    every time: a public page's largest cost after its cache lookup)."""
    return _parsed_locale(select_locale())


def select_timezone() -> str | None:
    """The signed-in user's time zone, else their company's; None (UTC) otherwise."""
    from app.i18n import valid_time_zone

    user = _signed_in_user()
    if user is None:
        return None
    return valid_time_zone(user.timezone) or valid_time_zone(user.company.timezone if user.company else None)


def _signed_in_user():
    """The admin or staff user of this request, if one is signed in; None on candidate pages."""
    if not has_request_context() or request.blueprint not in ("admin", "staff"):
        return None
    try:
        return current_user._get_current_object() if current_user.is_authenticated else None
    except Exception:  # no login manager on this request (e.g. an error page before it ran)
        return None


# ---------------------------------------------------------------- role checks

def _allowed(kind: str) -> bool:
    """Whether the logged-in user may use a view guarded as ``kind``."""
    if kind == "company":
        return current_user.company_id is not None
    if kind == "admin":
        return current_user.company_id is not None and current_user.is_company_admin
    if kind == "staff":
        return current_user.is_staff
    return kind == "user"


def _role_allows(endpoint: str | None) -> bool:
    """The role's permission for a company route (app/accounts/access.py decides; a broken
    check refuses)."""
    from app.accounts import access

    try:
        return access.route_allowed(current_user, endpoint)
    except Exception:
        log.warning("role check failed on %s; refused", endpoint, exc_info=True)
        return False


def _guard(kind: str, refusal: int):
    """The one shape of every auth decorator: anonymous → login; a failed or broken check →
    ``refusal`` (fail closed: an exception in the check never lets the request through, and
    it is logged)."""

    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            try:
                authenticated = current_user.is_authenticated
                allowed = authenticated and _allowed(kind)
            except Exception:
                log.warning("permission check failed (%s) on %s; refused", kind, request.endpoint, exc_info=True)
                abort(403)
            if not authenticated:
                return login_manager.unauthorized()
            if not allowed:
                abort(refusal)
            if kind == "company" and not _role_allows(request.endpoint):
                abort(403)
            return view(*args, **kwargs)

        wrapper.haku_auth = kind
        return wrapper

    return decorator


#: A logged-in recruiter or company admin; staff have no tenant and get 404.
company_user_required = _guard("company", 404)
#: A company admin of the current company.
admin_required = _guard("admin", 403)
#: Platform staff.
staff_required = _guard("staff", 403)
#: Anyone logged in (logout, the own account page).
login_required_any = _guard("user", 403)


def public(view):
    """Marks a view as deliberately public (the route-walk test reads the mark)."""
    view.haku_auth = "public"
    return view


#: A path and query made only of RFC 3986 characters (no space, control, backslash or non-ASCII).
_PATH = re.compile(r"/[A-Za-z0-9\-._~!$&'()*+,;=:@/%?]*")


def safe_next(target: str | None) -> str | None:
    """``target`` if it is a path on this site, else None (the caller's default page).

    Browsers drop tabs and newlines from URLs, read ``\\`` as ``/`` and percent-decode
    before some of their checks, so ``/%09/evil.example`` or ``/\\evil.example`` would
    leave the site. Only plain ASCII paths pass, and the path must still be a path after
    percent-decoding (no ``//`` host, scheme, backslash, space or control character hidden
    in ``%xx``)."""
    if not target or len(target) > 2000 or not _PATH.fullmatch(target):
        return None
    decoded = target.split("?", 1)[0]  # the path: what is encoded in the query stays there
    for _ in range(3):  # double and triple encoding
        decoded = unquote(decoded)
    if (decoded.startswith(("//", "/\\")) or "\\" in decoded or any(ord(c) < 0x21 or ord(c) == 0x7F for c in decoded)
            or any(unicodedata.category(c)[0] in "ZC" for c in decoded)):
        return None
    parts = urlsplit(decoded)
    if parts.scheme or parts.netloc or not parts.path.startswith("/") or parts.path.startswith("//"):
        return None
    return target

