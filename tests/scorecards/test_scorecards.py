"""Scorecards (issue 17 item 2): definitions, asking, drafts and submitting, the anti-anchoring
rule, the card's summary, the list's Score column and the board's badge, the export, erasure."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from sqlalchemy import select

from app.audit import AuditEntry
from app.extensions import db
from app.messaging.models import Notification
from app.scorecards import definitions, services
from app.scorecards.models import Recommendation, Scorecard, ScorecardStatus, ScorecardSummary
from app.scorecards.visibility import scorecards_visible_to
from tests.support.builders import PASSWORD


@pytest.fixture
def world(make):
    co = make.company("acme")
    admin = make.admin_of(co)
    anna = make.user(co, email="anna@acme.test")
    ben = make.user(co, email="ben@acme.test")
    job = make.job(co)
    application = make.application(job)
    return {"co": co, "admin": admin, "anna": anna, "ben": ben, "job": job, "application": application}


def _login(client, email):
    client.post("/admin/login", data={"email": email, "password": PASSWORD})


def _submit(application, user, recommendation="yes", ratings=None, notes="", interview_id=None):
    return services.save(application, user, ratings=ratings or {}, recommendation=recommendation, notes=notes,
                         submit=True, interview_id=interview_id)


# ---------------------------------------------------------------- definitions

def test_a_new_job_has_the_default_groups(world):
    groups = definitions.groups_of(world["job"])
    assert [g.name for g in groups] == ["Skills", "Qualities"]
    assert [a.id for g in groups for a in g.attributes] == ["a1", "a2", "a3", "a4", "a5"]


def test_saving_keeps_ids_drops_empty_rows_and_numbers_new_ones(world):
    job, admin = world["job"], world["admin"]
    services.save_definition(job, [("a1", "Skills", "Python"), ("a2", "Skills", ""), (None, "Culture", "Curiosity"),
                                   ("zz", "", "Ownership")], admin)
    groups = definitions.groups_of(job)
    assert [(g.name, [(a.id, a.label) for a in g.attributes]) for g in groups] == [
        ("Skills", [("a1", "Python")]), ("Culture", [("a6", "Curiosity")]), ("Other", [("a7", "Ownership")])]
    assert db.session.scalar(select(AuditEntry).where(AuditEntry.action == "scorecard.definition_saved"))
    with pytest.raises(definitions.DefinitionError) as exc:
        services.save_definition(job, [("a1", "Skills", "")], admin)
    assert exc.value.code == "empty"


def test_a_job_made_from_a_template_copies_its_scorecard(app, world):
    from app.jobs import services as jobs

    template = jobs.create_template(world["co"].id, "Tpl", {"title": "Tpl"})
    services.save_definition(template, [(None, "Craft", "Design taste")], world["admin"])
    job = jobs.create_job(world["co"].id, world["admin"], {"title": "From template"}, template_id=template.id)
    assert [(a.label) for g in definitions.groups_of(job) for a in g.attributes] == ["Design taste"]


# ---------------------------------------------------------------- submitting

def test_submit_is_final_idempotent_audited_and_notifies_the_owner(world):
    application, anna = world["application"], world["anna"]
    card = services.save(application, anna, ratings={"a1": "3", "a2": ""}, recommendation="yes", notes="ok",
                         submit=False)
    assert card.status == ScorecardStatus.DRAFT and db.session.get(ScorecardSummary, application.id) is None
    card = _submit(application, anna, ratings={"a1": "3"}, notes="ok")
    assert card.status == ScorecardStatus.SUBMITTED and card.ratings == {"a1": 3}
    again = _submit(application, anna, ratings={"a1": "3"}, notes="ok")
    assert again.id == card.id
    assert db.session.scalar(select(db.func.count()).select_from(Scorecard)) == 1
    notes = db.session.scalars(select(Notification).where(Notification.kind == "scorecard_submitted")).all()
    assert [n.user_id for n in notes] == [world["admin"].id]  # the job's owner, once
    actions = db.session.scalars(select(AuditEntry.action).where(AuditEntry.action.like("scorecard.%"))).all()
    assert actions.count("scorecard.submitted") == 1
    summary = db.session.get(ScorecardSummary, application.id)
    assert (summary.count, summary.average) == (1, 3.0)


def test_the_author_may_correct_for_a_day_then_it_is_locked(world):
    application, anna = world["application"], world["anna"]
    card = _submit(application, anna, recommendation="no")
    card = _submit(application, anna, recommendation="strong_yes")
    assert card.recommendation == "strong_yes" and db.session.get(ScorecardSummary, application.id).average == 4.0
    card.submitted_at = card.submitted_at - timedelta(hours=services.EDIT_HOURS + 1)
    db.session.commit()
    with pytest.raises(services.ScorecardError) as exc:
        _submit(application, anna, recommendation="no")
    assert exc.value.code == "locked"


@pytest.mark.parametrize(("ratings", "recommendation", "code"), [
    ({"nope": "2"}, "yes", "unknown_attribute"),
    ({"a1": "5"}, "yes", "out_of_scale"),
    ({"a1": "0"}, "yes", "out_of_scale"),
    ({"a1": "two"}, "yes", "out_of_scale"),
    ({}, "maybe", "unknown_recommendation"),
    ({"a1": "2"}, None, "no_recommendation"),
])
def test_bad_input_is_refused_and_nothing_is_stored(world, ratings, recommendation, code):
    with pytest.raises(services.ScorecardError) as exc:
        _submit(world["application"], world["anna"], recommendation=recommendation, ratings=ratings)
    assert exc.value.code == code
    db.session.rollback()
    assert db.session.scalar(select(db.func.count()).select_from(Scorecard)) == 0


def test_one_per_author_and_interview(world):
    application, anna = world["application"], world["anna"]
    _submit(application, anna)
    _submit(application, anna, interview_id=7)
    services.request_scorecard(application.id, anna.id, 7)
    assert db.session.scalar(select(db.func.count()).select_from(Scorecard)) == 2
    assert db.session.get(ScorecardSummary, application.id).count == 2


def test_rejected_applications_take_scorecards_anonymised_ones_do_not(world):
    from app.privacy.services.common import ERASED_FAMILY, ERASED_GIVEN

    assert services.ERASED_NAME == (ERASED_GIVEN, ERASED_FAMILY)
    application = world["application"]
    application.status = "closed"
    db.session.commit()
    assert _submit(application, world["anna"]).is_submitted
    candidate = application.candidate
    candidate.given_names, candidate.family_name, candidate.email = ERASED_GIVEN, ERASED_FAMILY, None
    db.session.commit()
    with pytest.raises(services.ScorecardError) as exc:
        _submit(application, world["ben"])
    assert exc.value.code == "erased"


# ---------------------------------------------------------------- anti-anchoring

def test_a_pending_reviewer_sees_no_other_scorecards_until_theirs_is_in(world):
    application, anna, ben = world["application"], world["anna"], world["ben"]
    _submit(application, anna, recommendation="strong_yes")
    services.request_scorecard(application.id, ben.id, requested_by=world["admin"])
    assert db.session.scalar(select(Notification).where(Notification.kind == "scorecard_requested",
                                                        Notification.user_id == ben.id))
    assert not scorecards_visible_to(ben, application.id)
    assert scorecards_visible_to(anna, application.id)
    services.save(application, ben, ratings={}, recommendation="no", notes="", submit=False)
    assert not scorecards_visible_to(ben, application.id)  # a draft is not in yet
    _submit(application, ben, recommendation="no")
    assert scorecards_visible_to(ben, application.id)


def test_the_card_list_and_board_hide_the_scores_from_a_pending_reviewer(client, world):
    application, ben = world["application"], world["ben"]
    _submit(application, world["anna"], recommendation="strong_yes", notes="Great systems thinking")
    _submit(application, world["admin"], recommendation="yes")
    services.request_scorecard(application.id, ben.id)
    _login(client, "ben@acme.test")
    card = client.get(f"/admin/applications/{application.id}").get_data(as_text=True)
    assert "the other scorecards show once you have submitted yours" in card
    assert "Great systems thinking" not in card and "Strong yes" not in card
    from app.applications.columns import save_list_columns

    for user in (ben, world["anna"]):
        save_list_columns(user, ["candidate", "scorecard_score"])
    listing = client.get("/admin/applications").get_data(as_text=True)
    board = client.get(f"/admin/jobs/{world['job'].id}").get_data(as_text=True)
    assert "hidden until yours is in" in listing
    assert "3.5 / 4" not in listing and "3.5 / 4" not in board and "Aino Virtanen" in board
    # sorting by the score gives nothing away either: the hidden score sorts as no score
    assert client.get("/admin/applications?sort=scorecard_score").status_code == 200
    with client.session_transaction() as session:
        session.clear()
    _login(client, "anna@acme.test")
    listing = client.get("/admin/applications").get_data(as_text=True)
    board = client.get(f"/admin/jobs/{world['job'].id}").get_data(as_text=True)
    assert "3.5 / 4 (2)" in listing and "Score 3.5 / 4" in board
    with client.session_transaction() as session:
        session.clear()
    _login(client, "ben@acme.test")
    client.post(f"/admin/applications/{application.id}/scorecard",
                data={"recommendation": "no", "action": "submit", "rating-a1": "2"})
    card = client.get(f"/admin/applications/{application.id}").get_data(as_text=True)
    assert "Great systems thinking" in card and "Strong yes" in card
    board = client.get(f"/admin/jobs/{world['job'].id}").get_data(as_text=True)
    assert "Score 3.0 / 4" in board


# ---------------------------------------------------------------- the screens

def test_the_form_round_trip_and_bad_input_answers_422(client, world):
    application = world["application"]
    _login(client, "anna@acme.test")
    url = f"/admin/applications/{application.id}/scorecard"
    page = client.get(url)
    assert page.status_code == 200 and 'name="rating-a1"' in page.get_data(as_text=True)
    bad = client.post(url, data={"rating-a1": "9", "recommendation": "yes", "action": "submit"})
    assert bad.status_code == 422 and "Ratings go from 1 to 4." in bad.get_data(as_text=True)
    bad = client.post(url, data={"rating-x9": "2", "recommendation": "yes", "action": "submit"})
    assert bad.status_code == 422
    ok = client.post(url, data={"rating-a1": "4", "rating-a3": "3", "recommendation": "strong_yes",
                                "notes": "Solid", "action": "submit"})
    assert ok.status_code == 302
    card = services.find(application.id, world["anna"].id)
    assert card.ratings == {"a1": 4, "a3": 3} and card.notes == "Solid" and card.is_submitted


def test_another_companys_application_is_404(client, make, world):
    other = make.company("other")
    _login(client, f"admin@{other.slug}.test")
    application = world["application"]
    assert client.get(f"/admin/applications/{application.id}/scorecard").status_code == 404
    assert client.post(f"/admin/applications/{application.id}/scorecard",
                       data={"recommendation": "yes", "action": "submit"}).status_code == 404
    assert client.get(f"/admin/jobs/{world['job'].id}/scorecards.csv").status_code == 404
    assert client.get(f"/admin/scorecards/settings/job/{world['job'].id}").status_code == 404


def test_the_card_summary_shows_each_attribute_and_recommendation(client, world):
    application = world["application"]
    _submit(application, world["anna"], "strong_yes", {"a1": 4, "a3": 3})
    _submit(application, world["ben"], "no", {"a1": 2})
    _submit(application, world["admin"], "yes", {"a1": 4})
    _login(client, "anna@acme.test")
    body = client.get(f"/admin/applications/{application.id}").get_data(as_text=True)
    assert "Average recommendation: 3.0 / 4" in body and "3 scorecards" in body
    assert body.count("rec-strong_yes") >= 1 and "Definitely not" not in body.split("scorecard-panel")[1][:4000]
    assert "3.3" in body  # Technical skills: 4, 2, 4


def test_settings_page_saves(client, world):
    _login(client, "admin@acme.test")
    url = f"/admin/scorecards/settings/job/{world['job'].id}"
    assert "Technical skills" in client.get(url).get_data(as_text=True)
    res = client.post(url, data={"attr_id": ["a1", ""], "group": ["Skills", "Culture"],
                                 "label": ["Rust", "Kindness"]})
    assert res.status_code == 302
    labels = [a.label for g in definitions.groups_of(world["job"]) for a in g.attributes]
    assert labels == ["Rust", "Kindness"]
    assert client.post(url, data={"attr_id": ["a1"], "group": ["x"], "label": [""]}).status_code == 422


def test_export_has_one_row_per_scorecard_and_neutralises_formulas(client, world):
    application = world["application"]
    _submit(application, world["anna"], "yes", {"a1": 3}, notes="=HYPERLINK(\"http://x\")")
    services.request_scorecard(application.id, world["ben"].id)  # pending: not exported
    _login(client, "admin@acme.test")
    res = client.get(f"/admin/jobs/{world['job'].id}/scorecards.csv")
    assert res.status_code == 200 and res.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(res.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0][:5] == ["Candidate", "Author", "Interview", "Submitted", "Recommendation"]
    assert rows[0][5] == "Technical skills" and rows[0][-1] == "Notes"
    assert len(rows) == 2 and rows[1][0] == "Aino Virtanen" and rows[1][4] == "Yes" and rows[1][5] == "3"
    assert rows[1][-1].startswith("'=")


# ---------------------------------------------------------------- erasure

def test_erasing_the_candidate_deletes_their_scorecards(world):
    from app.privacy.services.erasure import erase_candidate

    application = world["application"]
    _submit(application, world["anna"], notes="private remark")
    services.request_scorecard(application.id, world["ben"].id)
    erase_candidate(application.candidate_id, world["co"].id, world["admin"], anonymise=True)
    assert db.session.scalar(select(db.func.count()).select_from(Scorecard)) == 0
    assert db.session.get(ScorecardSummary, application.id) is None


def test_recommendation_points():
    assert [r.points for r in Recommendation] == [1, 2, 3, 4]


def test_the_candidates_data_export_leaves_out_scorecards_as_it_leaves_out_notes(world):
    """The export (app.privacy) holds no internal note of the team, so no scorecard either."""
    import json

    from app.privacy.services.export import collect_export

    application = world["application"]
    _submit(application, world["anna"], notes="Internal remark 7731", ratings={"a1": 4})
    data, _files = collect_export(application.candidate.email_normalized)
    text = json.dumps(data, default=str)
    assert application.candidate.email in text  # the export found the person
    assert "Internal remark 7731" not in text and "strong_yes" not in text and "scorecard" not in text.lower()


def test_asking_someone_of_another_company_is_refused(make, world):
    stranger = make.user(make.company("other"), email="x@other.test")
    with pytest.raises(services.ScorecardError) as exc:
        services.request_scorecard(world["application"].id, stranger.id, requested_by=world["admin"])
    assert exc.value.code == "not_colleague"


def test_ask_for_feedback_from_the_card_menu(client, world):
    application = world["application"]
    _login(client, "admin@acme.test")
    card = client.get(f"/admin/applications/{application.id}").get_data(as_text=True)
    assert f"/admin/applications/{application.id}/scorecard/ask" in card and "Ask for feedback" in card
    res = client.post(f"/admin/applications/{application.id}/scorecard/ask", data={"user_id": world["ben"].id})
    assert res.status_code == 302
    again = client.post(f"/admin/applications/{application.id}/scorecard/ask", data={"user_id": world["ben"].id})
    assert again.status_code == 302  # asking twice: the same request, one notification
    assert db.session.scalar(select(db.func.count()).select_from(Scorecard)) == 1
    notes = db.session.scalars(select(Notification).where(Notification.kind == "scorecard_requested")).all()
    assert [n.user_id for n in notes] == [world["ben"].id]
    assert client.post(f"/admin/applications/{application.id}/scorecard/ask",
                       data={"user_id": "nope"}).status_code == 422


def test_a_double_submit_over_http_notifies_the_owner_once(client, world):
    application = world["application"]
    _login(client, "anna@acme.test")
    url = f"/admin/applications/{application.id}/scorecard"
    for _ in range(2):
        assert client.post(url, data={"recommendation": "yes", "action": "submit"}).status_code == 302
    notes = db.session.scalars(select(Notification).where(Notification.kind == "scorecard_submitted")).all()
    assert len(notes) == 1
