"""The card shows the language of every email sent to the candidate (issue 14): the
confirmation and the "we already have your application" email get a timeline line naming the
language, and the card's Emails list names the language of each email. Each admin reads those
lines in their own language; the language's name is given in itself ("Suomi")."""

from __future__ import annotations

import lxml.html
from markupsafe import escape
from sqlalchemy import select

from app.applications import services as applications
from app.applications.models import TimelineEvent
from app.extensions import db
from app.messaging.models import OutboxEmail
from tests.support.builders import PDF
from tests.support.emrex_panel import css
from tests.support.readers import page_as, worded


def _apply(job, locale: str, email: str = "aino@example.fi"):
    return applications.apply(job.id, job.company.slug, applications.CandidateData(
        given_names="Aino", family_name="Virtanen", email=email, locale=locale),
        cover_letter="", cv=("cv.pdf", PDF), consent=True)


def test_the_confirmation_and_a_repeat_say_their_language_to_each_admin(app, make):
    company = make.company("acme", "Acme Oy")
    company.default_locale = "sv"
    admins = {"en": make.admin_of(company), "vi": make.user(company, role="admin")}
    admins["en"].locale, admins["vi"].locale = "en", "vi"
    db.session.commit()
    job = make.job(company, "Data analyst")
    application = _apply(job, "fi")
    again = _apply(job, "fi")  # the same person again: a note, and a short email in Finnish
    assert again.id == application.id
    rows = db.session.scalars(select(OutboxEmail).where(OutboxEmail.application_id == application.id)
                              .order_by(OutboxEmail.id)).all()
    assert [(r.kind, r.locale) for r in rows] == [("application_received", "fi"), ("application_duplicate", "fi")]
    queued = db.session.scalar(select(TimelineEvent).where(TimelineEvent.kind == "confirmation_queued"))
    assert queued.data == {"locale": "fi"}
    repeat = db.session.scalar(select(TimelineEvent).where(TimelineEvent.kind == "duplicate"))
    assert repeat.data["email_locale"] == "fi"

    for lang, user in admins.items():
        body = page_as(app, user.email, f"/admin/applications/{application.id}")
        confirmation = worded(app, lang, "Confirmation email queued (%(language)s)", language="Suomi")
        assert confirmation.endswith("(Suomi)") and str(escape(confirmation)) in body
        told = worded(app, lang, "Applied again (source: %(source)s); kept as this application, and the applicant "
                                 "was told by email (%(language)s)", source=worded(app, lang, "Careers page"),
                      language="Suomi")
        assert str(escape(told)) in body
        page = lxml.html.fromstring(body)
        languages = [el.text_content() for el in css(page, ".email-language")]
        assert languages == ["Suomi", "Suomi"]
        assert {el.get("lang") for el in css(page, ".email-language")} == {"fi"}
    assert worded(app, "vi", "Confirmation email queued (%(language)s)", language="Suomi") != (
        "Confirmation email queued (Suomi)")


def test_a_second_repeat_the_same_day_sends_nothing_and_says_nothing_of_an_email(app, make):
    job = make.job(make.company("acme"))
    application = _apply(job, "en")
    _apply(job, "en")
    _apply(job, "en")
    notes = db.session.scalars(select(TimelineEvent).where(TimelineEvent.kind == "duplicate")
                               .order_by(TimelineEvent.id)).all()
    assert [n.data.get("email_locale") for n in notes] == ["en", None]
    assert len(db.session.scalars(select(OutboxEmail).where(OutboxEmail.application_id == application.id)).all()) == 2
