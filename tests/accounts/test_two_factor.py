"""Two-factor sign-in (SECURITY_BAR item 46, issue 11 §2.8): TOTP enrolment, the code step
after the password, replay and window rules, recovery codes, the staff and company
requirements, and every bad input leaving things as they were. Codes are real pyotp codes
computed from the secret stored (encrypted) in the database; freezegun moves the clock."""

from __future__ import annotations

import re
import threading
import time
from datetime import UTC, datetime, timedelta

import pyotp
import pytest
from freezegun import freeze_time
from sqlalchemy import func, select

from app import secrets
from app.accounts import twofactor
from app.accounts.models import Company, RecoveryCode, TwoFactor, User
from app.audit import AuditEntry
from app.extensions import db
from tests.support.builders import PASSWORD, STAFF_TOTP_SECRET
from tests.support.clients import Auth
from tests.support.routes import assert_walked, placeholder_url

T0 = datetime(2026, 12, 6, 8, 0, 10)  # set per test by _clock: 10 s into the current 30-second step


@pytest.fixture(autouse=True)
def _clock():
    """The frozen moment is 10 s into the next 30-second step: just after the real clock,
    since a session cookie signed "in the future" is refused (cookies made before the freeze
    stay good; a test keeps using a cookie made while frozen only while frozen, or later)."""
    global T0
    now = int(time.time())
    T0 = datetime.fromtimestamp(now - now % 30 + 40, UTC).replace(tzinfo=None)
OTHER_SECRET = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU"


def user_by(email: str) -> User:
    db.session.expire_all()
    return db.session.scalar(select(User).where(User.email == email))


def secret_of(email: str) -> str:
    user = user_by(email)
    row = twofactor.record_of(user)
    return secrets.decrypt(row.secret_enc, purpose=twofactor.secret_purpose(user.id))


def code(secret: str, when: datetime) -> str:
    return pyotp.TOTP(secret).at(when.replace(tzinfo=UTC))


def password_step(client, email: str, password: str = PASSWORD, next_url: str | None = None):
    url = "/admin/login" + (f"?next={next_url}" if next_url else "")
    return client.post(url, data={"email": email, "password": password})


def code_step(client, value: str):
    return client.post("/admin/login/code", data={"code": value})


def logged_in_as(client) -> str | None:
    with client.session_transaction() as sess:
        return sess.get("_user_id")


def audit_actions(user: User) -> list[str]:
    return list(db.session.scalars(select(AuditEntry.action).where(AuditEntry.object == f"user:{user.id}")
                                   .order_by(AuditEntry.id)))


@pytest.fixture
def admin_2fa(make):
    """Acme's admin with an authenticator (key OTHER_SECRET) and its recovery codes."""
    company = make.company("acme", "Acme Oy")
    admin = make.admin_of(company)
    codes = twofactor.enrol_known_secret(admin, OTHER_SECRET)
    return {"company": company, "user": admin, "codes": codes, "email": admin.email}


# ---------------------------------------------------------------- sign-in: the code step

def test_bar_46_password_step_alone_reaches_no_page(app, client, admin_2fa):
    resp = password_step(client, admin_2fa["email"])
    assert resp.status_code == 302 and resp.headers["Location"] == "/admin/login/code"
    assert logged_in_as(client) is None  # nothing half-signed-in in the cookie
    for url in ("/admin/", "/admin/account", "/admin/account/two-factor", "/admin/settings", "/admin/jobs",
                "/staff/"):
        page = client.get(url)
        assert page.status_code == 302 and page.headers["Location"].startswith("/admin/login"), url
    private, walked = set(), set()
    for rule in app.url_map.iter_rules():  # every private page, as htmx asks for it
        auth = getattr(app.view_functions[rule.endpoint], "haku_auth", None)
        if auth in (None, "public") or "GET" not in rule.methods:
            continue
        private.add(rule.endpoint)
        url = placeholder_url(rule)
        hx = client.get(url, headers={"HX-Request": "true"})
        assert hx.status_code == 401 and "/admin/login" in hx.headers["HX-Redirect"], url
        walked.add(rule.endpoint)
    assert assert_walked(walked, private) > 15
    page = client.get("/admin/login/code")
    assert page.status_code == 200 and "Enter your code" in page.get_data(as_text=True)


