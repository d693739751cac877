"""Tags in the recruiter admin: the company's list (settings, admins only) and the tags of one
application on its card (a panel: htmx swaps the panel, a plain form post comes back to the card)."""

from __future__ import annotations

from flask import abort, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from markupsafe import Markup

from app.accounts.tenancy import current_company_id
from app.admin.blueprint import bp
from app.admin.card import CardAction, render_panel
from app.admin.card import tags as card_tags
from app.admin.forms import EmptyForm, TagAddForm, TagForm
from app.applications import queries, tags
from app.applications.tags import TagError
from app.htmx import done
from app.plugins import plugins
from app.security import admin_required, company_user_required


def _tag_form(prefix: str = "", formdata=True) -> TagForm:
    form = TagForm(prefix=prefix) if formdata else TagForm(prefix=prefix, formdata=None)
    form.colour.choices = tags.colour_choices()
    if not form.colour.data:
        form.colour.data = tags.DEFAULT_COLOUR
    return form


# ---------------------------------------------------------------- settings: the company's tags

@bp.route("/settings/tags", methods=["GET", "POST"])
@admin_required
def tag_settings():
    form = _tag_form()
    error = None
    if form.validate_on_submit():
        try:
            tags.create_tag(current_company_id(), form.name.data, form.colour.data, current_user._get_current_object())
        except TagError as exc:
            error = str(exc)
        else:
            return done(_("Tag added."), url_for("admin.tag_settings"), code=303)
    elif request.method == "POST":
        error = next((e for errors in form.errors.values() for e in errors), None)
    return _tags_page(form, error, 422 if request.method == "POST" else 200)


def _tags_page(form, error, status):
    company_id = current_company_id()
    return render_template("admin/settings/tags.html", form=form, error=error, tags=tags.tags(company_id),
                           usage=tags.usage(company_id), palette=tags.PALETTE, style=tags.colour_class,
                           row_form=EmptyForm()), status


@bp.post("/settings/tags/<int:tag_id>")
@admin_required
def tag_change(tag_id: int):
    """Save (rename and recolour) or delete one tag; the button says which (``action``)."""
    company_id = current_company_id()
    actor = current_user._get_current_object()
    # request.form (no WTForms): which button of the row was pressed; the values are the TagForm below.
    action = request.form.get("action")
    form = _tag_form(prefix="t")
    if not form.validate_on_submit() and action != "delete":
        if not EmptyForm().validate_on_submit():
            abort(400)
        if tag_id not in {t.id for t in tags.tags(company_id)}:
            abort(404)
        error = next((e for errors in form.errors.values() for e in errors), None)
        return _tags_page(_tag_form(formdata=False), error, 422)
    try:
        if action == "save":
            tags.change_tag(company_id, tag_id, form.name.data, form.colour.data, actor)
            message = _("Tag saved.")
        elif action == "delete":
            if not EmptyForm().validate_on_submit():
                abort(400)
            tags.delete_tag(company_id, tag_id, actor)
            message = _("Tag deleted.")
        else:
            abort(400)
    except TagError as exc:
        if exc.code == "bad_tag":
            abort(404)
        return _tags_page(_tag_form(formdata=False), str(exc), 422)
    return done(message, url_for("admin.tag_settings"), code=303)


@plugins.settings_section
def _settings_section() -> list[dict]:
    if not getattr(current_user, "is_company_admin", False):
        return []
    return [{"label": _("Tags"), "url": url_for("admin.tag_settings"),
             "hint": _("The company's tags for applications: names and colours.")}]


# ---------------------------------------------------------------- the card

def _panel_context(application, error: str | None = None, company_has_tags: bool = True) -> dict:
    """``company_has_tags=False``: the card knows the company has none (no statement for the picker)."""
    return {"application": application, "error": error, "tags": card_tags(application),
            "company_tags": tags.tags(application.company_id) if company_has_tags else [],
            "style": tags.colour_class}


plugins.card_action(CardAction(
    key="tag", label=_l("Tag…"), order=40, method="get",
    url=lambda application: url_for("admin.application", application_id=application.id) + f"#tags-{application.id}"))


@plugins.card_panel(reads={"tags.company": tags.any_on_card})
def _card_panel(application, found: dict) -> Markup:
    return render_panel("admin/applications/_tags_panel.html",
                        **_panel_context(application, company_has_tags=found["tags.company"]))


def _answer(application, message: str | None, error: str | None = None):
    """htmx gets the panel again (with the error, a 422), a plain post goes back to the card."""
    return done(error or message, url_for("admin.application", application_id=application.id),
                level="error" if error else "success", status=422 if error else 200,
                fragment="admin/applications/_tags_panel.html",
                context=lambda: _panel_context(application, error), code=303)


@bp.post("/applications/<int:application_id>/tags")
@company_user_required
def application_tag_add(application_id: int):
    application = queries.for_card(application_id) or abort(404)
    form = TagAddForm()
    if not form.validate_on_submit():
        if "csrf_token" in form.errors:
            abort(400)
        return _answer(application, None, next(e for errors in form.errors.values() for e in errors))
    try:
        tag = tags.add_to_application(application, current_user._get_current_object(), tag_id=form.tag_id.data or None,
                                      name=form.name.data)
    except TagError as exc:
        return _answer(application, None, str(exc))
    return _answer(application, _("Tagged “%(tag)s”.", tag=tag.name))


@bp.post("/applications/<int:application_id>/tags/<int:tag_id>/remove")
@company_user_required
def application_tag_remove(application_id: int, tag_id: int):
    application = queries.for_card(application_id) or abort(404)
    if not EmptyForm().validate_on_submit():
        abort(400)
    try:
        tag = tags.remove_from_application(application, tag_id, current_user._get_current_object())
    except TagError:
        abort(404)
    return _answer(application, _("Tag “%(tag)s” removed.", tag=tag.name))
