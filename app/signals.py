"""Signals whose receivers run in the order they were connected.

blinker keeps a signal's receivers in a plain ``set`` of ids, so it calls them in an order of
its own (memory addresses), not the order they were connected. Haku relies on that order:
features connect their stage-entry receivers in ``FEATURE_HOOKS`` order and automations last,
so an automation's move comes after the features have written their intents. ``signal(name)``
makes a blinker signal that keeps insertion order (blinker's documented ``set_class`` hook).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from blinker import NamedSignal


class OrderedSet:
    """The few set operations blinker uses, over a dict (which keeps insertion order)."""

    def __init__(self, items: Iterable[Any] = ()):
        self._items = dict.fromkeys(items)

    def add(self, item: Any) -> None:
        self._items[item] = None

    def discard(self, item: Any) -> None:
        self._items.pop(item, None)

    def copy(self) -> OrderedSet:
        return OrderedSet(self._items)

    def __or__(self, other: Iterable[Any]) -> OrderedSet:
        return OrderedSet([*self._items, *other])

    def __iter__(self) -> Iterator[Any]:
        return iter(list(self._items))

    def __contains__(self, item: Any) -> bool:
        return item in self._items

    def __len__(self) -> int:
        return len(self._items)


class OrderedSignal(NamedSignal):
    set_class = OrderedSet  # type: ignore[assignment]


_SIGNALS: dict[str, OrderedSignal] = {}


def signal(name: str) -> OrderedSignal:
    """The signal of that name (one per name, as blinker's ``Namespace`` gives)."""
    if name not in _SIGNALS:
        _SIGNALS[name] = OrderedSignal(name)
    return _SIGNALS[name]
