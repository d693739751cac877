"""No bare text (issue 14 §4): every word a user reads on an admin, staff or portal page goes
through ``{{ _("…") }}`` / ``{% trans %}`` in the templates and ``_()`` / ``_l()`` in Python, so
the catalogues can translate it.

Templates: each template is lexed with Jinja; its expressions become a neutral mark, its ``{% trans %}``
blocks count as translated, and the HTML that is left is parsed for text nodes and the
attributes a user reads (placeholder, title, aria-label, alt, button values). Whitespace,
punctuation, entities, numbers, product names, unit symbols and code (``<code>``, ``<pre>``,
``<script>``, ``<style>``, anything inside ``translate="no"``) are not text to translate.

Python: the places a string reaches a user — flash(), form field labels, choices and validator
messages, ValidationError, abort() descriptions, Problem(), and the message/label/hint of the
dicts views hand to templates and toasts — must not be a plain literal. The partner API (answers
for machines, in English), the partner clients and the demo data are not user interface."""

from __future__ import annotations

import ast
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


# ---------------------------------------------------------------- Python

PYTHON_SKIPPED = ("app/partner_api/", "app/integrations/", "app/demo.py")
MESSAGE_CALLS = {"flash", "ValidationError", "StopValidation", "Problem", "DataRequired", "InputRequired",
                 "Length", "Email", "NumberRange", "Regexp", "EqualTo", "URL", "AnyOf", "NoneOf", "Optional"}
MESSAGE_KEYWORDS = {"message", "description", "label"}
MESSAGE_KEYS = {"message", "label", "hint", "alert_title", "toast"}
LABEL_TABLES = ("_LABELS", "_KINDS")  # module constants mapping codes to what the user reads
# A language is named in its own language in a language picker.
ENDONYMS = {"English", "Suomi", "Svenska", "Tiếng Việt"}


def _is_text(node) -> bool:
    """A str literal or f-string with a word in it (a code such as "EUR" or a product name is not)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        if node.value in ENDONYMS:
            return False
        return any(any(c.islower() for c in w) for w in words(node.value))
    if isinstance(node, ast.JoinedStr):
        return any(_is_text(part) for part in node.values)
    if isinstance(node, ast.BinOp):
        return _is_text(node.left) or _is_text(node.right)
    return False


def untranslated_literals(source: str) -> list[tuple[int, str]]:
    """(line, what) for each plain string literal that reaches the user from this module."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            first = node.args[:1]
            if name in MESSAGE_CALLS or name.endswith("Field"):
                candidates = first + [k.value for k in node.keywords if k.arg in MESSAGE_KEYWORDS]
            elif name == "abort":
                candidates = node.args[1:2] + [k.value for k in node.keywords if k.arg == "description"]
            else:
                candidates = []
            for keyword in node.keywords:
                if keyword.arg == "choices" and isinstance(keyword.value, (ast.List, ast.Tuple)):
                    candidates += [item.elts[1] for item in keyword.value.elts
                                   if isinstance(item, ast.Tuple) and len(item.elts) == 2]
            found += [(node.lineno, f"{name}({ast.unparse(c)[:80]})") for c in candidates if _is_text(c)]
        elif isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values):
                if isinstance(key, ast.Constant) and key.value in MESSAGE_KEYS and _is_text(value):
                    found.append((node.lineno, f"{{{key.value!r}: {ast.unparse(value)[:80]}}}"))
        elif (isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict)
              and any(isinstance(t, ast.Name) and t.id.endswith(LABEL_TABLES) for t in node.targets)):
            # A table of labels for codes (STATUS_LABELS = {"error": _l("Error"), …}) shows its values.
            found += [(value.lineno, f"{ast.unparse(node.targets[0])}[{ast.unparse(key)}]: {ast.unparse(value)[:80]}")
                      for key, value in zip(node.value.keys, node.value.values) if _is_text(value)]
    return found


def test_python_shows_no_untranslated_literal():
    offenders = []
    for path in sorted((ROOT / "app").rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith(PYTHON_SKIPPED):
            continue
        offenders += [f"{relative}:{line}: {what}" for line, what in untranslated_literals(path.read_text())]
    assert offenders == [], "wrap these in _() / _l() and translate them:\n" + "\n".join(offenders)


@pytest.mark.parametrize(("source", "count"), [
    ('flash(_("Saved."), "success")', 0),
    ('flash("Saved.", "success")', 1),
    ('flash(f"Saved {name}.")', 1),
    ('flash(problem.message)', 0),
    ('name = StringField(_l("Name"), validators=[Length(max=9, message=_l("Too long"))])', 0),
    ('name = StringField("Name", validators=[DataRequired("Fill it in")])', 2),
    ('c = SelectField(_l("Currency"), choices=[("EUR", "EUR"), ("x", "Other")])', 1),
    ('raise ValidationError("Pick one.")', 1),
    ('abort(404, description="Not here")', 1),
    ('return {"label": _("Tasks"), "url": "/staff/tasks", "hint": "Connect TopCV"}', 1),
    ('links = {"label": "EMREX", "title": "Lập trình viên"}', 0),
    ('STATUS_LABELS = {"error": "Error", "ok": _l("Configured")}', 1),
    ('PASS_LABELS = {"g", "passed"}', 0),
    ('NOTIFICATION_KINDS = {"new": "New application", "moved": _l("Application moved")}', 1),
    ('locale = SelectField(_l("Language"), choices=[("en", "English"), ("fi", "Suomi")])', 0),
])
def test_the_python_check(source, count):
    assert len(untranslated_literals(source)) == count
