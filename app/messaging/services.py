"""Email outbox, templates and in-app notifications.

Every email starts as an ``OutboxEmail`` row in the caller's transaction; the ``send_email``
task delivers it. Notifications are rows too, with an email copy for the users who chose so.
"""

from __future__ import annotations

import logging
import secrets
import smtplib
from collections.abc import Sequence
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Self
from urllib.parse import urlsplit

from flask import current_app
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from flask_mail import Message
from sqlalchemy import bindparam, func, or_, select, update

from app import background
from app.clock import utcnow
from app.extensions import db, mail
from app.messaging import rendering
from app.messaging.defaults import DEFAULT_TEMPLATES
from app.messaging.events import email_failed
from app.messaging.models import EmailTemplate, Notification, OutboxEmail, OutboxStatus

log = logging.getLogger(__name__)

# Delay before attempt n+1 after a temporary failure; after the last one the email fails.
BACKOFF = [timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=15), timedelta(hours=1),
           timedelta(hours=4)]
STALE_CLAIM = timedelta(minutes=10)


class PermanentSendError(Exception):
    pass


# ---------------------------------------------------------------- templates

def template_for(company_id: int | None, key: str, locale: str | Sequence[str] = "en", *,
                 stored: list[EmailTemplate] | None = None) -> EmailTemplate | None:
    """The template for ``key`` in the first language of ``locale`` (one code, or codes in
    order of preference) that has one, English last: in each language the company's own
    template before the global default. A company customises per language, so a Finnish
    reader gets the Finnish text even when only the English one was customised.

    ``stored``: the company's and the global templates of ``key`` as the caller read them in a
    statement of its own (``templates_read``, ``templates_of``), instead of reading them here."""
    order = language_order(locale)
    rows = stored if stored is not None else \
        db.session.scalars(_templates_statement(), {"key": key, "company_id": company_id}).all()

    def rank(t: EmailTemplate) -> tuple[int, int]:
        return (order.index(t.locale) if t.locale in order else len(order), 0 if t.company_id is not None else 1)

    rows = sorted(rows, key=rank)
    shipped = next((_shipped_default(key, code) for code in order if _has_shipped(key, code)), None)
    if rows and (shipped is None or order.index(shipped.locale) >= rank(rows[0])[0]):
        return rows[0]
    return shipped or (rows[0] if rows else _shipped_default(key, "en"))


@lru_cache(maxsize=1)
def _templates_statement():
    """``template_for``'s statement, built once per process (at first use: the mappers are
    configured by then), bound per call."""
    return select(EmailTemplate).where(
        EmailTemplate.key == bindparam("key"),
        or_(EmailTemplate.company_id == bindparam("company_id"), EmailTemplate.company_id.is_(None)))


#: The columns of a template ``templates_read`` carries, in order.
_TEMPLATE_FIELDS = ("id", "company_id", "key", "locale", "name", "subject", "body")


def templates_read(key: str, company_id, dialect: str):
    """The stored templates of ``key`` for the company ``company_id`` (a column or a bound
    parameter of the caller's statement) and the global ones, as one JSON array column a
    hot statement can carry (the apply POST's job read: ``jobs.queries.open_job_to_apply``);
    ``templates_of`` turns the answer into what ``template_for(…, stored=…)`` takes."""
    from sqlalchemy import JSON

    columns = [getattr(EmailTemplate, name) for name in _TEMPLATE_FIELDS]
    if dialect == "postgresql":
        aggregate = func.json_agg(func.json_build_array(*columns), type_=JSON)
    else:
        aggregate = func.json_group_array(func.json_array(*columns), type_=JSON)
    return (select(aggregate).where(EmailTemplate.key == key,
                                    or_(EmailTemplate.company_id == company_id, EmailTemplate.company_id.is_(None)))
            .scalar_subquery())


def templates_of(answer) -> list[EmailTemplate]:
    """``templates_read``'s answer as templates (not in the session: read only)."""
    if isinstance(answer, str):  # a driver that hands JSON over as text
        import json

        answer = json.loads(answer)
    return [EmailTemplate(**dict(zip(_TEMPLATE_FIELDS, values, strict=True))) for values in answer or ()]


