"""The role walk: for every role (platform staff, company admin, recruiter, hiring manager,
interviewer, anonymous) and every route of the recruiter admin and the staff admin — pages,
HTMX fragments and file downloads — what the role gets, against the table below.

``EXPECTED`` is the reviewed table: a new route that is not in it fails the walk (refuse by
default: app/accounts/access.py refuses a company route it has no action for to the limited
roles). A route is walked for real with each role:

* GET (page and ``HX-Request``): allowed → 200 with the role's own ids; refused → 403
  (company settings and routes the role lacks), or 404 for platform staff on tenant routes.
* POST: refused roles get 403 and nothing changes. An allowed POST is not sent with in-scope
  ids (it would change the world for the next role); the table is checked against the guard
  instead, and the object scope below sends it with out-of-scope ids.
* Out of scope: the hiring manager (on the team of "Alpha job" only) and the interviewer
  (asked to review one application) get 404 for another job's rows of their own company, on
  every route they may use, GET and POST alike, and nothing changes.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from tests.support.routes import fill

STAFF, ADMIN, RECRUITER, MANAGER, INTERVIEWER = "staff", "admin", "recruiter", "hiring_manager", "interviewer"
ROLES = (STAFF, ADMIN, RECRUITER, MANAGER, INTERVIEWER)

FULL = frozenset({ADMIN, RECRUITER})  # the company's admins and recruiters: everything of the company
TEAM = FULL | {MANAGER}  # and hiring managers (their teams' jobs)
REVIEW = TEAM | {INTERVIEWER}  # and interviewers (the applications they are asked to review)
SETTINGS = frozenset({ADMIN})  # company settings
OWN = frozenset(ROLES)  # one's own account (staff too)
STAFF_ONLY = frozenset({STAFF})

EXPECTED: dict[str, frozenset] = {
    # one's own account
    "admin.account": OWN, "admin.logout": OWN, "admin.two_factor": OWN, "admin.two_factor_confirm": OWN,
    "admin.two_factor_disable": OWN, "admin.two_factor_recovery_codes": OWN, "admin.two_factor_start": OWN,
    # everyone of a company
    "admin.dashboard": REVIEW, "admin.notifications": REVIEW, "admin.notifications_badge": REVIEW,
    "admin.notifications_read": REVIEW,
    "admin.applications": REVIEW, "admin.applications_columns": REVIEW, "admin.application": REVIEW,
    "admin.application_cv": REVIEW, "admin.reply_attachment": REVIEW, "admin.emrex_attachment": REVIEW,
    "admin.emrex_raw": REVIEW, "admin.application_note": REVIEW,
    # working the team's jobs
    "admin.jobs": TEAM, "admin.job_board": TEAM, "admin.job_stage_column": TEAM, "admin.emrex_funnel": TEAM,
    "admin.application_stage": TEAM, "admin.application_reject": TEAM, "admin.application_reject_undo": TEAM,
    "admin.application_tag_add": TEAM, "admin.application_tag_remove": TEAM, "admin.message_compose": TEAM,
    "admin.message_preview": TEAM, "admin.message_send": TEAM, "admin.assessment_send": TEAM,
    "admin.emrex_request": TEAM, "admin.emrex_transcript_accept": TEAM, "admin.emrex_transcript_discard": TEAM,
    "admin.applications_bulk": TEAM, "admin.applications_bulk_progress": TEAM,
    "admin.applications_bulk_detail": TEAM, "admin.candidates": TEAM, "admin.candidate": TEAM,
    "admin.application_reviewers": TEAM, "admin.application_reviewer_remove": TEAM,
    "admin.application_reviewer_choices": TEAM,
    # the whole company's work: admins and recruiters
    "admin.job_new": FULL, "admin.job_edit": FULL, "admin.job_delete": FULL, "admin.job_sources": FULL,
    "admin.posting_new": FULL, "admin.posting_link": FULL, "admin.posting_edit": FULL, "admin.posting_close": FULL,
    "admin.pipeline": FULL, "admin.stage_add": FULL, "admin.stage_delete": FULL, "admin.stage_move": FULL,
    "admin.stage_rename": FULL, "admin.automation_add": FULL, "admin.automation_delete": FULL,
    "admin.templates": FULL, "admin.template_new": FULL, "admin.template_edit": FULL, "admin.template_delete": FULL,
    "admin.emrex_settings": FULL, "admin.assessment_settings": FULL, "admin.email_templates": FULL,
    "admin.settings": FULL, "admin.applications_export": FULL, "admin.candidates_merge": FULL,
    "admin.duplicates": FULL, "admin.duplicates_dismiss": FULL, "admin.merge_split": FULL,
    "admin.pending_pool": FULL, "admin.pending_assign": FULL, "admin.pending_dismiss": FULL,
    # company settings: admins
    "admin.assessment_product_add": SETTINGS, "admin.assessment_product_update": SETTINGS,
    "admin.assessment_products": SETTINGS, "admin.audit_log": SETTINGS, "admin.candidate_erase": SETTINGS,
    "admin.company_language": SETTINGS, "admin.data_protection": SETTINGS, "admin.email_template_edit": SETTINGS,
    "admin.email_template_new": SETTINGS, "admin.partner_log": SETTINGS, "admin.partner_replay": SETTINGS,
    "admin.recruitment_networks": SETTINGS, "admin.rejection_reason_change": SETTINGS,
    "admin.rejection_reasons": SETTINGS, "admin.tag_change": SETTINGS, "admin.tag_settings": SETTINGS,
    "admin.topcv_disconnect": SETTINGS, "admin.topcv_settings": SETTINGS, "admin.two_factor_setting": SETTINGS,
    "admin.user_disable": SETTINGS, "admin.user_enable": SETTINGS, "admin.user_resend": SETTINGS,
    "admin.user_reset": SETTINGS, "admin.user_revoke": SETTINGS, "admin.user_role": SETTINGS,
    "admin.users": SETTINGS,
    # merged in session 23: the card's "seen" mark, the bulk chooser, the job ad's preview
    "admin.application_seen": REVIEW, "admin.applications_bulk_choices": TEAM, "admin.applications_bulk_choose": TEAM,
    "admin.markdown_preview": FULL, "admin.candidate_export": SETTINGS, "admin.careers_site": SETTINGS,
    # scorecards: everyone fills in their own; asking is the team's; settings and export the company's
    "admin.scorecard_form": REVIEW, "admin.scorecard_ask": TEAM, "admin.scorecard_settings": FULL,
    "admin.scorecard_export": FULL,
    # screening questions: a job's settings, as the scorecard's
    "admin.screening_questions": FULL, "admin.screening_question_change": FULL, "admin.screening_answer_file": REVIEW,
    # interviews: one's own list and hours for everyone; scheduling the team's; a job's plan the company's
    "admin.my_interviews": REVIEW, "admin.availability_page": REVIEW, "admin.interview_new": TEAM,
    "admin.interview_book": TEAM, "admin.interview_link": TEAM, "admin.interview_cancel": TEAM,
    "admin.interview_plan": FULL,
    # reports: hiring managers see their teams' jobs' figures
    "admin.reports": TEAM, "admin.report": TEAM, "admin.report_csv": TEAM,
    # sources: a job's share links are the job's settings; adding a candidate is the team's work
    "admin.share_links": FULL, "admin.share_link_change": FULL, "admin.candidate_add": TEAM,
}

#: GET routes whose answer to an allowed role is not a 200 page (what they answer instead).
GET_ANSWERS = {"admin.applications_bulk_progress": {200, 204, 286},
               # the merge page compares the people given in its query; with none it is "not found"
               "admin.candidates_merge": {404}}


def _auth_kind(app, endpoint):
    return getattr(app.view_functions[endpoint], "haku_auth", None)


def _walked_rules(app):
    """Every route behind a login (admin and staff blueprints)."""
    for rule in app.url_map.iter_rules():
        if _auth_kind(app, rule.endpoint) in ("company", "admin", "user", "staff"):
            yield rule


def _expected(app, endpoint) -> frozenset:
    return STAFF_ONLY if _auth_kind(app, endpoint) == "staff" else EXPECTED[endpoint]


def _refusal(app, endpoint, role) -> int:
    """What a role refused ``endpoint`` gets: staff have no tenant (404 on tenant routes, 403
    on company settings); company users get 403 on staff and role-refused routes."""
    if role == STAFF and _auth_kind(app, endpoint) == "company":
        return 404
    return 403


@pytest.fixture
def team(world, make):
    """Alpha's hiring team: a hiring manager on the team of "Alpha job", an interviewer asked
    to review its application, a recruiter, platform staff; and another job of Alpha's with
    its own application, candidate, files, stage and posting (out of the two's scope)."""
    from app.applications.models import ApplicationReviewer
    from app.jobs.models import job_team
    from tests.support.world import _board_rows, _emrex_rows, _interview_row, _reply_row

    a = world["a"]
    ids = world["ids"]["a"]
    manager = make.user(a, role=MANAGER, email="manager@alpha.test")
    interviewer = make.user(a, role=INTERVIEWER, email="interviewer@alpha.test")
    make.user(a, role=RECRUITER, email="recruiter@alpha.test")
    make.staff()
    db.session.execute(job_team.insert().values(job_id=ids["job_id"], user_id=manager.id))
    db.session.add(ApplicationReviewer(application_id=ids["application_id"], user_id=interviewer.id, company_id=a.id))
    other_job = make.job(a, "Alpha other job")
    other_app = make.application(other_job, given="Otto", family="Outside")
    other = {**ids, "job_id": other_job.id, "owner_job": other_job.id, "application_id": other_app.id,
             "candidate_id": other_app.candidate_id, "stage_id": other_job.stages[1].id,
             **_emrex_rows(other_app), "reply_file_id": _reply_row(other_app)}
    posting = _board_rows(a, other_job)["posting_id"]
    other["posting_id"] = posting
    other["interview_id"] = _interview_row(other_app, make.admin_of(a))
    db.session.commit()
    return {"manager": manager, "interviewer": interviewer, "other": other}


LOGINS = {STAFF: "staff@haku.test", ADMIN: "boss@alpha.test", RECRUITER: "recruiter@alpha.test",
          MANAGER: "manager@alpha.test", INTERVIEWER: "interviewer@alpha.test"}


def test_every_route_has_a_declared_permission(app):
    """Refuse by default: a company route without an entry in EXPECTED (and, for company
    routes, an action in app/accounts/access.ROUTES) fails here."""
    from app.accounts.access import ROUTES

    walked = {r.endpoint for r in _walked_rules(app) if _auth_kind(app, r.endpoint) != "staff"}
    assert walked - set(EXPECTED) == set(), f"routes without an expectation: {sorted(walked - set(EXPECTED))}"
    assert set(EXPECTED) - walked == set(), f"stale expectations: {sorted(set(EXPECTED) - walked)}"
    company = {r.endpoint for r in _walked_rules(app) if _auth_kind(app, r.endpoint) == "company"}
    assert company - set(ROUTES) == set(), f"company routes without an action: {sorted(company - set(ROUTES))}"


def test_the_table_matches_the_guard_for_every_route(app, team):
    """Every route × company role: what app/accounts/access.py and the guard decide is what
    the table says (this covers the allowed POSTs the walk does not send)."""
    from app.accounts.access import route_allowed
    from app.accounts.models import User

    users = {role: db.session.scalar(select(User).where(User.email == LOGINS[role]))
             for role in (ADMIN, RECRUITER, MANAGER, INTERVIEWER)}
    checked = 0
    for rule in _walked_rules(app):
        kind = _auth_kind(app, rule.endpoint)
        for role, user in users.items():
            guard = {"user": True, "staff": False, "admin": role == ADMIN,
                     "company": route_allowed(user, rule.endpoint)}[kind]
            assert guard == (role in _expected(app, rule.endpoint)), (rule.endpoint, role)
            checked += 1
    assert checked > 400


@pytest.mark.parametrize("role", ROLES)
def test_role_walk_gets(app, client, auth, world, team, role):
    """Every GET route, page and fragment, with the role's own ids: 200 where the table
    allows it, the refusal otherwise."""
    auth.login(LOGINS[role])
    walked, wrong = 0, []
    for rule in _walked_rules(app):
        if "GET" not in rule.methods:
            continue
        allowed = role in _expected(app, rule.endpoint)
        expected = GET_ANSWERS.get(rule.endpoint, {200}) if allowed else {_refusal(app, rule.endpoint, role)}
        if allowed and role == STAFF and rule.arguments:
            expected = {200, 404}  # a tenant's ids in a staff URL (a global email template, an integration)
        for url in (fill(rule, world["ids"]["a"]) if rule.arguments else [rule.rule]):
            for headers in ({}, {"HX-Request": "true"}):
                resp = client.get(url, headers=headers)
                if resp.status_code not in expected:
                    wrong.append(f"GET {url} {headers} → {resp.status_code}, expected {expected}")
                walked += 1
    assert not wrong, f"{role}: " + "\n".join(wrong)
    assert walked > 100


def _all_rows() -> dict:
    out = {}
    for table in db.metadata.sorted_tables:
        out[table.name] = sorted(tuple(repr(v) for v in row) for row in db.session.execute(select(table)).all())
    return out


@pytest.mark.parametrize("role", (STAFF, RECRUITER, MANAGER, INTERVIEWER))
def test_role_walk_refused_posts_change_nothing(app, client, auth, world, team, role):
    """Every state-changing route the role may not use: refused (403, or 404 for staff on a
    tenant route), page and htmx, and no row of any table changes."""
    auth.login(LOGINS[role])
    db.session.expire_all()
    before = _all_rows()
    refused = 0
    for rule in _walked_rules(app):
        methods = rule.methods - {"GET", "HEAD", "OPTIONS"}
        if not methods or role in _expected(app, rule.endpoint):
            continue
        for url in (fill(rule, world["ids"]["a"]) if rule.arguments else [rule.rule]):
            for method in methods:
                for headers in ({}, {"HX-Request": "true"}):
                    resp = client.open(url, method=method, headers=headers,
                                       data={"name": "x", "text": "x", "role": "admin",
                                             "stage_id": world["ids"]["a"]["stage_id"]})
                    assert resp.status_code == _refusal(app, rule.endpoint, role), \
                        f"{role}: {method} {url} {headers} → {resp.status_code}"
                    refused += 1
    assert refused > 10
    db.session.expire_all()
    after = _all_rows()
    changed = {t for t in before if before[t] != after[t]}
    # signing in writes the user's last sign-in; nothing else moves
    assert changed <= {"users"}, changed


@pytest.mark.parametrize("role", (MANAGER, INTERVIEWER))
def test_out_of_scope_rows_are_404_on_every_allowed_route(app, client, auth, world, team, role):
    """Another job's rows of the same company — its board, its application, card fragments,
    CV, reply and EMREX files, candidate — are 404 for the hiring manager and the
    interviewer on every route they may use, GET and POST, and nothing changes."""
    auth.login(LOGINS[role])
    db.session.expire_all()
    before = _all_rows()
    checked = 0
    for rule in _walked_rules(app):
        if role not in _expected(app, rule.endpoint) or not rule.arguments or _auth_kind(app, rule.endpoint) != "company":
            continue
        if set(rule.arguments) <= {"bulk_id", "tag_id", "user_id", "report"}:
            continue  # no job's row in the URL (a bulk run is checked below; a report's scope in tests/reports)
        for url in fill(rule, team["other"]):
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                for headers in ({}, {"HX-Request": "true"}):
                    resp = client.open(url, method=method, headers=headers,
                                       data={"text": "x", "stage_id": team["other"]["stage_id"],
                                             "user_id": team["interviewer"].id})
                    assert resp.status_code == 404, f"{role}: {method} {url} {headers} → {resp.status_code}"
                    assert "Outside" not in resp.get_data(as_text=True)
                    checked += 1
    assert checked > (10 if role == INTERVIEWER else 30)
    db.session.expire_all()
    after = _all_rows()
    assert {t for t in before if before[t] != after[t]} <= {"users"}


def test_lists_search_dashboard_and_bulk_show_only_the_scope(client, auth, world, team):
    """The list, its job filter, the people search, the dashboard, the board and a bulk
    selection hold only the hiring manager's team's jobs; the interviewer's list holds the one
    application they review."""
    other = team["other"]
    auth.login("manager@alpha.test")
    body = client.get("/admin/applications?status=all").get_data(as_text=True)
    assert "Aino" in body and "Outside" not in body and "Alpha other job" not in body
    assert client.get(f"/admin/applications?job={other['job_id']}").status_code == 404
    people = client.get("/admin/candidates?q=o").get_data(as_text=True)
    assert "Outside" not in people
    assert "Alpha other job" not in client.get("/admin/").get_data(as_text=True)
    assert "Alpha other job" not in client.get("/admin/jobs").get_data(as_text=True)
    from app.bulk.services import selection

    with client.application.test_request_context("/admin/applications"):
        from flask_login import login_user

        login_user(team["manager"])
        ids = selection(world["a"].id, ids=[world["ids"]["a"]["application_id"], other["application_id"]])
    assert ids == [world["ids"]["a"]["application_id"]]
    auth.logout()
    auth.login("interviewer@alpha.test")
    body = client.get("/admin/applications?status=all").get_data(as_text=True)
    assert "Aino" in body and "Outside" not in body
    card = client.get(f"/admin/applications/{world['ids']['a']['application_id']}").get_data(as_text=True)
    assert "Add note" in card and 'name="stage_id"' not in card and "Ask to review" not in card
