"""EMREX, the return: the university posts the candidate back with a signed transcript, which is
checked and imported (PROTOCOL.md §4–§7)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import JSON, bindparam, column, func, insert, null, select, update
from sqlalchemy.orm import contains_eager, load_only
from sqlalchemy.orm.attributes import set_committed_value

from app.accounts.models import Company, User
from app.applications import files
from app.applications import services as applications
from app.applications.models import Application, Candidate, StageEntry
from app.clock import utcnow
from app.emrex.models import (
    AttemptOutcome,
    EmrexAttachment,
    EmrexAttempt,
    EmrexContactPoint,
    EmrexRequest,
    EmrexRequestStatus,
    EmrexSummaryStatus,
    EmrexTranscript,
    Review,
)
from app.emrex.services.common import HANDOFF_WINDOW
from app.emrex.services.invites import _event, _summary
from app.extensions import PREPARE_NOW, db

log = logging.getLogger(__package__)  # "app.emrex.services", as before the split


# ---------------------------------------------------------------- the return

@dataclass
class ReturnOutcome:
    """What the candidate's result page shows."""

    kind: str  # imported | cancelled | no_results | error | rejected | late | refused | unknown
    message: str = ""
    request: EmrexRequest | None = None
    transcript_id: int | None = None  # the imported transcript's row
    reason: str = ""  # why a rejected return was rejected, when the candidate can act on it (cert_expired)


OK_CODES = {"EMP_OK", "NCP_OK"}
CANCEL_CODES = {"EMP_CANCEL", "NCP_CANCEL"}
NO_RESULT_CODES = {"EMP_NO_RESULTS", "NCP_NO_RESULTS"}


def _claim(session_id: str | None) -> EmrexAttempt | None:
    """One UPDATE marks the open attempt used: a replay or a parallel duplicate finds
    nothing to claim. The claimed attempt comes back with everything the return reads, in one
    statement (``_load_claimed``); on PostgreSQL the UPDATE is part of that statement.

    The claim is not committed alone: it commits with the return's outcome (the import or the
    close), one transaction for both (issue 15: a commit and a new transaction cost more than
    the claim). A parallel duplicate still imports nothing: its UPDATE waits for the claimed
    row (PostgreSQL's row lock; SQLite's database lock) and then finds it used. A return that
    fails midway (a crash, a lost connection) rolls the claim back with the rest: the attempt
    stays open, and the sweeper closes it as abandoned after the hand-off window, as it does
    for an attempt with no return (a claim committed alone left such an attempt used and
    open, which nothing closed)."""
    session_id = (session_id or "").strip()
    if not session_id or len(session_id) > 32:
        return None
    params = {"claim_session": session_id, "claim_at": utcnow()}
    if db.session.get_bind().dialect.name == "postgresql":  # the claim rides in the load (a CTE)
        attempt = _load_claimed(params, claiming=True)
    elif db.session.execute(_CLAIM, params).rowcount:
        attempt = _load_claimed(params, claiming=False)
    else:
        attempt = None
    if attempt is None:
        db.session.rollback()
    return attempt


#: The claim, on the table (the ORM's bulk UPDATE would look for attempts to synchronise in a
#: session that holds none yet), built once with bound parameters.
_CLAIM = (update(EmrexAttempt.__table__)
          .where(EmrexAttempt.__table__.c.session_id == bindparam("claim_session"),
                 EmrexAttempt.__table__.c.used_at.is_(None), EmrexAttempt.__table__.c.outcome == AttemptOutcome.OPEN)
          .values(used_at=bindparam("claim_at", type_=EmrexAttempt.__table__.c.used_at.type)))

#: What ``_load_claimed`` learnt beside the rows, kept on the attempt for this return only.
_HELD_BEFORE = "_haku_held_before"
_LATEST_ENTRY = "_haku_latest_entry_id"
_CONTACT_POINT = "_haku_contact_point"


