"""Screening questions: the editor's rules, the apply form's answers (good and bad), the
knock-out's rejection, a template's copy, the card, the list and its CSV, the candidate's
export and erasure, and another company's questions and answers out of reach."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from sqlalchemy import func, select

from app.applications.models import Application, Candidate, StoredFile, TimelineEvent
from app.extensions import db
from app.messaging.models import OutboxEmail
from app.screening import questions
from app.screening.models import ScreeningAnswer
from app.screening.questions import QuestionError, QuestionInput
from tests.support.builders import PDF


def counts():
    return tuple(db.session.scalar(select(func.count()).select_from(m))
                 for m in (Application, Candidate, StoredFile, ScreeningAnswer))


@pytest.fixture
def company(make):
    return make.company("acme", "Acme Oy")


@pytest.fixture
def boss(make, company):
    return make.admin_of(company)


def _reason(company_id: int) -> int:
    from app.applications.rejections import reasons

    return reasons(company_id, active_only=True)[0].id


@pytest.fixture
def job(make, company, boss):
    """A job with one question of every kind; the yes/no one knocks out a "no"."""
    job = make.job(company, "Backend developer")
    add = questions.add_question
    add(job, QuestionInput("short_text", "Where do you live?", required=True), boss)
    add(job, QuestionInput("long_text", "Tell us about a project"), boss)
    q = add(job, QuestionInput("yes_no", "Do you have a work permit in Finland?", required=True), boss)
    questions.update_question(job, q.key, QuestionInput("yes_no", q.label, required=True, knockout=True,
                                                        accept=["yes"], reason_id=_reason(company.id),
                                                        email_delay=2), boss)
    add(job, QuestionInput("single_choice", "Notice period", choices_text="None\n1 month\n3 months"), boss)
    add(job, QuestionInput("multiple_choice", "Languages", choices_text="Finnish\nSwedish\nEnglish"), boss)
    add(job, QuestionInput("number", "Years of experience"), boss)
    add(job, QuestionInput("file", "Portfolio"), boss)
    return job


def form(**over):
    data = {"given_names": "Aino", "family_name": "Virtanen", "email": "aino@example.fi",
            "sq_q1": "Tampere", "sq_q2": "A compiler", "sq_q3": "yes", "sq_q4": "1 month",
            "sq_q5": ["Finnish", "English"], "sq_q6": "4,5", "consent": "y",
            "cv": (io.BytesIO(PDF), "cv.pdf", "application/pdf"),
            "sq_q7": (io.BytesIO(PDF), "portfolio.pdf", "application/pdf")}
    data.update(over)
    return {k: v for k, v in data.items() if v is not None}


def post(client, job, **over):
    return client.post(f"/c/acme/jobs/{job.id}/apply", data=form(**over), content_type="multipart/form-data")


# ---------------------------------------------------------------- the editor's rules

@pytest.mark.parametrize("data,code", [
    (QuestionInput("essay", "Q"), "bad_kind"),
    (QuestionInput("short_text", "   "), "empty_label"),
    (QuestionInput("short_text", "x" * 301), "label_too_long"),
    (QuestionInput("single_choice", "Pick", choices_text="only one"), "few_choices"),
    (QuestionInput("short_text", "Q", knockout=True, accept=["x"]), "no_knockout"),
    (QuestionInput("yes_no", "Q", knockout=True, accept=["yes", "no"], reason_id=1), "bad_accept"),
    (QuestionInput("yes_no", "Q", knockout=True, accept=[], reason_id=1), "bad_accept"),
    (QuestionInput("yes_no", "Q", knockout=True, accept=["yes"], reason_id=999999), "bad_reason"),
])
def test_bad_questions_are_refused_and_change_nothing(job, boss, data, code):
    before = json.dumps(job.integration_settings, sort_keys=True)
    with pytest.raises(QuestionError) as exc:
        questions.add_question(job, data, boss)
    assert exc.value.code == code
    db.session.expire_all()
    assert json.dumps(job.integration_settings, sort_keys=True) == before


def test_edit_reorder_delete_keep_keys(job, boss):
    keys = [q.key for q in questions.questions_of(job)]
    assert keys == ["q1", "q2", "q3", "q4", "q5", "q6", "q7"]
    questions.move_question(job, "q2", "up", boss)
    questions.delete_question(job, "q7", boss)
    added = questions.add_question(job, QuestionInput("short_text", "New"), boss)
    assert added.key == "q8"  # a deleted question's key is not given again
    assert [q.key for q in questions.questions_of(job)] == ["q2", "q1", "q3", "q4", "q5", "q6", "q8"]
    ko = questions.questions_of(job)[2].knockout
    assert ko["accept"] == ["yes"] and ko["email_delay"] == 2


def test_a_job_made_from_a_template_gets_its_questions(make, company, boss, job):
    from app.jobs import services as jobs

    template = jobs.create_template(company.id, "Developers", {}, from_job=job)
    assert [q.label for q in questions.questions_of(template)] == [q.label for q in questions.questions_of(job)]
    questions.add_question(template, QuestionInput("yes_no", "Can you start in January?"), boss)
    copy = jobs.create_job(company.id, boss, {"title": "Frontend developer"}, template_id=template.id)
    labels = [q.label for q in questions.questions_of(copy)]
    assert labels[-1] == "Can you start in January?" and len(labels) == 8
    assert questions.questions_of(copy)[2].knockout["reason_id"] == _reason(company.id)


# ---------------------------------------------------------------- the apply form

def test_answers_are_saved_with_the_application(client, job):
    page = client.get(f"/c/acme/jobs/{job.id}/apply").get_data(as_text=True)
    assert "Do you have a work permit in Finland?" in page and 'name="sq_q5"' in page
    resp = post(client, job)
    assert resp.status_code == 303 and resp.headers["Location"].endswith("/applied")
    application = db.session.scalar(select(Application))
    rows = {a.question_key: a for a in db.session.scalars(select(ScreeningAnswer))}
    assert rows["q1"].text == "Tampere" and rows["q3"].value == "yes" and rows["q3"].text == "Yes"
    assert rows["q5"].value == ["Finnish", "English"] and rows["q6"].value == "4.5"
    assert rows["q7"].file_id is not None and rows["q7"].text == "portfolio.pdf"
    assert all(r.application_id == application.id and r.company_id == job.company_id for r in rows.values())
    assert application.status == "open" and counts() == (1, 1, 2, 7)


@pytest.mark.parametrize("override,message", [
    ({"sq_q1": ""}, "Please answer this question."),
    ({"sq_q3": None}, "Please answer this question."),
    ({"sq_q3": "maybe"}, "Please choose one of the answers given."),
    ({"sq_q4": "6 months"}, "Please choose one of the answers given."),
    ({"sq_q5": ["Finnish", "Klingon"]}, "Please choose one of the answers given."),
    ({"sq_q6": "many"}, "Please enter a number, e.g. 3 or 2.5."),
    ({"sq_q6": "1e400"}, "Please enter a number, e.g. 3 or 2.5."),
    ({"sq_q1": "x" * 301}, "The answer is too long (at most 300 characters)."),
    ({"sq_q7": (io.BytesIO(b"<html>hi</html>"), "p.pdf", "application/pdf")}, "The file is not a PDF."),
])
def test_bad_answers_get_a_clear_message_keep_what_was_typed_and_change_nothing(client, job, override, message):
    resp = post(client, job, **override, sq_q2="My compiler «Nguyễn»")
    body = resp.get_data(as_text=True)
    assert resp.status_code == 422 and message in body
    assert "My compiler «Nguyễn»" in body and 'value="Aino"' in body  # the typed answers come back
    assert 'value="English" checked' in body or override.get("sq_q5")
    assert counts() == (0, 0, 0, 0)


def test_a_wrong_form_field_keeps_the_answers(client, job):
    resp = post(client, job, email="not-an-email")
    body = resp.get_data(as_text=True)
    assert resp.status_code == 422 and 'value="Tampere"' in body and 'value="yes" checked' in body
    assert counts() == (0, 0, 0, 0)


def test_oversized_cv_keeps_the_typed_answers(client, job):
    big = b"%PDF-1.4\n" + b"0" * (11 * 1024 * 1024) + b"%%EOF"
    data = form()
    data["cv"] = (io.BytesIO(big), "cv.pdf")
    resp = client.post(f"/c/acme/jobs/{job.id}/apply", data=data, content_type="multipart/form-data")
    body = resp.get_data(as_text=True)
    assert resp.status_code == 413 and 'value="Tampere"' in body and 'value="Finnish" checked' in body
    assert "A compiler" in body and counts() == (0, 0, 0, 0)


def test_a_knock_out_rejects_with_its_reason_and_a_delayed_email(client, auth, job):
    from app.messaging.services import ensure_default_templates

    ensure_default_templates()  # the rejection email
    resp = post(client, job, sq_q3="no")
    assert resp.status_code == 303 and resp.headers["Location"].endswith("/applied")  # no oracle
    application = db.session.scalar(select(Application))
    assert application.stage.kind == "rejected" and application.rejection_reason_id == _reason(job.company_id)
    assert application.rejected_by_id is None
    event = db.session.scalar(select(TimelineEvent).where(TimelineEvent.kind == "rejected"))
    assert event.data["by"] == "screening" and event.data["question"] == "Do you have a work permit in Finland?"
    email = db.session.scalar(select(OutboxEmail).where(OutboxEmail.kind == "rejection"))
    assert email is not None and email.due_at is not None  # two days later, undoable meanwhile
    assert db.session.scalar(select(ScreeningAnswer).where(ScreeningAnswer.question_key == "q3")).knocked_out
    auth.login("admin@acme.test")
    card = client.get(f"/admin/applications/{application.id}").get_data(as_text=True)
    assert "Rejected by the screening question “Do you have a work permit in Finland?”: Not qualified" in card
    assert "the answer to the screening question “Do you have a work permit in Finland?” knocked it out" in card
    assert "knock-out" in card  # the answer's badge in the panel


def test_a_knock_out_with_a_reason_switched_off_leaves_the_application_open(client, job, boss):
    from app.applications import rejections

    rejections.set_reason_active(job.company_id, _reason(job.company_id), False, boss)
    assert post(client, job, sq_q3="no").status_code == 303
    application = db.session.scalar(select(Application))
    assert application.status == "open" and application.rejection_reason_id is None
    assert db.session.scalar(select(TimelineEvent).where(TimelineEvent.kind == "screening_knockout_failed"))


# ---------------------------------------------------------------- the recruiter's side

def test_card_panel_list_column_filter_and_csv(client, auth, job):
    post(client, job)
    post(client, job, email="bo@example.fi", given_names="Bo", sq_q1="Oulu", sq_q3="no")
    auth.login("admin@acme.test")
    first = db.session.scalar(select(Application).order_by(Application.id))
    card = client.get(f"/admin/applications/{first.id}").get_data(as_text=True)
    assert "Screening answers" in card and "Tampere" in card and "Finnish; English" in card
    download = client.get(f"/admin/applications/{first.id}/screening/q7/file")
    assert download.status_code == 200 and download.data == PDF
    client.post("/admin/applications/columns", data={"columns": ["candidate", "screening_answers"]})
    listing = client.get("/admin/applications?status=all&f_screening_answers=oulu")
    assert listing.status_code == 200
    body = listing.get_data(as_text=True)
    assert "Oulu" in body and "Tampere" not in body
    text = client.get("/admin/applications/export.csv?status=all").get_data(as_text=True)
    assert "Screening answers" in text and "Where do you live?: Tampere" in text


def test_editor_adds_and_refuses_with_the_typed_values_kept(client, auth, job):
    auth.login("admin@acme.test")
    url = f"/admin/screening/job/{job.id}"
    page = client.get(url)
    assert page.status_code == 200 and "Do you have a work permit in Finland?" in page.get_data(as_text=True)
    bad = client.post(url, data={"kind": "single_choice", "label": "Shift", "choices": "Night"})
    assert bad.status_code == 422 and "at least two choices" in bad.get_data(as_text=True)
    assert 'value="Shift"' in bad.get_data(as_text=True) and len(questions.questions_of(job)) == 7
    ok = client.post(url, data={"kind": "single_choice", "label": "Shift", "choices": "Night\nDay", "required": "1"})
    assert ok.status_code == 303
    db.session.expire_all()
    added = questions.questions_of(job)[-1]
    assert (added.label, added.choices, added.required) == ("Shift", ["Night", "Day"], True)
    assert client.post(f"{url}/{added.key}", data={"action": "delete"}).status_code == 303
    db.session.expire_all()
    assert len(questions.questions_of(job)) == 7


def test_another_company_cannot_reach_the_questions_or_answers(client, auth, make, job):
    post(client, job)
    other = make.company("other", "Other Oy")
    auth.login("admin@other.test")
    application = db.session.scalar(select(Application))
    assert client.get(f"/admin/screening/job/{job.id}").status_code == 404
    assert client.post(f"/admin/screening/job/{job.id}/q1", data={"action": "delete"}).status_code == 404
    assert client.get(f"/admin/applications/{application.id}/screening/q7/file").status_code == 404
    assert other.id != job.company_id and len(questions.questions_of(job)) == 7


def test_topcv_applicants_are_marked_not_asked(client, auth, job, company):
    from app.applications import services

    candidate = services.new_candidate(company.id, services.CandidateData("Minh", "Nguyen", "minh@example.vn"))
    application = services.create_application(company.id, candidate, job, source="topcv")
    db.session.commit()
    auth.login("admin@acme.test")
    card = client.get(f"/admin/applications/{application.id}").get_data(as_text=True)
    assert "Not asked: this application came through TopCV" in card
    client.post("/admin/applications/columns", data={"columns": ["candidate", "screening_answers"]})
    assert "not asked" in client.get("/admin/applications/export.csv?status=all").get_data(as_text=True)


# ---------------------------------------------------------------- data rights

def test_the_candidates_export_has_the_answers_and_erasure_removes_them(client, auth, job, company, boss):
    from app.applications import files
    from app.privacy.services import candidate_export, erase_candidate

    post(client, job)
    application = db.session.scalar(select(Application))
    archive = zipfile.ZipFile(io.BytesIO(candidate_export(application.candidate_id, company.id, boss)))
    data = json.loads(archive.read("data.json"))
    answers = data["applications"][0]["screening_answers"]
    assert {"question": "Where do you live?", "kind": "short_text", "answer": "Tampere", "file": None} in answers
    portfolio = next(a for a in answers if a["kind"] == "file")
    assert archive.read(portfolio["file"]) == PDF
    stored = db.session.get(StoredFile, db.session.scalar(select(ScreeningAnswer.file_id).where(
        ScreeningAnswer.file_id.is_not(None))))
    path = files.path_of(stored)
    assert path.exists()
    erase_candidate(application.candidate_id, company.id, boss)
    assert counts() == (0, 0, 0, 0) and not path.exists()


def test_a_yes_no_answer_reads_in_the_recruiters_language(client, auth, job):
    resp = client.post(f"/c/acme/jobs/{job.id}/apply?lang=vi", data=form(), content_type="multipart/form-data")
    assert resp.status_code == 303
    assert db.session.scalar(select(ScreeningAnswer.text).where(ScreeningAnswer.question_key == "q3")) == "Yes"
    auth.login("admin@acme.test")
    application = db.session.scalar(select(Application))
    en = client.get(f"/admin/applications/{application.id}?lang=en").get_data(as_text=True)
    fi = client.get(f"/admin/applications/{application.id}?lang=fi").get_data(as_text=True)
    assert "<dd>Yes</dd>" in en and "<dd>Kyllä</dd>" in fi and "Có" not in en
    assert "<dd>4.5</dd>" in en and "<dd>4,5</dd>" in fi  # a number in the reader's way


def test_a_column_and_filter_per_question_of_the_job_shown(client, auth, make, job):
    post(client, job)
    post(client, job, email="bo@example.fi", given_names="Bo", sq_q1="Oulu", sq_q4="3 months", sq_q3="no")
    auth.login("admin@acme.test")
    offered = client.get(f"/admin/applications?job={job.id}&status=all").get_data(as_text=True)
    assert f'value="sq-{job.id}-q4"' in offered and "Notice period" in offered
    assert 'value="sq-' not in client.get("/admin/applications?status=all").get_data(as_text=True)  # one job only
    client.post("/admin/applications/columns", data={"columns": ["candidate", f"sq-{job.id}-q1", f"sq-{job.id}-q4"]})
    body = client.get(f"/admin/applications?job={job.id}&status=all&f_sq-{job.id}-q4=3 months").get_data(as_text=True)
    assert "Oulu" in body and "Tampere" not in body and "3 months" in body
    ordered = client.get(f"/admin/applications?job={job.id}&status=all&sort=sq-{job.id}-q1&dir=asc")
    text = ordered.get_data(as_text=True)
    assert ordered.status_code == 200 and text.index("Oulu") < text.index("Tampere")
    csv = client.get(f"/admin/applications/export.csv?job={job.id}&status=all").get_data(as_text=True)
    assert "Where do you live?" in csv.splitlines()[0] and "Notice period" in csv.splitlines()[0]
    assert "1 month" in csv and "Oulu" in csv
    # A question's column is made per request: its new label shows at once (the registered
    # columns' labels are translated once per process and language, app/admin/listing.py), and
    # its filter reads the choices it has now (the page's statement is built per request).
    questions.update_question(job, "q4", QuestionInput("single_choice", "Notice (months)",
                                                       choices_text="None\n1 month\n2 months\n3 months"),
                              make.admin_of(job.company))
    renamed = client.get(f"/admin/applications?job={job.id}&status=all&f_sq-{job.id}-q4=3 months").get_data(as_text=True)
    assert "Notice (months)" in renamed and "Notice period" not in renamed
    assert "Oulu" in renamed and "Tampere" not in renamed and '<option value="2 months" >2 months</option>' in renamed
    # another company's job makes no column, and the key is dropped when saved
    other = make.job(make.company("other", "Other Oy"), "Elsewhere")
    questions.add_question(other, QuestionInput("short_text", "Secret question"), make.admin_of(other))
    client.post("/admin/applications/columns", data={"columns": ["candidate", f"sq-{other.id}-q1"]})
    assert "Secret question" not in client.get("/admin/applications?status=all").get_data(as_text=True)
