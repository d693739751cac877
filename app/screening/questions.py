"""A job's (or template's) screening questions, and checking an applicant's answers to them.

Stored as ``integration_settings["screening"] = {"questions": [{"key", "kind", "label", "help",
"required", "choices", "knockout"}]}``, so a job made from a template (and a template made
from a job) gets a copy with the owner's other settings (``app.jobs.services``). Keys are
stable (``q1``, ``q2``, …): the answers are stored by key, so editing a question keeps them.

A knock-out (yes/no and choice questions only) is ``{"accept": [answers that pass],
"reason_id": a rejection reason, "email_delay": days or None for no email}``: an answer
outside ``accept`` rejects the application with that reason once it is made
(``app.screening.services``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from flask_babel import format_decimal, gettext
from flask_babel import lazy_gettext as _l

from app.audit import actor_of, record
from app.extensions import db
from app.problems import Problem

KEY = "screening"
KINDS = ("short_text", "long_text", "yes_no", "single_choice", "multiple_choice", "number", "file")
CHOICE_KINDS = ("single_choice", "multiple_choice")
KNOCKOUT_KINDS = ("yes_no", *CHOICE_KINDS)
YES_NO = ("yes", "no")
MAX_QUESTIONS = 30
MAX_LABEL = 300
MAX_HELP = 500
MAX_CHOICES = 30
MAX_CHOICE = 200
MAX_SHORT = 300
MAX_LONG = 5000
MAX_NUMBER = Decimal("1e12")
#: The delays (days) a knock-out's rejection email may wait; 0 = at once.
EMAIL_DELAYS = (0, 1, 2, 3, 7)

KIND_LABELS = {"short_text": _l("Short text"), "long_text": _l("Long text"), "yes_no": _l("Yes / no"),
               "single_choice": _l("Single choice"), "multiple_choice": _l("Multiple choice"),
               "number": _l("Number"), "file": _l("File (PDF)")}
YES_NO_LABELS = {"yes": _l("Yes"), "no": _l("No")}

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class QuestionError(Problem):
    messages = {
        "bad_kind": _l("Choose the kind of question."),
        "empty_label": _l("The question is empty."),
        "label_too_long": _l("The question is too long (at most %(max)s characters)."),
        "help_too_long": _l("The help text is too long (at most %(max)s characters)."),
        "few_choices": _l("A choice question needs at least two choices, one per line."),
        "many_choices": _l("A question can have at most %(max)s choices, each at most 200 characters."),
        "too_many": _l("A job can have at most %(max)s screening questions."),
        "no_knockout": _l("Only yes/no and choice questions can knock out."),
        "bad_accept": _l("Choose which answers pass the knock-out (at least one, not all)."),
        "bad_reason": _l("Choose an active rejection reason for the knock-out."),
        "bad_delay": _l("Choose when the rejection email is sent."),
        "unknown": _l("That question is not in this job's screening questions."),
    }


@dataclass
class Question:
    key: str
    kind: str
    label: str
    help: str = ""
    required: bool = False
    choices: list[str] = field(default_factory=list)
    knockout: dict | None = None

    @property
    def options(self) -> list[tuple[str, str]]:
        """(value, label) of a yes/no or choice question's answers."""
        if self.kind == "yes_no":
            return [(v, str(YES_NO_LABELS[v])) for v in YES_NO]
        return [(c, c) for c in self.choices]

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS.get(self.kind, self.kind))

    def as_dict(self) -> dict:
        return {"key": self.key, "kind": self.kind, "label": self.label, "help": self.help,
                "required": self.required, "choices": list(self.choices), "knockout": self.knockout}


def questions_of(owner) -> list[Question]:
    saved = ((owner.integration_settings or {}).get(KEY) or {}).get("questions") if owner is not None else None
    out = []
    for q in saved or []:
        if isinstance(q, dict) and q.get("kind") in KINDS and q.get("key"):
            out.append(Question(str(q["key"]), q["kind"], str(q.get("label") or ""), str(q.get("help") or ""),
                                bool(q.get("required")), [str(c) for c in q.get("choices") or []],
                                q.get("knockout") if isinstance(q.get("knockout"), dict) else None))
    return out


# ---------------------------------------------------------------- editing