def _load_claimed(params: dict, *, claiming: bool) -> EmrexAttempt | None:
    """The attempt with its request, application, candidate, job, company, EMREX summary and
    contact point, whether the application already holds records for review, and its latest
    stage entry: one statement instead of a lazy load each (issue 15: the return is hot),
    built once per process (``_load_statement``). ``claiming`` (PostgreSQL): the statement
    makes the claim too, its UPDATE a data-modifying CTE the load joins, so an attempt
    another return claimed first (the UPDATE waits for its row, then finds it used) loads
    nothing. The load reads the row as it was before the claim: its ``used_at`` is set here."""
    row = db.session.execute(_load_statement(claiming), params).unique().one_or_none()
    if row is None:
        return None
    attempt, point, held_before, entry_id = row
    if claiming:
        set_committed_value(attempt, "used_at", params["claim_at"])
    attempt.__dict__[_HELD_BEFORE], attempt.__dict__[_LATEST_ENTRY] = bool(held_before), entry_id
    attempt.__dict__[_CONTACT_POINT] = point  # held: the session's identity map keeps only weak references
    return attempt


#: ``_load_statement``'s answers by ``claiming``, built on first use (the jobs' models import this package).
_LOAD: dict[bool, object] = {}


def _load_statement(claiming: bool):
    """``_load_claimed``'s statement with the sessionId as a bound parameter: building it and
    its eager-loading options cost as much as a statement's run. Only the columns the return
    and its result page read (the attempt's and the summary's are all read): the rest of a
    row — the job's description, the cover letter, the contact point's certificates — would be
    fetched and converted for nothing; any other column still loads on access. The job's owner
    and team come along for the import's notification (``applications.notify_users`` reads
    them from the job instead of asking)."""
    if claiming in _LOAD:
        return _LOAD[claiming]
    from app.jobs.models import Job

    held = select(EmrexTranscript.id).where(EmrexTranscript.application_id == Application.id,
                                            EmrexTranscript.review_status == Review.HELD).exists()
    latest_entry = (select(StageEntry.id).where(StageEntry.application_id == Application.id)
                    .order_by(StageEntry.id.desc()).limit(1).scalar_subquery())
    request = contains_eager(EmrexAttempt.request)
    application = request.contains_eager(EmrexRequest.application)
    job = application.joinedload(Application.job)
    # the job's owner and team, whom the import notifies (a row per member: a team is a few people)
    people = (User.company_id, User.email, User.name, User.is_enabled, User.locale, User.email_notification_kinds)
    stmt = (select(EmrexAttempt, EmrexContactPoint, held.label("held"), latest_entry.label("entry"))
            .join(EmrexAttempt.request).join(EmrexRequest.application)
            .outerjoin(EmrexContactPoint, EmrexContactPoint.id == EmrexAttempt.contact_point_id)
            .where(EmrexAttempt.session_id == bindparam("claim_session"))
            .options(request.load_only(EmrexRequest.company_id, EmrexRequest.application_id, EmrexRequest.status,
                                       EmrexRequest.opened_at, EmrexRequest.stated_birth_date),
                     application.load_only(Application.company_id, Application.candidate_id, Application.job_id,
                                           Application.stage_id, Application.status),
                     application.joinedload(Application.candidate).load_only(
                         Candidate.given_names, Candidate.family_name, Candidate.display_name, Candidate.locale),
                     job.load_only(Job.company_id, Job.owner_id),
                     job.joinedload(Job.company).load_only(
                         Company.slug, Company.name, Company.default_locale, Company.gpa_scale, Company.brand_colour,
                         Company.public_version, Company.logo_type),
                     job.joinedload(Job.owner).load_only(*people), job.joinedload(Job.team).load_only(*people),
                     application.joinedload(Application.emrex_summary),
                     load_only(EmrexContactPoint.name, EmrexContactPoint.institutions)))
    if claiming:
        claimed = _CLAIM.returning(EmrexAttempt.__table__.c.id).cte("claimed")
        stmt = stmt.join(claimed, claimed.c.id == EmrexAttempt.id)
    # the request's row locked until the return commits: two attempts of one request (two tabs)
    # returning at once take turns, and the second reads the request as the first left it
    # (closed by the import: refused, as when they come one after the other). SQLite's write
    # lock, taken by the claim, does the same there.
    stmt = stmt.with_for_update(of=EmrexRequest)
    # prepared on its first run on a connection: planning this join costs ~5× running it
    _LOAD[claiming] = stmt = stmt.execution_options(**{PREPARE_NOW: True})
    return stmt


def _commit_keeping_loaded() -> None:
    """Commit without expiring what the session holds: the result page reads the request,
    application, job, company and candidate just loaded and written (otherwise reloaded one
    by one after the commit). Anything not loaded still loads on access."""
    session = db.session()
    session.expire_on_commit = False
    try:
        session.commit()
    finally:
        session.expire_on_commit = True


