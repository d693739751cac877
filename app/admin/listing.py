"""How the applications list shows its filter menus: the job menu holds every job of the
company (200 in the bench: 400 escaped values and a Jinja loop on every page), so its
``<option>``s are rendered once per content and reused (``templates/admin/applications/_options.html``);
so is the filter form (``filter_form``). It also builds the list's links, its columns' labels
and its rows' markup (``table_rows``)."""

from __future__ import annotations

import re

from flask import current_app, render_template, request, url_for
from markupsafe import Markup, escape

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


#: At most this many rendered filter forms per process (``filter_form``: a few kB each; a key per
#: search, filter, sort and page size of each company's lists in each language).
FORMS_CACHE_SIZE = 256


def filter_form(company_id: int, lq, links: dict, labels: dict, columns, job_options: Markup,
                stage_options: Markup) -> Markup:
    """The list's filter form (``templates/admin/applications/_filters.html``): the search,
    the job, stage, status and page-size menus and the shown columns' filters, rendered once
    per everything it shows and kept per process — ~15 gettext calls, its menus' loops and
    ~40 escapes were 8% of a list page. The key holds all of it: the company, the language,
    the list's address, the query (search, status, page size, sort, filters), the job and
    stage menus' options (read or kept under their version, ``menu_options``), and each
    filter's label and choices (a source filter's share links, read per request); a change
    to any of them makes another key, so nothing kept can go stale."""
    from app.applications.listing import PAGE_SIZES
    from app.i18n import current_locale

    filters = []
    for col in columns:
        if col.filter:
            kind, choices, _where = col.filter
            if callable(choices):
                choices = choices()
            filters.append((col.key, labels[col.key], kind, tuple(tuple(choice) for choice in choices or ())))
    filters = tuple(filters)
    key = (company_id, current_locale(), links["list"], lq.q, lq.status, lq.per_page, lq.sort, lq.direction,
           tuple(lq.filters.items()), job_options, stage_options, filters)
    return kept("haku.list_filter_forms", key, lambda: Markup(render_template(
        "admin/applications/_filters.html", lq=lq, links=links, filters=filters, job_options=job_options,
        stage_options=stage_options, page_sizes=PAGE_SIZES)), FORMS_CACHE_SIZE)


#: A cell's opening tag by its column's key (any other: ``<td>``), and the columns whose text can
#: be long (clipped, the whole text as the cell's title).
_CELL_OPEN = {"candidate": '<td class="cell-text">', "job": '<td class="cell-text">',
              "email": '<td class="cell-text cell-email">'}
_CLIPPED = frozenset({"candidate", "job", "email", "phone", "stage", "rejection_reason", "tags"})
#: Whether a text holds a character ``escape`` replaces: a text without one is its own escape.
_ESCAPED_CHARS = re.compile(r"[&<>\"']").search


def table_rows(page, card_base: str, select_label) -> Markup:
    """The list's rows, the ``<tr>``s of ``templates/admin/applications/_table.html`` (which
    prints them, and the row of an empty page), as markup. Printed from the template, a page's
    50 rows were a quarter of its instructions: a Jinja ``escape`` and a ``Markup`` for each of
    ~12 values a row (the id three times, a linked or clipped value twice) and a list append
    per piece (docs/performance.md, session 30). Here each value is escaped once (``escape``,
    as Jinja's autoescape does; a text with none of the five characters it replaces is
    printed as it is, which is what ``escape`` gives), an id is an integer (digits: nothing
    to escape), the card link's base and the checkbox's label are escaped once per page, and
    a cell whose text came before in its column (a stage, a source, a day) is the one made
    then. The first column links to the card (clipped, with its text as the title, when it
    can be long); a clipped column's non-empty text is a ``span`` with its title."""
    base = escape(card_base)
    select = escape(select_label)
    (first_col, first), *rest = zip(page.columns, page.getters(), strict=True)
    first_open = _CELL_OPEN.get(first_col.key, "<td>")
    first_clipped = first_col.key in _CLIPPED
    others = [(_CELL_OPEN.get(col.key, "<td>"), col.key in _CLIPPED, get, {}) for col, get in rest]
    out = []
    for row in page.rows:
        id_ = row.id
        value = first(row)
        text = value if type(value) is str and not _ESCAPED_CHARS(value) else escape(value)
        title = f' class="truncate" title="{text}"' if first_clipped else ""
        cells = [f'{first_open}<a href="{base}{id_}"{title}>{text}</a></td>']
        for open_, clipped, get, made in others:
            value = get(row)
            cell = made.get(value) if type(value) is str else None
            if cell is None:
                text = value if type(value) is str and not _ESCAPED_CHARS(value) else escape(value)
                cell = f'{open_}<span class="truncate" title="{text}">{text}</span></td>' if clipped and value \
                    else f"{open_}{text}</td>"
                if type(value) is str:
                    made[value] = cell
            cells.append(cell)
        out.append(f"""
        <tr id="application-row-{id_}">
          <td class="cell-check"><input type="checkbox" name="ids" value="{id_}" aria-label="{select}"><input type="hidden" name="page_ids" value="{id_}"></td>
          {"".join(cells)}
        </tr>
      """)
    return Markup("".join(out))