@dataclass
class QuestionInput:
    """What the editor's form gives for one question."""

    kind: str
    label: str
    help: str = ""
    required: bool = False
    choices_text: str = ""
    knockout: bool = False
    accept: list[str] = field(default_factory=list)
    reason_id: int | None = None
    email_delay: int | None = None  # None: no email


def _clean(text: str | None) -> str:
    return _CONTROL.sub("", (text or "").replace("\r\n", "\n")).strip()


def _checked(company_id: int, data: QuestionInput, key: str) -> Question:
    from app.applications.rejections import reasons

    if data.kind not in KINDS:
        raise QuestionError("bad_kind")
    label = " ".join(_clean(data.label).split())
    if not label:
        raise QuestionError("empty_label")
    if len(label) > MAX_LABEL:
        raise QuestionError("label_too_long", max=MAX_LABEL)
    help_text = _clean(data.help)
    if len(help_text) > MAX_HELP:
        raise QuestionError("help_too_long", max=MAX_HELP)
    choices: list[str] = []
    if data.kind in CHOICE_KINDS:
        for line in _clean(data.choices_text).split("\n"):
            line = " ".join(line.split())
            if line and line not in choices:
                choices.append(line)
        if len(choices) < 2:
            raise QuestionError("few_choices")
        if len(choices) > MAX_CHOICES or any(len(c) > MAX_CHOICE for c in choices):
            raise QuestionError("many_choices", max=MAX_CHOICES)
    question = Question(key, data.kind, label, help_text, bool(data.required), choices)
    if data.knockout:
        if data.kind not in KNOCKOUT_KINDS:
            raise QuestionError("no_knockout")
        values = [v for v, _label in question.options]
        accept = [v for v in values if v in set(data.accept)]
        if not accept or len(accept) == len(values):
            raise QuestionError("bad_accept")
        active = {r.id for r in reasons(company_id, active_only=True)}
        if data.reason_id not in active:
            raise QuestionError("bad_reason")
        if data.email_delay is not None and data.email_delay not in EMAIL_DELAYS:
            raise QuestionError("bad_delay")
        question.knockout = {"accept": accept, "reason_id": data.reason_id, "email_delay": data.email_delay}
    return question


def _kind_of(owner) -> str:
    return "job" if hasattr(owner, "deadline") else "job_template"


def _save(owner, questions: list[Question], actor, action: str, key: str, last: int = 0) -> None:
    """Store the list (with the highest key ever given, so a deleted question's key is never
    given again: old answers keep pointing at their own question); audited and committed."""
    from app.jobs.services import set_integration_settings

    saved = (owner.integration_settings or {}).get(KEY) or {}
    value = {"questions": [q.as_dict() for q in questions], "last": max(last, int(saved.get("last") or 0))}
    record(company_id=owner.company_id, actor=actor_of(actor), object=f"{_kind_of(owner)}:{owner.id}",
           action=f"screening.{action}", after={"question": key})
    set_integration_settings(owner, KEY, value)
    db.session.commit()


def add_question(owner, data: QuestionInput, actor) -> Question:
    """Add a question at the end of the owner's list; audited and committed."""
    questions = questions_of(owner)
    if len(questions) >= MAX_QUESTIONS:
        raise QuestionError("too_many", max=MAX_QUESTIONS)
    saved = (owner.integration_settings or {}).get(KEY) or {}
    used = {int(q.key[1:]) for q in questions if q.key[1:].isdigit()} | {int(saved.get("last") or 0)}
    next_id = max(used) + 1
    question = _checked(owner.company_id, data, f"q{next_id}")
    _save(owner, [*questions, question], actor, "question_added", question.key, last=next_id)
    return question


def _index(questions: list[Question], key: str) -> int:
    for i, q in enumerate(questions):
        if q.key == key:
            return i
    raise QuestionError("unknown")


def update_question(owner, key: str, data: QuestionInput, actor) -> Question:
    questions = questions_of(owner)
    i = _index(questions, key)
    questions[i] = _checked(owner.company_id, data, key)
    _save(owner, questions, actor, "question_changed", key)
    return questions[i]


def delete_question(owner, key: str, actor) -> None:
    questions = questions_of(owner)
    questions.pop(_index(questions, key))
    _save(owner, questions, actor, "question_deleted", key)