#: The refusals before the body is read; each is also a code of ``app.emrex.reasons``, which
#: words it for the admin (the English here is what ``detail`` keeps).
REFUSALS = {"too_large": "The return was too large to accept.",
            "content_type": "The return had the wrong content type.",
            "session_mismatch": "The sessionId in the return does not match its return address."}


def refuse_return(url_session_id: str | None, reason: str) -> ReturnOutcome:
    """A return refused before its body was read (``too_large``, ``content_type``) or whose
    body names another attempt than its address (``session_mismatch``): the attempt named
    in the return address is closed at once as ``rejected`` (the request goes back to
    sent/opened, as for any return that imports nothing), not left for the sweeper."""
    attempt = _claim(url_session_id)
    if attempt is None:
        return ReturnOutcome("refused", reason)
    outcome = _close(attempt, AttemptOutcome.REJECTED, REFUSALS[reason], reason=reason)
    return ReturnOutcome("refused", reason, outcome.request)


def handle_return(session_id: str | None, return_code: str | None, return_message: str | None,
                  elmo: str | None, *, url_session_id: str | None = None) -> ReturnOutcome:
    """PROTOCOL §4–§6. ``url_session_id`` is the ``s`` of the return address, when the
    attempt was started with one: it must name the same attempt as the body."""
    if url_session_id is not None and url_session_id.strip() != (session_id or "").strip():
        return refuse_return(url_session_id, "session_mismatch")
    now = utcnow()
    attempt = _claim(session_id)
    if attempt is None:
        return ReturnOutcome("unknown")
    request = attempt.request
    code = (return_code or "").strip().upper()
    # what the university said, stored with the outcome (the import writes it in its own
    # UPDATE, so the commit has nothing left to flush)
    said = {"return_code": code[:40] or None, "return_message": (return_message or "")[:500] or None}
    if now - attempt.created_at > HANDOFF_WINDOW:
        return _close(attempt, AttemptOutcome.LATE, "The return came after the 15-minute window.", reason="late",
                      said=said)
    if not request.is_open:
        return _close(attempt, AttemptOutcome.REJECTED, "The request was closed meanwhile.", reopen=False,
                      reason="request_closed", said=said)
    if code in CANCEL_CODES:
        return _close(attempt, AttemptOutcome.CANCELLED, "", said=said)
    if code in NO_RESULT_CODES:
        return _close(attempt, AttemptOutcome.NO_RESULTS, "", said=said)
    if code not in OK_CODES:  # the university's own words when it gave some (not ours to translate)
        if said["return_message"]:
            return _close(attempt, AttemptOutcome.ERROR, said["return_message"], said=said)
        return _close(attempt, AttemptOutcome.ERROR, "The university reported an error.", reason="university_error",
                      said=said)
    return _import(attempt, elmo or "", said)


def _close(attempt: EmrexAttempt, outcome: AttemptOutcome, detail: str, *, reopen: bool = True,
           reason: str | None = None, said: dict | None = None) -> ReturnOutcome:
    """Every return that imports nothing closes the attempt; the request goes back to
    ``sent`` so the link still works and reminders continue. ``reason`` is the code the admin
    words in each reader's language (``app.emrex.reasons``); ``detail`` its English, kept for
    the logs and as it was stored before the codes. ``said``: the return's code and message,
    when it came with them."""
    request = attempt.request
    for key, value in (said or {}).items():
        setattr(attempt, key, value)
    attempt.outcome, attempt.detail, attempt.reason = outcome, (detail or None) and detail[:500], reason
    if reopen and request.is_open:
        request.status = EmrexRequestStatus.OPENED if request.opened_at else EmrexRequestStatus.SENT
        _summary(request.application, status=request.status)
    kind = {AttemptOutcome.CANCELLED: "emp_cancelled", AttemptOutcome.NO_RESULTS: "no_results"}.get(outcome, "error")
    _event(request, kind, detail or outcome, reason=reason)
    applications.add_event(request.application, "emrex_attempt_closed", data={
        "outcome": outcome, "detail": detail or "", **({"reason": reason} if reason else {})})
    _commit_keeping_loaded()
    return ReturnOutcome(outcome, detail, request)


