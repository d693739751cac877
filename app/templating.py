"""Template globals and filters shared by every audience."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from datetime import date, datetime, time, timezone
from functools import cache
from operator import attrgetter
from typing import NamedTuple

import pytz
from flask import Flask
from flask_babel import (
    LazyString,
    format_date,
    format_datetime,
    format_decimal,
    format_percent,
    get_locale,
    get_timezone,
)
from flask_babel import get_translations as _babel_translations
from flask_babel import lazy_gettext as _l
from jinja2 import pass_context
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


def _field(char: str, num: int, locale) -> tuple[str, Callable]:
    """One field of a Babel date/time pattern as a printf conversion and a getter of the value:
    numbers read straight from the value, names (months, weekdays, am/pm) from a table that
    Babel itself fills once, and Babel per call for any other field."""
    from babel.dates import DateTimeFormat

    name = char * num
    if char in _NUMBERS or (char in "ML" and num <= 2):
        return f"%0{num}d", attrgetter(_NUMBERS.get(char, "month"))
    if char == "y":
        return ("%02d", lambda v: v.year % 100) if num == 2 else (f"%0{num}d", attrgetter("year"))
    if char == "h":
        return f"%0{num}d", lambda v: v.hour % 12 or 12
    if char in "ML":
        months = (None, *(DateTimeFormat(date(2001, m, 1), locale)[name] for m in range(1, 13)))
        return "%s", lambda v: months[v.month]
    if char in "Eec":  # 2001-01-01 was a Monday: the table is in weekday() order
        days = tuple(DateTimeFormat(date(2001, 1, 1 + d), locale)[name] for d in range(7))
        return "%s", lambda v: days[v.weekday()]
    if char == "a":
        periods = (DateTimeFormat(time(0), locale)[name], DateTimeFormat(time(12), locale)[name])
        return "%s", lambda v: periods[v.hour >= 12]
    return "%s", lambda v: DateTimeFormat(v, locale)[name]


#: Fields that are a zero-padded number of one attribute of the value (as Babel formats them).
_NUMBERS = {"d": "day", "H": "hour", "m": "minute", "s": "second"}


@cache
def _compiled(pattern: str, locale) -> Callable[[date | datetime | time], str]:
    """A Babel date/time pattern in one locale as a function of the value, compiled once per
    process: ``DateTimePattern.apply`` builds a ``DateTimeFormat`` and looks each field's name
    up in the locale data on every call (a page of 100 times spent a fifth of its CPU there).
    The text is Babel's (tests/test_date_filters.py compares them over every locale and zone)."""
    from babel.dates import parse_pattern, tokenize_pattern

    parse_pattern(pattern)  # Babel's checks: a field of a length it does not know is a ValueError
    text, getters = [], []
    for kind, token in tokenize_pattern(pattern):
        if kind == "chars":
            text.append(token.replace("%", "%%"))
        else:
            conversion, getter = _field(*token, locale)
            text.append(conversion)
            getters.append(getter)
    text = "".join(text)
    return lambda value: text % tuple([get(value) for get in getters])


class _Formats(NamedTuple):
    day: Callable
    short: Callable
    medium: Callable


@cache
def _locale_formats(locale) -> _Formats:
    from babel.dates import get_date_format, get_time_format

    return _Formats(
        _compiled(get_date_format("medium", locale=locale).pattern, locale),
        _compiled(get_time_format("short", locale=locale).pattern, locale),
        _compiled(get_time_format("medium", locale=locale).pattern, locale),
    )


def _formats() -> tuple:
    """The reader's time zone and their language's medium date and short/medium time, compiled
    once per process and language. Flask-Babel keeps the locale and zone for the request; asking
    it on each call keeps ``force_locale`` working. Same text as ``format_date(v, 'medium')`` /
    ``format_time(v, 'short'|'medium')``."""
    return get_timezone(), _locale_formats(get_locale())


#: The template context's names for ``_formats()`` and the translations of the render
#: (``_render_context``).
_RENDER_FORMATS = "_haku_date_formats"
_RENDER_TRANSLATIONS = "_haku_translations"


