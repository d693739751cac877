"""Do the records belong to the candidate? (PROTOCOL.md §6) Advisory: a mismatch is stored
and flagged for review, never an error."""

from __future__ import annotations

import enum
import unicodedata
from dataclasses import dataclass, field
from datetime import date


class IdentityMatch(enum.StrEnum):
    MATCH = "match"
    PARTIAL = "partial"  # names match, the birth date could not be compared
    MISMATCH = "mismatch"


@dataclass
class IdentityResult:
    status: IdentityMatch
    details: dict = field(default_factory=dict)


def _norm(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").casefold().split())


def _strip(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.replace("đ", "d")) if not unicodedata.combining(c))


def levenshtein(a: str, b: str, bound: int | None = None) -> int:
    """The edit distance; with ``bound``, any answer over it may be cut short to ``bound + 1``
    (each row's minimum never falls, so once it passes the bound the distance does too)."""
    if len(a) < len(b):
        a, b = b, a
    if bound is not None and (a == b or len(a) - len(b) > bound):
        return 0 if a == b else bound + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if bound is not None and min(current) > bound:
            return bound + 1
        previous = current
    return previous[-1]


def _close_enough(a: str, b: str) -> bool:
    """At most one edit in ten characters of the longer name (``distance / length <= 0.1``)."""
    longest = max(len(a), len(b))
    bound = int(longest * 0.1) + 1
    while bound and bound / longest > 0.1:  # the largest distance the ratio allows, as the ratio computes it
        bound -= 1
    return levenshtein(a, b, bound) <= bound


def names_agree(given: str, family: str, app_given: str, app_family: str) -> bool:
    left, right = _norm(f"{given} {family}"), _norm(f"{app_given} {app_family}")
    if not left or not right:
        return False
    return _close_enough(left, right) or _close_enough(_strip(left), _strip(right))


def check_learner(given: str | None, family: str | None, bday: date | None, *, app_given: str, app_family: str,
                  stated_bday: date | None) -> IdentityResult:
    agree = names_agree(given or "", family or "", app_given, app_family)
    details = {"names": "agree" if agree else "differ",
               "birth_date": "missing" if bday is None or stated_bday is None
               else ("agree" if bday == stated_bday else "differ")}
    if not agree or details["birth_date"] == "differ":
        return IdentityResult(IdentityMatch.MISMATCH, details)
    if details["birth_date"] == "missing":
        return IdentityResult(IdentityMatch.PARTIAL, details)
    return IdentityResult(IdentityMatch.MATCH, details)


MASK = "•••"
MAX_MASKED_PARTS = 8


def _initial(part: str) -> str:
    """The first letter or digit of a name part with its combining marks (so "Ễ" typed as
    E + two accents stays one letter); ``""`` when the part has none."""
    for i, char in enumerate(part):
        if unicodedata.category(char)[0] in "LN":
            end = i + 1
            while end < len(part) and unicodedata.combining(part[end]):
                end += 1
            return part[i:end]
    return ""


def mask_name(*parts: str | None) -> str:
    """Whom an EMREX request is for, shown to whoever holds the link: the first letter of
    each name part and a fixed mask, so neither the rest nor the length of any part shows
    ("Maija Meikäläinen" → "M••• M•••", "Nguyễn Thị Minh Khai" → "N••• T••• M••• K•••",
    "Li" → "L•••"). Hyphenated parts keep the hyphen ("Anna-Liisa" → "A•••-L•••")."""
    words = " ".join(unicodedata.normalize("NFC", p or "") for p in parts).split()
    masked = []
    for word in words[:MAX_MASKED_PARTS]:
        pieces = [_initial(piece) + MASK for piece in word.split("-") if piece]
        masked.append("-".join(pieces) if pieces else MASK)
    if len(words) > MAX_MASKED_PARTS:
        masked.append("…")
    return " ".join(masked)


def _institution_key(name: str) -> str:
    return " ".join(_strip(_norm(name)).replace("-", " ").replace(",", " ").split())


def issuer_agrees(picked: list[str], issuer_names: list[str], issuer_schac: str | None) -> bool | None:
    """Does the institution that issued the records match one the candidate's contact point
    serves? None when there is nothing to compare (a national contact point serving "all"
    institutions, or a document without an issuer). Names are compared across languages
    (any title of the issuer against any institution of the contact point), ignoring case,
    accents and punctuation; a schac code (``uio.no``) is compared as it is."""
    served = {_institution_key(name) for name in picked if name and name.strip().lower() not in ("all", "*")}
    served.discard("")
    issued = {_institution_key(name) for name in issuer_names if name}
    if issuer_schac:
        issued.add(_institution_key(issuer_schac))
    issued.discard("")
    if not served or not issued:
        return None
    return bool(served & issued)
