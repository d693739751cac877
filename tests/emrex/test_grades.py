from decimal import Decimal
from types import SimpleNamespace

import pytest

from app.emrex.grades import classify, compute_gpa
from app.emrex.identity import check_learner, levenshtein

TABLE = [  # label, country, letter
    ("A", None, "A"), ("B", None, "B"), ("C", None, "C"), ("D", None, "D"), ("E", None, "E"), ("F", None, "F"),
    ("Fx", None, "F"), ("12", "DK", "A"), ("10", "DK", "B"), ("7", "DK", "C"), ("4", "DK", "D"), ("02", "DK", "E"),
    ("00", "DK", "F"), ("-3", "DK", "F"), ("5", "FI", "A"), ("4", "FI", "B"), ("3", "FI", "C"), ("2", "FI", "D"),
    ("1", "FI", "E"), ("0", "FI", "F"), ("5", "SE", "A"), ("4", "SE", "B"), ("3", "SE", "C"), ("30L", "IT", "A"),
    ("30", "IT", "A"), ("29", "IT", "B"), ("28", "IT", "B"), ("27", "IT", "C"), ("25", "IT", "C"), ("24", "IT", "D"),
    ("21", "IT", "D"), ("20", "IT", "E"), ("18", "IT", "E"),
]
POINTS = {"4.0": {"A": "4.0", "B": "3.5", "C": "3.0", "D": "2.5", "E": "2.0", "F": "0.0"},
          "5.0": {"A": "5.0", "B": "4.0", "C": "3.0", "D": "2.0", "E": "1.0", "F": "0.0"}}


def course(label, credits="5", status=None, country=None, title="x"):
    return SimpleNamespace(title=title, result_label=label, status=status, country=country, grading_scheme=None,
                           ects=lambda: Decimal(credits) if credits else None)


@pytest.mark.parametrize("label,country,letter", TABLE)
def test_every_row_of_the_table(label, country, letter):
    verdict = classify(label, None, country)
    assert verdict.letter == letter and verdict.passed is (letter != "F")
    for scale in ("4.0", "5.0"):
        summary = compute_gpa([course(label, country=country)], scale)
        if letter == "F":
            assert summary.value is None and summary.failed_count == 1
        else:
            assert summary.value == Decimal(POINTS[scale][letter])


@pytest.mark.parametrize("label,passed", [("G", True), ("VG", True), ("U", False), ("BE", True), ("IB", False),
                                          ("IG", False), ("Bestått", True), ("Ikke bestått", False), ("Hyv", True),
                                          ("hyväksytty", True), ("Hyl", False), ("P", True), ("passed", True)])
def test_pass_fail_labels_stay_out_of_the_average(label, passed):
    verdict = classify(label)
    assert verdict.pass_fail and verdict.letter is None and verdict.passed is passed
    summary = compute_gpa([course(label), course("A")], "5.0")
    assert summary.value == Decimal("5.00")
    assert (summary.pass_fail_count, summary.failed_count) == ((1, 0) if passed else (0, 1))


def test_unknown_labels_are_never_guessed():
    assert classify("Innpasset") is None and classify("45.1") is None and classify("9", None, "DK") is None
    summary = compute_gpa([course("Innpasset"), course("B")], "4.0")
    assert summary.not_convertible_count == 1 and summary.value == Decimal("3.50")


def test_gpa_weighted_by_credits():
    """(5.0×10 + 3.0×5) / 15 = 4.33; the failed 0 and the pass/fail G are listed apart."""
    summary = compute_gpa([course("A", "10"), course("C", "5"), course("F", "5"), course("G", "5")], "5.0")
    assert summary.value == Decimal("4.33") and summary.credits_counted == Decimal(15)
    assert (summary.graded_count, summary.failed_count, summary.pass_fail_count) == (2, 1, 1)


def test_failed_status_wins_over_label():
    assert compute_gpa([course("C", status="failed")], "5.0").failed_count == 1


@pytest.mark.parametrize("given,family,bday,stated,status", [
    ("Aino", "Virtanen", "1999-04-12", "1999-04-12", "match"),
    ("aino", " virtanen ", "1999-04-12", "1999-04-12", "match"),
    ("Kaisa", "Keranen", "1966-07-18", "1966-07-18", "match"),  # Keränen without diacritics
    ("Aino", "Virtenen", "1999-04-12", "1999-04-12", "match"),  # one letter off in 13
    ("Aino", "Virtanen", None, "1999-04-12", "partial"),
    ("Aino", "Virtanen", "1999-04-12", None, "partial"),
    ("Aino", "Virtanen", "1999-04-13", "1999-04-12", "mismatch"),
    ("Matti", "Meikäläinen", "1999-04-12", "1999-04-12", "mismatch"),
])
def test_identity(given, family, bday, stated, status):
    from datetime import date

    app_given, app_family = ("Kaisa", "Keränen") if given == "Kaisa" else ("Aino", "Virtanen")
    result = check_learner(given, family, date.fromisoformat(bday) if bday else None, app_given=app_given,
                           app_family=app_family, stated_bday=date.fromisoformat(stated) if stated else None)
    assert result.status == status


def test_levenshtein():
    assert levenshtein("kitten", "sitting") == 3 and levenshtein("", "abc") == 3


def test_levenshtein_with_a_bound_answers_the_same_within_it():
    """A bound cuts the work short once the distance is sure to pass it; within the bound the
    answer is the exact distance, and names agree at one edit in ten characters, not two."""
    from app.emrex.identity import names_agree

    assert levenshtein("kitten", "sitting", 3) == 3 and levenshtein("kitten", "sitting", 2) == 3
    assert levenshtein("kitten", "kitten", 0) == 0 and levenshtein("abcdefgh", "a", 2) == 3
    assert levenshtein("aino virtanen", "matti korhonen-lahtinen", 2) == 3
    assert names_agree("Ainó", "Virtanen", "Aino", "Virtanen")  # 1 edit in 13 characters
    assert names_agree("Aino", "Virtane", "Aino", "Virtanen")
    assert not names_agree("Aina", "Virtane", "Aino", "Virtanen")  # 2 edits in 13
    assert names_agree("Aino", "Virtanen", "Aino", "Virtanen")
