"""Emails in the reader's language (issue 14 §2): a candidate's in the application's
language, then the company's default, then English; the card says which language went
out; team notifications in each member's language; every default in en/fi/sv/vi."""

from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from app.accounts.models import Company
from app.admin.card import describe_event
from app.applications import services as applications
from app.applications.models import TimelineEvent
from app.extensions import db
from app.messaging.defaults import DEFAULT_TEMPLATES
from app.messaging.models import EmailTemplate, Notification, OutboxEmail
from app.messaging.services import ensure_default_templates, notify, save_template, template_for
from tests.support.builders import PDF


def _apply(job, locale: str, email: str):
    return applications.apply(job.id, job.company.slug, applications.CandidateData(
        given_names="Aino", family_name="Virtanen", email=email, locale=locale),
        cover_letter="", cv=("cv.pdf", PDF), consent=True)


def _company(make, slug="acme", default_locale="en"):
    company = make.company(slug, "Acme Oy")
    company.default_locale = default_locale
    db.session.commit()
    return company


def test_every_default_template_is_in_four_languages():
    for spec in DEFAULT_TEMPLATES:
        assert set(spec["translations"]) == {"en", "fi", "sv", "vi"}, spec["key"]
        for subject, body in spec["translations"].values():
            fields = {f for f in ("{{ job_title }}", "{{ link }}", "{{ company_name }}") if f in spec["translations"]["en"][1]}
            assert all(f in body for f in fields), (spec["key"], body)


def test_the_confirmation_goes_in_the_language_of_the_application(app, make, mailbox):
    company = _company(make, default_locale="sv")
    job = make.job(company, "Data analyst")
    _apply(job, "vi", "lan@example.vn")
    _apply(job, "fi", "aino@example.fi")
    subjects = {m["To"]: m["Subject"] for m in mailbox.messages}
    assert subjects["lan@example.vn"] == "Chúng tôi đã nhận được hồ sơ của bạn: Data analyst"
    assert subjects["aino@example.fi"] == "Hakemuksesi on vastaanotettu: Data analyst"


def test_without_a_template_in_that_language_the_company_default_then_english(app, make):
    """A company's own email ("offer") written in English and Swedish only."""
    ensure_default_templates()
    company = _company(make, default_locale="sv")
    for locale, subject in (("en", "Our offer"), ("sv", "Vårt erbjudande")):
        save_template(None, company_id=company.id, key="offer", name="Offer", subject=subject, body="Hello", locale=locale)
    job = make.job(company)
    application = _apply(job, "vi", "lan@example.vn")
    languages = applications.email_languages(application)
    assert languages == ["vi", "sv"]
    assert template_for(company.id, "offer", languages).subject == "Vårt erbjudande"  # no vi: the company's sv
    company.default_locale = "fi"
    db.session.commit()
    assert template_for(company.id, "offer", applications.email_languages(application)).subject == "Our offer"
    # a shipped template exists in every language: the Vietnamese one, even when the company
    # customised only the English text of it
    save_template(None, company_id=company.id, key="rejection", name="Rejection", subject="Sorry", body="Hi",
                  locale="en")
    assert template_for(company.id, "rejection", ["vi", "fi"]).subject.startswith("Hồ sơ ứng tuyển")
    assert template_for(company.id, "rejection", ["en"]).subject == "Sorry"
    assert template_for(company.id, "rejection", ["de"]).subject == "Sorry"  # unknown: English, the company's


def test_an_automation_email_goes_in_the_candidates_language_and_the_card_says_which(app, make, mailbox):
    from app.applications.automations import add_automation

    ensure_default_templates()
    company = _company(make)
    job = make.job(company, "Data analyst")
    rejection_en = db.session.scalar(select(EmailTemplate).where(
        EmailTemplate.company_id.is_(None), EmailTemplate.key == "rejection", EmailTemplate.locale == "en"))
    rejected = job.stages[-1]
    add_automation(job, stage_id=rejected.id, email_template_id=rejection_en.id, move_to_stage_id=None)
    db.session.commit()
    application = _apply(job, "fi", "aino@example.fi")
    admin = make.admin_of(company)
    from app.applications.rejections import reasons, reject

    reject(application, reasons(company.id)[0].id, "", None, admin)  # an automation on the stage runs as on a move
    row = db.session.scalar(select(OutboxEmail).where(OutboxEmail.kind == "automation"))
    assert row.subject == "Hakemuksesi tehtävään Data analyst"
    event = db.session.scalar(select(TimelineEvent).where(TimelineEvent.kind == "email_queued"))
    assert event.data["locale"] == "fi"
    with app.test_request_context("/?lang=en"):
        assert describe_event(event).endswith("(Suomi)")


def test_team_notifications_are_written_in_each_members_language(app, make):
    company = _company(make, default_locale="sv")
    fi_user, default_user = make.user(company), make.user(company)
    fi_user.locale = "fi"
    for user in (fi_user, default_user):
        user.email_notification_kinds = ["new_application"]
    db.session.commit()
    notify([fi_user, default_user], company_id=company.id, kind="new_application", title=_l("Account"),
           body=_l("Settings"), link="/admin/", dedupe_key="t1")
    db.session.commit()
    titles = {n.user_id: (n.title, n.body) for n in db.session.scalars(select(Notification))}
    assert titles == {fi_user.id: ("Tili", "Asetukset"), default_user.id: ("Konto", "Inställningar")}
    emails = {row.to_addr: row.subject for row in db.session.scalars(select(OutboxEmail))}
    assert emails == {fi_user.email: "Tili", default_user.email: "Konto"}


def test_a_new_application_notifies_each_member_in_their_language(app, make):
    company = _company(make, default_locale="vi")
    member = make.user(company)
    member.locale = "fi"
    db.session.commit()
    job = make.job(company, "Data analyst", team=[member])
    _apply(job, "en", "aino@example.fi")
    note = db.session.scalar(select(Notification).where(Notification.user_id == member.id))
    with app.test_request_context("/"), force_locale("fi"):
        from flask_babel import gettext

        assert note.title == gettext("New application: %(name)s for %(job)s", name="Aino Virtanen",
                                     job="Data analyst")
    assert db.session.get(Company, company.id).default_locale == "vi"


def test_an_emrex_invite_goes_in_the_application_language_and_its_log_says_which(app, make):
    """A Swedish application gets the Swedish invite even when the job's settings chose the
    English one; the request's log names the language."""
    from app.emrex import services as emrex
    from app.emrex.models import EmrexRequestEvent

    company = _company(make, default_locale="fi")
    company.emrex_enabled = True
    db.session.commit()
    job = make.job(company, "Trainee")
    ensure_default_templates()
    invite_en = db.session.scalar(select(EmailTemplate).where(
        EmailTemplate.company_id.is_(None), EmailTemplate.key == "emrex_invite", EmailTemplate.locale == "en"))
    emrex.save_settings(job, email_template_id=invite_en.id, trigger_stage_id=job.stages[0].id,
                        reminders_enabled=False)
    _apply(job, "sv", "sven@example.se")
    row = db.session.scalar(select(OutboxEmail).where(OutboxEmail.kind == "emrex_sent"))
    assert row.to_addr == "sven@example.se" and row.subject == "Acme Oy ber om dina studieresultat: Trainee"
    assert db.session.scalar(select(EmrexRequestEvent.detail).where(EmrexRequestEvent.kind == "sent")) == "Svenska"
