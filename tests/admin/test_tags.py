"""Company-wide tags (issue 16, item 5): the model's rules, the settings page (admins), tags
on the card (htmx and without JavaScript), the list's Tags column and filter (one query for
the page's tags), and tenant isolation."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.applications import tags
from app.applications.models import Application, ApplicationTag, Tag
from app.applications.tags import TagError
from app.extensions import db
from tests.support.rejections import interviewing
from tests.support.statements import selects

HX = {"HX-Request": "true"}


@pytest.fixture
def world(make, auth):
    company, recruiter, job, application = interviewing(make)
    auth.login("rec@acme.test")
    return {"company": company, "recruiter": recruiter, "job": job, "application": application}


def _reload(application_id):
    db.session.expire_all()
    return db.session.get(Application, application_id)


def test_tag_names_are_unique_per_company_whatever_the_case(make, world):
    company, actor = world["company"], world["recruiter"]
    tag = tags.create_tag(company.id, "  Senior   developer ", "blue", actor)
    assert tag.name == "Senior developer" and tag.colour == "blue"
    with pytest.raises(TagError) as exc:
        tags.create_tag(company.id, "SENIOR DEVELOPER", "red", actor)
    assert exc.value.code == "duplicate_name"
    for name, colour, code in (("", "red", "empty_name"), ("x" * 61, "red", "name_too_long"),
                               ("Fine", "#ff0000", "bad_colour")):
        with pytest.raises(TagError) as exc:
            tags.create_tag(company.id, name, colour, actor)
        assert exc.value.code == code
    other = make.company("other", "Other Oy")
    same = tags.create_tag(other.id, "senior developer", "green", make.admin_of(other))
    assert same.company_id == other.id
    assert [t.name for t in tags.tags(company.id)] == ["Senior developer"]
    # every palette pair is readable: contrast of at least 4.5:1
    for _label, background, text in tags.PALETTE.values():
        assert _contrast(background, text) >= 4.5, (background, text)
    # the stylesheet has each pair as a class (the content security policy forbids inline styles)
    css = (Path(__file__).resolve().parents[2] / "static/css/haku.css").read_text()
    for key, (_label, background, text) in tags.PALETTE.items():
        assert f".tag-{key} {{ background: {background}; color: {text}; }}" in css
    assert tags.colour_class("nonsense") == "tag-grey"


def _contrast(a: str, b: str) -> float:
    def lum(hex_colour):
        channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_card_adds_and_removes_tags_with_htmx(client, world):
    a = world["application"]
    card = client.get(f"/admin/applications/{a.id}").get_data(as_text=True)
    assert f'id="tags-{a.id}"' in card and "No tags yet." in card
    assert f'href="/admin/applications/{a.id}#tags-{a.id}"' in card  # the ⋯ menu's "Tag…"
    resp = client.post(f"/admin/applications/{a.id}/tags", data={"name": "Relocation"}, headers=HX)
    body = resp.get_data(as_text=True)
    assert resp.status_code == 200 and "<html" not in body and f'id="tags-{a.id}"' in body and "Relocation" in body
    assert "Relocation" in resp.headers["HX-Trigger"]
    tag = db.session.scalar(select(Tag).where(Tag.name == "Relocation"))
    assert tag.company_id == world["company"].id and tag.colour == tags.DEFAULT_COLOUR
    # the same name in another case is the same tag; tagging twice is harmless
    client.post(f"/admin/applications/{a.id}/tags", data={"name": "relocation"}, headers=HX)
    assert db.session.scalar(select(db.func.count()).select_from(Tag)) == 1
    assert [t.name for t in _reload(a.id).tags] == ["Relocation"]
    resp = client.post(f"/admin/applications/{a.id}/tags/{tag.id}/remove", headers=HX)
    assert resp.status_code == 200 and "No tags yet." in resp.get_data(as_text=True)
    assert _reload(a.id).tags == [] and db.session.get(Tag, tag.id) is not None


def test_card_tags_without_javascript_and_bad_input(client, world):
    a = world["application"]
    resp = client.post(f"/admin/applications/{a.id}/tags", data={"name": "Night shifts OK"})
    assert resp.status_code == 303 and resp.headers["Location"].endswith(f"/admin/applications/{a.id}")
    card = client.get(resp.headers["Location"]).get_data(as_text=True)
    assert "Night shifts OK" in card and "Tagged" in card
    before = db.session.scalar(select(db.func.count()).select_from(ApplicationTag))
    empty = client.post(f"/admin/applications/{a.id}/tags", data={"name": "   "}, headers=HX)
    assert empty.status_code == 422 and "The tag name is empty." in empty.get_data(as_text=True)
    long = client.post(f"/admin/applications/{a.id}/tags", data={"name": "y" * 61}, headers=HX)
    assert long.status_code == 422
    assert db.session.scalar(select(db.func.count()).select_from(ApplicationTag)) == before
    tag = db.session.scalar(select(Tag))
    resp = client.post(f"/admin/applications/{a.id}/tags/{tag.id}/remove")
    assert resp.status_code == 303 and _reload(a.id).tags == []


def test_settings_page_is_for_admins_and_renames_recolours_deletes(client, auth, make, world):
    company, a = world["company"], world["application"]
    assert client.get("/admin/settings/tags").status_code == 403
    assert "/admin/settings/tags" not in client.get("/admin/settings").get_data(as_text=True)
    client.post(f"/admin/applications/{a.id}/tags", data={"name": "Senior"})
    auth.logout()
    auth.login(f"admin@{company.slug}.test")
    assert "/admin/settings/tags" in client.get("/admin/settings").get_data(as_text=True)
    page = client.get("/admin/settings/tags").get_data(as_text=True)
    assert "Senior" in page and "1 application" in page
    assert client.post("/admin/settings/tags", data={"name": "Junior", "colour": "green"}).status_code == 303
    dup = client.post("/admin/settings/tags", data={"name": "junior", "colour": "red"})
    assert dup.status_code == 422 and "already exists" in dup.get_data(as_text=True)
    bad = client.post("/admin/settings/tags", data={"name": "Mid", "colour": "chartreuse"})
    assert bad.status_code == 422
    assert {t.name for t in tags.tags(company.id)} == {"Senior", "Junior"}
    senior = db.session.scalar(select(Tag).where(Tag.name == "Senior"))
    resp = client.post(f"/admin/settings/tags/{senior.id}", data={"action": "save", "t-name": "Senior+",
                                                                  "t-colour": "purple"})
    assert resp.status_code == 303
    db.session.expire_all()
    assert (senior.name, senior.colour) == ("Senior+", "purple")
    card = client.get(f"/admin/applications/{a.id}").get_data(as_text=True)
    assert "Senior+" in card and "tag tag-purple" in card
    clash = client.post(f"/admin/settings/tags/{senior.id}", data={"action": "save", "t-name": "JUNIOR",
                                                                   "t-colour": "purple"})
    assert clash.status_code == 422
    db.session.expire_all()
    assert senior.name == "Senior+"
    client.post(f"/admin/settings/tags/{senior.id}", data={"action": "delete"})
    assert db.session.get(Tag, senior.id) is None and _reload(a.id).tags == []


def test_another_companys_tags_and_applications_are_404(client, auth, make, world):
    other = make.company("other", "Other Oy")
    theirs = tags.create_tag(other.id, "Theirs", "red", make.admin_of(other))
    a = world["application"]
    assert client.post(f"/admin/applications/{a.id}/tags", data={"tag_id": str(theirs.id)}).status_code == 303
    assert _reload(a.id).tags == []
    assert client.post(f"/admin/applications/{a.id}/tags/{theirs.id}/remove").status_code == 404
    other_job = make.job(other, "Their job")
    their_app = make.application(other_job, email="x@example.com")
    assert client.post(f"/admin/applications/{their_app.id}/tags", data={"name": "Mine"}).status_code == 404
    auth.logout()
    auth.login(f"admin@{world['company'].slug}.test")
    resp = client.post(f"/admin/settings/tags/{theirs.id}", data={"action": "delete"})
    assert resp.status_code == 404 and db.session.get(Tag, theirs.id) is not None


def test_list_column_filter_and_csv_with_one_query_for_the_tags(client, make, world):
    job, a = world["job"], world["application"]
    other = make.application(job, email="eero@example.fi", given="Eero", family="Nieminen")
    client.post(f"/admin/applications/{a.id}/tags", data={"name": "Senior"})
    client.post(f"/admin/applications/{a.id}/tags", data={"name": "Relocation"})
    recruiter = db.session.get(type(world["recruiter"]), world["recruiter"].id)
    recruiter.list_columns = ["candidate", "job", "tags"]
    db.session.commit()
    page = client.get("/admin/applications?status=all").get_data(as_text=True)
    assert "Relocation, Senior" in page and 'name="f_tags"' in page
    senior = db.session.scalar(select(Tag).where(Tag.name == "Senior"))
    filtered = client.get(f"/admin/applications?status=all&f_tags={senior.id}").get_data(as_text=True)
    assert "Aino Virtanen" in filtered and "Eero Nieminen" not in filtered
    assert "Eero Nieminen" not in client.get("/admin/applications?status=all&f_tags=nonsense").get_data(as_text=True)
    csv = client.get(f"/admin/applications/export.csv?status=all&f_tags={senior.id}").get_data(as_text=True)
    assert "Tags" in csv.splitlines()[0] and "Relocation, Senior" in csv and "Eero" not in csv
    # the page's tags are one statement, however many tagged rows it shows
    db.session.expire_all()
    small = selects(lambda: client.get("/admin/applications?status=all"))
    for n in range(4):
        more = make.application(job, email=f"more{n}@example.com")
        client.post(f"/admin/applications/{more.id}/tags", data={"name": f"Tag {n}"})
    client.post(f"/admin/applications/{other.id}/tags", data={"name": "Senior"})
    db.session.expire_all()
    large = selects(lambda: client.get("/admin/applications?status=all"))
    assert len(large) == len(small), large
    assert len([s for s in large if "application_tags" in s]) == 1