def _render_context() -> dict:
    """A context processor: the zone, date formats and translations looked up once per rendered
    template, for the date filters and the template gettext callables below (asking Flask-Babel
    for the locale and zone was a third of each of a page's 100 times; its gettext asks for the
    request's context, domain, locale and translations on every call). A render starts and ends
    in one language, ``force_locale`` around it included."""
    return {_RENDER_FORMATS: _formats(), _RENDER_TRANSLATIONS: _babel_translations()}


def _translations(context):
    """The translations of the render (``_render_context``); a template rendered without
    Flask's context processors, or a macro imported without context, asks Flask-Babel."""
    translations = context.get(_RENDER_TRANSLATIONS)
    return _babel_translations() if translations is None else translations


def _formatted(context, text: str, variables: dict):
    """The message as Jinja's newstyle gettext returns it: under autoescape the message is
    markup and the variables are escaped into it; it is always a format string (a literal
    percent sign is written twice, with or without variables)."""
    if context.eval_ctx.autoescape:
        text = Markup(text)
    return text % variables


# The template gettext callables: Flask-Babel installs ``get_translations().ugettext`` behind
# Jinja's newstyle wrappers, which asks for the request's context, domain, locale and
# translations on every call and goes through two ``Context.call``s; these take the render's
# translations and are the newstyle callables themselves (``_`` is ``gettext``). Their own
# parameters are positional-only, so a variable of any name (``num``, ``context``) is a variable.
@pass_context
def _gettext(context, string: str, /, **variables):
    return _formatted(context, _translations(context).ugettext(string), variables)


@pass_context
def _ngettext(context, singular: str, plural: str, num: int, /, **variables):
    variables.setdefault("num", num)
    return _formatted(context, _translations(context).ungettext(singular, plural, num), variables)


@pass_context
def _pgettext(context, message_context: str, string: str, /, **variables):
    variables.setdefault("context", message_context)
    return _formatted(context, _translations(context).upgettext(message_context, string), variables)


@pass_context
def _npgettext(context, message_context: str, singular: str, plural: str, num: int, /, **variables):
    variables.setdefault("context", message_context)
    variables.setdefault("num", num)
    return _formatted(context, _translations(context).unpgettext(message_context, singular, plural, num), variables)


def _in_template(formatter: Callable) -> Callable:
    """``formatter`` as a template filter that formats with the render's zone and formats; a
    template rendered without Flask's context processors looks them up itself."""

    @pass_context
    def template_filter(context, value, *args, **kwargs):
        return formatter(value, *args, formats=context.get(_RENDER_FORMATS), **kwargs)

    return template_filter


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
    """A stored time (naive = UTC, as Flask-Babel reads it) in the reader's time zone. A naive
    one goes straight to the zone's ``fromutc`` (the tzinfo contract: UTC fields, tzinfo the
    zone), which is what ``astimezone`` ends in, without its round through UTC."""
    if value.tzinfo is None:
        return zone.fromutc(value.replace(tzinfo=zone))
    return value.astimezone(zone)


def datetime_filter(value, seconds: bool = False, *, formats: tuple | None = None) -> str:
    """A stored (UTC) time in the reader's language and time zone: "6.12.2026 15.14" for a
    Finnish user in Helsinki, "Dec 6, 2026 1:14 PM" in English in UTC. ISO 8601 text too.
    ``formats``: ``_formats()`` already looked up (a template's render)."""
    original, value = value, _as_time(value)
    if not value:
        return original if isinstance(original, str) else ""
    zone, formats = formats or _formats()
    local = _local(value, zone)
    return f"{formats.day(local.date())} {(formats.medium if seconds else formats.short)(local)}"


def date_filter(value, *, formats: tuple | None = None) -> str:
    """A date (or the day of a stored time, in the reader's time zone) in their language.
    ISO 8601 text too (a JSON cache, a monitor row); other text stays as it is."""
    original, value = value, _as_time(value)
    if not value:
        return original if isinstance(original, str) else ""
    zone, formats = formats or _formats()
    if isinstance(value, datetime):
        value = _local(value, zone).date()
    return formats.day(value)


