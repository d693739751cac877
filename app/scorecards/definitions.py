"""A job's (or template's) scorecard definition: attributes in groups, each rated 1–4.

Stored as ``integration_settings["scorecard"] = {"groups": [{"name", "attributes": [{"id",
"label"}]}]}`` so a job made from a template gets a copy with the template's other settings
(``app.jobs.services.create_job``). An owner without one uses ``DEFAULT_GROUPS``, whose names
are translated when shown; once saved, the names are the team's own words. Attribute ids
are stable (``a1``, ``a2``, …): the ratings are stored by id, so renaming keeps them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l

from app.audit import actor_of, record
from app.extensions import db
from app.problems import Problem

KEY = "scorecard"
MAX_ATTRIBUTES = 30
MAX_LABEL = 120

#: The scale's labels, by points.
SCALE_LABELS = {1: _l("Poor"), 2: _l("Fair"), 3: _l("Good"), 4: _l("Excellent")}

#: A new job's groups: (group, [(id, label)]).
DEFAULT_GROUPS = (
    (_l("Skills"), (("a1", _l("Technical skills")), ("a2", _l("Problem solving")))),
    (_l("Qualities"), (("a3", _l("Communication")), ("a4", _l("Teamwork")), ("a5", _l("Motivation")))),
)


class DefinitionError(Problem):
    messages = {
        "empty": _l("A scorecard needs at least one attribute."),
        "too_many": _l("A scorecard can have at most %(max)s attributes."),
        "too_long": _l("Names can be at most %(max)s characters."),
    }


@dataclass
class Attribute:
    id: str
    label: str


@dataclass
class Group:
    name: str
    attributes: list[Attribute] = field(default_factory=list)


def groups_of(owner) -> list[Group]:
    """The owner's groups (the defaults, in the reader's language, when none are saved)."""
    saved = ((owner.integration_settings or {}).get(KEY) or {}).get("groups") if owner is not None else None
    if not saved:
        return [Group(str(name), [Attribute(i, str(label)) for i, label in attrs]) for name, attrs in DEFAULT_GROUPS]
    return [Group(g.get("name", ""), [Attribute(a["id"], a.get("label", "")) for a in g.get("attributes", [])])
            for g in saved]


def attributes_of(owner) -> dict[str, Attribute]:
    return {a.id: a for g in groups_of(owner) for a in g.attributes}


def save(owner, rows: list[tuple[str | None, str, str]], actor) -> list[Group]:
    """Replace the owner's definition with ``rows`` of (attribute id or None for a new one,
    group name, attribute label), in order; a row without a label is dropped. Ids of kept
    attributes stay; new ones get the next free id. Audited; the caller commits."""
    from app.jobs.services import set_integration_settings

    known = attributes_of(owner)
    used = {int(i[1:]) for i in known if i[1:].isdigit()}
    next_id = max(used, default=0) + 1
    groups: dict[str, list[dict]] = {}
    for attr_id, group, label in rows:
        group, label = (group or "").strip(), (label or "").strip()
        if not label:
            continue
        if len(label) > MAX_LABEL or len(group) > MAX_LABEL:
            raise DefinitionError("too_long", max=MAX_LABEL)
        if attr_id not in known:
            attr_id, next_id = f"a{next_id}", next_id + 1
        groups.setdefault(group or str(_l("Other")), []).append({"id": attr_id, "label": label})
    count = sum(len(v) for v in groups.values())
    if not count:
        raise DefinitionError("empty")
    if count > MAX_ATTRIBUTES:
        raise DefinitionError("too_many", max=MAX_ATTRIBUTES)
    value = {"groups": [{"name": name, "attributes": attrs} for name, attrs in groups.items()]}
    kind = "job" if hasattr(owner, "stages") and hasattr(owner, "deadline") else "job_template"
    record(company_id=owner.company_id, actor=actor_of(actor), object=f"{kind}:{owner.id}",
           action="scorecard.definition_saved", after=value)
    set_integration_settings(owner, KEY, value)
    db.session.flush()
    return groups_of(owner)
