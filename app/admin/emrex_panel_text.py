"""What the card's EMREX panel says, from the stored rows: labels, the GPA sentence, why a row
is left out of the average (pure functions of the rows; no queries, no Flask routes)."""

from __future__ import annotations

from babel.lists import format_list
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from app.emrex import reasons
from app.emrex.columns import STATUS_LABELS, format_credits, format_scale
from app.emrex.models import AttemptOutcome, EmrexAttempt, EmrexRequestEvent, EmrexTranscript
from app.security import current_locale

ATTEMPT_LABELS = {
    AttemptOutcome.REJECTED: _l("Rejected"), AttemptOutcome.CANCELLED: _l("Cancelled at the university"),
    AttemptOutcome.ERROR: _l("University error"), AttemptOutcome.LATE: _l("Returned too late"),
    AttemptOutcome.NO_RESULTS: _l("No results sent"), AttemptOutcome.ABANDONED: _l("Not completed"),
}
ATTEMPT_REASONS = {
    AttemptOutcome.REJECTED: _l("The records could not be accepted."),
    AttemptOutcome.CANCELLED: _l("The candidate cancelled at the university; they can try again with the same link."),
    AttemptOutcome.ERROR: _l("The university reported an error."),
    AttemptOutcome.LATE: _l("The candidate came back from the university more than 15 minutes after leaving; "
                            "they can try again with the same link."),
    AttemptOutcome.NO_RESULTS: _l("The university had no results to send."),
    AttemptOutcome.ABANDONED: _l("The candidate did not come back from the university within 15 minutes."),
}
#: The request's history, one label per event kind (app/emrex/services: ``_event``).
EVENT_LABELS = {
    "sent": _l("Request sent"), "reminded": _l("Reminder sent"), "opened": _l("Link opened"),
    "confirmed": _l("The candidate confirmed the request is theirs"), "reopened": _l("Reopened by the candidate"),
    "handed_off": _l("Sent to the university"), "submitted": _l("Records received"),
    "emp_cancelled": _l("Cancelled at the university"), "no_results": _l("No results sent"),
    "error": _l("The return brought no records"), "expired": _l("Expired"),
    "opted_out": _l("The candidate declined"),
}
OUTCOME_LABELS = {"passed": _l("passed"), "failed": _l("failed"), "in-progress": _l("in progress"),
                  "unknown": _l("unknown")}
GPA_ROLE_LABELS = {"failed": _l("failed"), "pass_fail": _l("pass/fail"), "not_convertible": _l("not convertible"),
                   "no_credits": _l("no credits"), "component": _l("via its course")}
GPA_ROLE_TITLES = {
    "failed": _l("Left out of the average: a failed result."),
    "pass_fail": _l("Left out of the average: pass/fail results have no points."),
    "not_convertible": _l("Left out of the average: the grade does not convert to the scale."),
    "no_credits": _l("Left out of the average: no ECTS credits."),
    "component": _l("Left out of the average: its course has its own grade, which is counted instead."),
}
DEGREE_TYPES = ("degree programme", "degree")
TYPE_LABELS = {"degree programme": _l("Degree programme"), "degree": _l("Degree"), "module": _l("Module"),
               "module group": _l("Module group"), "course": _l("Course"), "class": _l("Component")}


def _number(value) -> int:
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


def _walk(opportunities):
    for opp in opportunities or []:
        if isinstance(opp, dict):
            yield opp
            yield from _walk(opp.get("children"))


def _opportunities(transcript: EmrexTranscript):
    for report in transcript.reports or []:
        if isinstance(report, dict):
            yield from _walk(report.get("opportunities"))


