"""Grade normalisation to a 4.0 or 5.0 scale (PROTOCOL.md §8 is the only formula).

A label maps to an ECTS letter, the letter to points. Pass/fail-only labels get no points
and stay out of every average; failing labels count as failed results; labels with no
mapping are never guessed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

POINTS = {
    "4.0": {"A": Decimal("4.0"), "B": Decimal("3.5"), "C": Decimal("3.0"), "D": Decimal("2.5"), "E": Decimal("2.0"),
            "F": Decimal("0.0")},
    "5.0": {"A": Decimal("5.0"), "B": Decimal("4.0"), "C": Decimal("3.0"), "D": Decimal("2.0"), "E": Decimal("1.0"),
            "F": Decimal("0.0")},
}

PASS_LABELS = {"g", "vg", "be", "bestått", "bestatt", "hyv", "hyväksytty", "hyvaksytty", "p", "pass", "passed",
               "godkänd", "godkand", "godkjent"}
FAIL_LABELS = {"u", "ib", "ig", "ikke bestått", "ikke bestatt", "hyl", "hylätty", "hylatty", "fail", "failed",
               "f-pass", "underkänd", "underkand"}

DANISH = {"12": "A", "10": "B", "7": "C", "4": "D", "02": "E", "2": "E", "00": "F", "0": "F", "-3": "F"}
ECTS_LETTERS = {"a": "A", "b": "B", "c": "C", "d": "D", "e": "E", "f": "F", "fx": "F"}


@dataclass
class Verdict:
    letter: str | None  # ECTS letter, or None for pass/fail-only labels
    passed: bool
    pass_fail: bool = False


def _norm(label: str) -> str:
    return " ".join(unicodedata.normalize("NFC", label).strip().casefold().split())


#: ``classify``'s answers: a transcript repeats a few labels under one scheme and country.
_VERDICTS: dict[tuple, Verdict | None] = {}
_MAX_VERDICTS = 4096


def classify(label: str | None, scheme: str | None = None, country: str | None = None) -> Verdict | None:
    """The ECTS letter of a grade label, or a pass/fail verdict, or None (no mapping). The
    answer depends on the three strings alone, so each is worked out once (a copy is
    returned: a caller may change its verdict)."""
    if label is None or not label.strip():
        return None
    key = (label, scheme, country)
    verdict = _VERDICTS.get(key, _VERDICTS)
    if verdict is _VERDICTS:
        verdict = _classify(label, scheme, country)
        if len(_VERDICTS) < _MAX_VERDICTS:
            _VERDICTS[key] = verdict
    return None if verdict is None else Verdict(verdict.letter, verdict.passed, verdict.pass_fail)


def _classify(label: str, scheme: str | None, country: str | None) -> Verdict | None:
    text = _norm(label)
    scheme_text = _norm(scheme or "")
    if text in PASS_LABELS:
        return Verdict(None, True, True)
    if text in FAIL_LABELS:
        return Verdict(None, False, True)
    if text in ECTS_LETTERS:
        letter = ECTS_LETTERS[text]
        return Verdict(letter, letter != "F")
    danish = "7-trin" in scheme_text or "7-point" in scheme_text or (country or "").upper() == "DK"
    if text in ("02", "00", "-3", "12", "10") or (danish and text in DANISH):
        letter = DANISH.get(text)
        if letter:
            return Verdict(letter, letter != "F")
    if danish and re.fullmatch(r"-?\d{1,2}", text):
        return None  # a number that is not on the Danish 7-point scale: never guess
    italian = "/30" in scheme_text or "trentesimi" in scheme_text or text in ("30l", "30 e lode", "30 cum laude")
    if text in ("30l", "30 e lode", "30 cum laude"):
        return Verdict("A", True)
    if re.fullmatch(r"\d{1,2}", text):
        number = int(text)
        if italian or 18 <= number <= 30:
            if number >= 30:
                return Verdict("A", True)
            if number >= 28:
                return Verdict("B", True)
            if number >= 25:
                return Verdict("C", True)
            if number >= 21:
                return Verdict("D", True)
            if number >= 18:
                return Verdict("E", True)
            return Verdict("F", False)
        if 0 <= number <= 5:
            # Finnish 0–5 (5 = A … 1 = E, 0 = fail); Swedish U/3/4/5 uses 3–5 the same way.
            return Verdict({5: "A", 4: "B", 3: "C", 2: "D", 1: "E", 0: "F"}[number], number > 0)
    return None


@dataclass
class GradedItem:
    title: str | None
    label: str | None
    letter: str | None
    points: Decimal | None
    credits: Decimal | None
    outcome: str  # graded | failed | pass_fail | not_convertible | no_credits


@dataclass
class GpaSummary:
    value: Decimal | None
    credits_counted: Decimal
    graded_count: int
    failed_count: int
    pass_fail_count: int
    not_convertible_count: int
    items: list[GradedItem] = field(default_factory=list)
    no_credits_count: int = 0
    components_skipped: int = 0  # component results of a course with its own grade: counted through the course
    level: str = "leaf"  # "course" when some courses' own grades stood for their components
    levels: dict[str, int] = field(default_factory=dict)  # type of the averaged results → how many


def compute_gpa(results, scale: str, country: str | None = None) -> GpaSummary:
    """Σ(points × ECTS) / Σ(ECTS) over passed graded leaf results."""
    if scale not in POINTS:
        raise ValueError("scale must be 4.0 or 5.0")
    table = POINTS[scale]
    weighted = Decimal(0)
    counted = Decimal(0)
    summary = GpaSummary(None, Decimal(0), 0, 0, 0, 0)
    for result in results:
        label = getattr(result, "result_label", None)
        if not label:
            continue
        credits = result.ects() if hasattr(result, "ects") else None
        verdict = classify(label, getattr(result, "grading_scheme", None), getattr(result, "country", None) or country)
        status = getattr(result, "status", None)
        if verdict is None:
            if status == "failed":
                summary.failed_count += 1
                summary.items.append(GradedItem(result.title, label, None, None, credits, "failed"))
            else:
                summary.not_convertible_count += 1
                summary.items.append(GradedItem(result.title, label, None, None, credits, "not_convertible"))
            continue
        failed = not verdict.passed or status == "failed"
        if verdict.pass_fail:
            if failed:
                summary.failed_count += 1
                summary.items.append(GradedItem(result.title, label, None, None, credits, "failed"))
            else:
                summary.pass_fail_count += 1
                summary.items.append(GradedItem(result.title, label, None, None, credits, "pass_fail"))
            continue
        points = table[verdict.letter]
        if failed:
            summary.failed_count += 1
            summary.items.append(GradedItem(result.title, label, verdict.letter, points, credits, "failed"))
            continue
        if not credits:
            summary.items.append(GradedItem(result.title, label, verdict.letter, points, credits, "no_credits"))
            continue
        summary.graded_count += 1
        weighted += points * credits
        counted += credits
        summary.items.append(GradedItem(result.title, label, verdict.letter, points, credits, "graded"))
        kind = getattr(result, "type", None) or "Course"
        summary.levels[kind] = summary.levels.get(kind, 0) + 1
    for result, item in zip([r for r in results if getattr(r, "result_label", None)], summary.items, strict=True):
        if hasattr(result, "gpa_role"):
            result.gpa_role = item.outcome
    summary.no_credits_count = sum(1 for item in summary.items if item.outcome == "no_credits")
    summary.credits_counted = counted
    if counted:
        summary.value = (weighted / counted).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return summary


def graded_results(opportunities) -> tuple[list, int]:
    """The results a GPA averages, and how many component results were left out because
    the course above them carries its own final grade (PROTOCOL §7–§8: nothing counts twice).

    A course (any part that is not a degree programme) with a grade of its own is one
    result; the graded parts below it are its components and are marked ``component``. A
    degree programme's own grade is a classification, not a course grade: its parts are
    averaged instead. Elsewhere the leaves with a grade are the results."""
    results: list = []
    skipped = 0

    def components(items) -> int:
        count = 0
        for item in items:
            if item.result_label:
                item.gpa_role = "component"
                count += 1
            count += components(item.children)
        return count

    def walk(items) -> None:
        nonlocal skipped
        for item in items:
            if not item.children:
                if item.result_label:
                    results.append(item)
            elif item.result_label and item.type != "Degree Programme":
                results.append(item)
                skipped += components(item.children)
            else:
                walk(item.children)

    walk(opportunities)
    return results, skipped


def transcript_gpa(reports, scale: str) -> GpaSummary:
    """The GPA of a transcript's reports, with what was averaged and what was left out."""
    results, skipped = [], 0
    for report in reports:
        found, components = graded_results(report.opportunities)
        results += found
        skipped += components
    summary = compute_gpa(results, scale)
    summary.components_skipped = skipped
    summary.level = "course" if skipped else "leaf"
    return summary