def move_question(owner, key: str, direction: str, actor) -> None:
    questions = questions_of(owner)
    i = _index(questions, key)
    j = i - 1 if direction == "up" else i + 1
    if 0 <= j < len(questions):
        questions[i], questions[j] = questions[j], questions[i]
        _save(owner, questions, actor, "question_moved", key)


# ---------------------------------------------------------------- answers

@dataclass
class Answer:
    question: Question
    value: object  # str | list[str] | None
    text: str
    file: tuple[str, bytes] | None = None

    @property
    def knocked_out(self) -> bool:
        """The answer is outside a knock-out's accepted answers (an unanswered optional
        question knocks nothing out; a multiple choice passes with any accepted option)."""
        knockout = self.question.knockout
        if not knockout or self.value in (None, "", []):
            return False
        accept = set(knockout.get("accept") or [])
        chosen = self.value if isinstance(self.value, list) else [self.value]
        return not accept.intersection(chosen)


def shown(kind: str, value, text: str) -> str:
    """An answer as the reader sees it: a yes/no and a number in their language, anything
    else as given."""
    if kind == "yes_no" and value in YES_NO_LABELS:
        return str(YES_NO_LABELS[value])
    if kind == "number" and isinstance(value, str) and _number(value) is not None:
        return format_decimal(_number(value), format="#,##0.##########")  # fi "4,5", en "4.5"
    return text


ANSWER_ERRORS = {
    "required": _l("Please answer this question."),
    "required_file": _l("Please attach a PDF."),
    "bad_choice": _l("Please choose one of the answers given."),
    "not_number": _l("Please enter a number, e.g. 3 or 2.5."),
}


def field_name(question: Question) -> str:
    return f"sq_{question.key}"


def _number(text: str) -> Decimal | None:
    try:
        number = Decimal(text.replace(" ", "").replace("\u00a0", "").replace(",", "."))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() and abs(number) < MAX_NUMBER else None


def parse_answers(questions: list[Question], form, uploads, max_file_bytes: int) -> tuple[list[Answer], dict]:
    """The applicant's answers from the form (``form``: request.form, ``uploads``:
    request.files) and the messages of the wrong ones (field name -> message)."""
    from app.applications.files import FileRejected, check_pdf

    answers, errors = [], {}
    for q in questions:
        name = field_name(q)
        value: object = None
        text, upload = "", None
        if q.kind == "file":
            storage = uploads.get(name) if uploads is not None else None
            data = storage.read(max_file_bytes + 1) if storage is not None and storage.filename else b""
            if data:
                try:
                    check_pdf(data, max_file_bytes)
                except FileRejected as exc:
                    errors[name] = str(exc)
                    continue
                upload = (storage.filename or "file.pdf", data)
                value = text = upload[0]
            elif q.required:
                errors[name] = str(ANSWER_ERRORS["required_file"])
                continue
        elif q.kind == "multiple_choice":
            chosen = [v for v in form.getlist(name) if v]
            allowed = [c for c in q.choices]
            if any(v not in allowed for v in chosen):
                errors[name] = str(ANSWER_ERRORS["bad_choice"])
                continue
            value = [c for c in allowed if c in chosen] or None
            text = "; ".join(value or [])
        else:
            raw = _CONTROL.sub("", form.get(name, "") or "")
            raw = raw.strip() if q.kind == "long_text" else " ".join(raw.split())
            if raw and q.kind in ("yes_no", "single_choice"):
                options = dict(q.options)
                if raw not in options:
                    errors[name] = str(ANSWER_ERRORS["bad_choice"])
                    continue
                # a yes/no is kept in English and shown in the reader's language (``shown``)
                value, text = raw, ({"yes": "Yes", "no": "No"}.get(raw) if q.kind == "yes_no" else options[raw])
            elif raw and q.kind == "number":
                number = _number(raw)
                if number is None:
                    errors[name] = str(ANSWER_ERRORS["not_number"])
                    continue
                value = text = format(number.normalize(), "f")
            elif raw:
                limit = MAX_LONG if q.kind == "long_text" else MAX_SHORT
                if len(raw) > limit:
                    errors[name] = gettext("The answer is too long (at most %(max)s characters).", max=limit)
                    continue
                value = text = raw
        if value in (None, "", []) and q.required:
            errors[name] = str(ANSWER_ERRORS["required"])
            continue
        answers.append(Answer(q, value, text, upload))
    return answers, errors
