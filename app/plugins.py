"""One registration surface: how a feature plugs into the core and into the audiences.

A feature wires itself in ONE module, its ``hooks.py`` (``app/boards/hooks.py``,
``app/emrex/hooks.py``, …), by calling the methods of ``plugins`` below at import time; the
admin side of a feature (card texts, panels, ⋯ actions, settings links) sits in that
feature's one admin module. ``register_features()`` in ``app/__init__.py`` imports the hooks
modules: it is the table of contents. What *happens* travels as blinker signals
(``app/jobs/events.py``: a stage was entered; ``app/messaging/events.py``: an email failed);
a feature connects its receivers in the same ``hooks.py``.

=====================================  =====================================  ============================
What a feature hangs in                 method                                 read by
=====================================  =====================================  ============================
a periodic, idempotent sweep step       ``sweep_step(name)`` (decorator)       ``app.sweeper``
an encrypted column (key rotation)      ``encrypted(Model, "col", purpose)``   ``app.rotation``
a partner vendor (queue, handlers…)     ``vendor(Vendor(...))``                ``app.partners``
a column of the applications list       ``list_column(ListColumn(...))``       ``app.applications.columns``
columns made per job (e.g. per question) ``list_column_source(ColumnSource())`` ``app.applications.columns``
a badge on the board's chips            ``chip_badge(ChipBadge(...))``         ``app.applications.board``
a link on a job's pages                 ``settings_link`` (decorator)          ``app.jobs.settings_links``
a company settings section              ``settings_section`` (decorator)       ``app.navigation``
a staff navigation entry                ``staff_section`` (decorator)          ``app.navigation``
a panel on a staff company page         ``staff_company_panel`` (decorator)    ``app.navigation``
who an interviewer reviews              ``interviewer_source(fn)``             ``app.accounts.access``
an action granted for one target        ``access_rule(action, fn)``            ``app.accounts.access``
a timeline text on the card             ``event_text(kind, fn)``               ``app.admin.card``
a panel on the card (and what it reads)  ``card_panel`` (decorator)             ``app.admin.card``
an entry in the card's ⋯ menu           ``card_action(CardAction(...))``       ``app.admin.card``
the look of an error page               ``error_page`` (decorator)             ``app.errors``
=====================================  =====================================  ============================

The registry only stores: it imports no feature and no audience (the core contract in
pyproject.toml), so the classes of what it stores (``ListColumn``, ``ChipBadge``,
``Vendor``, ``CardAction``) live with the module that reads them. Registering the same thing twice
(a module imported again) is harmless: keyed entries are replaced, listed ones kept once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Plugins:
    """Every extension point of Haku, one attribute each (in registration order)."""

    def __init__(self) -> None:
        self.sweep_steps: list[tuple[str, Callable[[], int]]] = []
        self.encrypted_columns: list[tuple[type, str, Callable]] = []
        self.vendors: dict[str, Any] = {}
        self.list_columns: dict[str, Any] = {}
        self.list_column_sources: list[Any] = []
        self.chip_badges: dict[str, Any] = {}
        self.settings_links: list[Callable] = []
        self.settings_sections: list[Callable] = []
        self.staff_sections: list[Callable] = []
        self.staff_company_panels: list[Callable] = []
        self.event_texts: dict[str, Callable] = {}
        self.detail_events: set[str] = set()
        self.card_panels: list[Callable] = []
        self.card_actions: dict[str, Any] = {}
        self.error_pages: list[Callable] = []
        self.reviewer_panels: set[Callable] = set()
        self.card_reads: dict[Callable, dict[str, Callable]] = {}
        self.interviewer_sources: list[Callable] = []
        self.access_rules: dict[str, list[Callable]] = {}

    # -- the core ------------------------------------------------------------------------

    def sweep_step(self, name: str) -> Callable:
        """``fn() -> int`` (how much it did) runs in every sweep, in registration order."""
        def decorator(fn: Callable[[], int]) -> Callable[[], int]:
            if name not in {n for n, _ in self.sweep_steps}:
                self.sweep_steps.append((name, fn))
            return fn

        return decorator

    def encrypted(self, model: type, column: str, purpose_of: Callable) -> None:
        """A column holding ``secrets.encrypt`` values; ``purpose_of(row)`` gives the purpose
        it was encrypted for."""
        if not any(m is model and c == column for m, c, _ in self.encrypted_columns):
            self.encrypted_columns.append((model, column, purpose_of))

    def vendor(self, vendor: Any) -> Any:
        """A partner vendor (``app.partners.vendors.Vendor``), looked up by its ``name``."""
        self.vendors[vendor.name] = vendor
        return vendor

    def chip_badge(self, badge: Any) -> Any:
        """A badge on the board's chips (``app.applications.board.ChipBadge``): its columns
        join the board's one chip query, keyed by ``badge.key``."""
        self.chip_badges[badge.key] = badge
        return badge

    def list_column(self, column: Any) -> Any:
        """A column of the applications list and its CSV export
        (``app.applications.columns.ListColumn``), keyed by ``column.key``."""
        self.list_columns[column.key] = column
        return column

    def list_column_source(self, source: Any) -> Any:
        """Columns of the list that exist per job (``app.applications.columns.ColumnSource``:
        one per screening question), found by key and offered when the list shows one job."""
        return _add(self.list_column_sources, source)

    # -- access (app/accounts/access.py) ------------------------------------------------

    def interviewer_source(self, fn: Callable) -> Callable:
        """``fn(user_id) -> SELECT of application ids`` the user is asked to interview or
        score: an interviewer sees the union of every source's applications."""
        return _add(self.interviewer_sources, fn)

    def access_rule(self, action: str, fn: Callable) -> Callable:
        """``fn(user, target) -> bool`` grants ``action`` (an ``access.Action``) on ``target``
        to a user whose role lacks it (e.g. an interviewer sees others' scorecards of an
        application once they submitted theirs)."""
        _add(self.access_rules.setdefault(str(action), []), fn)
        return fn

    # -- screens (functions called at render time, so they can check the current user) --

    def settings_link(self, fn: Callable) -> Callable:
        """``fn(kind, owner) -> [(label, url), …]`` for a job (``kind == "job"``) or a job
        template (``"template"``): links on the job's board and pipeline pages."""
        return _add(self.settings_links, fn)

    def settings_section(self, fn: Callable) -> Callable:
        """``fn() -> [{"label", "url", "hint"}]`` for the company settings page."""
        return _add(self.settings_sections, fn)

    def staff_section(self, fn: Callable) -> Callable:
        """``fn() -> [{"label", "url"}]`` for the staff navigation."""
        return _add(self.staff_sections, fn)

    def staff_company_panel(self, fn: Callable) -> Callable:
        """``fn(company) -> HTML`` shown on the staff page of one company."""
        return _add(self.staff_company_panels, fn)

    def error_page(self, fn: Callable) -> Callable:
        """``fn(code) -> (template, context) | None``: an error page of its own for this request
        (a company's careers pages answer their errors in the company's look); the first that
        answers wins, and a provider that fails is skipped (an error page must not fail)."""
        return _add(self.error_pages, fn)

    # -- the application card (app/admin/card.py) ----------------------------------------

    def event_text(self, kind: str, fn: Callable[[dict], str]) -> None:
        """``fn(event.data) -> str``: how the card's timeline tells an event of ``kind``."""
        self.event_texts[kind] = fn

    def detail_event(self, kind: str) -> None:
        """Events of ``kind`` are details their feature shows in its own panel (a vendor's
        log lines), not lines of the card's timeline: the timeline keeps one line per change."""
        self.detail_events.add(kind)

    def card_panel(self, fn: Callable | None = None, *, first: bool = False, for_reviewers: bool = False,
                   reads: dict[str, Callable] | None = None) -> Callable:
        """``fn(application) -> HTML`` (or nothing): a block on the card. ``first`` puts it
        before the others (e.g. a warning about the person); ``for_reviewers`` shows it also
        to users who only review the application (interviewers: it must offer them nothing
        they may not do). A decorator, with or without arguments.

        ``reads`` is the panel-read protocol: ``{key: fn() -> SQL expression}``, each a scalar
        correlated to ``Application`` and its ``Candidate`` (an EXISTS of the panel's rows, a
        company setting), built by the feature's queries (once per process: a value that
        changes, like the time, is a ``bindparam`` with a ``callable_``). The card asks every shown panel's reads in its one load
        statement and calls ``fn(application, answers)`` (the values by key): a panel whose
        rows do not exist renders without a statement of its own. Keys are the feature's
        (``"interviews.any"``); a ⋯ action may read them too (``app.admin.card.answer``).
        A panel renders its template with ``app.admin.card.render_panel`` (the card's context
        processors' values, computed once for all its panels)."""
        def decorator(fn: Callable) -> Callable:
            if fn not in self.card_panels:
                self.card_panels.insert(0, fn) if first else self.card_panels.append(fn)
            if for_reviewers:
                self.reviewer_panels.add(fn)
            if reads:
                self.card_reads[fn] = dict(reads)
            return fn

        return decorator(fn) if fn is not None else decorator

    def card_action(self, action: Any) -> Any:
        """An entry of the card's ⋯ menu (``app.admin.card.CardAction``), keyed by ``key``."""
        self.card_actions[action.key] = action
        return action


def _add(registry: list, fn: Callable) -> Callable:
    if fn not in registry:
        registry.append(fn)
    return fn


#: The one registry every feature plugs into.
plugins = Plugins()
