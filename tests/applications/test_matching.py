from types import SimpleNamespace

import pytest

from app.applications.matching import exact_matches, normalise_title, suggestions_for


@pytest.mark.parametrize("raw,expected", [
    ("Lập trình viên  Python", "lap trinh vien python"),
    ("  ĐIỀU PHỐI VIÊN ", "dieu phoi vien"),
    ("Backend\tDeveloper", "backend developer"),
    ("Kehittäjä", "kehittaja"),
])
def test_normalise_title(raw, expected):
    assert normalise_title(raw) == expected


def test_exact_and_suggested_matches():
    jobs = [SimpleNamespace(id=1, title="Lập trình viên Python"), SimpleNamespace(id=2, title="Data analyst"),
            SimpleNamespace(id=3, title="Python developer")]
    assert [j.id for j in exact_matches("lap trinh vien PYTHON", jobs)] == [1]
    app = SimpleNamespace(pending_data={"job_title": "Senior Python developer"})
    suggestions = suggestions_for(app, jobs)
    assert suggestions[0][0].id == 3 and "python" in suggestions[0][1]
    assert all(job.id != 2 for job, _ in suggestions)
