"""How the pipeline board shows its chips: one dict per chip and one per column, with what is
the same for every chip of a page worked out once (URLs from one ``url_for`` each, labels
looked up once, dates through one formatter, the CSRF token once).

A chip's template reads only its dict (``templates/admin/jobs/_chip.html``): a richer chip
adds a key here and a line there."""

from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup, escape

from app.applications import board as queries
from app.applications.board import Cursor, has_news
from app.applications.sources import row_labeller
from app.applications.tags import colour_class
from app.clock import utcnow
from app.templating import date_formatter

_MARK = 918273645  # an id no URL of the page contains, replaced by each chip's id


def _url_parts(endpoint: str, **values) -> tuple[str, str]:
    """``url_for(endpoint, application_id=…)`` split around the id, built once per page."""
    head, _mark, tail = url_for(endpoint, application_id=_MARK, **values).partition(str(_MARK))
    return head, tail


class Values:
    """A chip's (or a column's, or the page's labels') values as attributes: the template reads
    ``a.name`` with a plain attribute lookup (on a dict Jinja tries the attribute first and falls
    back to the key through an exception, ~16 times per chip, ~8 per column). Made from the
    dict ``BoardPage`` builds, not copied."""

    def __init__(self, values: dict):
        self.__dict__ = values

    def __getitem__(self, key):
        return self.__dict__[key]


class BoardPage:
    """The per-page constants of a board (or of one column's chunk) and the chip dicts."""

    def __init__(self, job, has_tags: bool = True):
        self.job = job
        self.has_tags = has_tags  # False: the company has no tags, the chips' are not asked
        self.per_stage = queries.PER_STAGE
        self.viewer_id = current_user.id  # whose "seen" the chips' new-activity marks compare with
        self.board_url = url_for("admin.job_board", job_id=job.id)
        self.csrf = generate_csrf()
        self._card = _url_parts("admin.application")
        self._move = _url_parts("admin.application_stage")
        self._source = row_labeller()  # a share link by its name, as the list shows it
        self._date = date_formatter()
        self._move_label = _("Move %(name)s to stage")  # formatted per chip below
        # formatted per column below, as the template's _() does: the translation as markup, the name escaped
        self._select_all = Markup(_("Select all in %(stage)s"))
        self.labels = Values({"move": _("Move"), "nobody": _("Nobody here"),
                              "news": _("New activity since you last opened it")})
        self._badges = [(badge, queries.badge_reader(badge)) for badge in queries.badges(job.company)]
        self._badge_texts: dict[tuple, str | None] = {}  # (key, values) -> text, once per page
        self._now = utcnow()
        self._days: dict[int, str] = {}  # "3 days in stage", one ngettext per distinct number
        self._meta: dict[tuple, Markup] = {}  # (source, days, day entered) -> the chip's meta line
        self._tags: dict[int, list[dict]] = {}  # application id -> its tags, read for the page's chips at once

    def load_tags(self, rows) -> None:
        """The tags of these chips, in one statement (before ``chip`` is asked for them)."""
        if not self.has_tags:
            return
        self._tags = {app_id: [{"name": name, "cls": colour_class(colour)} for name, colour in found]
                      for app_id, found in queries.chip_tags([row.id for row in rows]).items()}

    def days(self, entered) -> tuple[int | None, str]:
        """Whole days since the stage was entered, and the label (empty without a time)."""
        if entered is None:
            return None, ""
        num = max((self._now - entered).days, 0)
        if num not in self._days:
            self._days[num] = (_("New in stage today") if num == 0 else
                               ngettext("%(num)d day in stage", "%(num)d days in stage", num))
        return num, self._days[num]

    def badges(self, row) -> list[dict]:
        """The chip's feature badges (EMREX, assessment…), each text worked out once per page."""
        out = []
        for badge, read in self._badges:
            key = (badge.key, read(row))
            if key not in self._badge_texts:
                self._badge_texts[key] = badge.text(*key[1])
            if self._badge_texts[key]:
                out.append({"key": badge.key, "text": self._badge_texts[key]})
        return out

    def meta(self, source: str, entered) -> tuple[int | None, Markup]:
        """The days in stage and the chip's meta line (``source``, the source's label · days in
        stage, the day entered as its title), rendered once per distinct source and day on a
        page: most chips share one."""
        days, days_label = self.days(entered)
        key = (source, days, self._date(entered) if days_label else "")
        line = self._meta.get(key)
        if line is None:
            line = escape(source)
            if days_label:
                stale = " chip-stale" if days >= 14 else ""
                line += Markup(' · <span class="chip-days%s" title="%s">%s</span>') % (stale, key[2], days_label)
            line = self._meta[key] = Markup(line)
        return days, line

    def chip(self, row) -> Values:
        """One chip: the application's id, the candidate's name, links and meta, as text."""
        ident = str(row.id)
        name = row.display_name or f"{row.given_names} {row.family_name}".strip()
        days, meta = self.meta(self._source(row), row.stage_entered_at)
        return Values({"days": days, "meta": meta, "tags": self._tags.get(row.id, ()),
                    "badges": self.badges(row) if self._badges else (),
                    "id": row.id, "name": name, "stage_id": row.stage_id, "news": has_news(row, self.viewer_id),
                    "url": self._card[0] + ident + self._card[1], "move_url": self._move[0] + ident + self._move[1],
                    "move_label": self._move_label % {"name": name}})

    def more(self, stage_id: int, last_row, left: int) -> dict | None:
        """The "show more" control after ``last_row`` when ``left`` rows of the stage follow."""
        if left <= 0 or last_row is None:
            return None
        num = min(left, self.per_stage)
        return {"url": url_for("admin.job_stage_column", job_id=self.job.id, stage_id=stage_id,
                               after=Cursor.of(last_row).token()),
                "label": ngettext("Show more (%(num)d more)", "Show more (%(num)d more)", num)}

    def column(self, stage, rows: list, count: int) -> Values:
        """A board column: its stage, the stage's count, its first chips, "show more" if any left."""
        more = self.more(stage.id, rows[-1] if rows else None, count - len(rows))
        column = {"stage": stage, "count": count, "chips": [self.chip(r) for r in rows], "more": more}
        if count:  # the column's checkbox, its label and title
            column["select_all"] = self._select_all % {"stage": stage.name}
        if more:  # the stage in the applications list, filtered
            column["all_url"] = url_for("admin.applications", job=self.job.id, stage=stage.name, status="all")
            column["all_label"] = _("All %(num)d in %(stage)s →", num=count, stage=stage.name)
        return Values(column)

    def columns(self, by_stage: dict, counts: dict, stage_ids=None) -> list[Values]:
        self.load_tags([row for rows in by_stage.values() for row in rows])
        return [self.column(stage, by_stage.get(stage.id, []), counts.get(stage.id, 0))
                for stage in self.job.stages if stage_ids is None or stage.id in stage_ids]