def test_bar_46_the_right_code_signs_in_and_keeps_next(client, admin_2fa):
    with freeze_time(T0):
        password_step(client, admin_2fa["email"], next_url="/admin/jobs")
        resp = code_step(client, code(OTHER_SECRET, T0))
        assert resp.status_code == 302 and resp.headers["Location"] == "/admin/jobs"
        assert client.get("/admin/").status_code == 200
    user = user_by(admin_2fa["email"])
    assert audit_actions(user)[-1] == "login"
    with client.session_transaction() as sess:
        assert twofactor.PENDING_KEY not in sess  # the pending mark went with the pre-login session


@pytest.mark.parametrize("offset,ok", [(-60, False), (-30, True), (0, True), (30, True), (60, False)])
def test_bar_46_codes_are_accepted_one_step_either_way(client, admin_2fa, offset, ok):
    with freeze_time(T0):
        password_step(client, admin_2fa["email"])
        resp = code_step(client, code(OTHER_SECRET, T0 + timedelta(seconds=offset)))
        assert (resp.status_code == 302) is ok, resp.status_code
        assert (logged_in_as(client) is not None) is ok
        if not ok:
            assert resp.status_code == 422 and "That code is not right" in resp.get_data(as_text=True)


def test_bar_46_replayed_code_is_refused(app, client, admin_2fa):
    email = admin_2fa["email"]
    with freeze_time(T0):
        password_step(client, email)
        first = code(OTHER_SECRET, T0)
        assert code_step(client, first).status_code == 302
        client.post("/admin/logout")
        password_step(client, email)
        counter = twofactor.record_of(user_by(email)).last_counter
        again = code_step(client, first)
        assert again.status_code == 422 and "already used" in again.get_data(as_text=True)
        assert logged_in_as(client) is None and client.get("/admin/").status_code == 302
        assert twofactor.record_of(user_by(email)).last_counter == counter
        # an older code than the one used is a replay too; the next step's code still works
        assert code_step(client, code(OTHER_SECRET, T0 - timedelta(seconds=30))).status_code == 422
        assert code_step(client, code(OTHER_SECRET, T0 + timedelta(seconds=30))).status_code == 302
    assert "two_factor_failed" in audit_actions(user_by(email))


def test_bar_46_a_code_raced_twice_is_accepted_once(app, admin_2fa):
    """Two requests with the same code at once: the step is stored with a conditional
    UPDATE, so the second one loses even when it read the row before the first wrote."""
    user = admin_2fa["user"]
    row = twofactor.record_of(user)
    with freeze_time(T0):
        value = code(OTHER_SECRET, T0)
        twofactor._consume_totp(row, user, value)
        db.session.commit()
        from sqlalchemy.orm.attributes import set_committed_value

        set_committed_value(row, "last_counter", None)  # as the racing request read it
        with pytest.raises(twofactor.TwoFactorError) as exc:
            twofactor._consume_totp(row, user, value)
        assert exc.value.code == "code_used"


def test_bar_46_recovery_code_is_single_use_and_leaves_the_rest(client, admin_2fa):
    email, codes = admin_2fa["email"], admin_2fa["codes"]
    user = admin_2fa["user"]
    assert len(codes) == 10 and len(set(codes)) == 10
    stored = db.session.scalars(select(RecoveryCode.code_hash).where(RecoveryCode.user_id == user.id)).all()
    assert len(stored) == 10 and not any(c.replace("-", "") in h or c in h for c in codes for h in stored)
    password_step(client, email)
    resp = code_step(client, codes[3].upper().replace("-", " "))  # typed loosely
    assert resp.status_code == 302 and logged_in_as(client) is not None
    assert "9 recovery codes are left" in client.get("/admin/").get_data(as_text=True)
    assert twofactor.recovery_codes_left(user_by(email)) == 9
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "recovery_code_used"))
    assert entry.object == f"user:{user.id}" and entry.after == {"remaining": 9}
    client.post("/admin/logout")
    password_step(client, email)
    reused = code_step(client, codes[3])
    assert reused.status_code == 422 and "already used" in reused.get_data(as_text=True)
    assert logged_in_as(client) is None and twofactor.recovery_codes_left(user_by(email)) == 9
    assert code_step(client, "aaaa-bbbb-cccc").status_code == 422
    assert code_step(client, codes[4]).status_code == 302
    assert twofactor.recovery_codes_left(user_by(email)) == 8


