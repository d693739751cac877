"""ELMO transcripts: reading elements (local names, children, text, titles) for the walk
over the records."""

from __future__ import annotations

from app.emrex.elmo.common import (
    ELMO_NS,
    LEGACY_NS,
    XML_LANG,
)

# ---------------------------------------------------------------- read the records
#
# One pass over each element's children, dispatching on the local name (ELMO v1, the
# legacy pre-1.0 namespace or no namespace; elements of other namespaces are ignored).
# This walk is most of the cost of an import beyond lxml and xmlsec, so it touches each
# element once and reads plain text nodes directly.

_KNOWN_PREFIXES = (f"{{{ELMO_NS}}}", f"{{{LEGACY_NS}}}")
_LOCAL_NAMES: dict[str, str] = {}
_MAX_LOCAL_NAMES = 4096


def _local(tag: str) -> str:
    """The local name of an ELMO element; ``""`` for any other namespace."""
    name = _LOCAL_NAMES.get(tag)
    if name is None:
        if tag[0] != "{":
            name = tag
        else:
            name = next((tag[len(p):] for p in _KNOWN_PREFIXES if tag.startswith(p)), "")
        if len(_LOCAL_NAMES) < _MAX_LOCAL_NAMES:
            _LOCAL_NAMES[tag] = name
    return name


def _kids(element):
    """(local name, child) for the ELMO element children of ``element``."""
    for child in element:
        tag = child.tag
        if isinstance(tag, str):
            name = _local(tag)
            if name:
                yield name, child


def _txt(element) -> str | None:
    """The element's text, stripped; text split by comments is joined (``itertext``)."""
    text = "".join(element.itertext()) if len(element) else element.text
    if text:
        text = text.strip()
    return text or None


def _children(element, name: str) -> list:
    return [child for local, child in _kids(element) if local == name]


def _child(element, name: str):
    return next((child for local, child in _kids(element) if local == name), None)


def _text(element, name: str) -> str | None:
    found = _child(element, name)
    return _txt(found) if found is not None else None


def _title(element, name: str = "title", nodes: list | None = None) -> str | None:
    """The English title when there is one, else the first (``xml:lang`` compared
    case-insensitively: ``EN``, ``en-GB`` occur)."""
    if nodes is None:
        nodes = _children(element, name)
    if len(nodes) == 1:  # the common case: one title
        node = nodes[0]
        text = "".join(node.itertext()) if len(node) else node.text
        return " ".join(text.split()) or None if text else None
    first = None
    for node in nodes:
        text = "".join(node.itertext()) if len(node) else node.text
        if not text:
            continue
        text = " ".join(text.split())
        if not text:
            continue
        lang = node.get(XML_LANG)
        if lang and lang[:2].lower() == "en":
            return text
        if first is None:
            first = text
    return first
