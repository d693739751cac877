"""A service's refusal: a code and its parameters, shown to the user as a translated message.

Each feature subclasses :class:`Problem` once and gives it a ``messages`` table of lazy
gettext strings keyed by code (``%(name)s`` placeholders filled from the parameters)::

    class JobError(Problem):
        messages = {"no_title": _l("A job needs a title."),
                    "salary_order": _l("The lowest salary (%(low)s) is above the highest.")}

    raise JobError("no_title")

Views show ``error.message`` (or ``str(error)``): it is rendered in the user's language when
read, never when raised, so a service raising in a worker or a test needs no request. Tests
compare ``error.code``, which does not change with the language or the wording.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar


class Problem(ValueError):
    messages: ClassVar[Mapping[str, Any]] = {}

    def __init__(self, code: str, **params: Any):
        super().__init__(code)
        self.code, self.params = code, params

    @property
    def message(self) -> str:
        # a subclass's table first, then its parents' (a feature's error keeps the core's codes)
        template = next((cls.__dict__["messages"][self.code] for cls in type(self).__mro__
                         if self.code in cls.__dict__.get("messages", {})), None)
        if template is None:  # a code without a message is a bug the catalogue test catches
            return self.code
        text = str(template)
        return text % self.params if self.params else text

    def __str__(self) -> str:
        return self.message


# ---------------------------------------------------------------- texts stored as codes

#: A stored text that is a code: ``{"t": code, **params}`` as JSON. Anything else in the same
#: column (rows written before the codes, a partner's own words) is shown as it is.
_STORED_PREFIX = '{"t":'
#: Each stored string parameter is cut to this many characters (a partner's own words,
#: ``partner``, to twice as many), so the whole fits its column (500 characters or more).
STORED_PARAM_CHARS = 200
#: The whole stored text is at most this long (the smallest column a stored text goes into).
STORED_MAX_CHARS = 500


def store(code: str, **params: Any) -> str:
    """A code and its parameters as text for a string column (e.g. ``status_detail``), worded
    in the reader's language when shown (see app/partners/texts.py). Pure: no Flask needed,
    so partner clients and workers store codes too."""
    import json

    def cut(key: str, value: Any) -> Any:
        if isinstance(value, str):
            inner = stored(value)  # a stored text as a parameter (a call's error as the cause) stays whole
            if inner is not None:
                return {"t": inner[0], **inner[1]}
            return value[:STORED_PARAM_CHARS * (2 if key == "partner" else 1)]
        return value

    data = {"t": code, **{k: cut(k, v) for k, v in params.items() if v is not None}}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    while len(text) > STORED_MAX_CHARS:  # the longest text parameter gives way until it fits
        holder, key = max(_strings(data), key=lambda hk: len(hk[0][hk[1]]))
        holder[key] = holder[key][:max(0, len(holder[key]) - (len(text) - STORED_MAX_CHARS) - 1)]
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text


def _strings(data: dict, top: bool = True) -> list[tuple[dict, str]]:
    """(dict, key) of every text parameter, nested ones included (not the codes)."""
    out = []
    for key, value in data.items():
        if isinstance(value, dict):
            out += _strings(value, False)
        elif isinstance(value, str) and key != "t" and value:
            out.append((data, key))
    return out


def stored(text: str | None) -> tuple[str, dict[str, Any]] | None:
    """``(code, params)`` of a text written by :func:`store`; None for any other text."""
    import json

    if not text or not text.startswith(_STORED_PREFIX):
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("t"), str):
        return None
    code = data.pop("t")
    return code, data
