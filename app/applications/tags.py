"""Company-wide tags on applications: the company's list (admins rename, recolour, delete) and
putting tags on and off an application (any recruiter; a new name creates the tag).

Colours come from a fixed palette whose pairs (background, text) are readable (WCAG AA
contrast), so a tag never needs a colour picker and never comes out illegible.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, exists, func, select

from app import audit
from app.accounts.models import User
from app.applications.models import Application, ApplicationTag, Tag
from app.applications.services import ApplicationError
from app.extensions import db

#: colour key -> (label, background, text): each pair has a contrast ratio of at least 4.5:1.
PALETTE: dict[str, tuple] = {
    "grey": (_l("Grey"), "#e5e7eb", "#1f2937"),
    "red": (_l("Red"), "#fee2e2", "#991b1b"),
    "orange": (_l("Orange"), "#ffedd5", "#9a3412"),
    "yellow": (_l("Yellow"), "#fef3c7", "#854d0e"),
    "green": (_l("Green"), "#dcfce7", "#166534"),
    "teal": (_l("Teal"), "#ccfbf1", "#115e59"),
    "blue": (_l("Blue"), "#dbeafe", "#1e40af"),
    "purple": (_l("Purple"), "#ede9fe", "#5b21b6"),
    "pink": (_l("Pink"), "#fce7f3", "#9d174d"),
}
DEFAULT_COLOUR = "grey"
MAX_NAME = 60


class TagError(ApplicationError):
    messages = {
        "empty_name": _l("The tag name is empty."),
        "name_too_long": _l("The tag name is too long (at most 60 characters)."),
        "duplicate_name": _l("A tag with that name already exists."),
        "bad_colour": _l("Choose one of the colours."),
        "bad_tag": _l("That tag is not in your company's list."),
    }


def colour_class(colour: str) -> str:
    """The CSS class of a tag chip (``.tag-<colour>`` in haku.css, the palette's pair; the
    content security policy allows no inline styles); grey for an unknown key."""
    return f"tag-{colour if colour in PALETTE else DEFAULT_COLOUR}"


def colour_choices() -> list[tuple[str, str]]:
    return [(key, str(label)) for key, (label, _bg, _fg) in PALETTE.items()]


def any_on_card():
    """The card's read (app/plugins.py ``card_panel``): the application's company has tags
    (to offer in the panel's picker)."""
    return exists().where(Tag.company_id == Application.company_id)


def tags(company_id: int) -> list[Tag]:
    return list(db.session.scalars(select(Tag).where(Tag.company_id == company_id).order_by(Tag.name_key)))


def usage(company_id: int) -> dict[int, int]:
    """tag id -> how many applications carry it (one query)."""
    rows = db.session.execute(
        select(ApplicationTag.tag_id, func.count()).join(Tag, Tag.id == ApplicationTag.tag_id)
        .where(Tag.company_id == company_id).group_by(ApplicationTag.tag_id))
    return {tag_id: count for tag_id, count in rows}


def _tag(company_id: int, tag_id) -> Tag:
    tag = db.session.get(Tag, int(tag_id)) if str(tag_id or "").isdigit() else None
    if tag is None or tag.company_id != company_id:
        raise TagError("bad_tag")
    return tag


def _clean_name(company_id: int, name: str | None, except_id: int | None = None) -> tuple[str, str]:
    name = " ".join((name or "").split())
    if not name:
        raise TagError("empty_name")
    if len(name) > MAX_NAME:
        raise TagError("name_too_long")
    key = name.casefold()[:MAX_NAME]
    clash = db.session.scalar(select(Tag.id).where(Tag.company_id == company_id, Tag.name_key == key,
                                                   Tag.id != (except_id or 0)).limit(1))
    if clash is not None:
        raise TagError("duplicate_name")
    return name, key


def _check_colour(colour: str | None) -> str:
    if colour not in PALETTE:
        raise TagError("bad_colour")
    return colour


def _audit(company_id: int, actor: User, tag: Tag, action: str, before=None, after=None) -> None:
    audit.record(company_id=company_id, actor=audit.actor_of(actor), object=f"tag:{tag.id}", action=action,
                 before=before, after=after)


def create_tag(company_id: int, name: str, colour: str | None, actor: User) -> Tag:
    name, key = _clean_name(company_id, name)
    tag = Tag(company_id=company_id, name=name, name_key=key, colour=_check_colour(colour or DEFAULT_COLOUR))
    db.session.add(tag)
    db.session.flush()
    _audit(company_id, actor, tag, "tag.added", after={"name": tag.name, "colour": tag.colour})
    db.session.commit()
    return tag


def change_tag(company_id: int, tag_id, name: str, colour: str, actor: User) -> Tag:
    """Rename and/or recolour: the new name and colour show on every application at once."""
    tag = _tag(company_id, tag_id)
    name, key = _clean_name(company_id, name, except_id=tag.id)
    colour = _check_colour(colour)
    before = {"name": tag.name, "colour": tag.colour}
    tag.name, tag.name_key, tag.colour = name, key, colour
    after = {"name": tag.name, "colour": tag.colour}
    if after != before:
        _audit(company_id, actor, tag, "tag.changed", before=before, after=after)
    db.session.commit()
    return tag


def delete_tag(company_id: int, tag_id, actor: User) -> None:
    """The tag goes from the list and from every application that had it."""
    tag = _tag(company_id, tag_id)
    _audit(company_id, actor, tag, "tag.deleted", before={"name": tag.name, "colour": tag.colour})
    db.session.execute(delete(ApplicationTag).where(ApplicationTag.tag_id == tag.id))
    db.session.delete(tag)
    db.session.commit()


def add_to_application(application: Application, actor: User, *, tag_id=None, name: str | None = None) -> Tag:
    """Put a tag on an application: an existing one (``tag_id``) or by name (found whatever its
    case, created in the default colour when new). Tagging twice is harmless."""
    company_id = application.company_id
    if tag_id not in (None, ""):
        tag = _tag(company_id, tag_id)
    else:
        clean = " ".join((name or "").split())
        tag = db.session.scalar(select(Tag).where(Tag.company_id == company_id,
                                                  Tag.name_key == clean.casefold()[:MAX_NAME])) if clean else None
        if tag is None:
            clean, key = _clean_name(company_id, clean)
            tag = Tag(company_id=company_id, name=clean, name_key=key, colour=DEFAULT_COLOUR)
            db.session.add(tag)
            db.session.flush()
            _audit(company_id, actor, tag, "tag.added", after={"name": tag.name, "colour": tag.colour})
    exists = db.session.get(ApplicationTag, (application.id, tag.id))
    if exists is None:
        db.session.add(ApplicationTag(application_id=application.id, tag_id=tag.id))
        audit.record(company_id=company_id, actor=audit.actor_of(actor), object=f"application:{application.id}",
                     action="application.tagged", after={"tag": tag.name})
    db.session.commit()
    db.session.expire(application, ["tags"])
    return tag


def remove_from_application(application: Application, tag_id, actor: User) -> Tag:
    tag = _tag(application.company_id, tag_id)
    link = db.session.get(ApplicationTag, (application.id, tag.id))
    if link is not None:
        db.session.delete(link)
        audit.record(company_id=application.company_id, actor=audit.actor_of(actor),
                     object=f"application:{application.id}", action="application.untagged", before={"tag": tag.name})
    db.session.commit()
    db.session.expire(application, ["tags"])
    return tag


def has_tag(stmt, tag_id):
    """The list's filter: applications carrying the tag (a bad id matches nothing)."""
    wanted = int(tag_id) if str(tag_id).isdigit() else -1
    return stmt.where(Application.id.in_(select(ApplicationTag.application_id).where(ApplicationTag.tag_id == wanted)))
