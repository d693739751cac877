"""Comparing people's words: case and diacritics folded, so that "Hà Nội", "ha noi" and
"HA NOI" are the same, and Vietnamese đ (a letter of its own, not d with a mark) folds to d."""

from __future__ import annotations

import unicodedata


def fold(text: str | None) -> str:
    """``text`` without case or diacritics (NFKD, combining marks dropped, casefolded)."""
    text = unicodedata.normalize("NFKD", (text or "").replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
