"""The application card's "⋯" actions menu. Integrations register their own entries
(e.g. "Request EMREX", "Send assessment") at import time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass
class CardAction:
    key: str
    label: Any
    url: Callable[[Any], str]  # application -> URL (called in a request context)
    method: str = "post"  # post: a CSRF form button; get: a link
    available: Callable[[Any, Any], bool] = lambda application, user: True
    order: int = 100


ACTIONS: dict[str, CardAction] = {}


def register_action(action: CardAction) -> None:
    ACTIONS[action.key] = action


def actions_for(application, user) -> list[CardAction]:
    return sorted((a for a in ACTIONS.values() if a.available(application, user)), key=lambda a: a.order)
