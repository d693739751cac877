"""Candidate pages in English, Finnish, Swedish and Vietnamese."""

import io
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from tests.support.builders import PDF

ROOT = Path(__file__).resolve().parents[2] / "translations"
LANGS = {"fi": ("Töihin yritykseen Acme Oy", "Lähetä hakemus", "Kirjoita etunimesi."),
         "sv": ("Jobba på Acme Oy", "Skicka ansökan", "Fyll i ditt förnamn."),
         "vi": ("Làm việc tại Acme Oy", "Gửi hồ sơ", "Vui lòng nhập tên của bạn.")}
CANDIDATE_SOURCES = ("templates/portal/", "templates/layout.html", "templates/error.html", "app/portal/",
                     "app/errors.py", "app/templating.py")


@pytest.fixture(scope="module", autouse=True)
def compiled():
    """The Makefile compiles the catalogues; compile here too when a .mo is missing or stale."""
    for lang in LANGS:
        po = ROOT / lang / "LC_MESSAGES" / "messages.po"
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            with po.open("rb") as src, mo.open("wb") as dst:
                write_mo(dst, read_po(src, locale=lang))


@pytest.fixture
def job(make):
    return make.job(make.company("acme", "Acme Oy"), "Backend developer")


@pytest.mark.parametrize("lang", sorted(LANGS))
def test_careers_and_apply_pages_are_translated(client, job, lang):
    heading, button, _ = LANGS[lang]
    careers = client.get(f"/c/acme/?lang={lang}").get_data(as_text=True)
    assert heading in careers and f'<html lang="{lang}">' in careers
    apply = client.get(f"/c/acme/jobs/{job.id}/apply").get_data(as_text=True)  # the choice sticks
    assert button in apply and "Send application" not in apply and f'<html lang="{lang}">' in apply


def test_language_comes_from_the_browser(client, job):
    body = client.get("/c/acme/", headers={"Accept-Language": "fi-FI,fi;q=0.9,en;q=0.5"}).get_data(as_text=True)
    assert "Töihin yritykseen Acme Oy" in body
    body = client.get("/c/acme/", headers={"Accept-Language": "de-DE"}).get_data(as_text=True)
    assert "Work at Acme Oy" in body


@pytest.mark.parametrize("lang", sorted(LANGS))
def test_form_errors_are_translated(client, job, lang):
    client.get(f"/c/acme/?lang={lang}")
    resp = client.post(f"/c/acme/jobs/{job.id}/apply", data={"email": "x@example.com", "consent": "y",
                                                             "cv": (io.BytesIO(PDF), "cv.pdf")},
                       content_type="multipart/form-data")
    assert resp.status_code == 422 and LANGS[lang][2] in resp.get_data(as_text=True)


def test_error_pages_are_translated(client):
    assert "Sivua ei löytynyt." in client.get("/c/nope/?lang=fi").get_data(as_text=True)


@pytest.mark.parametrize("lang", sorted(LANGS))
def test_every_candidate_string_is_translated(lang):
    with (ROOT / lang / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    missing = [m.id for m in catalog if m.id and any(loc.startswith(CANDIDATE_SOURCES) for loc, _ in m.locations)
               and (not m.string or (isinstance(m.string, tuple) and not all(m.string)) or m.fuzzy)]
    assert missing == []
