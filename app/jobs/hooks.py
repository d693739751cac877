"""Where integrations hang their per-job (and per-template) settings pages.

``register_settings_link(fn)``: ``fn(kind, owner)`` returns ``[(label, url), …]`` for a job
(``kind == "job"``) or a job template (``"template"``); the links show on the job's board and
on its pipeline page (e.g. "EMREX settings").
"""

from __future__ import annotations

from collections.abc import Callable

_LINKS: list[Callable] = []


def register_settings_link(fn: Callable) -> Callable:
    if fn not in _LINKS:
        _LINKS.append(fn)
    return fn


def settings_links(kind: str, owner) -> list[dict]:
    out = []
    for fn in _LINKS:
        for label, url in fn(kind, owner) or []:
            out.append({"label": label, "url": url})
    return out
