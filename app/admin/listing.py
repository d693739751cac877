"""How the applications list shows its filter menus: the job menu holds every job of the
company (200 in the bench: 400 escaped values and a Jinja loop on every page), so its
``<option>``s are rendered once per content and reused (``templates/admin/applications/_options.html``)."""

from __future__ import annotations

from flask import current_app, render_template
from markupsafe import Markup

#: At most this many rendered option lists per process (a company's job menu is a few kB; a
#: key per chosen job or stage of each company's menus).
OPTIONS_CACHE_SIZE = 256


def menu_options(options: tuple, chosen) -> Markup:
    """A filter menu's ``<option>``s for ``options`` (value, text), the one whose value is
    ``chosen`` selected, rendered once per (options, chosen) and process. The key holds the
    options themselves, read from the database on every request (``listing.filter_menus``): a
    job added, renamed or removed through any process makes another key, so there is nothing
    to invalidate and nothing can go stale."""
    cache = current_app.extensions.setdefault("haku.list_menu_options", {})
    key = (options, chosen)
    html = cache.get(key)
    if html is None:
        if len(cache) >= OPTIONS_CACHE_SIZE:
            cache.clear()
        html = cache[key] = Markup(render_template("admin/applications/_options.html", options=options, chosen=chosen))
    return html


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