def language_order(locale: str | Sequence[str] | None) -> list[str]:
    """``["fi", "sv"]`` → ``["fi", "sv", "en"]``: the languages to try, without repeats or
    blanks, English last."""
    codes = [locale] if isinstance(locale, str) or locale is None else list(locale)
    return list(dict.fromkeys([c for c in codes if c] + ["en"]))


def template_in_language(template: EmailTemplate, locale: str | Sequence[str]) -> EmailTemplate:
    """The same email (same key, same owner) as a chosen ``template`` in the reader's
    language, when one exists; else ``template`` itself."""
    order = language_order(locale)
    if template.locale == order[0]:
        return template
    found = template_for(template.company_id, template.key, order)
    if found is None or found.locale not in order:
        return template
    if template.locale in order and order.index(template.locale) <= order.index(found.locale):
        return template
    return found


def _has_shipped(key: str, locale: str) -> bool:
    return any(spec["key"] == key and locale in spec["translations"] for spec in DEFAULT_TEMPLATES)


def _shipped_default(key: str, locale: str) -> EmailTemplate | None:
    """The built-in text when the database has no template for ``key`` (not yet installed
    with ``flask templates install``): email keeps working on a fresh deployment."""
    for spec in DEFAULT_TEMPLATES:
        if spec["key"] == key:
            locale = locale if locale in spec["translations"] else "en"
            subject, body = spec["translations"][locale]
            return EmailTemplate(company_id=None, key=key, locale=locale, name=spec["name"], subject=subject, body=body)
    return None


def templates_available(company_id: int) -> list[EmailTemplate]:
    """Templates a recruiter of ``company_id`` may pick: the company's own plus defaults."""
    return list(db.session.scalars(
        select(EmailTemplate)
        .where(or_(EmailTemplate.company_id == company_id, EmailTemplate.company_id.is_(None)))
        .order_by(EmailTemplate.company_id.is_(None), EmailTemplate.name, EmailTemplate.locale)
    ))


def save_template(template: EmailTemplate | None, *, company_id: int | None, key: str, name: str,
                  subject: str, body: str, locale: str = "en") -> EmailTemplate:
    """Save a template after checking it is plain text with known merge fields (raises
    ``rendering.TemplateProblem`` and changes nothing otherwise). Saving also clears the
    notice of a template that the move to merge fields reset."""
    rendering.check(subject, body)
    if template is None:
        template = EmailTemplate(company_id=company_id)
        db.session.add(template)
    template.key, template.name, template.subject, template.body, template.locale = key, name, subject, body, locale
    template.reset_at = template.legacy_subject = template.legacy_body = None
    db.session.commit()
    return template


def reset_templates(company_id: int | None) -> list[EmailTemplate]:
    """The company's (or, for ``None``, the global) templates that the move to merge
    fields reset to the default and that nobody has saved since."""
    return list(db.session.scalars(
        select(EmailTemplate).where(EmailTemplate.reset_at.is_not(None),
                                    EmailTemplate.company_id.is_(None) if company_id is None
                                    else EmailTemplate.company_id == company_id)
        .order_by(EmailTemplate.name, EmailTemplate.locale)))


def ensure_default_templates() -> int:
    """Create the shipped global templates that do not exist yet; returns how many."""
    created = 0
    for spec in DEFAULT_TEMPLATES:
        for locale, (subject, body) in spec["translations"].items():
            exists = db.session.scalar(select(EmailTemplate.id).where(
                EmailTemplate.company_id.is_(None), EmailTemplate.key == spec["key"], EmailTemplate.locale == locale))
            if not exists:
                db.session.add(EmailTemplate(company_id=None, key=spec["key"], locale=locale, name=spec["name"],
                                             subject=subject, body=body))
                created += 1
    db.session.commit()
    return created


# ---------------------------------------------------------------- outbox

def queue_email(*, to: str, subject: str, body: str, kind: str, dedupe_key: str,
                company_id: int | None = None, application_id: int | None = None,
                locale: str | None = None, due_at: datetime | None = None,
                ics: tuple[str, str] | None = None, new_key: bool = False) -> OutboxEmail:
    """Write an outbox row (once per ``dedupe_key``) and send it after the commit.
    ``locale`` is the language it is written in (the card shows it). With ``due_at`` in the
    future the email waits in the database until then (the sweeper's outbox step sends it,
    ARCHITECTURE: any delay over 5 minutes is a swept due date) and can be cancelled before.
    ``new_key``: the caller knows no row can hold ``dedupe_key`` yet (it names a row this
    transaction inserted), so it is not looked up; the unique key still guards it."""
    if not new_key:
        existing = db.session.scalar(select(OutboxEmail).where(OutboxEmail.dedupe_key == dedupe_key))
        if existing is not None:
            return existing
    row = OutboxEmail(**outbox_values(to=to, subject=subject, body=body, kind=kind, dedupe_key=dedupe_key,
                                      company_id=company_id, application_id=application_id, locale=locale,
                                      due_at=due_at, ics=ics))
    db.session.add(row)
    db.session.flush()
    send_after_commit(row.id, due_at)
    return row


