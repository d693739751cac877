"""A company's careers-site look (issue 18, item 2): its brand colour, a short "about" text
and its logo, set by a company admin and shown on the careers pages.

The colour is where white text sits (buttons, the language switch) and the links' colour on
white, so it must reach WCAG's 4.5:1 contrast with white; a lighter one is refused with its
ratio. The logo is PNG or JPEG by its bytes (not by its name), at most 256 KB; it is served
from Haku's own address, which the content security policy allows."""

from __future__ import annotations

import re

from flask_babel import format_decimal
from flask_babel import lazy_gettext as _l

from app import audit
from app.accounts.models import Company, User
from app.extensions import db
from app.problems import Problem

MIN_CONTRAST = 4.5
LOGO_MAX_BYTES = 256 * 1024
ABOUT_MAX = 2000
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
# CLDR's two-letter codes that are not countries (the EU, the UN, "unknown region", pseudo-regions).
_NOT_COUNTRIES = {"EU", "EZ", "UN", "ZZ", "XA", "XB", "QO"}


class BrandingError(Problem):
    messages = {
        "bad_colour": _l("Give the colour as #rrggbb, for example #2a5bd7."),
        "low_contrast": _l("White text on %(colour)s has a contrast of %(ratio)s:1; choose a darker colour "
                           "(at least 4.5:1)."),
        "about_too_long": _l("The about text is at most 2,000 characters."),
        "bad_logo": _l("The logo must be a PNG or JPEG image."),
        "logo_too_large": _l("The logo is at most 256 KB."),
        "bad_country": _l("Choose a country from the list."),
    }


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def contrast_with_white(colour: str) -> float:
    """WCAG 2 contrast ratio of white on ``colour`` (#rrggbb)."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)
    return 1.05 / (luminance + 0.05)


def logo_type(data: bytes) -> str | None:
    """``image/png`` or ``image/jpeg`` by the file's first bytes, else None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    return None


def country_choices(locale: str) -> list[tuple[str, str]]:
    """Every country (ISO 3166-1 alpha-2) by its name in ``locale``, sorted by that name,
    after a "not set" entry."""
    from babel import Locale

    from app.text import fold

    names = Locale.parse(locale).territories
    countries = sorted(((code, name) for code, name in names.items() if _COUNTRY.match(code) and code not in _NOT_COUNTRIES),
                       key=lambda item: fold(item[1]))
    return [("", "—"), *countries]


def save(company_id: int, actor: User, *, colour: str | None, about: str, logo: bytes | None = None,
         remove_logo: bool = False, country: str | None = None) -> Company:
    """Check everything first (nothing changes on a refusal), then save, audit and commit.
    ``logo`` None keeps the current one; ``remove_logo`` drops it."""
    colour = (colour or "").strip().lower() or None
    if colour is not None:
        if not _HEX.match(colour):
            raise BrandingError("bad_colour")
        ratio = contrast_with_white(colour)
        if ratio < MIN_CONTRAST:
            raise BrandingError("low_contrast", colour=colour, ratio=format_decimal(ratio, format="0.0"))
    about = (about or "").replace("\r\n", "\n").strip()
    if len(about) > ABOUT_MAX:
        raise BrandingError("about_too_long")
    country = (country or "").strip().upper() or None
    if country is not None and (not _COUNTRY.match(country) or country in _NOT_COUNTRIES):
        raise BrandingError("bad_country")
    kind = None
    if logo:
        if len(logo) > LOGO_MAX_BYTES:
            raise BrandingError("logo_too_large")
        kind = logo_type(logo)
        if kind is None:
            raise BrandingError("bad_logo")
    company = db.session.get(Company, company_id)
    before = {"brand_colour": company.brand_colour, "about": company.about, "logo": company.logo_type,
              "country": company.country}
    company.brand_colour, company.about, company.country = colour, about, country
    if logo:
        company.logo, company.logo_type = logo, kind
    elif remove_logo:
        company.logo, company.logo_type = None, None
    after = {"brand_colour": company.brand_colour, "about": company.about, "logo": company.logo_type,
             "country": company.country}
    if before != after or logo:
        audit.record(company_id=company_id, actor=audit.actor_of(actor), object=f"company:{company_id}",
                     action="careers_site_changed", before=before, after=after)
    db.session.commit()
    return company