def test_bar_46_pending_step_expires_after_5_minutes(client, admin_2fa):
    with freeze_time(T0):
        password_step(client, admin_2fa["email"])
    late = T0 + timedelta(minutes=5, seconds=1)
    with freeze_time(late):
        resp = code_step(client, code(OTHER_SECRET, late))
        assert resp.status_code == 302 and resp.headers["Location"] == "/admin/login"
        assert logged_in_as(client) is None
        assert "took too long" in client.get("/admin/login").get_data(as_text=True)
    assert twofactor.record_of(user_by(admin_2fa["email"])).last_counter is None  # the code was not spent
    with freeze_time(T0 + timedelta(minutes=4, seconds=59)):
        password_step(client, admin_2fa["email"])
    with freeze_time(T0 + timedelta(minutes=9, seconds=58)):
        assert code_step(client, code(OTHER_SECRET, T0 + timedelta(minutes=9, seconds=58))).status_code == 302


def test_bar_46_another_users_code_or_id_does_not_finish_my_step(client, make, admin_2fa):
    other = make.user(admin_2fa["company"], email="other@acme.test")
    twofactor.enrol_known_secret(other, STAFF_TOTP_SECRET)
    with freeze_time(T0):
        password_step(client, admin_2fa["email"])
        resp = client.post("/admin/login/code", data={"code": code(STAFF_TOTP_SECRET, T0), "uid": other.id,
                                                      "user_id": other.id})
        assert resp.status_code == 422 and logged_in_as(client) is None
        assert twofactor.record_of(user_by("other@acme.test")).last_counter is None
        # the step belongs to the session that gave the password: a fresh browser has none
        stranger = client.application.test_client()
        assert code_step(stranger, code(OTHER_SECRET, T0)).status_code == 302
        assert logged_in_as(stranger) is None


def test_bar_46_pending_step_ends_when_the_account_changes(client, admin_2fa):
    from app.accounts import services

    with freeze_time(T0):
        password_step(client, admin_2fa["email"])
        services.set_user_enabled(user_by(admin_2fa["email"]), False)
        resp = code_step(client, code(OTHER_SECRET, T0))
        assert resp.status_code == 302 and resp.headers["Location"] == "/admin/login"
        assert logged_in_as(client) is None


def test_bar_46_code_step_is_rate_limited_per_account(app_config, admin_2fa, make):
    from app import create_app
    from tests.support.clients import FreshGClient

    limited = create_app({**app_config, "RATELIMIT_ENABLED": True})
    limited.test_client_class = FreshGClient
    other = make.user(admin_2fa["company"], email="other@acme.test")
    twofactor.enrol_known_secret(other, STAFF_TOTP_SECRET)
    with freeze_time(T0):
        attacker = limited.test_client()
        password_step(attacker, admin_2fa["email"])
        statuses = [code_step(attacker, f"{n:06d}").status_code for n in range(6)]
        assert statuses == [422] * 5 + [429]
        blocked = code_step(attacker, code(OTHER_SECRET, T0))
        assert blocked.status_code == 429 and logged_in_as(attacker) is None
        again = limited.test_client()  # starting over with the password does not reset the count
        password_step(again, admin_2fa["email"])
        assert code_step(again, code(OTHER_SECRET, T0)).status_code == 429
        colleague = limited.test_client()
        password_step(colleague, "other@acme.test")
        assert code_step(colleague, code(STAFF_TOTP_SECRET, T0)).status_code == 302