def outbox_values(*, to: str, subject: str, body: str, kind: str, dedupe_key: str, company_id: int | None = None,
                  application_id: int | None = None, locale: str | None = None, due_at: datetime | None = None,
                  ics: tuple[str, str] | None = None) -> dict:
    """The outbox row ``queue_email`` writes, as values (a caller that inserts it with its own
    statement, with a key known to be new, then calls ``send_after_commit`` with its id)."""
    return {"company_id": company_id, "application_id": application_id, "kind": kind, "dedupe_key": dedupe_key,
            "to_addr": to, "subject": rendering.clean_header(subject), "body_text": body,
            "status": OutboxStatus.PENDING, "locale": (locale or None) and locale[:8], "due_at": due_at,
            "reply_token": secrets.token_hex(16) if application_id is not None else None,
            "ics_method": ics[0] if ics else None, "ics": ics[1] if ics else None}


def send_after_commit(outbox_id: int, due_at: datetime | None = None) -> None:
    """Send the outbox row ``outbox_id`` once the transaction that wrote it commits (at
    ``due_at`` when that is later: the sweeper's outbox step sends it then)."""
    if due_at is not None and due_at > utcnow():
        return
    from app.messaging.tasks import send_email

    background.defer(send_email, outbox_id, job_id=f"email-{outbox_id}-0", **send_email_options())


def send_email_options() -> dict:
    """Where and how ``send_email`` runs: the emails queue, RQ's quick retries."""
    from rq import Retry

    return {"queue": "emails", "retry": Retry(max=2, interval=[30, 120]), "job_timeout": 60, "failure_ttl": 7 * 24 * 3600}


def queue_template_email(template: EmailTemplate, *, to: str, fields: dict, kind: str, dedupe_key: str,
                         company_id: int | None, application_id: int | None = None,
                         due_at: datetime | None = None, ics: tuple[str, str] | None = None,
                         new_key: bool = False) -> OutboxEmail:
    """``ics``: ``(method, text)`` of a calendar invitation to attach; ``new_key``: as
    ``queue_email``'s."""
    subject, body = rendering.render(template.subject, template.body, fields)
    return queue_email(to=to, subject=subject, body=body, kind=kind, dedupe_key=dedupe_key,
                       company_id=company_id, application_id=application_id, locale=template.locale,
                       due_at=due_at, ics=ics, new_key=new_key)


def template_email_values(template: EmailTemplate, *, to: str, fields: dict, kind: str, dedupe_key: str,
                          company_id: int | None, application_id: int | None = None) -> dict:
    """``queue_template_email``'s outbox row as values (``outbox_values``), sent now: for a
    caller whose key is new and that inserts the row itself, then calls ``send_after_commit``."""
    subject, body = rendering.render(template.subject, template.body, fields)
    return outbox_values(to=to, subject=subject, body=body, kind=kind, dedupe_key=dedupe_key, company_id=company_id,
                         application_id=application_id, locale=template.locale)


def cancel_scheduled(outbox_id: int) -> bool:
    """Withdraw an email that has not been sent: one conditional UPDATE, so it either wins
    against a worker claiming it (and is never sent) or loses (it is being or was sent, and
    this returns False). The caller commits."""
    return bool(db.session.execute(
        update(OutboxEmail).where(OutboxEmail.id == outbox_id, OutboxEmail.status == OutboxStatus.PENDING)
        .values(status=OutboxStatus.CANCELLED)).rowcount)