def _import(attempt: EmrexAttempt, elmo_field: str, said: dict) -> ReturnOutcome:
    from app.emrex import elmo, grades, identity

    request = attempt.request
    application = request.application
    try:
        xml_bytes = elmo.decode_elmo_field(elmo_field)
        root = elmo.parse_xml(xml_bytes)
        signature = elmo.verify_signature(root, attempt.certificates)
        transcript = elmo.parse_transcript(root)  # the same tree whose signature was verified
    except elmo.ElmoError as exc:
        log.info("EMREX return rejected: %s", getattr(exc, "reason", type(exc).__name__))
        return _close(attempt, AttemptOutcome.REJECTED, str(exc), reason=exc.reason, said=said)
    if signature.sha1:
        log.info("EMREX transcript signed with SHA-1 (accepted, noted on the card): attempt %s, %s", attempt.id,
                 attempt.emp_name)
    if signature.cert_expired:
        log.warning("EMREX registry certificate expired: attempt %s, %s (policy %s)", attempt.id, attempt.emp_name,
                    current_app.config["EMREX_EXPIRED_CERTIFICATES"])
        if current_app.config["EMREX_EXPIRED_CERTIFICATES"] == "reject":
            outcome = _close(attempt, AttemptOutcome.REJECTED, "The university's signing certificate has expired.",
                             reason="cert_expired", said=said)
            outcome.reason = "cert_expired"
            return outcome
    schema_valid = elmo.validate_schema(root)
    candidate = application.candidate
    learner = transcript.learner
    check = identity.check_learner(learner.given_names, learner.family_name, learner.bday,
                                   app_given=candidate.given_names, app_family=candidate.family_name,
                                   stated_bday=request.stated_birth_date)
    company = db.session.get(Company, request.company_id)
    summary = grades.transcript_gpa(transcript.reports, company.gpa_scale)
    degrees = transcript.degrees()
    raw = files.store_values(request.company_id, f"elmo-{attempt.session_id}.xml", xml_bytes, "application/xml")
    learner_row = {"given_names": learner.given_names, "family_name": learner.family_name,
                   "bday": learner.bday.isoformat() if learner.bday else None}
    if learner.bday_unreadable:
        learner_row["bday_unreadable"] = learner.bday_unreadable[:40]
    institution = transcript.reports[0].issuer_name if transcript.reports else None
    held = check.status == identity.IdentityMatch.MISMATCH
    now = utcnow()
    row = {
        "company_id": request.company_id, "request_id": request.id, "attempt_id": attempt.id,
        "application_id": application.id, "signature_verified": True, "signature_algorithm": signature.algorithm,
        "cert_expired": signature.cert_expired, "schema_valid": schema_valid, "legacy": transcript.legacy,
        "identity_status": check.status, "identity_detail": _jsonable(check.details), "learner": learner_row,
        "reports": [_report_dict(report) for report in transcript.reports],
        "institution": institution, "degree": degrees[0].title if degrees else None,
        "total_ects": elmo.total_ects(transcript), "gpa": summary.value, "gpa_scale": company.gpa_scale,
        "gpa_detail": _gpa_dict(summary), "checks": {"issuer": _issuer_check(attempt, transcript), "sha1": signature.sha1},
        "review_status": Review.HELD if held else Review.CLEAR, "created_at": now}
    notes: list[dict] = []
    if held:
        # Someone else's records (a forwarded link) must not count for this candidate
        # until a recruiter has looked: nothing of them reaches the summary or the timeline.
        summary_values = {"status": EmrexSummaryStatus.HELD, "needs_review": True}
        event = ("emrex_held", {"identity": check.status, **_jsonable(check.details)})
        _notify_team(attempt, application, _l("Study records for %(name)s need review",
                                              name=application.candidate.full_name), notes)
    else:
        held_before = attempt.__dict__[_HELD_BEFORE] if _HELD_BEFORE in attempt.__dict__ \
            else _any_held(application)
        summary_values = {"status": EmrexSummaryStatus.COMPLETED, "institution": institution,
                          "degree": row["degree"], "credits_total": row["total_ects"], "gpa": row["gpa"],
                          "needs_review": held_before}
        event = ("emrex_imported", {"institution": institution or "", "identity": check.status,
                                    "gpa": str(row["gpa"] or "")})
        _notify_team(attempt, application, _l("%(name)s transferred study records",
                                              name=application.candidate.full_name), notes)
    attachments = [a for report in transcript.reports for a in report.attachments]
    attachments += getattr(transcript, "attachments", []) or []
    transcript_id = _write_import(attempt, said, raw, row, summary_values, event, notes, attachments, now)
    _commit_keeping_loaded()
    return ReturnOutcome("imported", "", request, transcript_id)