def test_bar_46_forms_without_csrf_are_refused_and_change_nothing(app, admin_2fa):
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        client = app.test_client()
        page = client.get("/admin/login").get_data(as_text=True)
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
        with freeze_time(T0):
            resp = client.post("/admin/login", data={"email": admin_2fa["email"], "password": PASSWORD,
                                                     "csrf_token": token})
            assert resp.headers["Location"] == "/admin/login/code"
            assert code_step(client, code(OTHER_SECRET, T0)).status_code == 400
            assert logged_in_as(client) is None
            assert twofactor.record_of(user_by(admin_2fa["email"])).last_counter is None
            ok = client.post("/admin/login/code", data={"code": code(OTHER_SECRET, T0), "csrf_token": token})
            assert ok.status_code == 302 and logged_in_as(client) is not None
            before = (twofactor.record_of(user_by(admin_2fa["email"])).pending_secret_enc,
                      twofactor.recovery_codes_left(user_by(admin_2fa["email"])))
            for url, data in (("/admin/account/two-factor/start", {}),
                              ("/admin/account/two-factor/disable", {"off-proof": PASSWORD}),
                              ("/admin/account/two-factor/recovery-codes", {"rc-proof": PASSWORD}),
                              ("/admin/settings/two-factor", {"required": "y"})):
                assert client.post(url, data=data).status_code == 400, url
            assert (twofactor.record_of(user_by(admin_2fa["email"])).pending_secret_enc,
                    twofactor.recovery_codes_left(user_by(admin_2fa["email"]))) == before
            assert twofactor.is_enabled(user_by(admin_2fa["email"]))
            assert not db.session.get(Company, admin_2fa["company"].id).two_factor_required
    finally:
        app.config["WTF_CSRF_ENABLED"] = False


# ---------------------------------------------------------------- enrolment

def _enrol_through_pages(client) -> tuple[str, list[str]]:
    """Set up 2FA on the account page as a person would: returns (secret, recovery codes)."""
    page = client.get("/admin/account/two-factor").get_data(as_text=True)
    assert "Set up two-factor sign-in" in page and "qr-code" not in page  # GET never makes a secret
    resp = client.post("/admin/account/two-factor/start")
    assert resp.status_code == 303
    page = client.get("/admin/account/two-factor").get_data(as_text=True)
    secret = re.search(r'id="totp-secret"[^>]*>([A-Z2-7 ]+)<', page).group(1).replace(" ", "")
    assert '<svg' in page and 'class="qr-code"' in page
    now = datetime.now(UTC).replace(tzinfo=None)
    resp = client.post("/admin/account/two-factor/confirm", data={"tf-code": code(secret, now)})
    assert resp.status_code == 200, resp.status_code
    codes = re.findall(r"<li><code>([a-z0-9-]+)</code></li>", resp.get_data(as_text=True))
    return secret, codes


def test_bar_46_enrolment_shows_qr_and_key_and_needs_a_code(app, client, auth, make):
    company = make.company("acme", "Acme Oy")
    version = user_by("admin@acme.test").session_version
    with freeze_time(T0):
        auth.login("admin@acme.test")
        assert client.post("/admin/account/two-factor/start").status_code == 303
        row = twofactor.record_of(user_by("admin@acme.test"))
        secret = twofactor.pending_secret(user_by("admin@acme.test"))
        current_kid = app.config["HAKU_ENCRYPTION_KEYS"].split(",")[0].split(":")[0]
        assert secret and secret not in row.pending_secret_enc and row.pending_secret_enc.startswith(current_kid + ":")
        page = client.get("/admin/account/two-factor")
        body = page.get_data(as_text=True)
        grouped = " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))
        assert grouped in body
        # the QR code is exactly the otpauth address of this key, drawn inline (no image request)
        import segno

        uri = twofactor.provisioning_uri(user_by("admin@acme.test"), secret)
        assert uri.startswith("otpauth://totp/Haku:admin%40acme.test?secret=" + secret)
        expected = segno.make(uri, error="m").svg_inline(scale=1, border=4, omitsize=True, dark="#000",
                                                         light="#fff", svgclass="qr-code",
                                                         title="QR code for your authenticator app")
        assert expected in body and "<img" not in body
        assert 'href="otpauth://totp/Haku:admin%40acme.test?secret=' + secret in body  # for a phone-only setup
        from tests.support.html import inline_problems

        assert inline_problems(page) == []
        wrong = client.post("/admin/account/two-factor/confirm", data={"tf-code": "000000"})
        assert wrong.status_code == 422 and "That code is not right" in wrong.get_data(as_text=True)
        assert not twofactor.is_enabled(user_by("admin@acme.test"))
        assert db.session.scalar(select(func.count(RecoveryCode.id))) == 0
        ok = client.post("/admin/account/two-factor/confirm", data={"tf-code": code(secret, T0)})
        assert ok.status_code == 200
        codes = re.findall(r"<li><code>([a-z0-9-]+)</code></li>", ok.get_data(as_text=True))
        assert len(codes) == 10 and all(re.fullmatch(r"[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}", c) for c in codes)
        assert "haku-recovery-codes.txt" in ok.get_data(as_text=True)
        user = user_by("admin@acme.test")
        row = twofactor.record_of(user)
        assert twofactor.is_enabled(user) and row.pending_secret_enc is None and secret not in row.secret_enc
        assert user.session_version == version + 1
        assert "two_factor_enabled" in audit_actions(user)
        assert client.get("/admin/").status_code == 200  # this browser stays signed in
        # the recovery-codes page is not shown again: the codes exist only as hashes now
        assert not any(c in client.get("/admin/account/two-factor").get_data(as_text=True) for c in codes)
    assert company.id