def deliver(outbox_id: int, batch: int | None = None) -> str:
    """Claim the row and send it over SMTP, then up to ``OUTBOX_BATCH - 1`` other due rows
    over the same connection. Returns the first row's resulting status.

    Each row is claimed on its own, just before it is sent, with one UPDATE … WHERE
    status='pending', so two workers (a batch racing the rows' own tasks, or a retry racing
    a sweep) never both send it, and its outcome is committed before the next row is
    claimed: a crash mid-batch leaves at most the one row in flight "sending" (the sweeper
    releases it after ``STALE_CLAIM``) and every row after it pending for its own task.
    Temporary failures put the row back with a due date and end the batch (the connection
    is suspect; the rest wait for their own tasks); a 5xx for one recipient fails that row
    for good, flags the application, and the batch goes on.
    """
    batch = max(1, batch or current_app.config.get("OUTBOX_BATCH", 1))
    with _Smtp() as smtp:
        if not _claim(outbox_id):
            row = db.session.get(OutboxEmail, outbox_id)
            return row.status if row else "gone"
        first = _send_claimed(db.session.get(OutboxEmail, outbox_id), smtp)
        sent = 1
        while sent < batch and smtp.usable:
            due = _due_ids(batch - sent, after=outbox_id)
            if not due:
                break
            claimed = 0
            for other in due:
                if not smtp.usable:
                    break
                if _claim(other):
                    _send_claimed(db.session.get(OutboxEmail, other), smtp)
                    claimed += 1
            if not claimed:  # another worker took them all: leave the rest to it
                break
            sent += claimed
            outbox_id = due[-1]
    return first


def _claim(outbox_id: int) -> bool:
    now = utcnow()
    claimed = db.session.execute(
        update(OutboxEmail)
        .where(OutboxEmail.id == outbox_id, OutboxEmail.status == OutboxStatus.PENDING,
               or_(OutboxEmail.next_attempt_at.is_(None), OutboxEmail.next_attempt_at <= now),
               or_(OutboxEmail.due_at.is_(None), OutboxEmail.due_at <= now))
        .values(status=OutboxStatus.SENDING, claimed_at=now, attempts=OutboxEmail.attempts + 1)
    ).rowcount
    db.session.commit()
    return bool(claimed)


def _due_ids(limit: int, after: int) -> list[int]:
    """Due rows for the rest of a batch, oldest first (after the batch's last id, then from
    the start), so concurrent batches mostly take different rows."""
    now = utcnow()
    due = (OutboxEmail.status == OutboxStatus.PENDING,
           or_(OutboxEmail.next_attempt_at.is_(None), OutboxEmail.next_attempt_at <= now),
           or_(OutboxEmail.due_at.is_(None), OutboxEmail.due_at <= now))
    ids = list(db.session.scalars(select(OutboxEmail.id).where(*due, OutboxEmail.id > after)
                                  .order_by(OutboxEmail.id).limit(limit)))
    if len(ids) < limit:
        ids += db.session.scalars(select(OutboxEmail.id).where(*due, OutboxEmail.id < after)
                                  .order_by(OutboxEmail.id).limit(limit - len(ids)))
    db.session.commit()  # no transaction held while talking to the SMTP server
    return ids


def _send_claimed(row: OutboxEmail, smtp: _Smtp) -> str:
    """Send one claimed row and commit its outcome (exactly one of sent, pending again, failed)."""
    try:
        smtp.send(row)
    except PermanentSendError as exc:
        _fail(row, str(exc))
    except (TimeoutError, smtplib.SMTPException, OSError) as exc:
        smtp.usable = False
        _postpone(row, exc)
    else:
        row.status, row.sent_at, row.last_error = OutboxStatus.SENT, utcnow(), None
        db.session.commit()
    return row.status


class _Smtp:
    """One SMTP connection for a batch, opened at the first send and closed (QUIT) at the end."""

    def __init__(self):
        self.conn = None
        self.usable = True

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        if self.conn is not None:
            _close(self.conn.host)

    def send(self, row: OutboxEmail) -> None:
        msg = Message(subject=row.subject, recipients=[row.to_addr], body=row.body_text,
                      sender=current_app.config["MAIL_DEFAULT_SENDER"], reply_to=reply_address(row))
        msg.msgId = row.message_id
        if row.ics:
            msg.attach("invite.ics", f"text/calendar; method={row.ics_method or 'REQUEST'}; charset=UTF-8",
                       row.ics.encode())
        if self.conn is None:
            self.conn = mail.connect()
            self.conn.host = self.conn.configure_host()
        try:
            self.conn.send(msg)
        except smtplib.SMTPRecipientsRefused as exc:
            codes = [code for code, _ in exc.recipients.values()]
            if codes and all(500 <= c < 600 for c in codes):  # the connection is fine: RSET and go on
                raise PermanentSendError(_describe(codes[0], next(iter(exc.recipients.values()))[1])) from exc
            raise
        except smtplib.SMTPResponseException as exc:
            if 500 <= exc.smtp_code < 600:
                self.usable = False  # refused at DATA: do not push the rest through this server now
                raise PermanentSendError(_describe(exc.smtp_code, exc.smtp_error)) from exc
            raise


