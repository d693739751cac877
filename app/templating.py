"""Template globals and filters shared by every audience."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from flask import Flask
from flask_babel import format_date, format_datetime, format_decimal, format_time, get_timezone, to_user_timezone
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape

from app.i18n import current_locale, language_in_reader_language
from app.navigation import settings_sections, staff_company_panels, staff_sections

EMPLOYMENT_LABELS = {
    "full_time": _l("Full-time"), "part_time": _l("Part-time"), "contract": _l("Contract"),
    "temporary": _l("Temporary"), "internship": _l("Internship"),
}


def employment_label(value: str) -> str:
    return str(EMPLOYMENT_LABELS.get(value, value))


class _Labels(dict):
    """Labels by key; an unknown key reads as itself (as ``employment_label`` does)."""

    def __missing__(self, key):
        return key


def employment_labels() -> dict[str, str]:
    """Every employment type's label in the page's language, looked up once for a list page
    (``labels[job.employment_type]`` per row, no call and no gettext per row)."""
    return _Labels((key, str(label)) for key, label in EMPLOYMENT_LABELS.items())


def salary(job) -> str:
    lo, hi, cur = job.salary_min, job.salary_max, job.salary_currency
    if lo and hi:
        return f"{format_decimal(lo)}–{format_decimal(hi)} {cur}"
    if lo or hi:
        return f"{format_decimal(lo or hi)} {cur}"
    return ""


def country_name(code: str, fallback: str = "") -> str:
    """A country's name in the page's language (Babel's CLDR data), else the registry's."""
    from babel import Locale

    try:
        return Locale.parse(current_locale()).territories.get((code or "").upper()) or fallback or code
    except (ValueError, TypeError):
        return fallback or code


def _as_time(value):
    """A stored time kept as ISO 8601 text (a JSON cache, a monitor row) as a datetime (UTC);
    text that is not a time stays as it is."""
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            return None
    return value


def datetime_filter(value, seconds: bool = False) -> str:
    """A stored (UTC) time in the reader's language and time zone: "6.12.2026 15.14" for a
    Finnish user in Helsinki, "Dec 6, 2026 1:14 PM" in English in UTC. ISO 8601 text too."""
    original, value = value, _as_time(value)
    if not value:
        return original if isinstance(original, str) else ""
    return f"{format_date(value, 'medium')} {format_time(value, 'medium' if seconds else 'short')}"


def date_filter(value) -> str:
    """A date (or the day of a stored time, in the reader's time zone) in their language.
    Each day is worded once per language (a list page shows the same few days on every row)."""
    original, value = value, _as_time(value)
    if not value:
        return original if isinstance(original, str) else ""
    if isinstance(value, datetime):
        value = to_user_timezone(value).date()
    return _day(current_locale(), value)


def day_formatter():
    """``date_filter`` for a whole list page: the reader's language and time zone looked up
    once, then each cell is a time zone shift and a cached day (``{% set day = day_formatter() %}``,
    ``{{ day(value) }}``)."""
    from datetime import UTC

    locale, zone = current_locale(), get_timezone()

    def day(value) -> str:
        if not value:
            return ""
        if isinstance(value, datetime):
            value = (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(zone).date()
        return _day(locale, value)

    return day


@lru_cache(maxsize=4096)
def _day(locale: str, day: date) -> str:
    from babel.dates import format_date as babel_format_date

    return babel_format_date(day, "medium", locale=locale)


def time_filter(value) -> str:
    return format_time(value, "short") if value else ""


def paragraphs(text: str | None) -> Markup:
    """Plain text → escaped paragraphs (user text never becomes markup)."""
    parts = [p.strip() for p in (text or "").replace("\r\n", "\n").split("\n\n") if p.strip()]
    return Markup("".join(f"<p>{escape(p)}</p>".replace("\n", "<br>") for p in parts))


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(current_locale=current_locale, employment_label=employment_label,
                                 employment_labels=employment_labels, salary=salary,
                                 format_date=format_date, format_datetime=format_datetime, country_name=country_name,
                                 day_formatter=day_formatter,
                                 language_in_reader_language=language_in_reader_language,
                                 settings_sections=settings_sections, staff_sections=staff_sections,
                                 staff_company_panels=staff_company_panels)
    app.jinja_env.filters.update(paragraphs=paragraphs, datetime=datetime_filter, date=date_filter, time=time_filter)
    app.jinja_env.add_extension("jinja2.ext.i18n") if "jinja2.ext.InternationalizationExtension" not in \
        app.jinja_env.extensions else None
