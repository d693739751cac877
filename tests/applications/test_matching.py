from types import SimpleNamespace

import pytest

from app.applications.matching import CONFIDENT, exact_matches, normalise_title, suggestions_for, title_words


@pytest.mark.parametrize("raw,expected", [
    ("Lập trình viên  Python", "lap trinh vien python"),
    ("  ĐIỀU PHỐI VIÊN ", "dieu phoi vien"),
    ("Backend\tDeveloper", "backend developer"),
    ("Kehittäjä", "kehittaja"),
])
def test_normalise_title(raw, expected):
    assert normalise_title(raw) == expected


JOBS = [SimpleNamespace(id=i, title=t) for i, t in enumerate([
    "Lập trình viên Python", "Kiểm thử viên phần mềm", "Data analyst", "Python developer", "Java developer",
    "Nhân viên kế toán"])]


def _suggest(title):
    return suggestions_for(SimpleNamespace(pending_data={"job_title": title}), JOBS)


def test_exact_and_suggested_matches():
    assert [j.id for j in exact_matches("lap trinh vien PYTHON", JOBS)] == [0]
    best = _suggest("Senior Python developer")[0]
    assert best.job.title == "Python developer" and best.confident and best.words == ("Python", "developer")
    assert all(s.job.title != "Data analyst" for s in _suggest("Senior Python developer"))


def test_a_generic_word_alone_suggests_nothing():
    """The observed bug: "Kiểm thử viên QA" was offered "Lập trình viên Python" because both
    contain "viên"."""
    suggested = _suggest("Kiểm thử viên QA")
    assert "Lập trình viên Python" not in [s.job.title for s in suggested]
    (only,) = suggested
    assert only.job.title == "Kiểm thử viên phần mềm" and only.words == ("Kiểm", "thử")
    assert not only.confident  # half the words: a secondary link, no primary button
    assert [s.job.title for s in _suggest("Frontend developer")] == []  # a shared role noun is not enough


def test_diacritics_only_differences_and_word_order_match_fully_and_words_keep_their_diacritics():
    (same,) = [s for s in _suggest("lap trinh vien python") if s.job.id == 0]
    assert same.same_title and same.score == 100
    best = _suggest("Kế toán viên")[0]
    assert best.job.title == "Nhân viên kế toán" and best.score >= CONFIDENT and best.words == ("kế", "toán")


def test_ranked_by_score_with_typos_tolerated():
    suggested = _suggest("Pyhton developer")
    assert suggested[0].job.title == "Python developer" and suggested[0].confident
    scores = [s.score for s in suggested]
    assert scores == sorted(scores, reverse=True)


def test_title_words_drop_generic_words_and_keep_what_is_written():
    assert [w.shown for w in title_words("Senior Nhân viên Kinh doanh và Marketing")] == \
        ["Kinh", "doanh", "Marketing"]
    assert title_words("") == [] and _suggest("   ") == []