def reply_address(row: OutboxEmail) -> str | None:
    """``reply+<token>@<REPLY_DOMAIN>`` for an email about an application, else None."""
    if not row.reply_token:
        return None
    return f"reply+{row.reply_token}@{current_app.config['REPLY_DOMAIN']}"


def _close(host) -> None:
    """QUIT politely; a server that already hung up must not mask the real error."""
    if host is None:
        return
    try:
        host.quit()
    except (smtplib.SMTPException, OSError):
        host.close()


def _describe(code: int, message: bytes | str) -> str:
    text = message.decode(errors="replace") if isinstance(message, bytes) else str(message)
    return f"{code} {text}"[:480]


def _postpone(row: OutboxEmail, exc: BaseException) -> None:
    error = _describe(getattr(exc, "smtp_code", 0), getattr(exc, "smtp_error", b"") or str(exc)) \
        if isinstance(exc, smtplib.SMTPResponseException) else f"{type(exc).__name__}: {exc}"[:480]
    if row.attempts > len(BACKOFF):
        _fail(row, error)
        return
    row.status, row.last_error = OutboxStatus.PENDING, error
    row.next_attempt_at = utcnow() + BACKOFF[row.attempts - 1]
    db.session.commit()
    log.info("email %s postponed after attempt %s", row.id, row.attempts)


def _fail(row: OutboxEmail, error: str) -> None:
    row.status, row.last_error = OutboxStatus.FAILED, error
    email_failed.send(row, error=error)  # the applications feature marks its application (same transaction)
    db.session.commit()
    log.warning("email %s failed permanently", row.id)


def relay_outbox(limit: int = 500) -> int:
    """Sweeper step: release claims of killed workers and enqueue every due email whose task
    is not already waiting in the queue."""
    from app.messaging.tasks import send_email

    now = utcnow()
    db.session.execute(
        update(OutboxEmail)
        .where(OutboxEmail.status == OutboxStatus.SENDING, OutboxEmail.claimed_at < now - STALE_CLAIM)
        .values(status=OutboxStatus.PENDING, next_attempt_at=None)
    )
    db.session.commit()
    due = db.session.execute(
        select(OutboxEmail.id, OutboxEmail.attempts).where(
            OutboxEmail.status == OutboxStatus.PENDING,
            or_(OutboxEmail.next_attempt_at.is_(None), OutboxEmail.next_attempt_at <= now),
            or_(OutboxEmail.due_at.is_(None), OutboxEmail.due_at <= now),
            OutboxEmail.created_at <= now - timedelta(seconds=20),
        ).limit(limit)
    ).all()
    # A row whose task is still waiting in the queue (the web's, or an earlier sweep's, behind a
    # backlog) gets no second one: it would only find the row claimed, and under load every
    # sweep re-enqueued every email older than 20 s, tripling the emails queue (docs/performance.md,
    # session 28, branch load16).
    waiting = background.waiting(send_email_options()["queue"]) if due else set()
    count = 0
    for outbox_id, attempts in due:
        job_id = f"email-{outbox_id}-{attempts}"
        if job_id not in waiting and background.enqueue(send_email, outbox_id, job_id=job_id, **send_email_options()):
            count += 1
    return count


# ---------------------------------------------------------------- notifications

NOTIFICATION_KINDS = {  # labels of the Account page's choices, in the user's language
    "new_application": _l("New application"),
    "stage_changed": _l("Application moved"),
    "email_failed": _l("Email could not be delivered"),
    "posting_moderated": _l("Job board moderation"),
    "pending_pool": _l("Candidate in the Pending pool"),
    "integration_alert": _l("Integration needs attention"),
    "emrex_submitted": _l("Study records received (EMREX)"),
    "candidate_replied": _l("A candidate replied by email"),
    "scorecard_requested": _l("Feedback asked of you"),
    "scorecard_submitted": _l("Scorecard submitted"),
    "mention": _l("Someone mentioned you in a note"),
    "review_asked": _l("Someone asked you to review an application"),
}


