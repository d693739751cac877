"""Careers and job pages: conditional requests and a rendered-page cache.

Both pages hold no per-user data: the same company, language, job and day give the same
HTML. Their validator is the company's public version (app/jobs/public.py, bumped in the
same transaction as any change to its jobs or to the company row), the page's language, the
job and today's date (``Job.is_open`` compares the deadline with today, so nothing rendered
or validated on one day is reused on the next). That one narrow query answers a conditional
request: 304, nothing loaded, nothing rendered.

The rendered HTML is kept in Redis (shared by every web process and host) under a key made
of the same parts, so a change needs no purge: the next request reads the new version and
misses; old entries expire within a day. Redis down: pages are rendered as before.

Caching by browsers and proxies (``Cache-Control``):

* no session, language from ``Accept-Language``: ``public, max-age=60`` with
  ``Vary: Accept-Language, Cookie``. A CDN or reverse proxy may serve it to anyone with the
  same browser language and no cookie; 60 s bounds how long a closed or edited job can still
  be shown from there (no purge reaches a CDN), and revalidation after that costs one query.
* the language chosen with ``?lang=`` or kept in the session, or any other session
  content: ``private, no-cache``. The language is then part of the cookie, and a ``?lang=``
  response sets that cookie: a shared cache must neither replay the Set-Cookie to others nor
  key the page on a URL whose answer depends on the cookie. The browser still revalidates
  cheaply with the ETag.
* a flashed message waiting in the session (e.g. the apply form sent the visitor back to
  the job page with an error): rendered for this visitor only, ``private, no-store``, and
  not put in the cache.

The apply form carries the visitor's CSRF token and is never cached by browsers or proxies;
Haku keeps its HTML like the pages above with a mark in place of the token, and each request
puts its visitor's token there (``public_form``): no statement, no render per visitor.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from datetime import UTC, datetime, time

from flask import current_app, make_response, request, session
from flask_wtf.csrf import generate_csrf
from redis.exceptions import RedisError
from werkzeug.http import is_resource_modified

from app.background.queues import connection
from app.clock import today
from app.i18n import current_locale

log = logging.getLogger(__name__)

#: Seconds a shared cache may serve a page without asking (see the module's docstring).
MAX_AGE = 60
#: Seconds a rendered page stays in Redis: past the end of the day it was rendered on,
#: after which its key (which holds the day) is never asked for again.
TTL = 26 * 3600
_PREFIX = "haku:page:"
#: Stands for the visitor's CSRF token in a kept form page (letters and digits: HTML leaves it as it is).
TOKEN_MARK = "hakuCsrfTokenMark7d1f0c"


def public_page(stamp, job_id: int | str | None, render: Callable[[], str], mimetype: str = "text/html",
                variant: str = ""):
    """The response for a careers (``job_id`` None) or job page of the company whose
    ``public_stamp`` is ``stamp``; ``render`` renders it (and aborts 404 if the job is not
    open) when neither the client nor Haku's cache has it. The sitemap and the Atom feed come
    here too (``job_id`` "sitemap" / "atom", their ``mimetype``): same version, same rules.
    ``variant`` tells apart pages of the same address with other query values (the careers
    page's filters): it is part of the ETag and of the cache key."""
    if session.get("_flashes"):
        response = make_response(render())
        response.mimetype = mimetype
        response.headers["Cache-Control"] = "private, no-store"
        return response
    company_id, version, changed_at = stamp
    lang, day = current_locale(), today()
    tag = f"{company_id}:{version}:{changed_at.isoformat()}:{lang}:{job_id or '-'}:{day.isoformat()}:{variant}"
    etag = hashlib.sha256(tag.encode()).hexdigest()[:24]
    # The page changed when the company's public version did, or at midnight (a deadline).
    midnight = datetime.combine(day, time.min).astimezone(UTC).replace(tzinfo=None)
    last_modified = max(changed_at, midnight)
    if not is_resource_modified(request.environ, etag=etag, last_modified=last_modified):
        response = current_app.response_class(status=304)
    else:
        response = make_response(_cached(_PREFIX + tag, render))
        response.mimetype = mimetype
    response.set_etag(etag, weak=True)
    response.last_modified = last_modified
    if session:  # the language came with the cookie, or the cookie holds something else
        response.headers["Cache-Control"] = "private, no-cache"
    else:
        response.headers["Cache-Control"] = f"public, max-age={MAX_AGE}"
    response.vary.update(("Accept-Language", "Cookie"))
    return response


def public_form(stamp, key: str, render: Callable[[], str]) -> str:
    """The HTML of a public form page (the apply form of job ``key``; also the thank-you page
    after an apply, ``applied:<job>``, which has no token) of the company whose
    ``public_stamp`` is ``stamp``, with this visitor's CSRF token: kept in Redis under the
    same parts as the pages above (version, language, key, day), rendered by ``render`` (with
    ``TOKEN_MARK`` as the form's token; it aborts 404 if the job is not open) only when not
    kept. A flashed message waiting in the session is this visitor's: rendered, not kept."""
    if session.get("_flashes"):
        html = render()
    else:
        company_id, version, changed_at = stamp
        tag = f"form:{company_id}:{version}:{changed_at.isoformat()}:{current_locale()}:{key}:{today().isoformat()}"
        html = _cached(_PREFIX + tag, render)
        if isinstance(html, bytes):
            html = html.decode()
    return html.replace(TOKEN_MARK, generate_csrf()) if TOKEN_MARK in html else html


def _cached(key: str, render: Callable[[], str]) -> bytes | str:
    if not current_app.config.get("PUBLIC_PAGE_CACHE", True):
        return render()
    try:
        html = connection().get(key)
    except RedisError as exc:  # quietly: /readyz and the queues report a Redis outage
        log.debug("page cache unavailable, rendering: %s", exc)
        return render()
    if html is not None:
        return html
    html = render()
    try:
        connection().set(key, html.encode(), ex=TTL)
    except RedisError as exc:
        log.debug("page cache unavailable, not stored: %s", exc)
    return html
