"""Test and failure switches: sandbox-wide state plus per-request overrides.

The state is kept in memory (one sandbox process); ``/control`` and ``/control/switches``
change it, ``/control/reset`` restores the defaults, and the advanced section of the
results page overrides it for a single reply.
"""

from __future__ import annotations

import copy
import threading
from dataclasses import dataclass

#: Failure modes (several may be on at once; ``mode`` sets exactly one).
MODES: dict[str, str] = {
    "wrong_session_id": "Reply with a different sessionId than the one received.",
    "tamper_after_signing": "Change a grade in the signed XML after signing (signature no longer verifies).",
    "wrong_key": "Sign with a key that is in no registry (certificate copies the contact point's subject).",
    "expired_cert": "Sign with the contact point's expired certificate (same key as its registry certificate; "
                    "the registry certificate itself is expired for the contact points started as expired).",
    "previous_key": "Key rotation: sign with the older of the two registry certificates "
                    "(only contact points with two certificates in the EWP catalogue).",
    "unsigned": "Send the ELMO without a signature.",
    "legacy_namespace": "Pre-1.0 ELMO in the http://purl.org/net/elmo namespace, signed.",
    "legacy_namespace_unsigned": "Pre-1.0 ELMO in the http://purl.org/net/elmo namespace, unsigned.",
    "big_pdf": "Add a multi-megabyte PDF attachment (size: big_pdf_mb).",
    "learner_mismatch": "The learner in the ELMO is a different person from the one who signed in.",
    "internal_error": "Fail while building the reply: NCP_ERROR with a message.",
}

RETURN_CODES = (
    "NCP_OK", "NCP_NO_RESULTS", "NCP_CANCEL", "NCP_ERROR",
    "EMP_OK", "EMP_NO_RESULTS", "EMP_CANCEL", "EMP_ERROR",
    "ncp_ok", "OK", "GARBAGE_CODE",
)
OMITTABLE = ("returnMessage", "elmo")
ALGORITHMS = ("sha1", "sha256")

DEFAULTS = {
    "modes": [],
    "return_code": "",  # "" = the natural code for the outcome
    "code_family": "NCP",  # NCP_* (default) or EMP_*
    "omit_fields": [],
    "signature": "",  # "" = the contact point's own algorithm; sha1 / sha256 force one
    "big_pdf_mb": 5,
}


class SwitchError(ValueError):
    """A switch update that was refused; nothing was changed."""


@dataclass
class Effective:
    """The switches that apply to one reply."""

    modes: frozenset[str]
    return_code: str
    code_family: str
    omit_fields: frozenset[str]
    signature: str
    big_pdf_mb: int

    def on(self, mode: str) -> bool:
        return mode in self.modes


def _as_bool(value, key: str) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("1", "true", "on", "yes"):
        return True
    if isinstance(value, str) and value.lower() in ("0", "false", "off", "no", ""):
        return False
    raise SwitchError(f"{key}: expected true or false")


def _as_list(value, key: str) -> list[str]:
    if value is None or value is False:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return list(value)
    raise SwitchError(f"{key}: expected a list of strings")


def apply_update(state: dict, update: dict) -> dict:
    """Return a new state with ``update`` applied, or raise :class:`SwitchError`."""
    if not isinstance(update, dict):
        raise SwitchError("expected a JSON object")
    new = copy.deepcopy(state)
    for key, value in update.items():
        if key == "mode":
            if value in (None, "", "none"):
                new["modes"] = []
            elif value in MODES:
                new["modes"] = [value]
            else:
                raise SwitchError(f"mode: unknown mode {value!r}; one of {', '.join(MODES)}")
        elif key == "modes":
            modes = _as_list(value, key)
            unknown = [m for m in modes if m not in MODES]
            if unknown:
                raise SwitchError(f"modes: unknown {', '.join(unknown)}")
            new["modes"] = sorted(set(modes), key=list(MODES).index)
        elif key in MODES:
            modes = set(new["modes"])
            (modes.add if _as_bool(value, key) else modes.discard)(key)
            new["modes"] = sorted(modes, key=list(MODES).index)
        elif key == "return_code":
            value = "" if value is None else value
            if not isinstance(value, str) or len(value) > 64 or any(c in value for c in "\r\n\0"):
                raise SwitchError("return_code: a single-line string of at most 64 characters")
            new["return_code"] = value
        elif key == "code_family":
            if str(value).upper() not in ("NCP", "EMP"):
                raise SwitchError("code_family: NCP or EMP")
            new["code_family"] = str(value).upper()
        elif key == "omit_fields":
            fields = list(OMITTABLE) if value is True else _as_list(value, key)
            unknown = [f for f in fields if f not in OMITTABLE]
            if unknown:
                raise SwitchError(f"omit_fields: only {', '.join(OMITTABLE)}")
            new["omit_fields"] = [f for f in OMITTABLE if f in fields]
        elif key == "signature":
            if value not in ("", None, *ALGORITHMS):
                raise SwitchError("signature: '', sha1 or sha256")
            new["signature"] = value or ""
        elif key == "sha256":
            new["signature"] = "sha256" if _as_bool(value, key) else ""
        elif key == "big_pdf_mb":
            try:
                size = int(value)
            except (TypeError, ValueError):
                raise SwitchError("big_pdf_mb: a whole number of megabytes") from None
            if not 1 <= size <= 25:
                raise SwitchError("big_pdf_mb: between 1 and 25")
            new["big_pdf_mb"] = size
        else:
            raise SwitchError(f"unknown switch {key!r}")
    return new


class Switches:
    """Thread-safe holder of the sandbox-wide switch state."""

    def __init__(self):
        self._lock = threading.Lock()
        self._state = copy.deepcopy(DEFAULTS)

    def get(self) -> dict:
        with self._lock:
            return copy.deepcopy(self._state)

    def update(self, update: dict) -> dict:
        with self._lock:
            self._state = apply_update(self._state, update)
            return copy.deepcopy(self._state)

    def reset(self) -> dict:
        with self._lock:
            self._state = copy.deepcopy(DEFAULTS)
            return copy.deepcopy(self._state)

    def effective(self, overrides: dict | None = None) -> Effective:
        """The global state with one request's overrides (already validated) on top."""
        state = self.get()
        if overrides:
            state = apply_update(state, overrides)
        return Effective(
            modes=frozenset(state["modes"]), return_code=state["return_code"],
            code_family=state["code_family"], omit_fields=frozenset(state["omit_fields"]),
            signature=state["signature"], big_pdf_mb=state["big_pdf_mb"],
        )


def public_state(state: dict) -> dict:
    """The JSON shape of ``GET /control/switches``."""
    return {
        **state,
        "mode": state["modes"][0] if len(state["modes"]) == 1 else ("" if not state["modes"] else "multiple"),
        "sha256": state["signature"] == "sha256",
        "available": {
            "modes": MODES,
            "return_codes": list(RETURN_CODES),
            "omit_fields": list(OMITTABLE),
            "signature": ["", *ALGORITHMS],
        },
    }