def _any_held(application: Application) -> bool:
    """Does the application hold records for review already (asked before this return's
    transcript is written; ``_load_claimed`` brings the answer with the attempt)?"""
    return db.session.scalar(select(EmrexTranscript.id).where(
        EmrexTranscript.application_id == application.id, EmrexTranscript.review_status == Review.HELD)
        .limit(1)) is not None


def _write_import(attempt: EmrexAttempt, said: dict, raw: dict, row: dict, summary_values: dict, event: tuple[str, dict],
                  notes: list[dict], attachments: list, now) -> int:
    """Every row of an imported return with Core statements, not ORM objects (issue 15: a
    unit of work costs about a millisecond of CPU per row): the raw file, the transcript, the
    request's event, the timeline event, the summary, the attempt, request and application
    updates and the team's notifications are one statement on PostgreSQL (each a
    data-modifying CTE of the transcript's INSERT; the notifications' rows one JSON
    parameter), one each elsewhere (the notifications one ``insert()`` of all of them). The
    statements are built once per process with bound parameters (``_import_statements``),
    none named as a column (a parameter named as a column of the INSERT would be taken as
    that column's value). The objects the session holds get the written values as their
    committed state, so the commit flushes nothing and the result page reads what was
    written; the return's code and message (``said``) are written here, not set on the
    attempt before. Returns the transcript's id."""
    from app.emrex.models import EmrexSummary
    from app.messaging.models import Notification

    request = attempt.request
    application = request.application
    detail = row["institution"]
    attempt_values = {"outcome": AttemptOutcome.IMPORTED, **said}
    request_values = {"status": EmrexRequestStatus.COMPLETED, "finished_at": now, "next_reminder_at": None,
                      "stated_birth_date": None}  # the birth date was for the identity check; not kept
    application_values = {"last_activity_at": now, "last_activity_by_id": None, "updated_at": now}
    loaded = "emrex_summary" in application.__dict__
    summary_row = application.__dict__["emrex_summary"] if loaded else db.session.get(EmrexSummary, application.id)
    params = {
        "x_company": request.company_id, "x_application": application.id, "x_request": request.id,
        "x_attempt": attempt.id, "x_now": now,
        **{"f_" + k: v for k, v in raw.items() if k not in _SHARED},
        **{"t_" + k: v for k, v in row.items() if k not in _SHARED},
        "e_kind": "submitted", "e_detail": (detail or None) and detail[:500],
        "v_kind": event[0], "v_data": event[1],
        **{"a_" + k: v for k, v in attempt_values.items()}, "r_status": request_values["status"],
        **{"s_" + k: v for k, v in summary_values.items()},
    }
    pg = db.session.get_bind().dialect.name == "postgresql"
    statements = _import_statements(pg, tuple(summary_values), summary_row is not None)
    with db.session.no_autoflush:
        if pg:  # the notifications too: their rows are one JSON parameter
            transcript_id = db.session.execute(statements[0], {**params, "x_notes": notes}).scalar_one()
        else:
            params["t_raw_file_id"] = db.session.execute(statements[0], params).scalar_one()
            transcript_id = db.session.execute(statements[1], params).scalar_one()
            for stmt in statements[2:]:
                db.session.execute(stmt, params)
            if notes:  # one INSERT of every member's row (executemany: a multi-VALUES statement is not cached)
                db.session.execute(insert(Notification.__table__), [{**note, "read_at": None, "created_at": now}
                                                                    for note in notes])
        if attachments:
            _write_attachments(row["company_id"], transcript_id, attachments, now)
    for obj, values in ((attempt, attempt_values), (request, request_values), (application, application_values),
                        (summary_row if loaded else None, summary_values)):
        if obj is not None:
            for key, value in values.items():
                set_committed_value(obj, key, value)
    return transcript_id


#: The parameters the import's rows share, one each, by column (issue 15: psycopg caches a
#: statement's conversion only up to 50 parameters); like every parameter there, none is
#: named as a column (``_write_import``).
_SHARED = {"company_id": "x_company", "application_id": "x_application", "request_id": "x_request",
           "attempt_id": "x_attempt", "created_at": "x_now"}