class PanelText:
    """The panel's wording, from the stored rows (old rows lack the newer keys)."""

    @staticmethod
    def outcome(opp: dict) -> tuple[str, bool]:
        """The status cell: (label, derived). Never blank: "unknown" when nothing is known."""
        outcome = opp.get("outcome") or opp.get("status") or "unknown"
        label = OUTCOME_LABELS.get(str(outcome).replace("_", "-"))
        return (str(label) if label else str(outcome)), bool(opp.get("derived"))

    @staticmethod
    def credits(opp: dict) -> list[str]:
        """Each stated credit as "7.5 ECTS"; a bare value (rows stored before) as the number."""
        raw = opp.get("credits")
        if raw is None or raw == []:
            return []
        if not isinstance(raw, list):
            return [format_credits(raw)]
        out = []
        for credit in raw:
            if not isinstance(credit, dict):
                out.append(format_credits(credit))
            elif credit.get("value") not in (None, ""):
                out.append(f"{format_credits(credit['value'])} {credit.get('scheme') or ''}".strip())
        return out

    @staticmethod
    def unreadable(opp: dict, field: str) -> bool:
        return field in (opp.get("unreadable") or [])

    @staticmethod
    def role(opp: dict) -> tuple[str, str] | None:
        """The row's part in the average: (short label, why) — or None (not a graded result)."""
        role = opp.get("gpa")
        if role == "graded":
            return "✓", str(_l("Counted in the average"))
        if role in GPA_ROLE_LABELS:
            return str(GPA_ROLE_LABELS[role]), str(GPA_ROLE_TITLES[role])
        return None

    @staticmethod
    def type_label(opp: dict) -> str:
        """ELMO's closed list of types in the page's language; anything else as given."""
        kind = str(opp.get("type") or "")
        label = TYPE_LABELS.get(kind.casefold())
        return str(label) if label else kind

    @staticmethod
    def is_degree(opp: dict) -> bool:
        return str(opp.get("type") or "").casefold() in DEGREE_TYPES

    @staticmethod
    def groups(opportunities) -> tuple[list[dict], list[dict]]:
        """(degree programmes, everything else) at a report's top level."""
        items = [o for o in opportunities or [] if isinstance(o, dict)]
        return [o for o in items if PanelText.is_degree(o)], [o for o in items if not PanelText.is_degree(o)]

    @staticmethod
    def has_roles(transcript: EmrexTranscript) -> bool:
        return any("gpa" in opp for opp in _opportunities(transcript))

    @staticmethod
    def has_derived(transcript: EmrexTranscript) -> bool:
        return any(opp.get("derived") for opp in _opportunities(transcript))

    @staticmethod
    def left_out(detail: dict) -> str:
        """"Left out: 2 failed results, 3 pass/fail results and …." — or "" when nothing was."""
        parts = []
        if num := _number(detail.get("failed_count")):
            parts.append(ngettext("%(num)d failed result", "%(num)d failed results", num))
        if num := _number(detail.get("pass_fail_count")):
            parts.append(ngettext("%(num)d pass/fail result", "%(num)d pass/fail results", num))
        if num := _number(detail.get("not_convertible_count")):
            parts.append(ngettext("%(num)d result not convertible", "%(num)d results not convertible", num))
        if num := _number(detail.get("components_skipped")):
            parts.append(ngettext("%(num)d component counted through its course",
                                  "%(num)d components counted through their course", num))
        if num := _number(detail.get("no_credits_count")):
            parts.append(ngettext("%(num)d result without credits", "%(num)d results without credits", num))
        if not parts:
            return ""
        return _("Left out: %(items)s.", items=format_list(parts, locale=current_locale()))

    @staticmethod
    def gpa_sentence(transcript: EmrexTranscript) -> str:
        """One sentence: what was averaged (which level, how many credits, which scale), then
        what was left out and why. Without an average, why there is none."""
        detail = transcript.gpa_detail if isinstance(transcript.gpa_detail, dict) else {}
        left_out = PanelText.left_out(detail)
        if transcript.gpa is None:
            head = _("No graded results with ECTS credits: no average.")
            return f"{head} {left_out}".strip()
        if not detail:
            return ""
        num = _number(detail.get("graded_count"))
        values = {"credits": format_credits(detail.get("credits_counted") or 0),
                  "scale": format_scale(transcript.gpa_scale)}
        if detail.get("level") == "course":
            head = ngettext("Average of %(num)d course grade (%(credits)s ECTS) on the %(scale)s scale.",
                            "Average of %(num)d course grades (%(credits)s ECTS) on the %(scale)s scale.",
                            num, **values)
        else:
            head = ngettext("Average of %(num)d graded result (%(credits)s ECTS) on the %(scale)s scale.",
                            "Average of %(num)d graded results (%(credits)s ECTS) on the %(scale)s scale.",
                            num, **values)
        return f"{head} {left_out}".strip()

    @staticmethod
    def no_credits(transcript: EmrexTranscript) -> str:
        """Why the total is missing."""
        if any(PanelText.unreadable(opp, "credits") for opp in _opportunities(transcript)):
            return _("Credits could not be read from the document")
        return _("No credits were stated for passed results")

    @staticmethod
    def attempt_reason(attempt: EmrexAttempt) -> str:
        """Why the attempt ended without records, in the reader's language: the check's
        reason code worded now, or the university's own words, or our default. (Rows stored
        before the codes keep their English ``detail``.)"""
        if attempt.outcome in (AttemptOutcome.LATE, AttemptOutcome.ABANDONED):
            return str(ATTEMPT_REASONS[attempt.outcome])
        if attempt.reason:
            return reasons.describe(attempt.reason, attempt.detail)
        return attempt.detail or attempt.return_message or str(ATTEMPT_REASONS.get(attempt.outcome, ""))

    @staticmethod
    def event_text(event: EmrexRequestEvent) -> tuple[str, str]:
        """A line of the request's history: (what happened, the detail), in the reader's
        language where it is ours (a reason code, an outcome); a university's or a
        language's name as stored."""
        label = EVENT_LABELS.get(event.kind)
        what = str(label) if label is not None else event.kind.replace("_", " ").capitalize()
        if event.reason:
            return what, reasons.describe(event.reason, event.detail)
        detail = event.detail or ""
        if detail in (AttemptOutcome.CANCELLED, AttemptOutcome.NO_RESULTS):  # the label says it already
            return what, ""
        if detail in ATTEMPT_LABELS:  # an outcome code, stored when there was no reason to give
            return what, str(ATTEMPT_LABELS[detail])
        return what, detail

    attempt_labels = ATTEMPT_LABELS
    status_labels = STATUS_LABELS
