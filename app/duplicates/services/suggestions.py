"""Possible duplicates: the suggested pairs (the list, the card's panel, the badge) and
"not the same person" (a dismissal, remembered for the pair)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import and_, exists, or_, select, union
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import aliased, joinedload

from app import audit
from app.accounts.models import User
from app.applications.models import Application, Candidate
from app.duplicates.models import DuplicateDismissal
from app.duplicates.services.common import _pair
from app.extensions import db
from app.text import fold

# ---------------------------------------------------------------- suggestions

@dataclass
class Suggestion:
    a: Candidate
    b: Candidate
    reasons: list[str] = field(default_factory=list)


def _name_key(candidate: Candidate) -> str:
    return " ".join(fold(f"{candidate.given_names} {candidate.family_name}").split())


def reasons_for(a: Candidate, b: Candidate, sources: dict[int, set[str]] | None = None) -> list[str]:
    """Why two records may be one person, as reason codes (the template words them):
    same_name_phone, same_phone, same_email, similar_email, topcv_phone_only."""
    sources = sources or {}
    out = []
    if a.phone_normalized and a.phone_normalized == b.phone_normalized:
        out.append("same_name_phone" if _name_key(a) == _name_key(b) else "same_phone")
        for one, other in ((a, b), (b, a)):
            if not one.email and "topcv" in sources.get(one.id, set()) and other.email:
                out.append("topcv_phone_only")
                break
    if a.email_key and a.email_key == b.email_key:
        out.append("same_email" if a.email_normalized == b.email_normalized else "similar_email")
    return out


def _not_dismissed(company_id: int, low, high):
    return ~exists().where(DuplicateDismissal.company_id == company_id, DuplicateDismissal.low_id == low,
                           DuplicateDismissal.high_id == high)


def _pairs_query(company_id: int):
    """(low id, high id) of every undismissed pair sharing a phone or an email key."""
    c1, c2 = aliased(Candidate), aliased(Candidate)
    by_phone = (select(c1.id.label("low"), c2.id.label("high"))
                .join(c2, and_(c2.company_id == c1.company_id, c2.phone_normalized == c1.phone_normalized,
                               c2.id > c1.id))
                .where(c1.company_id == company_id, c1.phone_normalized.is_not(None)))
    c3, c4 = aliased(Candidate), aliased(Candidate)
    by_email = (select(c3.id.label("low"), c4.id.label("high"))
                .join(c4, and_(c4.company_id == c3.company_id, c4.email_key == c3.email_key, c4.id > c3.id))
                .where(c3.company_id == company_id, c3.email_key.is_not(None)))
    pairs = union(by_phone, by_email).subquery()
    return pairs, select(pairs.c.low, pairs.c.high).where(_not_dismissed(company_id, pairs.c.low, pairs.c.high))


def suggestions(company_id: int, *, page: int = 1, per_page: int = 50) -> tuple[list[Suggestion], bool]:
    """One page of possible duplicates, newest records first, and whether there is more.
    Three queries whatever the page size: the pairs, their candidates, their applications."""
    pairs, stmt = _pairs_query(company_id)
    rows = db.session.execute(stmt.order_by(pairs.c.high.desc(), pairs.c.low.desc())
                              .limit(per_page + 1).offset((page - 1) * per_page)).all()
    more = len(rows) > per_page
    rows = rows[:per_page]
    ids = {i for row in rows for i in row}
    people = _with_applications(company_id, ids)
    sources = {cid: {a.source for a in c.applications} for cid, c in people.items()}
    out = []
    for low, high in rows:
        a, b = people[low], people[high]
        out.append(Suggestion(a, b, reasons_for(a, b, sources)))
    return out, more


def _with_applications(company_id: int, ids: set[int]) -> dict[int, Candidate]:
    if not ids:
        return {}
    from sqlalchemy.orm import selectinload

    rows = db.session.scalars(select(Candidate).where(Candidate.company_id == company_id, Candidate.id.in_(ids))
                              .options(selectinload(Candidate.applications).joinedload(Application.job),
                                       selectinload(Candidate.applications).joinedload(Application.stage))).all()
    return {c.id: c for c in rows}


def suggestions_for_candidate(candidate: Candidate, limit: int = 5) -> list[Suggestion]:
    """Possible duplicates of one record (the application card): one query."""
    conditions = []
    if candidate.phone_normalized:
        conditions.append(Candidate.phone_normalized == candidate.phone_normalized)
    if candidate.email_key:
        conditions.append(Candidate.email_key == candidate.email_key)
    if not conditions:
        return []
    cid = candidate.company_id
    others = db.session.scalars(
        select(Candidate).where(Candidate.company_id == cid, Candidate.id != candidate.id, or_(*conditions),
                                ~exists().where(DuplicateDismissal.company_id == cid, or_(
                                    and_(DuplicateDismissal.low_id == candidate.id,
                                         DuplicateDismissal.high_id == Candidate.id),
                                    and_(DuplicateDismissal.high_id == candidate.id,
                                         DuplicateDismissal.low_id == Candidate.id))))
        .options(joinedload(Candidate.applications)).order_by(Candidate.id.desc()).limit(limit)).unique().all()
    sources = {c.id: {a.source for a in c.applications} for c in [candidate, *others]}
    return [Suggestion(candidate, other, reasons_for(candidate, other, sources)) for other in others]


def suggested_on_card():
    """The card's read (app/plugins.py ``card_panel``): ``suggestions_for_candidate`` of the
    application's candidate (``Candidate`` in the card's statement) would find someone: the
    same conditions, as one EXISTS."""
    me, other = Candidate, aliased(Candidate)
    # Correlated by name to both: left to itself, SQLAlchemy correlates only to the enclosing
    # EXISTS (``other``), and ``me``, two levels up, became a table of its own in here (any
    # dismissal of ``other`` with anyone hid the suggestion).
    dismissed = exists().where(DuplicateDismissal.company_id == me.company_id, or_(
        and_(DuplicateDismissal.low_id == me.id, DuplicateDismissal.high_id == other.id),
        and_(DuplicateDismissal.high_id == me.id, DuplicateDismissal.low_id == other.id))).correlate(me, other)
    # ``!= ""`` is false for NULL too: a record without a phone (or email) matches by the other.
    same = or_(and_(me.phone_normalized != "", other.phone_normalized == me.phone_normalized),
               and_(me.email_key != "", other.email_key == me.email_key))
    return exists().where(me.id == Application.candidate_id, other.company_id == me.company_id, other.id != me.id,
                          same, ~dismissed)


def suggestion_count(company_id: int) -> int:
    _pairs, stmt = _pairs_query(company_id)
    return db.session.scalar(select(db.func.count()).select_from(stmt.subquery())) or 0


# ---------------------------------------------------------------- dismissals

def dismiss(company_id: int, a_id: int, b_id: int, actor: User) -> DuplicateDismissal:
    """Remember that two records are different people (idempotent), audited."""
    low, high = _pair(company_id, a_id, b_id)
    row = db.session.scalar(select(DuplicateDismissal).where(
        DuplicateDismissal.company_id == company_id, DuplicateDismissal.low_id == low.id,
        DuplicateDismissal.high_id == high.id))
    if row is None:
        row = DuplicateDismissal(company_id=company_id, low_id=low.id, high_id=high.id, actor_id=actor.id)
        db.session.add(row)
        audit.record(company_id=company_id, actor=audit.actor_of(actor), object=f"candidate_pair:{low.id}-{high.id}",
                     action="duplicate_dismissed", after={"candidates": [low.id, high.id]})
    try:
        db.session.commit()
    except IntegrityError:  # a colleague answered the same pair at the same moment: their row stands
        db.session.rollback()
        row = db.session.scalar(select(DuplicateDismissal).where(
            DuplicateDismissal.company_id == company_id, DuplicateDismissal.low_id == low.id,
            DuplicateDismissal.high_id == high.id))
        if row is None:
            raise
    return row