def test_bar_46_enabling_ends_other_sessions(app, make):
    make.company("acme")
    mine, other = app.test_client(), app.test_client()
    for c in (mine, other):
        Auth(c).login("admin@acme.test")
    _enrol_through_pages(mine)
    assert mine.get("/admin/").status_code == 200
    assert other.get("/admin/").status_code == 302


def test_bar_46_confirm_without_a_started_setup_or_with_a_replaced_key(client, auth, make):
    make.company("acme")
    auth.login("admin@acme.test")
    resp = client.post("/admin/account/two-factor/confirm", data={"tf-code": "123456"})
    assert resp.status_code == 422 and "start again" in resp.get_data(as_text=True)
    client.post("/admin/account/two-factor/start")
    first = twofactor.pending_secret(user_by("admin@acme.test"))
    client.post("/admin/account/two-factor/start")  # a second tab started over
    now = datetime.now(UTC).replace(tzinfo=None)
    stale = client.post("/admin/account/two-factor/confirm", data={"tf-code": code(first, now)})
    assert stale.status_code == 422 and not twofactor.is_enabled(user_by("admin@acme.test"))


def test_bar_46_moving_to_a_new_phone(client, auth, admin_2fa):
    email = admin_2fa["email"]
    with freeze_time(T0):
        auth.login(email, code=code(OTHER_SECRET, T0))
        client.post("/admin/account/two-factor/start")
        new_secret = twofactor.pending_secret(user_by(email))
        assert twofactor.is_enabled(user_by(email))  # the old phone still works meanwhile
        resp = client.post("/admin/account/two-factor/confirm", data={"tf-code": code(new_secret, T0)})
        assert resp.status_code == 303
    assert secret_of(email) == new_secret and twofactor.recovery_codes_left(user_by(email)) == 10
    assert "two_factor_replaced" in audit_actions(user_by(email))
    later = T0 + timedelta(minutes=1)
    with freeze_time(later):
        client.post("/admin/logout")
        password_step(client, email)
        assert code_step(client, code(OTHER_SECRET, later)).status_code == 422
        assert code_step(client, code(new_secret, later)).status_code == 302


def test_bar_46_secret_is_encrypted_and_rotates_with_the_keys(app, runner, admin_2fa):
    import base64
    import os

    email = admin_2fa["email"]
    row = twofactor.record_of(user_by(email))
    old_kid = row.secret_enc.split(":", 1)[0]
    assert OTHER_SECRET not in row.secret_enc
    new_key = f"k2026:{base64.b64encode(os.urandom(32)).decode()}"
    app.config["HAKU_ENCRYPTION_KEYS"] = f"{new_key},{app.config['HAKU_ENCRYPTION_KEYS']}"
    result = runner.invoke(args=["secrets", "reencrypt"])
    assert result.exit_code == 0 and "user_two_factor.secret_enc: 1 re-encrypted" in result.output
    row = twofactor.record_of(user_by(email))
    assert row.secret_enc.startswith("k2026:") and not row.secret_enc.startswith(old_kid + ":")
    app.config["HAKU_ENCRYPTION_KEYS"] = new_key  # the old key is gone: the secret still works
    assert secret_of(email) == OTHER_SECRET


# ---------------------------------------------------------------- turning off, new recovery codes