def notify(users: list, *, company_id: int, kind: str, title, body="", link: str | None = None,
           dedupe_key: str) -> list[Notification]:
    """In-app notification for each user, plus an email for those who chose that kind.

    ``title`` and ``body`` may be lazy strings (``_l("…", name=…)``): each user's copy, in the
    bell and by email, is written in that user's language (``User.email_locale``)."""
    out = []
    for user in users:
        with force_locale(user.email_locale):
            title_text, body_text = str(title)[:300], str(body or "")
        note = Notification(company_id=company_id, user_id=user.id, kind=kind, title=title_text, body=body_text,
                            link=link)
        db.session.add(note)
        out.append(note)
        if user.wants_email_for(kind):
            _notify_email(user, kind, title_text, body_text, link, company_id, dedupe_key)
    _forget_unread()
    return out


def _notify_email(user, kind: str, title_text: str, body_text: str, link: str | None, company_id: int,
                  dedupe_key: str) -> None:
    parts = urlsplit(current_app.config["BASE_URL"])
    url = f"{parts.scheme}://{parts.netloc}{link}" if link else ""
    queue_email(to=user.email, subject=title_text, body=f"{body_text}\n\n{url}\n".strip() + "\n",
                kind=f"notify:{kind}", dedupe_key=f"notify:{dedupe_key}:{user.id}", company_id=company_id,
                locale=user.email_locale)


def notification_rows(users: list, *, company_id: int, kind: str, title, body="", link: str | None = None,
                      dedupe_key: str) -> list[dict]:
    """``notify`` without the ORM: the emails are queued as ``notify`` queues them, and the
    ``notifications`` rows come back as values for the caller to insert, all of them in one
    Core ``insert()`` (the EMREX return writes them in its one statement)."""
    rows = []
    for user in users:
        with force_locale(user.email_locale):
            title_text, body_text = str(title)[:300], str(body or "")
        rows.append({"company_id": company_id, "user_id": user.id, "kind": kind, "title": title_text,
                     "body": body_text, "link": link})
        if user.wants_email_for(kind):
            _notify_email(user, kind, title_text, body_text, link, company_id, dedupe_key)
    _forget_unread()
    return rows


#: The bell's count, built once per process (a bound parameter), not per page. count(*), not
#: count(id): ``ix_notifications_user_unread (user_id, read_at)`` answers it alone.
_UNREAD = select(func.count()).select_from(Notification).where(
    Notification.user_id == bindparam("user_id"), Notification.read_at.is_(None))


def unread_count(user_id: int) -> int:
    """The bell's figure, asked at most once per request (the layout's bell and a view that
    shows the figure share it) and forgotten when this request notifies or marks read. Kept
    in the request's environ, not ``g``: an app context can span several requests."""
    from flask import has_request_context, request

    memo = request.environ.setdefault("haku.unread", {}) if has_request_context() else {}
    if user_id not in memo:
        memo[user_id] = db.session.scalar(_UNREAD, {"user_id": user_id}) or 0
    return memo[user_id]


def unread_on_page():
    """The bell's figure as a scalar column a statement carries (the signed-in user's,
    app/security.py ``load_user``, on requests that draw the bell): the caller passes
    ``bell_user_id`` and keeps the answer with ``remember_unread``, and the layout's
    ``unread_count`` asks nothing more."""
    return select(func.count()).select_from(Notification).where(
        Notification.user_id == bindparam("bell_user_id"), Notification.read_at.is_(None)).scalar_subquery()


def remember_unread(user_id: int, count: int | None) -> None:
    """Keep the bell's figure for this request (read by a page's own statement)."""
    from flask import has_request_context, request

    if has_request_context():
        request.environ.setdefault("haku.unread", {})[user_id] = count or 0


def _forget_unread() -> None:
    from flask import has_request_context, request

    if has_request_context():
        request.environ.pop("haku.unread", None)


def mark_all_read(user_id: int, company_id: int) -> None:
    db.session.execute(update(Notification).where(
        Notification.user_id == user_id, Notification.company_id == company_id,
        Notification.read_at.is_(None)).values(read_at=utcnow()))
    db.session.commit()
    _forget_unread()
