"""Where integrations hang their per-job (and per-template) settings pages.

Features register with ``plugins.settings_link`` (app/plugins.py): ``fn(kind, owner)``
returns ``[(label, url), …]`` for a job (``kind == "job"``) or a job template
(``"template"``); the links show on the job's board and on its pipeline page (e.g. "EMREX
settings").
"""

from __future__ import annotations

from app.plugins import plugins


def settings_links(kind: str, owner) -> list[dict]:
    out = []
    for fn in plugins.settings_links:
        for label, url in fn(kind, owner) or []:
            out.append({"label": label, "url": url})
    return out
