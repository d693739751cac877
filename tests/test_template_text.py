"""No bare text in the templates (issue 14 §4): every word a user reads on an admin, staff or
portal page goes through ``{{ _("…") }}`` or ``{% trans %}``, so the catalogues can translate it.

Each template is lexed with Jinja; its expressions become a neutral mark, its ``{% trans %}``
blocks count as translated, and the HTML that is left is parsed for text nodes and the
attributes a user reads (placeholder, title, aria-label, alt, button values). Whitespace,
punctuation, entities, numbers, product names, unit symbols and code (``<code>``, ``<pre>``,
``<script>``, ``<style>``, anything inside ``translate="no"``) are not text to translate."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from jinja2 import Environment

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "templates"
SCANNED = ("admin", "staff", "portal", "_partials", "_macros", "layout.html", "error.html")
MARK = "\ue000"  # where an expression was: not text of the template
CODE_TAGS = {"script", "style", "code", "pre", "kbd", "samp", "svg", "math"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
READ_ATTRIBUTES = {"placeholder", "title", "aria-label", "alt", "aria-description", "aria-placeholder"}
# Names and symbols that are the same in every language.
VERBATIM = {"Haku", "TopCV", "EMREX", "Alva", "Labs", "CSV", "PDF", "XML", "API", "URL", "HTTP", "ID", "GPA",
            "ECTS", "UTC", "CV", "ms"}
WORD = re.compile(r"[^\W\d_]+")

_env = Environment(extensions=["jinja2.ext.i18n"])


def flatten(source: str) -> str:
    """The template's literal text, with expressions and translated blocks as MARK (lines kept)."""
    tokens = list(_env.lex(source))
    out: list[str] = []
    in_trans = False
    index = 0
    while index < len(tokens):
        line, kind, value = tokens[index]
        if kind == "data":
            out.append(MARK + "\n" * value.count("\n") if in_trans else value)
        elif kind in ("variable_begin", "block_begin", "comment_begin"):
            end = {"variable_begin": "variable_end", "block_begin": "block_end",
                   "comment_begin": "comment_end"}[kind]
            first = next((t for t in tokens[index + 1:] if t[1] != "whitespace"), (0, "", ""))
            name = first[2] if first[1] == "name" else ""
            while tokens[index][1] != end:
                index += 1
            if kind == "variable_begin":
                out.append(MARK)
            elif kind == "block_begin" and name in ("trans", "pluralize"):
                in_trans = True
                out.append(MARK)
            elif kind == "block_begin" and name == "endtrans":
                in_trans = False
            out.append("\n" * (tokens[index][0] - line))
        index += 1
    return "".join(out)


def words(text: str) -> list[str]:
    return [w for w in WORD.findall(text.replace(MARK, " ")) if w not in VERBATIM]


class _TextFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, text inside it is not for translation)
        self.found: list[tuple[int, str, str]] = []

    @property
    def quiet(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        quiet = self.quiet or tag in CODE_TAGS or values.get("translate") == "no"
        if not quiet:
            for name, value in attrs:
                readable = name in READ_ATTRIBUTES or (
                    name == "value" and tag == "input" and values.get("type") in ("submit", "button", "reset"))
                if readable and value and words(value):
                    self.found.append((self.getpos()[0], f"<{tag} {name}>", value))
        if tag not in VOID_TAGS:
            self.stack.append((tag, quiet))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self.stack.pop()

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, -1, -1):  # tolerate unclosed tags, as browsers do
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                break

    def handle_data(self, data):
        if not self.quiet and words(data):
            self.found.append((self.getpos()[0], "text", " ".join(data.split())))


def bare_text(source: str) -> list[tuple[int, str, str]]:
    """(line, where, text) for each piece of text the template shows without translating it."""
    finder = _TextFinder()
    finder.feed(flatten(source))
    finder.close()
    return finder.found


def _scanned_templates() -> list[Path]:
    paths = []
    for entry in SCANNED:
        path = TEMPLATES / entry
        paths.extend(sorted(path.rglob("*.html")) if path.is_dir() else [path])
    return paths


def test_templates_have_no_bare_text():
    offenders = [f"{path.relative_to(ROOT)}:{line}: {where}: {text.replace(MARK, '{{…}}')!r}"
                 for path in _scanned_templates() for line, where, text in bare_text(path.read_text())]
    assert offenders == [], "wrap these in {{ _(\"…\") }} and translate them:\n" + "\n".join(offenders)


@pytest.mark.parametrize(("source", "found"), [
    ('<p>{{ _("Hello") }}, {{ name }}!</p>', []),
    ("<p>Hello {{ name }}</p>", [(1, "text", "Hello \ue000")]),
    ("{% if x %}\n<b>Saved</b>{% endif %}", [(2, "text", "Saved")]),
    ("{% trans %}Hello {{ name }}{% endtrans %} &nbsp;·&nbsp; 42 — ↑", []),
    ('<input placeholder="Search" value="x">', [(1, "<input placeholder>", "Search")]),
    ('<input placeholder="{{ _(\'Search\') }}" type="submit" value="Go">', [(1, "<input value>", "Go")]),
    ('<code>SELECT 1</code><pre>x y</pre><span translate="no">TCV-1</span><img src="a.png" alt="">', []),
    ("{# a comment with words #}<td>{{ n }} ms · CSV · PDF</td>", []),
    ("<script>let words = 1;</script><br><p>Done</p>", [(1, "text", "Done")]),
    ("<p>{{ a }}</p>\n{{ b\n }}\n<p>Late</p>", [(4, "text", "Late")]),
])
def test_the_bare_text_check(source, found):
    assert bare_text(source) == found
