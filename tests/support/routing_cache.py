"""The suite builds a fresh app for every test (about 1,800 per pass), and werkzeug compiles
two URL-builder functions for each of the app's ~190 rules, through ``ast`` and ``compile()``:
0.3 s of CPU per app, a third of the suite's time. The builder werkzeug makes depends only on
the rule's text, host/subdomain, parsed trace, defaults and whether unknown arguments are
appended; it closes over nothing (the rule is passed in as its first argument). So the tests
keep one compiled function per such key and hand it to every later rule of the same shape.
The app itself is not changed: production compiles once per process, as werkzeug does."""

from __future__ import annotations

from werkzeug.routing.rules import Rule

_compile = Rule._compile_builder
_builders: dict = {}


def _cached_compile_builder(self: Rule, append_unknown: bool = True):
    try:
        key = (append_unknown, self.rule, self.host, self.subdomain, tuple(self._trace),
               tuple(sorted((self.defaults or {}).items())))
        hash(key)
    except TypeError:  # an unhashable default: compile as werkzeug does
        return _compile(self, append_unknown)
    builder = _builders.get(key)
    if builder is None:
        builder = _builders[key] = _compile(self, append_unknown)
    return builder


def install() -> None:
    Rule._compile_builder = _cached_compile_builder
