"""The applications list's rows (app/admin/listing.py ``table_rows``, printed by
templates/admin/applications/_table.html): each row's markup exactly — the checkbox and the
page's id field, the first column's card link with its title, a clipped column's ``span``
and title, the cells' classes, the dates in the reader's language — with every value escaped
(names, e-mail, phone, a job's title, a stage's and a share link's name holding markup
characters), for a page of plain rows and a page of entities (a feature's column without a
``from_row``), values repeated in a column (one cell made per text) and the row of an empty page."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import update

from app.extensions import db

MARKUP = """<b>&"'"""
ESCAPED = "&lt;b&gt;&amp;&#34;&#39;"


def _rows(body: str) -> list[str]:
    return re.findall(r"\n        <tr id=\"application-row-\d+\">.*?</tr>\n      ", body, re.DOTALL)


def _row(app_id: int, *cells: str) -> str:
    return (f'\n        <tr id="application-row-{app_id}">\n          <td class="cell-check"><input type="checkbox" '
            f'name="ids" value="{app_id}" aria-label="Select"><input type="hidden" name="page_ids" '
            f'value="{app_id}"></td>\n          {"".join(cells)}\n        </tr>\n      ')


def _clipped(text: str, cls: str = "") -> str:
    return f'<td{cls}><span class="truncate" title="{text}">{text}</span></td>'


@pytest.fixture
def marked(make, auth):
    """Two applications to one job whose title, stage and the second's share link hold markup
    characters; the first candidate's names, e-mail and phone do too."""
    from app.applications.models import Application, Candidate, SourceLink
    from app.jobs.models import Stage

    company = make.company("acme")
    job = make.job(company, title=f"R{MARKUP} lead")
    first = make.application(job, given=f"Ann{MARKUP}", family="O'Brien", email="ann@example.com")
    second = make.application(job, given="Bo", family="Berg", email="bo@example.com")
    link = SourceLink(company_id=company.id, job_id=job.id, name=f"Fair{MARKUP}", code="fair-l18")
    db.session.add(link)
    db.session.flush()
    db.session.execute(update(Candidate).where(Candidate.id == first.candidate_id).values(
        email=f"a{MARKUP}@example.com", phone=f"+358 40{MARKUP}"))
    db.session.execute(update(Stage).where(Stage.id == first.stage_id).values(name=f"New{MARKUP}"))
    db.session.execute(update(Application).where(Application.id == second.id).values(
        source="link", source_link_id=link.id))
    db.session.commit()
    auth.login(f"admin@{company.slug}.test")
    return company, first, second


def _columns(company, keys):
    from app.accounts.models import User

    db.session.execute(update(User).where(User.email == f"admin@{company.slug}.test").values(list_columns=keys))
    db.session.commit()


def test_the_default_columns_escape_every_value_once_in_their_markup(client, marked):
    company, first, second = marked
    body = client.get("/admin/applications").get_data(as_text=True)
    day = first.created_at.strftime("%b %-d, %Y")
    job, stage = f"R{ESCAPED} lead", f"New{ESCAPED}"
    rows = _rows(body)
    assert rows == [
        _row(second.id, f'<td class="cell-text"><a href="/admin/applications/{second.id}" class="truncate" '
                        'title="Bo Berg">Bo Berg</a></td>',
             _clipped("bo@example.com", ' class="cell-text cell-email"'), _clipped(job, ' class="cell-text"'),
             _clipped(stage), f"<td>Fair{ESCAPED}</td>", f"<td>{day}</td>"),
        _row(first.id, f'<td class="cell-text"><a href="/admin/applications/{first.id}" class="truncate" '
                       f'title="Ann{ESCAPED} O&#39;Brien">Ann{ESCAPED} O&#39;Brien</a></td>',
             _clipped(f"a{ESCAPED}@example.com", ' class="cell-text cell-email"'), _clipped(job, ' class="cell-text"'),
             _clipped(stage), "<td>Careers page</td>", f"<td>{day}</td>"),
    ]  # newest first: the second application came last
    assert MARKUP not in body.replace("&#34;&#39;", "")


@pytest.mark.parametrize("lang", ["fi", "sv", "vi"])
def test_the_rows_speak_the_reader_language(client, marked, lang):
    company, first, second = marked
    body = client.get(f"/admin/applications?lang={lang}").get_data(as_text=True)
    english = client.get("/admin/applications?lang=en").get_data(as_text=True)
    assert len(_rows(body)) == 2
    assert 'aria-label="Select"' not in _rows(body)[0]  # the checkbox's label, translated
    assert "<td>Careers page</td>" not in _rows(body)[1] and "<td>Careers page</td>" in _rows(english)[1]


def test_a_first_column_that_is_not_clipped_links_without_a_title_and_entities_render_alike(client, marked):
    """The status column first (a plain link), then a feature's column without ``from_row``
    (the page is read as entities): the same markup, each value escaped."""
    company, first, second = marked
    _columns(company, ["status", "phone", "source"])
    plain = _rows(client.get("/admin/applications").get_data(as_text=True))
    assert plain[1] == _row(first.id, f'<td><a href="/admin/applications/{first.id}">open</a></td>',
                            _clipped(f"+358 40{ESCAPED}"), "<td>Careers page</td>")
    assert plain[0] == _row(second.id, f'<td><a href="/admin/applications/{second.id}">open</a></td>',
                            "<td></td>", f"<td>Fair{ESCAPED}</td>")
    _columns(company, ["status", "phone", "source", "screening_answers"])
    entities = _rows(client.get("/admin/applications").get_data(as_text=True))
    assert entities == [row.replace("</td>\n        </tr>", "</td><td></td>\n        </tr>") for row in plain]


def test_an_empty_page_says_so_in_one_row(client, marked):
    body = client.get("/admin/applications?q=nobody-at-all").get_data(as_text=True)
    assert _rows(body) == []
    assert ('<tbody>\n        <tr><td colspan="7" class="muted">No applications match.</td></tr>\n      \n    '
            '</tbody>') in body


def test_the_filter_form_is_kept_and_follows_everything_it_shows(app, client, marked):
    """The filter form is rendered once per what it shows (app/admin/listing.py ``filter_form``):
    the same list again uses the kept form; a share link renamed behind the app's back (the
    source filter's choices), a search, a chosen filter and another language each show on the
    very next page, escaped."""
    from app.applications.models import SourceLink

    company, first, second = marked
    body = client.get("/admin/applications").get_data(as_text=True)
    assert f'<option value="link:{second.source_link_id}" >Share link: Fair{ESCAPED} (R{ESCAPED} lead)</option>' in body
    kept = app.extensions["haku.list_filter_forms"]
    assert len(kept) == 1
    client.get("/admin/applications")
    assert len(kept) == 1
    db.session.execute(update(SourceLink).where(SourceLink.id == second.source_link_id).values(name="Expo"))
    db.session.commit()
    body = client.get("/admin/applications").get_data(as_text=True)
    assert f'<option value="link:{second.source_link_id}" >Share link: Expo (R{ESCAPED} lead)</option>' in body
    searched = client.get("/admin/applications", query_string={"q": f"Ann{MARKUP}",
                                                                "f_source": f"link:{second.source_link_id}"})
    text = searched.get_data(as_text=True)
    assert f'<input type="search" id="q" name="q" value="Ann{ESCAPED}"' in text
    assert f'<option value="link:{second.source_link_id}" selected>Share link: Expo' in text
    finnish = client.get("/admin/applications?lang=fi").get_data(as_text=True)
    assert 'placeholder="Search name or email"' in body and 'placeholder="Search name or email"' not in finnish
    assert len(kept) == 4
