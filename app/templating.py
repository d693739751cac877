"""Template globals and filters shared by every audience."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

from flask import Flask
from flask_babel import format_date, format_datetime, format_decimal, format_percent
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape

from app.i18n import current_locale, language_in_reader_language
from app.navigation import settings_sections, staff_company_panels, staff_sections

EMPLOYMENT_LABELS = {
    "full_time": _l("Full-time"), "part_time": _l("Part-time"), "contract": _l("Contract"),
    "temporary": _l("Temporary"), "internship": _l("Internship"),
}


WORKPLACE_LABELS = {"onsite": _l("On-site"), "hybrid": _l("Hybrid"), "remote": _l("Remote")}
SALARY_PERIOD_LABELS = {"hour": _l("per hour"), "month": _l("per month"), "year": _l("per year")}


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


def workplace_label(value: str) -> str:
    return str(WORKPLACE_LABELS.get(value, value))


def workplace_labels() -> dict[str, str]:
    """Every workplace's label in the page's language, once per list page (as ``employment_labels``)."""
    return _Labels((key, str(label)) for key, label in WORKPLACE_LABELS.items())


def salary(job) -> str:
    """``3,000–4,000 EUR per month``: the range (or one figure), the currency and the period."""
    lo, hi, cur = job.salary_min, job.salary_max, job.salary_currency
    if lo and hi:
        amount = f"{format_decimal(lo)}–{format_decimal(hi)} {cur}"
    elif lo or hi:
        amount = f"{format_decimal(lo or hi)} {cur}"
    else:
        return ""
    period = SALARY_PERIOD_LABELS.get(getattr(job, "salary_period", None) or "")
    return f"{amount} {period}" if period else amount


def country_name(code: str, fallback: str = "") -> str:
    """A country's name in the page's language (Babel's CLDR data), else the registry's."""
    from babel import Locale

    try:
        return Locale.parse(current_locale()).territories.get((code or "").upper()) or fallback or code
    except (ValueError, TypeError):
        return fallback or code


def _formats() -> tuple:
    """The reader's locale, time zone and Babel's parsed date/time patterns, looked up once per
    request and language (in the request's environ; outside a request, every call): a list of
    100 times spent most of its template in Flask-Babel's per-call locale, zone and pattern
    lookups. Same output as ``format_date(v, 'medium')`` / ``format_time(v, 'short'|'medium')``."""
    from babel.dates import get_date_format, get_time_format, parse_pattern
    from flask import has_request_context, request
    from flask_babel import get_locale, get_timezone

    locale, zone = get_locale(), get_timezone()
    key = (str(locale), str(zone))
    cache = request.environ.setdefault("haku.date_formats", {}) if has_request_context() else {}
    found = cache.get(key)
    if found is None:
        found = cache[key] = (locale, zone, parse_pattern(get_date_format("medium", locale=locale)),
                              parse_pattern(get_time_format("short", locale=locale)),
                              parse_pattern(get_time_format("medium", locale=locale)))
    return found


def _as_time(value):
    """A stored time kept as ISO 8601 text (a JSON cache, a monitor row) as a datetime (UTC);
    text that is not a time stays None."""
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            return None
    return value


def _local(value, zone):
    """A stored time (naive = UTC, as Flask-Babel reads it) in the reader's time zone."""

    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(zone)


def datetime_filter(value, seconds: bool = False) -> str:
    """A stored (UTC) time in the reader's language and time zone: "6.12.2026 15.14" for a
    Finnish user in Helsinki, "Dec 6, 2026 1:14 PM" in English in UTC. ISO 8601 text too."""
    original, value = value, _as_time(value)
    if not value:
        return original if isinstance(original, str) else ""
    locale, zone, day, short, medium = _formats()
    local = _local(value, zone)
    return f"{day.apply(local.date(), locale)} {(medium if seconds else short).apply(local, locale)}"


def date_filter(value) -> str:
    """A date (or the day of a stored time, in the reader's time zone) in their language.
    ISO 8601 text too (a JSON cache, a monitor row); other text stays as it is."""
    original, value = value, _as_time(value)
    if not value:
        return original if isinstance(original, str) else ""
    locale, zone, day, _short, _medium = _formats()
    if isinstance(value, datetime):
        value = _local(value, zone).date()
    return day.apply(value, locale)


def date_formatter() -> Callable[[date | datetime | None], str]:
    """``date_filter`` for a page of many dates (the board's chips, the list's cells): the
    reader's locale, zone and pattern looked up once, and each distinct day formatted once
    (a page of 50 applications holds a few days)."""
    locale, zone, day, _short, _medium = _formats()
    seen: dict[date, str] = {}

    def fmt(value) -> str:
        original, value = value, _as_time(value)
        if not value:
            return original if isinstance(original, str) else ""
        if isinstance(value, datetime):
            value = _local(value, zone).date()
        text = seen.get(value)
        if text is None:
            text = seen[value] = day.apply(value, locale)
        return text

    return fmt


def time_filter(value) -> str:
    value = _as_time(value)
    if not value:
        return ""
    locale, zone, _day, short, _medium = _formats()
    if isinstance(value, datetime):
        value = _local(value, zone)
    return short.apply(value, locale)


def filesize(size: int | None) -> str:
    """A file size in the reader's language and units: "207 byte", "2.5 kB", "9,8 Mt" (1 kB =
    1024 bytes, as the upload limits count). A file under 1 kB is never "0 KB"."""
    from babel.units import format_unit

    size = size or 0
    for unit, scale in (("digital-megabyte", 1024 * 1024), ("digital-kilobyte", 1024)):
        if size >= scale:
            return format_unit(size / scale, unit, length="short", format="#,##0.#", locale=current_locale())
    return format_unit(size, "digital-byte", length="short", locale=current_locale())


def paragraphs(text: str | None) -> Markup:
    """Plain text → escaped paragraphs (user text never becomes markup)."""
    parts = [p.strip() for p in (text or "").replace("\r\n", "\n").split("\n\n") if p.strip()]
    return Markup("".join(f"<p>{escape(p)}</p>".replace("\n", "<br>") for p in parts))


def markdown(text: str | None) -> Markup:
    """A job ad's Markdown as sanitised HTML (app/markdown.py)."""
    from app.markdown import render

    return render(text)


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(current_locale=current_locale, employment_label=employment_label,
                                 employment_labels=employment_labels, salary=salary,
                                 workplace_label=workplace_label, workplace_labels=workplace_labels,
                                 format_date=format_date, format_datetime=format_datetime, format_percent=format_percent,
                                 country_name=country_name,
                                 language_in_reader_language=language_in_reader_language,
                                 settings_sections=settings_sections, staff_sections=staff_sections,
                                 staff_company_panels=staff_company_panels)
    app.jinja_env.filters.update(paragraphs=paragraphs, markdown=markdown, filesize=filesize, datetime=datetime_filter, date=date_filter,
                               time=time_filter)
    app.jinja_env.add_extension("jinja2.ext.i18n") if "jinja2.ext.InternationalizationExtension" not in \
        app.jinja_env.extensions else None
