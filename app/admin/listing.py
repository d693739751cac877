"""How the applications list shows its filter menus: the job menu holds every job of the
company (200 in the bench: 400 escaped values and a Jinja loop on every page), so its
``<option>``s are rendered once per content and reused (``templates/admin/applications/_options.html``)."""

from __future__ import annotations

from flask import current_app, render_template, request, url_for
from markupsafe import Markup

from app.extensions import kept

#: At most this many rendered option lists per process (a company's job menu is a few kB; a
#: key per chosen job or stage of each company's menus).
OPTIONS_CACHE_SIZE = 256


def menu_options(options: tuple, chosen) -> Markup:
    """A filter menu's ``<option>``s for ``options`` (value, text), the one whose value is
    ``chosen`` selected, rendered once per (options, chosen) and process. The key holds the
    options themselves, read from the database on every request (``listing.filter_menus``): a
    job added, renamed or removed through any process makes another key, so there is nothing
    to invalidate and nothing can go stale."""
    return kept("haku.list_menu_options", (options, chosen), lambda: Markup(
        render_template("admin/applications/_options.html", options=options, chosen=chosen)), OPTIONS_CACHE_SIZE)


def column_labels(*column_sets) -> dict[str, str]:
    """The labels of the columns in ``column_sets`` (dicts or lists of ``ListColumn``) as text
    in the page's language, by key: a registered column's label (a lazy string: a Flask-Babel
    lookup each time it is printed, 28 on a list page) translated once per process and
    language, a column a source makes per job (a screening question: data, which can change)
    as it is now."""
    from app.applications.columns import COLUMNS
    from app.i18n import current_locale

    cache = current_app.extensions.setdefault("haku.list_column_labels", {})
    locale = current_locale()
    registered = cache.get(locale)
    if registered is None:
        registered = cache[locale] = {key: str(col.label) for key, col in COLUMNS.items()}
    out = dict(registered)
    for columns in column_sets:
        for col in columns.values() if isinstance(columns, dict) else columns:
            if col.key not in registered:
                out[col.key] = str(col.label)
    return out


#: At most this many lists' links per process (``list_links``: a list is its filters, sort, page
#: size and sortable columns; a few hundred bytes each).
LINKS_CACHE_SIZE = 1024


def list_links(lq, columns) -> dict:
    """The list page's links that are the same on every page of one list — its filters, sort
    and page size (``lq.params()``) and its visible sortable columns: the list's own address
    (the filter form, the card links' base), the columns menu's, the CSV export's, the bulk
    form's, each sortable column header's (a first click sorts ascending, a click on the
    sorted column turns it round), adding a candidate and the duplicates. Built with
    ``url_for`` once per (script root, list) and process, not ~17 ``url_for`` and six macro
    calls per page; the pager's links carry the page's cursor and are built per page."""
    params = lq.params()
    sortable = tuple(col.key for col in columns if col.sort is not None)

    def make() -> dict:
        export = {"q": lq.q or None, "job": lq.job_id, "stage": lq.stage or None, "status": lq.status,
                  "sort": lq.sort, "dir": lq.direction, **{f"f_{k}": v for k, v in lq.filters.items()}}
        base = url_for("admin.applications")
        return {
            "list": base, "card_base": base + "/", "columns": url_for("admin.applications_columns", **params),
            "export": url_for("admin.applications_export", **export), "bulk": url_for("admin.applications_bulk"),
            "candidate_add": url_for("admin.candidate_add"), "duplicates": url_for("admin.duplicates"),
            "sort": {k: url_for("admin.applications", **{**params, "sort": k,
                                                          "dir": "desc" if lq.sort == k and lq.direction == "asc"
                                                          else "asc"}) for k in sortable}}

    return kept("haku.list_links", (request.script_root, tuple(params.items()), sortable), make, LINKS_CACHE_SIZE)
