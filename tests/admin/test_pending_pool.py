"""The Pending pool page: suggestions with a score, a primary button only when confident."""

from __future__ import annotations

from lxml import html as lxml_html

from tests.support.boards import applied, board, post_event  # noqa: F401  (fixtures)


def _suggestions(page: str, title: str) -> dict[str, str]:
    """Job title → "primary" or "link" for the suggestions of the entry that applied for ``title``."""
    doc = lxml_html.fromstring(page)
    (entry,) = [s for s in doc.xpath('//section[contains(@class, "pending-item")]')
                if title in s.text_content()]
    out = {}
    for li in entry.xpath('.//li[contains(@class, "suggestion")]'):
        (button,) = li.xpath(".//button")
        job = " ".join(button.text_content().split()).removeprefix("Assign to ")
        out[job] = "primary" if "btn-primary" in button.get("class") else "link"
    return out


def test_suggestions_ignore_generic_words_and_a_weak_match_is_only_a_link(client, auth, make, board,  # noqa: F811
                                                                          post_event):  # noqa: F811
    for title in ("Lập trình viên Python", "Kiểm thử viên phần mềm", "Python developer"):
        make.job(board.company, title=title)
    post_event(applied(board_job_id=None, ref="A1", email="qa@example.vn", title="Kiểm thử viên QA"))
    post_event(applied(board_job_id=None, ref="A2", email="py@example.vn", title="Senior Python developer",
                       name="Trần Văn Minh"))
    auth.login(f"admin@{board.company.slug}.test")
    page = client.get("/admin/pending").get_data(as_text=True)
    assert _suggestions(page, "Kiểm thử viên QA") == {"Kiểm thử viên phần mềm": "link"}
    confident = _suggestions(page, "Senior Python developer")
    assert confident["Python developer"] == "primary"
    assert "shared words: Python, developer" in page and "shared words: Kiểm, thử" in page
