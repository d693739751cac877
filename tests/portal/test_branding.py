"""The careers site's look (issue 18, item 2): a brand colour checked for contrast with white,
an about text in Markdown and a logo (PNG or JPEG by its bytes, at most 256 KB), set by a
company admin; the careers pages load the colour as a stylesheet of Haku's own (no inline
style under the CSP) and the logo from Haku's address."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from sqlalchemy import select

from app.accounts import branding
from app.accounts.models import Company, User
from app.audit import AuditEntry
from app.extensions import db


def _png() -> bytes:
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"\x00\x1a\x4f\xa0"  # one row, one RGB pixel
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


PNG = _png()


@pytest.fixture
def company(make):
    company = make.company("acme", "Acme Oy")
    make.job(company, "Backend developer")
    return company


def _post(client, **data):
    form = {"brand_colour": "", "about": "", "country": "", **data}
    return client.post("/admin/settings/careers-site", data=form, content_type="multipart/form-data")


@pytest.mark.parametrize("colour,ratio_ok", [("#2a5bd7", True), ("#000000", True), ("#ffcc00", False),
                                             ("#ffffff", False), ("#767676", True), ("#777777", False)])
def test_contrast_with_white_follows_wcag(colour, ratio_ok):
    assert (branding.contrast_with_white(colour) >= branding.MIN_CONTRAST) is ratio_ok


def test_an_admin_sets_colour_about_and_logo_and_the_careers_pages_show_them(client, company, auth):
    auth.login("admin@acme.test")
    resp = _post(client, brand_colour="#0B6E4F", about="We make **logistics** software.",
                 logo=(io.BytesIO(PNG), "logo.png"))
    assert resp.status_code == 303
    db.session.refresh(company)
    assert (company.brand_colour, company.logo_type) == ("#0b6e4f", "image/png")
    assert db.session.scalar(select(AuditEntry).where(AuditEntry.action == "careers_site_changed")) is not None
    auth.logout()
    page = client.get("/c/acme/").get_data(as_text=True)
    assert f'href="/c/acme/brand.css?v={company.public_version}"' in page
    assert f'<img class="brand-logo" src="/c/acme/logo?v={company.public_version}" alt="">' in page
    assert "<strong>logistics</strong>" in page
    css = client.get("/c/acme/brand.css")
    assert css.mimetype == "text/css" and "--brand: #0b6e4f;" in css.get_data(as_text=True)
    logo = client.get("/c/acme/logo")
    assert logo.status_code == 200 and logo.mimetype == "image/png" and logo.data == PNG
    assert client.get("/c/acme/logo", headers={"If-None-Match": logo.headers["ETag"]}).status_code == 304


@pytest.mark.parametrize("data,message", [
    ({"brand_colour": "blue"}, "Give the colour as #rrggbb"),
    ({"brand_colour": "#ffcc00"}, "has a contrast of 1.5:1"),
    ({"logo": (io.BytesIO(b"%PDF-1.4 not an image"), "logo.png")}, "must be a PNG or JPEG image"),
    ({"logo": (io.BytesIO(b"\x89PNG\r\n\x1a\n" + b"0" * 300_000), "big.png")}, "at most 256 KB"),
    ({"about": "x" * 2001}, "longer than 2000 characters"),
    ({"country": "EU"}, "Not a valid choice"),
])
def test_bad_input_gets_a_message_and_changes_nothing(client, company, auth, data, message):
    auth.login("admin@acme.test")
    before = db.session.execute(select(Company.brand_colour, Company.about, Company.logo_type, Company.country)
                                .where(Company.id == company.id)).one()
    resp = _post(client, **data)
    assert resp.status_code == 422 and message in resp.get_data(as_text=True).replace("&#39;", "'")
    db.session.expire_all()
    assert db.session.execute(select(Company.brand_colour, Company.about, Company.logo_type, Company.country)
                              .where(Company.id == company.id)).one() == before


def test_removing_the_logo_and_no_look_at_all(client, company, auth):
    auth.login("admin@acme.test")
    _post(client, logo=(io.BytesIO(PNG), "logo.png"))
    _post(client, remove_logo="y")
    db.session.refresh(company)
    assert company.logo_type is None
    assert client.get("/c/acme/logo").status_code == 404
    page = client.get("/c/acme/").get_data(as_text=True)
    assert "brand.css" not in page and "brand-logo" not in page
    assert client.get("/c/nope/brand.css").status_code == 404


def test_a_recruiter_cannot_change_the_look(client, company, make, auth):
    make.user(company, email="rec@acme.test")
    auth.login("rec@acme.test")
    assert _post(client, brand_colour="#000000").status_code == 403


def test_the_country_is_chosen_by_its_name_in_the_admins_language_and_kept(client, company, make, auth):
    admin = db.session.scalar(select(User).where(User.email == "admin@acme.test"))
    admin.locale = "fi"
    db.session.commit()
    auth.login("admin@acme.test")
    form = client.get("/admin/settings/careers-site").get_data(as_text=True)
    assert '<option value="FI">Suomi</option>' in form and '<option value="EU">' not in form
    assert _post(client, country="SE").status_code == 303
    db.session.refresh(company)
    assert company.country == "SE"
    assert '<option selected value="SE">Ruotsi</option>' in client.get("/admin/settings/careers-site").get_data(as_text=True)
    assert _post(client, country="").status_code == 303
    db.session.refresh(company)
    assert company.country is None


def test_the_contrast_ratio_is_written_as_the_admins_language_writes_decimals(client, company, auth):
    admin = db.session.scalar(select(User).where(User.email == "admin@acme.test"))
    admin.locale = "fi"
    db.session.commit()
    auth.login("admin@acme.test")
    body = _post(client, brand_colour="#ffcc00").get_data(as_text=True)
    assert "1,5:1" in body and "1.5:1" not in body
