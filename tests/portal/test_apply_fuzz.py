"""Hypothesis on the careers apply form (issue 6, "Bad input"): arbitrary field values (unicode,
NUL, control characters, huge), arbitrary upload bytes and filenames. The answer is always
the form again (200/422, with errors) or the redirect to the confirmation (303) — never a
5xx — and the database holds either exactly one new application or nothing new at all: no
orphan files, no outbox rows or candidates without an application.

Reproducible without ``derandomize``: the falsifying example and a ``@reproduce_failure``
blob are printed; no example database is kept."""

from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.applications.models import Application, Candidate
from app.extensions import db
from app.messaging.models import OutboxEmail
from tests.support.builders import PDF
from tests.support.rows import files_on_disk, table_counts

FUZZ = settings(max_examples=100, deadline=None, database=None, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])

weird_text = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=80),  # any unicode, NUL and controls included
    st.text(st.sampled_from("\x00\x01\x07\x08\x0b\x0c\x1b\x7f\u200b\u202e\ufeff\r\n\t a"), max_size=20),
    st.sampled_from(["x" * 201, "ä" * 10001, "\x00", " ", "<script>alert(1)</script>", "Robert'); DROP TABLE--",
                     "A" * 50_000]),
)
names = st.one_of(st.sampled_from(["Aino", "Åsa Öberg", "Nguyễn Văn A"]), weird_text)
emails = st.one_of(st.emails().filter(lambda e: len(e) <= 254), weird_text,
                   st.builds(lambda a, b: f"{a}@{b}.fi", weird_text, weird_text),
                   st.sampled_from(["aino@example.fi", "aino\x00@example.fi", "AINO@EXAMPLE.FI "]))
phones = st.one_of(st.none(), st.sampled_from(["+358 40 123 4567", "(09) 123-45.67"]), weird_text)
cvs = st.one_of(st.just(PDF), st.binary(max_size=3000), st.builds(lambda tail: b"%PDF-1.4\n" + tail, st.binary()),
                st.builds(lambda head: head + PDF, st.binary(max_size=50)), st.just(b""))
filenames = st.one_of(st.just("cv.pdf"), st.text(st.characters(exclude_categories=("Cs",)), max_size=120),
                      st.sampled_from(["../../etc/passwd", "cv.pdf\x00.exe", "C:\\boot.ini", "a\r\nX-Header: 1.pdf",
                                       ".pdf", "x" * 400 + ".pdf", "\u202ecod.pdf"]))
consents = st.sampled_from(["y", "n", "", "\x00", None, "on", "true", "0"])


@pytest.fixture
def job(make):
    return make.job(make.company("acme", "Acme Oy"), "Backend developer")


VALID = {"given_names": "Aino", "family_name": "Virtanen", "email": "aino@example.fi", "phone": None,
         "cover_letter": None, "consent": "y", "cv": PDF, "filename": "cv.pdf"}
WEIRD = {"given_names": names, "family_name": names, "email": emails, "phone": phones,
         "cover_letter": st.one_of(st.none(), weird_text), "consent": consents, "cv": cvs, "filename": filenames}


@st.composite
def submissions(draw) -> dict:
    """A valid submission with some of its fields (none, a few or all) replaced by drawn
    values, so both outcomes — saved and refused — are exercised."""
    broken = draw(st.sets(st.sampled_from(sorted(WEIRD)), max_size=len(WEIRD)))
    values = {key: draw(WEIRD[key]) if key in broken else VALID[key] for key in VALID}
    if "email" not in broken:  # a fresh address most of the time; a repeat is noted (303, no new application)
        values["email"] = draw(st.sampled_from(["aino@example.fi", "oskar@example.se"])) if draw(st.booleans()) \
            else f"c{draw(st.integers(0, 10**9))}@example.fi"
    return values


@FUZZ
@given(submissions())
@example({**VALID, "given_names": "Ai\x00no"})
@example({**VALID, "cover_letter": "Hei\x00!", "filename": "cv\x00.pdf"})
def test_apply_form_answers_without_5xx_and_writes_all_or_nothing(client, job, submission):
    given_names, family_name, email, phone, cover_letter, consent, cv, filename = (
        submission[k] for k in ("given_names", "family_name", "email", "phone", "cover_letter", "consent", "cv",
                                "filename"))
    data = {"given_names": given_names, "family_name": family_name, "email": email, "phone": phone,
            "cover_letter": cover_letter, "consent": consent, "cv": (io.BytesIO(cv), filename, "application/pdf")}
    before, disk = table_counts(), files_on_disk()
    resp = client.post(f"/c/acme/jobs/{job.id}/apply", data={k: v for k, v in data.items() if v is not None},
                       content_type="multipart/form-data")
    db.session.expire_all()
    after = table_counts()
    changed = {name: after[name] - before[name] for name in after if after[name] != before[name]}
    new_files = files_on_disk() - disk
    event(f"HTTP {resp.status_code}")
    assert resp.status_code in (200, 303, 422), resp.status_code
    if resp.status_code == 303 and changed.get("applications"):
        assert changed["applications"] == 1 and changed["stored_files"] == 1 and new_files == 1
        assert changed.get("candidates", 0) in (0, 1)
    elif resp.status_code == 303:  # a repeat, answered like a first: a note (and at most one email a day)
        assert changed.get("timeline_events") == 1 and set(changed) <= {"timeline_events", "outbox_emails"}
        assert new_files == 0
    else:
        assert changed == {} and new_files == 0
        assert resp.status_code == 200 or "error" in resp.get_data(as_text=True)
    # never an orphan: every candidate and outbox row hangs off an application (files: counted above)
    assert db.session.scalar(select(func.count()).select_from(Candidate).where(~Candidate.applications.any())) == 0
    assert db.session.scalar(select(func.count()).select_from(OutboxEmail).where(
        OutboxEmail.application_id.is_(None) | ~OutboxEmail.application_id.in_(select(Application.id)))) == 0
