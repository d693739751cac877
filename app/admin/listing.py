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