def test_bar_46_turning_off_needs_the_password_or_a_current_code(app, client, auth, admin_2fa):
    email = admin_2fa["email"]
    with freeze_time(T0):
        auth.login(email, code=code(OTHER_SECRET, T0 - timedelta(seconds=30)))
        other = app.test_client()
        Auth(other).login(email, code=code(OTHER_SECRET, T0))
        for proof in ("not my password", "123456", code(OTHER_SECRET, T0)):  # wrong, wrong, replayed
            resp = client.post("/admin/account/two-factor/disable", data={"off-proof": proof})
            assert resp.status_code == 422, proof
        assert "neither your password nor a current code" in resp.get_data(as_text=True) or "already used" in \
            resp.get_data(as_text=True)
        assert twofactor.is_enabled(user_by(email)) and other.get("/admin/").status_code == 200
        resp = client.post("/admin/account/two-factor/disable",
                           data={"off-proof": code(OTHER_SECRET, T0 + timedelta(seconds=30))})
        assert resp.status_code == 303
        user = user_by(email)
        assert not twofactor.is_enabled(user) and twofactor.recovery_codes_left(user) == 0
        assert db.session.scalar(select(func.count(TwoFactor.id))) == 0
        entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "two_factor_disabled"))
        assert entry.after == {"proof": "code"}
        assert client.get("/admin/").status_code == 200 and other.get("/admin/").status_code == 302
        client.post("/admin/logout")
        assert password_step(client, email).headers["Location"] == "/admin/"  # the password alone again


def test_bar_46_turning_off_with_the_password(client, auth, admin_2fa):
    with freeze_time(T0):
        auth.login(admin_2fa["email"], code=code(OTHER_SECRET, T0))
        assert client.post("/admin/account/two-factor/disable", data={"off-proof": PASSWORD}).status_code == 303
    assert not twofactor.is_enabled(user_by(admin_2fa["email"]))


def test_bar_46_staff_cannot_turn_it_off(client, auth, make):
    make.staff()
    auth.login("staff@haku.test")
    page = client.get("/admin/account/two-factor").get_data(as_text=True)
    assert "cannot be turned off" in page and 'action="/admin/account/two-factor/disable"' not in page
    resp = client.post("/admin/account/two-factor/disable", data={"off-proof": PASSWORD})
    assert resp.status_code == 422 and "cannot be turned off" in resp.get_data(as_text=True)
    assert twofactor.is_enabled(user_by("staff@haku.test"))


def test_bar_46_new_recovery_codes_replace_the_old_ones(app, client, auth, admin_2fa):
    email, old_codes = admin_2fa["email"], admin_2fa["codes"]
    auth.login(email, code=old_codes[0])
    other = app.test_client()
    Auth(other).login(email, code=old_codes[1])
    wrong = client.post("/admin/account/two-factor/recovery-codes", data={"rc-proof": "not it at all"})
    assert wrong.status_code == 422 and twofactor.recovery_codes_left(user_by(email)) == 8
    resp = client.post("/admin/account/two-factor/recovery-codes", data={"rc-proof": PASSWORD})
    assert resp.status_code == 200
    new_codes = re.findall(r"<li><code>([a-z0-9-]+)</code></li>", resp.get_data(as_text=True))
    assert len(new_codes) == 10 and not set(new_codes) & set(old_codes)
    assert twofactor.recovery_codes_left(user_by(email)) == 10
    assert "recovery_codes_regenerated" in audit_actions(user_by(email))
    assert client.get("/admin/").status_code == 200 and other.get("/admin/").status_code == 302
    client.post("/admin/logout")
    password_step(client, email)
    assert code_step(client, old_codes[2]).status_code == 422
    assert code_step(client, new_codes[0]).status_code == 302


# ---------------------------------------------------------------- who must have it