def _utc_day(zone) -> Callable[[datetime], date]:
    """The day in ``zone`` of a stored (naive, UTC) time: ``_local(value, zone).date()``
    without its two ``datetime.replace`` calls (~2 µs each; a page of 50 applications had 50).
    A zone of one offset (UTC, pytz's fixed zones, ``datetime.timezone``) adds it; a pytz zone
    with clock changes finds the value's offset in its table of changes as its own ``fromutc``
    does (``bisect_right`` over ``_utc_transition_times``); any other zone goes through ``_local``.
    tests/test_date_filters.py compares them across every zone's changes."""
    times, infos = getattr(zone, "_utc_transition_times", None), getattr(zone, "_transition_info", None)
    if times is not None:
        if not (isinstance(times, list) and isinstance(infos, list) and len(times) == len(infos) > 0):
            return lambda value: _local(value, zone).date()

        def changing(value: datetime) -> date:
            return (value + infos[max(0, bisect_right(times, value) - 1)][0]).date()

        return changing
    if isinstance(zone, (timezone, pytz.UTC.__class__, pytz.tzinfo.StaticTzInfo)):
        fixed = zone.utcoffset(None)
        return datetime.date if not fixed else lambda value: (value + fixed).date()
    return lambda value: _local(value, zone).date()


def date_formatter() -> Callable[[date | datetime | None], str]:
    """``date_filter`` for a page of many dates (the board's chips, the list's cells): the
    reader's locale, zone and pattern looked up once, and each distinct day formatted once
    (a page of 50 applications holds a few days)."""
    zone, formats = _formats()
    day = formats.day
    utc_day = _utc_day(zone)
    seen: dict[date, str] = {}

    def fmt(value) -> str:
        original, value = value, _as_time(value)
        if not value:
            return original if isinstance(original, str) else ""
        if isinstance(value, datetime):
            value = utc_day(value) if value.tzinfo is None else _local(value, zone).date()
        text = seen.get(value)
        if text is None:
            text = seen[value] = day(value)
        return text

    return fmt


def time_filter(value, *, formats: tuple | None = None) -> str:
    value = _as_time(value)
    if not value:
        return ""
    zone, formats = formats or _formats()
    if isinstance(value, datetime):
        value = _local(value, zone)
    return formats.short(value)


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


def _lazy_string_as_html(self) -> Markup:
    return escape(str(self))


def init_app(app: Flask) -> None:
    # Flask-Babel's lazy string claims to be HTML already (its ``__html__`` returns its text as
    # it is), so Jinja printed ``{{ _l("%(name)s replied", name=…) }}`` unescaped: a lazy message
    # that carries a person's name or a partner's words is escaped like any other text instead.
    # No message of Haku is markup (tests/test_template_gettext.py).
    LazyString.__html__ = _lazy_string_as_html
    app.jinja_env.globals.update(current_locale=current_locale, employment_label=employment_label,
                                 employment_labels=employment_labels, salary=salary,
                                 workplace_label=workplace_label, workplace_labels=workplace_labels,
                                 format_date=format_date, format_datetime=format_datetime, format_percent=format_percent,
                                 country_name=country_name,
                                 language_in_reader_language=language_in_reader_language,
                                 settings_sections=settings_sections, staff_sections=staff_sections,
                                 staff_company_panels=staff_company_panels)
    app.jinja_env.filters.update(
        paragraphs=paragraphs,
        markdown=markdown,
        filesize=filesize,
        datetime=_in_template(datetime_filter),
        date=_in_template(date_filter),
        time=_in_template(time_filter),
    )
    app.context_processor(_render_context)
    if "jinja2.ext.InternationalizationExtension" not in app.jinja_env.extensions:
        app.jinja_env.add_extension("jinja2.ext.i18n")
    app.jinja_env.newstyle_gettext = True
    app.jinja_env.globals.update(gettext=_gettext, _=_gettext, ngettext=_ngettext, pgettext=_pgettext,
                                 npgettext=_npgettext)