#: ``_import_statements``' answers by (PostgreSQL, the summary's columns, the summary exists).
_IMPORT_STATEMENTS: dict[tuple, list] = {}


def _import_statements(pg: bool, summary_keys: tuple[str, ...], summary_exists: bool) -> list:
    """The import's statements with bound parameters (``_write_import`` names them), built once
    per process for each shape: building and keying a statement of this size costs more
    than running it. PostgreSQL: one INSERT of the transcript carrying every other write as
    a data-modifying CTE (the raw file's INSERT gives its id; the rest run beside it). Else:
    the raw file's INSERT, the transcript's, then the others, one statement each."""
    key = (pg, summary_keys, summary_exists)
    if key in _IMPORT_STATEMENTS:
        return _IMPORT_STATEMENTS[key]
    from app.applications.models import StoredFile, TimelineEvent
    from app.emrex.models import EmrexRequestEvent, EmrexSummary

    def bound(table, prefix: str, columns) -> dict:
        """Each column's bound parameter: the ids and the time every row shares are one
        parameter each (``_SHARED``), the others the table's prefix + the column's name."""
        return {c: bindparam(_SHARED.get(c, prefix + c), type_=table.c[c].type) for c in columns}

    files_table, transcripts = StoredFile.__table__, EmrexTranscript.__table__
    attempts, requests, apps = EmrexAttempt.__table__, EmrexRequest.__table__, Application.__table__
    events, timeline, summaries = EmrexRequestEvent.__table__, TimelineEvent.__table__, EmrexSummary.__table__
    raw_insert = (insert(files_table).values(**bound(files_table, "f_", (
        "company_id", "storage_key", "filename", "content_type", "size", "sha256", "created_at")))
        .returning(files_table.c.id))
    transcript_columns = ("company_id", "request_id", "attempt_id", "application_id", "signature_verified",
                          "signature_algorithm", "cert_expired", "schema_valid", "legacy", "identity_status",
                          "identity_detail", "learner", "reports", "institution", "degree", "total_ects", "gpa",
                          "gpa_scale", "gpa_detail", "checks", "review_status", "created_at")
    summary = (update(summaries).where(summaries.c.application_id == bindparam("x_application"))
               .values(**bound(summaries, "s_", summary_keys)) if summary_exists else
               insert(summaries).values(**bound(summaries, "s_", ("application_id", "company_id", *summary_keys))))
    now = bindparam("x_now", type_=requests.c.finished_at.type)
    others = [
        insert(events).values(**bound(events, "e_", ("company_id", "request_id", "kind", "detail", "created_at")),
                              reason=null()),
        insert(timeline).values(**bound(timeline, "v_", ("company_id", "application_id", "kind", "data", "created_at")),
                                actor_id=null()),
        update(attempts).where(attempts.c.id == bindparam("x_attempt"))
        .values(**bound(attempts, "a_", ("outcome", "return_code", "return_message"))),
        update(requests).where(requests.c.id == bindparam("x_request"))
        .values(status=bindparam("r_status", type_=requests.c.status.type), finished_at=now,
                next_reminder_at=null(), stated_birth_date=null()),
        update(apps).where(apps.c.id == bindparam("x_application"))
        .values(last_activity_at=now, last_activity_by_id=null(), updated_at=now),
        summary,
    ]
    if pg:
        raw_cte = raw_insert.cte("raw_file")
        statements = [insert(transcripts).values(**bound(transcripts, "t_", transcript_columns),
                                                 raw_file_id=select(raw_cte.c.id).scalar_subquery())
                      .returning(transcripts.c.id)
                      .add_cte(raw_cte, *(part.cte(f"w{i}") for i, part in enumerate([*others, _notes_insert(now)])))
                      .execution_options(**{PREPARE_NOW: True})]  # as the load: prepared on its first run
    else:
        statements = [raw_insert,
                      insert(transcripts).values(**bound(transcripts, "t_", (*transcript_columns, "raw_file_id")))
                      .returning(transcripts.c.id), *others]
    _IMPORT_STATEMENTS[key] = statements
    return statements