def test_bar_46_staff_without_2fa_cannot_reach_staff(app, client, make):
    make.staff(two_factor=False)
    make.company("acme")
    assert password_step(client, "staff@haku.test").headers["Location"] == "/staff/"
    companies = db.session.scalar(select(func.count(Company.id)))
    checked, staff, walked = 0, set(), set()
    for rule in app.url_map.iter_rules():
        if getattr(app.view_functions[rule.endpoint], "haku_auth", None) != "staff":
            continue
        staff.add(rule.endpoint)
        url = placeholder_url(rule)
        walked.add(rule.endpoint)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            resp = client.open(url, method=method, data={"name": "Evil Oy", "slug": "evil", "admin_name": "E",
                                                         "admin_email": "e@evil.test", "admin_password": PASSWORD})
            assert resp.status_code == 302 and resp.headers["Location"] == "/admin/account/two-factor", \
                f"{method} {url} → {resp.status_code}"
            hx = client.open(url, method=method, headers={"HX-Request": "true"})
            assert hx.status_code == 401 and hx.headers["HX-Redirect"] == "/admin/account/two-factor"
            checked += 1
    assert assert_walked(walked, staff) > 10
    assert checked > 10
    for url in ("/admin/account", "/admin/settings"):
        assert client.get(url).headers["Location"] == "/admin/account/two-factor"
    assert db.session.scalar(select(func.count(Company.id))) == companies
    page = client.get("/admin/account/two-factor").get_data(as_text=True)
    assert "Platform staff must use two-factor sign-in" in page and "Log out" in page
    _, codes = _enrol_through_pages(client)
    assert len(codes) == 10
    assert client.get("/staff/").status_code == 200


def test_bar_46_company_requirement_is_enforced(app, client, auth, make):
    company = make.company("acme", "Acme Oy")
    recruiter = make.user(company, email="rec@acme.test")
    auth.login("admin@acme.test")
    # an admin without 2FA cannot require it (and nothing changes)
    resp = client.post("/admin/settings/two-factor", data={"required": "y"})
    assert resp.status_code == 422 and "for your own account first" in resp.get_data(as_text=True)
    assert 'id="required" name="required" type="checkbox" value="y">' in resp.get_data(as_text=True)  # unticked
    assert not db.session.get(Company, company.id).two_factor_required
    _enrol_through_pages(client)
    resp = client.post("/admin/settings/two-factor", data={"required": "y"})
    assert resp.status_code == 303
    db.session.expire_all()
    assert db.session.get(Company, company.id).two_factor_required
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "two_factor_required"))
    assert entry.company_id == company.id and entry.before == {"two_factor_required": False} \
        and entry.after == {"two_factor_required": True}
    settings = client.get("/admin/settings/two-factor").get_data(as_text=True)
    assert "1 of 2 users have two-factor sign-in" in settings and "rec@acme.test" in settings
    # the recruiter is sent to enrolment after the password and reaches nothing else
    rec = app.test_client()
    resp = password_step(rec, "rec@acme.test")
    assert resp.headers["Location"] == "/admin/"
    for url in ("/admin/", "/admin/jobs", "/admin/applications", "/admin/account", "/admin/settings/email-templates"):
        assert rec.get(url).headers["Location"] == "/admin/account/two-factor", url
    assert "Acme Oy requires two-factor sign-in" in rec.get("/admin/account/two-factor").get_data(as_text=True)
    _enrol_through_pages(rec)
    assert rec.get("/admin/jobs").status_code == 200
    assert twofactor.is_enabled(user_by("rec@acme.test")) and recruiter.id
    # a recruiter cannot change the setting; another company is not affected
    assert rec.post("/admin/settings/two-factor", data={"required": ""}).status_code == 403
    other = make.company("bravo")
    bravo = app.test_client()
    assert password_step(bravo, "admin@bravo.test").headers["Location"] == "/admin/"
    assert bravo.get("/admin/jobs").status_code == 200 and not other.two_factor_required
    # a required user cannot turn it off
    resp = rec.post("/admin/account/two-factor/disable", data={"off-proof": PASSWORD})
    assert resp.status_code == 422 and twofactor.is_enabled(user_by("rec@acme.test"))


def test_bar_46_turning_the_requirement_off_is_audited(client, auth, admin_2fa):
    company = admin_2fa["company"]
    with freeze_time(T0):
        auth.login(admin_2fa["email"], code=code(OTHER_SECRET, T0))
        assert client.post("/admin/settings/two-factor", data={"required": "y"}).status_code == 303
        assert client.post("/admin/settings/two-factor", data={}).status_code == 303
    db.session.expire_all()
    assert not db.session.get(Company, company.id).two_factor_required
    rows = db.session.scalars(select(AuditEntry.after).where(AuditEntry.action == "two_factor_required")
                              .order_by(AuditEntry.id)).all()
    assert rows == [{"two_factor_required": True}, {"two_factor_required": False}]


