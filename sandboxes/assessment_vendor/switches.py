"""Failure and behaviour switches: sandbox-wide, in memory (a restart resets them), see ``HELP``."""

from __future__ import annotations

import copy
import threading

DEFAULTS: dict = {
    "api_500": 0,
    "api_429": 0,
    "api_timeout": 0,
    "api_timeout_seconds": 15.0,
    "bad_signature": False,
    "duplicate_callbacks": False,
    "callbacks_paused": False,
    "patch_mode": "full",
    "callbacks_off": False,
}
HELP = {
    "api_500": "The next N vendor-API calls answer 500.",
    "api_429": "The next N vendor-API calls answer 429 with Retry-After: 1.",
    "api_timeout": "The next N vendor-API calls wait api_timeout_seconds before answering.",
    "api_timeout_seconds": "How long a slowed-down call waits (seconds).",
    "bad_signature": "Sign callbacks with a wrong secret.",
    "duplicate_callbacks": "Send every callback twice (the second concurrently, same webhook-id).",
    "callbacks_paused": "Keep callbacks queued until unpaused.",
    "patch_mode": "PATCH body: full test_status shape, or empty data (Haku fetches test_status).",
    "callbacks_off": "Send no callbacks at all (Haku must poll).",
}
PATCH_MODES = ("full", "empty")


class SwitchError(ValueError):
    """A refused update; nothing was changed."""


def _check(key: str, value, default):
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise SwitchError(f"{key}: expected true or false")
    elif isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise SwitchError(f"{key}: expected a whole number ≥ 0")
    elif isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 120:
            raise SwitchError(f"{key}: expected seconds between 0 and 120")
        value = float(value)
    elif value not in PATCH_MODES:
        raise SwitchError(f"{key}: one of {', '.join(PATCH_MODES)}")
    return value


class Switches:
    def __init__(self, on_change=None):
        self._lock = threading.Lock()
        self._state = copy.deepcopy(DEFAULTS)
        self._on_change = on_change or (lambda: None)

    def get(self) -> dict:
        with self._lock:
            return dict(self._state)

    def update(self, update) -> dict:
        if not isinstance(update, dict):
            raise SwitchError("expected a JSON object")
        unknown = [k for k in update if k not in DEFAULTS]
        if unknown:
            raise SwitchError(f"unknown switch(es): {', '.join(unknown)}")
        checked = {k: _check(k, v, DEFAULTS[k]) for k, v in update.items()}
        with self._lock:
            self._state.update(checked)
            state = dict(self._state)
        self._on_change()
        return state

    def reset(self) -> dict:
        with self._lock:
            self._state = copy.deepcopy(DEFAULTS)
            state = dict(self._state)
        self._on_change()
        return state

    def take_api_fault(self) -> tuple[str | None, float]:
        """Consume one vendor-API fault, if any is armed: ("500" | "429" | "timeout" | None, seconds)."""
        with self._lock:
            for key in ("api_timeout", "api_500", "api_429"):
                if self._state[key] > 0:
                    self._state[key] -= 1
                    return key.removeprefix("api_"), self._state["api_timeout_seconds"]
        return None, 0.0
