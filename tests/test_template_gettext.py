"""Templates translate with the render's translations (app/templating.py, issue 15 item 2):
``_``/``gettext``/``ngettext``/``pgettext``/``npgettext`` in a template take the translations
looked up once per render instead of asking Flask-Babel for the request's context, domain and
locale on every call. What must not change: every language translates, the language chosen by
``?lang=`` follows the session, ``force_locale`` around a render wins, a template rendered
without Flask's context (or a macro imported without context) still translates, newstyle
formatting and autoescaping are Jinja's, and lazy strings still translate."""

from __future__ import annotations

import pytest
from babel.support import Translations
from flask import render_template_string
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from app.config import ROOT
from tests.support.builders import PASSWORD

LANGUAGES = ["en", "fi", "sv", "vi"]


def catalogue(lang: str) -> Translations:
    return Translations.load(str(ROOT / "translations"), [lang])


def test_each_language_and_the_switch_translate_a_page(client, make):
    make.company("acme")
    client.post("/admin/login", data={"email": "admin@acme.test", "password": PASSWORD})
    for lang in ["fi", "sv", "vi", "en", "fi"]:
        body = client.get(f"/admin/notifications?lang={lang}").get_data(as_text=True)
        expected = catalogue(lang).ugettext("No notifications.")
        assert expected in body, (lang, expected)
        if lang != "en":
            assert "No notifications." not in body, lang
        # The choice sticks for the session: the next page without ?lang= is in it too.
        again = client.get("/admin/notifications").get_data(as_text=True)
        assert expected in again and f'<html lang="{lang}">' in again, lang


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_template_callables_in_each_language(app, lang):
    texts = catalogue(lang)
    source = (
        '{{ _("Jobs") }}|{{ gettext("Jobs") }}|{{ ngettext("%(num)d application", "%(num)d applications", 3) }}|'
        '{{ pgettext("date range", "From") }}|{{ label }}'
    )
    with app.test_request_context(f"/?lang={lang}"):
        rendered = render_template_string(source, label=_l("Jobs"))
    jobs = texts.ugettext("Jobs")
    assert rendered.split("|") == [
        jobs,
        jobs,
        texts.ungettext("%(num)d application", "%(num)d applications", 3) % {"num": 3},
        texts.upgettext("date range", "From"),
        jobs,
    ]
    if lang == "fi":
        assert rendered.split("|")[0] == "Tehtävät" and rendered.split("|")[2] == "3 hakemusta"


def test_newstyle_formatting_and_autoescape_are_jinjas(app):
    source = (
        '{{ _("Hi %(name)s", name=who) }}|{{ ngettext("%(num)d item", "%(num)d items", n) }}|'
        '{{ pgettext("ctx", "%(context)s: %(x)s", x=who) }}|'
        '{{ npgettext("ctx", "%(num)d %(context)s", "%(num)d %(context)ss", n) }}|{{ _("100%%") }}'
    )
    with app.test_request_context("/"):
        escaped = render_template_string(source, who="<b>x</b>", n=2)
        plain = app.jinja_env.from_string("{% autoescape false %}" + source + "{% endautoescape %}").render(
            who="<b>x</b>", n=2
        )
    assert escaped == "Hi &lt;b&gt;x&lt;/b&gt;|2 items|ctx: &lt;b&gt;x&lt;/b&gt;|2 ctxs|100%"
    assert plain == "Hi <b>x</b>|2 items|ctx: <b>x</b>|2 ctxs|100%"


def test_variables_of_any_name(app):
    """A variable may be called like the callables' own parameters (Jinja's wrappers allow it)."""
    source = (
        '{{ _("%(string)s %(context)s", string="a", context="b") }}|'
        '{{ ngettext("%(num)d x", "%(num)d xs", 1, num=5, singular="s") }}|'
        '{{ pgettext("c", "%(context)s %(string)s", string="d") }}'
    )
    with app.test_request_context("/"):
        assert render_template_string(source) == "a b|5 x|c d"


def test_force_locale_around_a_render_and_back(app):
    with app.test_request_context("/?lang=sv"):
        with force_locale("fi"):
            forced = render_template_string('{{ _("Jobs") }}')
        after = render_template_string('{{ _("Jobs") }}')
    assert forced == catalogue("fi").ugettext("Jobs")
    assert after == catalogue("sv").ugettext("Jobs")


def test_without_flasks_context_and_in_a_macro_imported_without_it(app):
    """No render context (a template rendered by Jinja alone) and a macro module imported
    without context (its names are the environment's globals): Flask-Babel is asked per call."""
    with app.test_request_context("/?lang=vi"):
        alone = app.jinja_env.from_string('{{ _("Jobs") }}').render()
        macro = app.jinja_env.from_string('{% from "_macros/form.html" import summary %}{{ summary(form) }}').render(
            form=_Form()
        )
        in_page = render_template_string(
            '{% from "_macros/form.html" import summary %}{{ summary(form) }}', form=_Form()
        )
    vi = catalogue("vi")
    assert alone == vi.ugettext("Jobs")
    assert vi.ugettext("Please correct the fields marked below.") in macro
    assert vi.ugettext("Please correct the fields marked below.") in in_page


class _Form:
    """What ``summary`` reads of a form: its errors by field."""

    errors = {"title": ["Required."]}


def test_a_lazy_string_printed_in_a_template_is_escaped(app):
    """Flask-Babel's lazy string says it is already HTML (``__html__`` returns its text as it
    is), so Jinja printed it raw: a lazy message carrying a person's name or a partner's words
    (``_l("%(name)s replied by email", name=…)``) would have gone into a page unescaped."""
    from markupsafe import Markup, escape

    from app.partners.texts import lazy

    name = '<img src=x onerror="alert(1)">'
    with app.test_request_context():
        for value in (_l("%(name)s replied by email", name=name), lazy(name)):
            page = render_template_string("<p>{{ value }}</p>", value=value)
            assert "<img" not in page and "&lt;img src=x" in page
            assert "<img" not in Markup(value) and escape(value) == Markup(value)
        # a lazy string with nothing to escape reads as before
        assert render_template_string("{{ v }}", v=_l("No notifications.")) == "No notifications."
