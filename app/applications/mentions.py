"""Mentions in a card note: ``@First Last`` or ``@local-part`` (of the email address) of an
active user of the company. Everyone mentioned who can see the application is notified (the
bell, and by email when their Account page says so) with a link to the card; the others are
not, and the author is told who. Recorded in the note's event and in the audit log."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from app import audit
from app.accounts.access import Action, can
from app.accounts.models import Role, User
from app.applications.models import Application, TimelineEvent
from app.extensions import db
from app.links import path_for
from app.messaging.services import notify


def _handles(user: User) -> list[str]:
    """What ``@`` may be followed by to name ``user``, longest first (lower case)."""
    out = [user.name.strip().lower()] if user.name and user.name.strip() else []
    local = user.email.split("@", 1)[0].lower()
    if local:
        out.append(local)
    return sorted(set(out), key=len, reverse=True)


def _ends_word(text: str, end: int) -> bool:
    return end >= len(text) or not (text[end].isalnum() or text[end] in "_-")


def find(text: str, company_id: int) -> list[User]:
    """The company's active users mentioned in ``text``, in order of first mention, once each.
    At each ``@`` the longest name or address that fits wins ("@Ann Lee" over "@Ann")."""
    if "@" not in text:
        return []
    users = list(db.session.scalars(select(User).where(User.company_id == company_id, User.is_enabled,
                                                       User.role != Role.STAFF.value)))
    handles = sorted(((h, u) for u in users for h in _handles(u)), key=lambda hu: len(hu[0]), reverse=True)
    lowered = text.lower()
    found: list[User] = []
    start = lowered.find("@")
    while start != -1:
        # an address in the text (ann@example.com) is not a mention
        if start == 0 or not lowered[start - 1].isalnum():
            rest = lowered[start + 1:]
            for handle, user in handles:
                if rest.startswith(handle) and _ends_word(lowered, start + 1 + len(handle)):
                    if user not in found:
                        found.append(user)
                    break
        start = lowered.find("@", start + 1)
    return found


def notify_mentions(application: Application, event: TimelineEvent, actor: User) -> tuple[list[User], list[User]]:
    """Notify who the note ``event`` mentions; ``(notified, not notified)``. Runs inside the
    note's transaction (the caller commits); the event keeps both lists."""
    text = (event.data or {}).get("text", "")
    mentioned = [u for u in find(text, application.company_id) if u.id != actor.id]
    if not mentioned:
        return [], []
    notified = [u for u in mentioned if can(u, Action.VIEW_APPLICATIONS, application)]
    refused = [u for u in mentioned if u not in notified]
    db.session.flush()
    if notified:
        notify(notified, company_id=application.company_id, kind="mention",
               title=_l("%(name)s mentioned you in a note on %(candidate)s", name=actor.name,
                        candidate=application.candidate.full_name),
               body=text[:500], link=path_for("admin.application", application_id=application.id) + f"#event-{event.id}",
               dedupe_key=f"mention:{event.id}")
    event.not_notified = refused  # for the author's message (not stored: the ids below are)
    event.data = {**(event.data or {}), "mentioned": [u.id for u in notified],
                  "not_notified": [u.id for u in refused]}
    audit.record(company_id=application.company_id, actor=audit.actor_of(actor),
                 object=f"application:{application.id}", action="note.mention",
                 after={"event_id": event.id, "notified": [u.id for u in notified],
                        "not_notified": [u.id for u in refused]})
    return notified, refused
