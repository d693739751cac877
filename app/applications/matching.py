"""Matching a job by title, for applicants that arrive without a known job."""

from __future__ import annotations

import re
import unicodedata


def normalise_title(title: str | None) -> str:
    """Case-folded, Vietnamese (and other) diacritics removed, spaces collapsed."""
    text = (title or "").replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", text).strip().casefold()


def _tokens(title: str) -> set[str]:
    return {t for t in re.split(r"[^\w]+", normalise_title(title)) if len(t) > 1}


def exact_matches(title: str, jobs: list) -> list:
    wanted = normalise_title(title)
    return [job for job in jobs if wanted and normalise_title(job.title) == wanted]


def suggestions_for(application, jobs: list, limit: int = 3) -> list[tuple]:
    """Likely jobs for a Pending pool entry, each with the reason shown to the recruiter."""
    title = (application.pending_data or {}).get("job_title") or ""
    if not title:
        return []
    wanted = _tokens(title)
    scored = []
    for job in jobs:
        if normalise_title(job.title) == normalise_title(title):
            scored.append((1.0, job, f"same title as “{title}”"))
            continue
        common = wanted & _tokens(job.title)
        if common:
            score = len(common) / max(len(wanted | _tokens(job.title)), 1)
            scored.append((score, job, "shares the words " + ", ".join(sorted(common))))
    scored.sort(key=lambda item: -item[0])
    return [(job, reason) for _, job, reason in scored[:limit]]
