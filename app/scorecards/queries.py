"""Reading scorecards: the card's summary, one user's own scorecard, a job's export."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from flask_babel import gettext
from sqlalchemy import exists, select
from sqlalchemy.orm import joinedload

from app.applications.export import neutralise
from app.applications.models import Application
from app.extensions import db
from app.scorecards.definitions import SCALE_LABELS, groups_of
from app.scorecards.models import SCALE, Recommendation, Scorecard, ScorecardStatus
from app.scorecards.visibility import scorecards_visible_to


def recommendation_labels() -> dict[str, str]:
    return {Recommendation.DEFINITELY_NOT: gettext("Definitely not"), Recommendation.NO: gettext("No"),
            Recommendation.YES: gettext("Yes"), Recommendation.STRONG_YES: gettext("Strong yes")}


def any_on_card():
    """The card's read (app/plugins.py ``card_panel``): the application has scorecards
    (asked, drafts or submitted)."""
    return exists().where(Scorecard.application_id == Application.id)


def of_application(application_id: int) -> list[Scorecard]:
    """Every scorecard of the application (requests and drafts too), with their authors."""
    return list(db.session.scalars(select(Scorecard).options(joinedload(Scorecard.author))
                                   .where(Scorecard.application_id == application_id)
                                   .order_by(Scorecard.submitted_at.is_(None), Scorecard.submitted_at, Scorecard.id)))


@dataclass
class AttributeRow:
    id: str
    label: str
    counts: dict[int, int] = field(default_factory=dict)  # points -> how many
    average: float | None = None


@dataclass
class Summary:
    visible: bool
    mine: list[Scorecard]
    submitted: list[Scorecard]
    pending: list[Scorecard]
    groups: list[tuple[str, list[AttributeRow]]]
    average: float | None


def to_fill(user_id: int) -> list[Scorecard]:
    """The user's scorecards not yet submitted (asked, or a draft), oldest first, with their
    application's candidate and job: My interviews' "Scorecards to fill", one statement."""
    return list(db.session.scalars(
        select(Scorecard).join(Application, Application.id == Scorecard.application_id)
        .where(Scorecard.author_id == user_id, Scorecard.status != ScorecardStatus.SUBMITTED)
        .options(joinedload(Scorecard.application).joinedload(Application.candidate),
                 joinedload(Scorecard.application).joinedload(Application.job))
        .order_by(Scorecard.created_at, Scorecard.id)))


def summary(application: Application, user, any_cards: bool = True) -> Summary:
    """The card's panel: per attribute the distribution and average of the submitted ratings,
    the recommendations with their authors, who is still to answer. When the user has theirs
    to submit (``scorecards_visible_to``) only their own show. ``any_cards=False``: the card
    knows there are none (``any_on_card``), nothing to read."""
    cards = of_application(application.id) if any_cards else []
    visible = scorecards_visible_to(user, application.id, cards)
    mine = [c for c in cards if c.author_id == getattr(user, "id", None)]
    submitted = [c for c in cards if c.status == ScorecardStatus.SUBMITTED] if visible else []
    pending = [c for c in cards if c.status != ScorecardStatus.SUBMITTED] if visible else []
    groups = []
    for group in groups_of(application.job) if submitted else ():  # the table shows submitted ratings only
        rows = []
        for attribute in group.attributes:
            values = [c.ratings.get(attribute.id) for c in submitted if (c.ratings or {}).get(attribute.id)]
            rows.append(AttributeRow(attribute.id, attribute.label, {p: values.count(p) for p in SCALE},
                                     round(sum(values) / len(values), 1) if values else None))
        groups.append((group.name, rows))
    points = [Recommendation(c.recommendation).points for c in submitted if c.recommendation]
    return Summary(visible, mine, submitted, pending, groups, round(sum(points) / len(points), 1) if points else None)


def job_csv(job) -> str:
    """A job's submitted scorecards, one row each: candidate, author, interview, when,
    recommendation, each attribute of the job's definition, notes. Every cell neutralised
    against formula injection (the list export's ``neutralise``)."""
    attributes = [a for g in groups_of(job) for a in g.attributes]
    labels = recommendation_labels()
    cards = db.session.scalars(
        select(Scorecard).join(Application, Application.id == Scorecard.application_id)
        .options(joinedload(Scorecard.author), joinedload(Scorecard.application).joinedload(Application.candidate))
        .where(Application.job_id == job.id, Application.company_id == job.company_id,
               Scorecard.status == ScorecardStatus.SUBMITTED)
        .order_by(Scorecard.application_id, Scorecard.submitted_at, Scorecard.id)).all()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    header = [gettext("Candidate"), gettext("Author"), gettext("Interview"), gettext("Submitted"),
              gettext("Recommendation"), *[a.label for a in attributes], gettext("Notes")]
    writer.writerow([neutralise(h) for h in header])
    for card in cards:
        ratings = card.ratings or {}
        row = [card.application.candidate.full_name, card.author.name if card.author else "",
               card.interview_id or "", card.submitted_at.strftime("%Y-%m-%d") if card.submitted_at else "",
               labels.get(card.recommendation, card.recommendation or ""),
               *[ratings.get(a.id, "") for a in attributes], card.notes]
        writer.writerow([neutralise(v) for v in row])
    return "\ufeff" + out.getvalue()


SCALE_TEXT = SCALE_LABELS