def _notes_insert(now):
    """PostgreSQL: the team's notifications as one INSERT whatever the team's size, their rows
    one JSON parameter (``x_notes``: ``messaging.notification_rows``' values) read back as
    typed columns; none when the list is empty."""
    from app.messaging.models import Notification

    notifications = Notification.__table__
    names = ("company_id", "user_id", "kind", "title", "body", "link")
    rows = (func.json_to_recordset(bindparam("x_notes", type_=JSON))
            .table_valued(*(column(name, notifications.c[name].type) for name in names))
            .render_derived(name="note", with_types=True))
    return insert(notifications).from_select(
        [*names, "read_at", "created_at"], select(*(rows.c[name] for name in names), null(), now))


def _write_attachments(company_id: int, transcript_id: int, attachments: list, now) -> None:
    """The transcript's attachments (rare: a PDF copy of the transcript): the PDFs' files,
    then one ``insert()`` of the attachment rows, in the document's order."""
    from app.applications.models import StoredFile

    files_table = StoredFile.__table__
    rows = []
    for attachment in attachments:
        data = getattr(attachment, "data", None)
        file_id = None
        if data and files.looks_like_pdf(data):
            values = files.store_values(company_id, (attachment.title or "attachment")[:150] + ".pdf", data)
            file_id = db.session.execute(insert(files_table).values(**values, created_at=now)
                                         .returning(files_table.c.id)).scalar_one()
        rows.append({"company_id": company_id, "transcript_id": transcript_id, "file_id": file_id,
                     "title": (attachment.title or "")[:300], "kind": (attachment.type or "")[:60]})
    db.session.execute(insert(EmrexAttachment.__table__).values(rows))


def _notify_team(attempt: EmrexAttempt, application: Application, title, rows: list[dict]) -> None:
    """The team's notification, as rows for ``_write_import`` to insert (an email for a
    member who asked for one is queued as usual). Its reads (the team, the latest stage entry
    when the load did not bring it) do not need this return's rows, so they flush nothing."""
    with db.session.no_autoflush:
        applications.notify_team(application, "emrex_submitted", title,
                                 entry_id=attempt.__dict__.get(_LATEST_ENTRY, applications.UNKNOWN_ENTRY), rows=rows)


def _issuer_check(attempt: EmrexAttempt, transcript) -> dict | None:
    """The institution named in the document against the one the candidate picked (the
    contact point's institutions): None when there is nothing to compare."""
    from app.emrex.identity import issuer_agrees

    point = db.session.get(EmrexContactPoint, attempt.contact_point_id) if attempt.contact_point_id else None
    picked = list(point.institutions or []) + [point.name] if point is not None else []
    issuers = [r for r in transcript.reports if r.issuer_names or r.issuer_schac]
    if not issuers:
        return None
    verdicts = [issuer_agrees(picked, r.issuer_names, r.issuer_schac) for r in issuers]
    if all(v is None for v in verdicts):
        return None
    differing = [r for r, v in zip(issuers, verdicts, strict=True) if v is False]
    return {"picked": (attempt.emp_name or "")[:300], "agrees": not differing,
            "document": ((differing or issuers)[0].issuer_name or "")[:300]}


def _jsonable(value):
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (date, Decimal)):
        return str(value)
    return value


def _opportunity_dict(opp) -> dict:
    return {
        "title": opp.title, "code": opp.code, "type": opp.type,
        "credits": [{"scheme": c[0], "value": str(c[1]) if c[1] is not None else None, "level": c[2]}
                    for c in (opp.credits or [])],
        "grade": opp.result_label, "status": opp.status, "date": str(opp.date) if opp.date else None,
        "term": opp.academic_term, "language": opp.language,
        "outcome": opp.outcome, "derived": opp.derived, "scheme": opp.grading_scheme,
        "unreadable": list(opp.unreadable), "gpa": opp.gpa_role,
        "children": [_opportunity_dict(child) for child in opp.children],
    }


def _report_dict(report) -> dict:
    return {"issuer": report.issuer_name, "country": report.issuer_country, "schac": report.issuer_schac,
            "issue_date": str(report.issue_date) if report.issue_date else None,
            "opportunities": [_opportunity_dict(o) for o in report.opportunities]}


def _gpa_dict(summary) -> dict:
    return _jsonable({k: getattr(summary, k) for k in (
        "value", "credits_counted", "graded_count", "failed_count", "pass_fail_count", "not_convertible_count",
        "no_credits_count", "components_skipped", "level", "levels")})
