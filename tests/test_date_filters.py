"""The |datetime, |date and |time filters read the locale and the time zone Flask-Babel keeps
for the request, and format with Babel's patterns compiled once per process and language
(issue 15: a page of 100 times spent a third of its CPU in Babel's per-call pattern work and
lookups); the text must stay exactly what Flask-Babel's format_date/format_time give, in every
language and every time zone users can choose."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest
from babel import Locale
from babel.dates import get_date_format, get_time_format, parse_pattern
from flask_babel import force_locale, format_date, format_time, get_babel, refresh

from app.i18n import LANGUAGE_NAMES, time_zones
from app.templating import _compiled, date_filter, date_formatter, datetime_filter, time_filter

LOCALES = sorted(LANGUAGE_NAMES)
TIMES = [datetime(2026, 12, 6, 23, 14, 5), datetime(2026, 6, 30, 21, 59), datetime(2026, 3, 29, 0, 30)]


def _values() -> list[datetime]:
    """Every month (and so every weekday), midnight, noon and the minutes either side of them,
    the first, middle and last day of months, years from 2 to 9998 (Babel's week fields step a
    year either side)."""
    out = []
    for month in range(1, 13):
        last = (date(2026 + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
        for day in (1, 15, last):
            for hour, minute, second in ((0, 0, 0), (0, 1, 9), (11, 59, 59), (12, 0, 0), (12, 30, 5), (23, 59, 1)):
                out.append(datetime(2026, month, day, hour, minute, second))
    for year in (2, 9, 99, 999, 1900, 1969, 2000, 2009, 2024, 2038, 2100, 9998):
        out += [
            datetime(year, 1, 1, 0, 0),
            datetime(year, 2, 28, 12, 0, 7),
            datetime(year, 7, 4, 9, 5, 30),
            datetime(year, 12, 31, 23, 59, 59),
        ]
    return out


VALUES = _values()


def _patterns(locale: Locale) -> list[str]:
    """The patterns the filters use, every other date/time length, and every CLDR skeleton
    pattern of the language (eras, quarters, weeks, day periods, zones: the fields the compiler
    leaves to Babel)."""
    return sorted(
        {
            *(get_date_format(length, locale=locale).pattern for length in ("short", "medium", "long", "full")),
            *(get_time_format(length, locale=locale).pattern for length in ("short", "medium", "long")),
            *(str(p) for p in locale.datetime_skeletons.values()),
            "yy yyyy MM LL LLLL EEEEEE a aaaa h hh '%'y",
        }
    )


@pytest.mark.parametrize("code", LOCALES)
def test_compiled_patterns_say_what_babel_says(code):
    locale = Locale.parse(code)
    for pattern in _patterns(locale):
        babel, ours = parse_pattern(pattern), _compiled(pattern, locale)
        for value in VALUES:
            assert ours(value) == babel.apply(value, locale), (code, pattern, value)
            if not _has_time(pattern):
                assert ours(value.date()) == babel.apply(value.date(), locale), (code, pattern, value)
            if not _has_date(pattern):
                assert ours(value.time()) == babel.apply(value.time(), locale), (code, pattern, value)


def _has_time(pattern: str) -> bool:
    return any(c in pattern for c in "aBbHhKkmsSAzZvVOxX")


def _has_date(pattern: str) -> bool:
    return any(c in pattern for c in "GyYuQqMLwWdDFgEec")


def _zone(app, name: str) -> None:
    """The reader's time zone, chosen as the app chooses it (Flask-Babel's selector)."""
    get_babel(app).timezone_selector = lambda: name
    refresh()  # the test's app context outlives the request: forget the cached zone and locale


@pytest.fixture
def zone_of(app):
    selector = get_babel(app).timezone_selector
    yield lambda name: _zone(app, name)
    get_babel(app).timezone_selector = selector


def _expected(value, seconds: bool = False) -> str:
    return f"{format_date(value, 'medium')} {format_time(value, 'medium' if seconds else 'short')}"


@pytest.mark.parametrize("code", LOCALES)
@pytest.mark.parametrize("zone", ["UTC", "Europe/Helsinki", "Asia/Ho_Chi_Minh", "America/New_York"])
def test_the_filters_say_what_flask_babel_says(app, zone_of, code, zone):
    with app.test_request_context("/"), force_locale(code):
        zone_of(zone)
        for value in TIMES + VALUES[::5]:
            assert datetime_filter(value) == _expected(value), (code, zone, value)
            assert datetime_filter(value, seconds=True) == _expected(value, seconds=True), (code, zone, value)
            assert date_filter(value) == format_date(value, "medium")
            assert time_filter(value) == format_time(value, "short")
            assert datetime_filter(value.isoformat()) == _expected(value)  # stored as ISO 8601 text
            assert datetime_filter(value.replace(tzinfo=UTC)) == _expected(value.replace(tzinfo=UTC))
        day = date_formatter()
        for value in VALUES:
            assert day(value) == format_date(value, "medium")
            assert day(value.date()) == format_date(value.date(), "medium")
        assert date_filter(date(2026, 1, 2)) == format_date(date(2026, 1, 2), "medium")
        assert time_filter(time(13, 5)) == format_time(time(13, 5), "short")
        assert datetime_filter(None) == date_filter(None) == time_filter(None) == day(None) == ""
        assert datetime_filter("not a time") == date_filter("not a time") == "not a time"
    if zone == "Europe/Helsinki" and code == "fi":
        with app.test_request_context("/"), force_locale("fi"):
            zone_of(zone)
            assert datetime_filter(TIMES[0]) == "7.12.2026 1.14"  # the next day in Helsinki


@pytest.mark.parametrize("code", LOCALES)
def test_helsinki_across_its_clock_changes(app, zone_of, code):
    """Minute by minute through the spring and autumn changes (2026 and 1981, Finland's first
    summer time), and an aware time from another zone."""
    starts = [
        datetime(2026, 3, 29, 0, 0),
        datetime(2026, 10, 25, 0, 0),
        datetime(1981, 3, 29, 0, 0),
        datetime(1981, 9, 26, 23, 0),
    ]
    with app.test_request_context("/"), force_locale(code):
        zone_of("Europe/Helsinki")
        for start in starts:
            for minutes in range(121):
                value = start + timedelta(minutes=minutes)
                assert datetime_filter(value, seconds=True) == _expected(value, seconds=True), (code, value)
                assert date_filter(value) == format_date(value, "medium")
        india = datetime(2026, 10, 25, 6, 29, tzinfo=timezone(timedelta(hours=5, minutes=30)))
        assert datetime_filter(india) == _expected(india)


def test_every_time_zone_users_can_choose(app, zone_of):
    """Each of the ~600 zones a user may pick, over instants from 1900 to 2100 (a clock change
    of 2026 falls between two of them in most zones that have one), in English (names and am/pm)."""
    instants = [datetime(2026, 1, 1) + timedelta(hours=h) for h in range(0, 365 * 24, 24 * 17 + 7)]
    instants += [datetime(1900, 6, 1, 12), datetime(1970, 1, 1), datetime(2037, 12, 31, 23, 30), datetime(2100, 3, 1)]
    with app.test_request_context("/"), force_locale("en"):
        for zone in time_zones():
            zone_of(zone)
            for value in instants:
                assert datetime_filter(value) == _expected(value), (zone, value)


def test_a_language_change_within_a_request_is_honoured(app):
    with app.test_request_context("/"):
        with force_locale("en"):
            english = datetime_filter(TIMES[0])
        with force_locale("fi"):
            finnish = datetime_filter(TIMES[0])
    assert english != finnish and "Dec" in english and "12.2026" in finnish


def test_templates_format_in_the_language_of_their_render(app, zone_of):
    """The template filters take the zone and formats their render looked up once; a render
    inside ``force_locale`` formats in that language, and a template rendered without Flask's
    context processors looks them up itself."""
    from flask import render_template_string

    source = "{{ t|datetime }} | {{ t|datetime(seconds=True) }} | {{ t|date }} | {{ t|time }}"
    with app.test_request_context("/"):
        zone_of("Europe/Helsinki")
        texts = {}
        for code in LOCALES:
            with force_locale(code):
                expected = (
                    f"{_expected(TIMES[0])} | {_expected(TIMES[0], seconds=True)} | "
                    f"{format_date(TIMES[0], 'medium')} | {format_time(TIMES[0], 'short')}"
                )
                texts[code] = render_template_string(source, t=TIMES[0])
                assert texts[code] == expected
                assert app.jinja_env.from_string(source).render(t=TIMES[0]) == expected
        assert len(set(texts.values())) == len(LOCALES)
        assert texts["fi"].startswith("7.12.2026 1.14 |")


def test_the_day_of_a_stored_time_in_every_zone_across_its_clock_changes(app, zone_of):
    """``date_formatter`` finds a stored time's day in the reader's zone without converting the
    time (``templating._utc_day``: a zone's fixed offset, or its table of clock changes): the
    day is the one the conversion gives, for every zone users can choose, a microsecond and a
    second either side of each of its changes from 1900 to 2100 and at the changes themselves
    (where the day moves with the clock: e.g. Pacific/Apia skipping 30 December 2011), and in
    fixed zones (UTC, Etc/GMT-14, a ``datetime.timezone``)."""
    import pytz

    from app.templating import _local, _utc_day

    one_us, one_s = timedelta(microseconds=1), timedelta(seconds=1)
    checked = 0
    for name in [*time_zones(), "Etc/GMT-14", "Etc/GMT+12"]:
        zone = pytz.timezone(name)
        day = _utc_day(zone)
        changes = [t for t in getattr(zone, "_utc_transition_times", []) if datetime(1900, 1, 1) < t < datetime(2100, 1, 1)]
        for change in changes or [datetime(2026, 3, 29, 1)]:
            for value in (change - one_s, change - one_us, change, change + one_us, change + one_s):
                assert day(value) == _local(value, zone).date(), (name, value)
                checked += 1
    assert checked > 50_000
    for zone in (timezone(timedelta(hours=5, minutes=45)), timezone(-timedelta(hours=9, minutes=30)), UTC):
        for value in VALUES:
            assert _utc_day(zone)(value) == _local(value, zone).date(), (zone, value)
    with app.test_request_context("/"), force_locale("en"):
        for name in ("Pacific/Apia", "Pacific/Kiritimati", "America/St_Johns", "Etc/GMT-14"):
            zone_of(name)
            formatted = date_formatter()
            for value in (datetime(2011, 12, 30, 9, 59, 59), datetime(2011, 12, 30, 10), datetime(2026, 12, 6, 23, 14)):
                assert formatted(value) == format_date(value, "medium"), (name, value)