# ---------------------------------------------------------------- operators

def test_staff_reset_two_factor_command(app, runner, make, admin_2fa):
    other = app.test_client()
    Auth(other).login(admin_2fa["email"], code=admin_2fa["codes"][0])
    result = runner.invoke(args=["staff", "reset-two-factor", admin_2fa["email"].upper()])
    assert result.exit_code == 0, result.output
    assert not twofactor.is_enabled(user_by(admin_2fa["email"]))
    assert db.session.scalar(select(func.count(RecoveryCode.id))) == 0
    assert other.get("/admin/").status_code == 302  # their sessions ended
    assert "two_factor_reset" in audit_actions(user_by(admin_2fa["email"]))
    assert runner.invoke(args=["staff", "reset-two-factor", "nobody@acme.test"]).exit_code != 0


def test_demo_staff_signs_in_with_the_printed_code(app, runner, client):
    from app import demo

    staff = _demo_staff_only()
    assert twofactor.is_enabled(staff) and secret_of("staff@haku.test") == demo.DEMO_STAFF_TOTP_SECRET
    result = runner.invoke(args=["demo", "code"])
    assert result.exit_code == 0 and re.fullmatch(r"\d{6}\n", result.output)
    assert runner.invoke(args=["demo", "code", "nobody@haku.test"]).exit_code != 0
    resp = Auth(client).login("staff@haku.test", password=demo.DEMO_PASSWORD, code=result.output.strip())
    assert resp.status_code == 302 and client.get("/staff/").status_code == 200


def _demo_staff_only() -> User:
    """The demo loader's staff step (the whole demo needs the sandboxes' data)."""
    from app import demo
    from app.accounts import services

    services.create_staff("staff@haku.test", "Stella Staff", demo.DEMO_PASSWORD)
    demo._ensure_staff_two_factor()
    demo._ensure_staff_two_factor()  # idempotent: the key stays the same
    return user_by("staff@haku.test")


def test_two_logins_at_once_with_one_code_sign_in_once(app, admin_2fa):
    """Two browsers send the same code at the same moment: one is signed in, one refused."""
    from tests.support.clients import FreshGClient

    app.test_client_class = FreshGClient
    clients = [app.test_client() for _ in range(2)]
    with freeze_time(T0):
        for c in clients:
            password_step(c, admin_2fa["email"])
        value = code(OTHER_SECRET, T0)
    results = []
    start = threading.Barrier(2)

    def go(c):
        with app.app_context():
            start.wait(timeout=30)
            results.append(code_step(c, value).status_code)
            db.session.remove()

    with freeze_time(T0):  # one frozen clock for both threads
        threads = [threading.Thread(target=go, args=(c,)) for c in clients]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
    assert sorted(results) == [302, 422]


def test_bar_46_password_and_code_guesses_on_the_account_page_are_limited(app_config, admin_2fa):
    """An open session is no way round the login's limits: wrong passwords or codes typed
    to turn 2FA off (or make new codes) are throttled per user."""
    from app import create_app
    from tests.support.clients import FreshGClient

    limited = create_app({**app_config, "RATELIMIT_ENABLED": True})
    limited.test_client_class = FreshGClient
    client = limited.test_client()
    assert Auth(client).login(admin_2fa["email"], code=admin_2fa["codes"][0]).status_code == 302
    statuses = [client.post("/admin/account/two-factor/disable", data={"off-proof": f"guess number {n}"}).status_code
                for n in range(6)]
    assert statuses == [422] * 5 + [429]
    assert client.post("/admin/account/two-factor/disable", data={"off-proof": PASSWORD}).status_code == 429
    assert client.post("/admin/account/two-factor/recovery-codes", data={"rc-proof": PASSWORD}).status_code == 429
    assert twofactor.is_enabled(user_by(admin_2fa["email"]))
    assert twofactor.recovery_codes_left(user_by(admin_2fa["email"])) == 9
    assert client.get("/admin/account/two-factor").status_code == 200  # reading the page is not limited


def test_code_step_when_already_signed_in_goes_home(client, auth, make):
    make.company("acme")
    auth.login("admin@acme.test")
    resp = client.get("/admin/login/code")
    assert resp.status_code == 302 and resp.headers["Location"] == "/admin/"
