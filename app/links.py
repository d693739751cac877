"""URLs that work in requests, tasks and the sweeper alike.

Links in emails and notifications are built from ``BASE_URL`` (never from the request's
Host header, which a client controls).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import current_app


def _adapter():
    parts = urlsplit(current_app.config["BASE_URL"])
    return current_app.url_map.bind(parts.netloc, script_name=parts.path or "/", url_scheme=parts.scheme)


def path_for(endpoint: str, **values) -> str:
    """The path of ``endpoint`` (with BASE_URL's path prefix), request or not."""
    return _adapter().build(endpoint, values, force_external=False)


def external_url(endpoint: str, **values) -> str:
    """An absolute URL under ``BASE_URL``."""
    base = current_app.config["BASE_URL"]
    parts = urlsplit(base)
    return f"{parts.scheme}://{parts.netloc}{path_for(endpoint, **values)}"
