"""Failure and test switches. Kept in memory: a restart starts from the defaults."""

from __future__ import annotations

import threading

DEFAULTS: dict[str, object] = {
    "api_500": 0,
    "api_429": 0,
    "api_timeout": 0,
    "api_timeout_seconds": 15.0,
    "duplicate_delivery": False,
    "out_of_order": False,
    "bad_signature": False,
    "resume_as_url": False,
    "webhooks_paused": False,
}

DESCRIPTIONS = {
    "api_500": "the next N employer-API calls answer 500",
    "api_429": "the next N employer-API calls answer 429 with Retry-After: 1",
    "api_timeout": "the next N employer-API calls hang for api_timeout_seconds, then answer normally",
    "api_timeout_seconds": "how long a hanging call waits (seconds)",
    "duplicate_delivery": "every webhook request is sent twice, the copy concurrently (same webhook-id)",
    "out_of_order": "queued events are held until POST /control/flush (or 5 s), then sent newest first",
    "bad_signature": "sign webhooks with a wrong key",
    "resume_as_url": "application.created carries resume.url (served by the sandbox) instead of inline data",
    "webhooks_paused": "queue events but do not deliver them",
}

MAX_COUNT = 1000
MAX_TIMEOUT_S = 300.0


class SwitchError(ValueError):
    pass


def check(key: str, value):
    """The clean value for ``key``, or ``SwitchError``."""
    if key not in DEFAULTS:
        raise SwitchError(f"unknown switch {key!r}; known: {', '.join(DEFAULTS)}")
    default = DEFAULTS[key]
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise SwitchError(f"{key} must be true or false")
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise SwitchError(f"{key} must be a number")
    if isinstance(default, int):
        if not isinstance(value, int) and not float(value).is_integer() or not 0 <= value <= MAX_COUNT:
            raise SwitchError(f"{key} must be a whole number from 0 to {MAX_COUNT}")
        return int(value)
    if not 0 < value <= MAX_TIMEOUT_S:
        raise SwitchError(f"{key} must be more than 0 and at most {MAX_TIMEOUT_S:g}")
    return float(value)


class Switches:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._state = dict(DEFAULTS)

    def get(self) -> dict:
        with self._lock:
            return dict(self._state)

    def on(self, key: str) -> bool:
        with self._lock:
            return bool(self._state[key])

    def update(self, changes) -> dict:
        """Apply a partial update; nothing changes when any key or value is wrong."""
        if not isinstance(changes, dict):
            raise SwitchError("expected a JSON object of switches")
        clean = {key: check(key, value) for key, value in changes.items()}
        with self._lock:
            self._state.update(clean)
            return dict(self._state)

    def reset(self) -> dict:
        with self._lock:
            self._state = dict(DEFAULTS)
            return dict(self._state)

    def take(self, key: str) -> bool:
        """Use up one of the counter ``key``; True when one was left."""
        with self._lock:
            if self._state[key] > 0:
                self._state[key] -= 1
                return True
            return False
