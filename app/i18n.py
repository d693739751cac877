"""The page's language and time zone, for code below the audiences (templating, services
that format), and the lists of languages and time zones users choose from."""

from __future__ import annotations

from functools import cache

from flask_babel import get_locale

#: The languages Haku speaks, each named in itself (as a language menu shows them).
LANGUAGE_NAMES = {"en": "English", "fi": "Suomi", "sv": "Svenska", "vi": "Tiếng Việt"}


def current_locale() -> str:
    return str(get_locale() or "en")


def translated(name: str, labels: dict) -> dict:
    """``labels`` (lazy strings of the code, named ``name``) as text in the page's language,
    translated once per process and language rather than once per cell or request (per-row
    lazy gettext was a list page's cost; a Flask-Babel lookup per label per request still cost
    the list ~40 µs). The translations are the app's, fixed while it runs: kept with the app
    (a web process), by name and language. Outside a request, translated each time."""
    from flask import current_app, has_request_context

    if not has_request_context():
        return {key: str(value) for key, value in labels.items()}
    key = (name, current_locale())
    cache = current_app.extensions.setdefault("haku.translated", {})
    out = cache.get(key)
    if out is None:
        out = cache[key] = {k: str(value) for k, value in labels.items()}
    return out


def language_name(code: str | None) -> str:
    """``"fi"`` → ``"Suomi"``: a language named in itself; unknown codes as they are."""
    return LANGUAGE_NAMES.get(code or "", code or "")


def language_in_reader_language(code: str | None) -> str:
    """``"fi"`` → ``"Finnish"`` to an English reader, ``"Tiếng Phần Lan"`` to a Vietnamese one:
    a language named in the page's language (Babel's CLDR data), as a list of templates shows
    it; an unknown code as it is."""
    from babel import Locale, UnknownLocaleError

    if not code:
        return ""
    try:
        name = Locale.parse(code).get_display_name(current_locale())
    except (ValueError, TypeError, UnknownLocaleError):
        return code
    return (name[:1].upper() + name[1:]) if name else code


@cache
def time_zones() -> list[str]:
    """Every IANA time zone both the standard library and Flask-Babel (pytz) know, sorted."""
    import zoneinfo

    import pytz

    return sorted(zoneinfo.available_timezones() & set(pytz.all_timezones))


@cache
def _time_zone_set() -> frozenset[str]:
    return frozenset(time_zones())


def valid_time_zone(name: str | None) -> str | None:
    """``name`` if it is a time zone users may choose, else None (a set: every signed-in page
    asks for the user's and the company's zone, and the list holds ~600)."""
    return name if name and name in _time_zone_set() else None
