"""The |datetime, |date and |time filters read the locale, the time zone and Babel's
patterns once per request (issue 15: a list of 100 times spent its template in those
lookups); the text must stay exactly what Flask-Babel's format_date/format_time give."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import pytz
from flask_babel import force_locale, format_date, format_time

from app.templating import date_filter, datetime_filter, time_filter

TIMES = [datetime(2026, 12, 6, 23, 14, 5), datetime(2026, 6, 30, 21, 59), datetime(2026, 3, 29, 0, 30)]


@pytest.mark.parametrize("locale", ["en", "fi", "sv", "vi"])
@pytest.mark.parametrize("zone", ["UTC", "Europe/Helsinki", "Asia/Ho_Chi_Minh", "America/New_York"])
def test_the_filters_say_what_flask_babel_says(app, monkeypatch, locale, zone):
    import flask_babel

    monkeypatch.setattr(flask_babel, "get_timezone", lambda: pytz.timezone(zone))
    with app.test_request_context("/"), force_locale(locale):
        for value in TIMES:
            assert datetime_filter(value) == f"{format_date(value, 'medium')} {format_time(value, 'short')}"
            assert datetime_filter(value, seconds=True) == \
                f"{format_date(value, 'medium')} {format_time(value, 'medium')}"
            assert date_filter(value) == format_date(value, "medium")
            assert time_filter(value) == format_time(value, "short")
        assert date_filter(date(2026, 1, 2)) == format_date(date(2026, 1, 2), "medium")
        assert datetime_filter(None) == date_filter(None) == time_filter(None) == ""
    if zone == "Europe/Helsinki" and locale == "fi":
        with app.test_request_context("/"), force_locale("fi"):
            assert datetime_filter(TIMES[0]) == "7.12.2026 1.14"  # the next day in Helsinki


def test_a_language_change_within_a_request_is_honoured(app):
    with app.test_request_context("/"):
        with force_locale("en"):
            english = datetime_filter(TIMES[0])
        with force_locale("fi"):
            finnish = datetime_filter(TIMES[0])
    assert english != finnish and "Dec" in english and "12.2026" in finnish
