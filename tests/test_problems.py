"""Services refuse with a code, never with an English sentence (issue 13 item 5, issue 14
item 4): every ``raise`` of a ``Problem`` names a code of its class's ``messages`` table,
every table entry is a lazy gettext string the catalogue extraction finds, has Finnish,
Swedish and Vietnamese, and the message comes out in the reader's language."""

from __future__ import annotations

import ast
import importlib.util
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from flask_babel import force_locale
from flask_babel.speaklater import LazyString

from app.problems import Problem

ROOT = Path(__file__).resolve().parents[1]
CODE = re.compile(r"^[a-z][a-z0-9_]*$")
LANGS = ("fi", "sv", "vi")


def _problem_classes(app) -> dict[str, type[Problem]]:
    """Every subclass of Problem, by class name (the app is built, so every feature is imported)."""
    found, todo = {}, list(Problem.__subclasses__())
    while todo:
        cls = todo.pop()
        assert cls.__name__ not in found or found[cls.__name__] is cls, f"two Problem classes named {cls.__name__}"
        found[cls.__name__] = cls
        todo.extend(cls.__subclasses__())
    return found


def _called_name(call: ast.Call) -> str | None:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None


def _raises(classes: dict[str, type[Problem]]):
    """(place, class, call) for every ``raise X(...)`` of a Problem subclass under app/."""
    for path in sorted((ROOT / "app").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                name = _called_name(node.exc)
                if name in classes:
                    yield f"{path.relative_to(ROOT)}:{node.lineno}", classes[name], node.exc


def _knows(cls, code: str) -> bool:
    """The class's table or a parent's has the code (Problem.message looks them up in that order)."""
    return any(code in c.__dict__.get("messages", {}) for c in cls.__mro__)


def test_every_raise_names_a_code_of_its_class(app):
    classes = _problem_classes(app)
    seen, wrong = 0, []
    for place, cls, call in _raises(classes):
        seen += 1
        first = call.args[0] if call.args else None
        if isinstance(first, ast.JoinedStr):
            wrong.append(f"{place}: {cls.__name__} raised with an f-string")
        elif isinstance(first, ast.Constant):
            if not isinstance(first.value, str) or not CODE.match(first.value):
                wrong.append(f"{place}: {cls.__name__} raised with a sentence, not a code: {first.value!r}")
            elif not _knows(cls, first.value):
                wrong.append(f"{place}: {cls.__name__} has no message for the code {first.value!r}")
        elif isinstance(first, ast.IfExp):  # raise X("a" if ... else "b")
            for branch in (first.body, first.orelse):
                if not (isinstance(branch, ast.Constant) and _knows(cls, branch.value)):
                    wrong.append(f"{place}: {cls.__name__} has no message for {ast.unparse(branch)}")
        # a code in a variable (a table of required fields, a policy's answer) is checked where it is made
    assert seen > 100, "the walk found too few raises: is the class lookup broken?"
    assert not wrong, "\n".join(wrong)


def test_codes_in_variables_come_from_the_tables(app):
    """The raises that pass a code in a variable: the codes they can get are in the table."""
    from app.accounts.services import AccountError, password_problem_code

    for password in ("short", "x" * 200, "password123", "someone@example.test"):
        code = password_problem_code(password, "someone@example.test")
        assert code in AccountError.messages, code
    source = (ROOT / "app/boards/services/postings.py").read_text(encoding="utf-8")
    from app.boards.services import BoardError

    required = re.search(r"required = \[(.*?)\]\n", source, re.DOTALL).group(1)
    for code in re.findall(r'\("\w+", "(\w+)"\)', required):
        assert code in BoardError.messages, code


def test_every_message_is_lazy_and_has_a_literal_msgid(app):
    """Lazy (worded when read, in the reader's language) and written as ``_l("…")`` with a
    literal, so ``make messages`` (pybabel -k _l) extracts it."""
    for cls in _problem_classes(app).values():
        for code, message in cls.messages.items():
            assert CODE.match(code), f"{cls.__name__}: {code!r} is not a code"
            assert isinstance(message, LazyString), f"{cls.__name__}.messages[{code!r}] is not lazy_gettext"
    for path in sorted((ROOT / "app").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(isinstance(stmt, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id == "messages" for t in stmt.targets) for stmt in node.body):
                table = next(stmt.value for stmt in node.body if isinstance(stmt, ast.Assign)
                             and any(isinstance(t, ast.Name) and t.id == "messages" for t in stmt.targets))
                for value in table.values:
                    assert isinstance(value, ast.Call) and _called_name(value) == "_l" and \
                        isinstance(value.args[0], ast.Constant), \
                        f"{path.relative_to(ROOT)}:{value.lineno}: a message is not _l(\"literal\")"


def _translations() -> dict[str, dict[str, str]]:
    """msgid → {lang: text}: the catalogues, and the ``*_strings.py`` files ``make messages``
    applies to them (new strings wait there until the catalogues are regenerated)."""
    out: dict[str, dict[str, str]] = {}
    for lang in LANGS:
        with (ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po").open("rb") as fh:
            for message in read_po(fh, locale=lang):
                if message.id and message.string and not message.fuzzy:
                    out.setdefault(message.id, {})[lang] = message.string
    for path in sorted((ROOT / "translations").glob("*_strings.py")):
        spec = importlib.util.spec_from_file_location(f"_strings_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for msgid, texts in module.T.items():
            for lang, text in zip(LANGS, texts, strict=True):
                out.setdefault(msgid, {}).setdefault(lang, text)
    return out


def test_every_message_is_translated(app):
    translations, missing = _translations(), []
    for cls in _problem_classes(app).values():
        for code, message in cls.messages.items():
            msgid = message._args[0]
            have = translations.get(msgid, {})
            for lang in LANGS:
                if not have.get(lang):
                    missing.append(f"{cls.__name__}.{code} [{lang}]: {msgid}")
                elif sorted(re.findall(r"%\(\w+\)s", have[lang])) != sorted(re.findall(r"%\(\w+\)s", msgid)):
                    missing.append(f"{cls.__name__}.{code} [{lang}]: the placeholders differ")
    assert not missing, "\n".join(missing)


# ---------------------------------------------------------------- worded when read

def test_message_is_worded_when_read(app):
    from app.accounts.lifecycle import UserError
    from app.boards.services import BoardError

    error = UserError("last_admin")  # raised without a request or a locale
    with app.test_request_context():
        assert str(error) == "The company needs at least one active admin. Make someone else an admin first."
        with force_locale("fi"):
            assert str(error).startswith("Organisaatiolla on oltava ainakin yksi aktiivinen pääkäyttäjä")
    refused = BoardError("no_such_job", "board_job_id", id="J-17")
    assert (refused.code, refused.field, refused.message) == ("no_such_job", "board_job_id",
                                                              "Your TopCV account has no job J-17.")


def test_outside_a_request_the_message_is_english(app):
    """A task or the CLI reads a refusal without a request: English, not an error."""
    from app.jobs.services import JobError

    with app.app_context():
        assert str(JobError("no_title")) == "A job needs a title."


@pytest.fixture
def acme(make):
    return make.company("acme", "Acme Oy")


def test_a_refusal_on_an_admin_page_is_in_the_users_language(client, auth, make, acme):
    """Settings → Users in Finnish: inviting an address in use shows the lifecycle's refusal
    in Finnish (the page's language, picked with ?lang= and kept in the session)."""
    make.user(acme, email="taken@acme.fi")
    auth.login("admin@acme.test")
    assert client.get("/admin/settings/users?lang=fi").status_code == 200
    resp = client.post("/admin/settings/users", data={"name": "X", "email": "taken@acme.fi", "role": "recruiter"})
    body = resp.get_data(as_text=True)
    assert resp.status_code == 422
    assert "Tällä sähköpostiosoitteella on jo käyttäjä." in body
    assert "A user with this email address already exists." not in body


def test_a_refusal_flashed_by_a_view_is_in_the_users_language(client, auth, acme):
    """The last admin cannot be made a recruiter: the flash is in Finnish."""
    from sqlalchemy import select

    from app.accounts.models import User
    from app.extensions import db

    admin = db.session.scalar(select(User).where(User.email == "admin@acme.test"))
    auth.login("admin@acme.test")
    client.get("/admin/settings/users?lang=fi")
    resp = client.post(f"/admin/settings/users/{admin.id}/role", data={"role": "recruiter"})
    assert resp.status_code == 422
    assert "Organisaatiolla on oltava ainakin yksi aktiivinen pääkäyttäjä" in resp.get_data(as_text=True)


def test_a_refusal_on_the_timeline_keeps_its_code(app):
    """An automatic assessment that could not be sent is noted on the timeline with the
    English text (as older events have it) and the code and parameters to word it again."""
    from app.assessments.services import AssessmentError
    from app.assessments.services.common import problem_data, problem_text

    with app.test_request_context(headers={"Accept-Language": "fi"}):
        data = problem_data(AssessmentError("switched_off", product="Alva Coding"))
        assert data == {"reason": "Alva Coding is switched off for your company.", "code": "switched_off",
                        "params": {"product": "Alva Coding"}}
        assert problem_text(AssessmentError, data) == AssessmentError("switched_off", product="Alva Coding").message
        assert problem_text(AssessmentError, {"reason": "An older event's text."}) == "An older event's text."


AUDIENCES = ("app/admin", "app/staff", "app/portal", "app/partner_api")


def test_views_show_only_errors_that_carry_a_translated_message(app):
    """Where a view shows an exception's text (``str(exc)`` or ``exc.message``), it caught a
    Problem: an exception's own text is English (or worse, internal)."""
    classes, wrong, seen = _problem_classes(app), [], 0
    for audience in AUDIENCES:
        for path in sorted((ROOT / audience).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.ExceptHandler) or not node.name:
                    continue
                shown = any(
                    (isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "str"
                     and n.args and isinstance(n.args[0], ast.Name) and n.args[0].id == node.name)
                    or (isinstance(n, ast.Attribute) and n.attr == "message" and isinstance(n.value, ast.Name)
                        and n.value.id == node.name)
                    for stmt in node.body for n in ast.walk(stmt))
                caught = node.type.elts if isinstance(node.type, ast.Tuple) else [node.type]
                names = [c.id if isinstance(c, ast.Name) else c.attr if isinstance(c, ast.Attribute) else "?"
                         for c in caught]
                seen += shown
                if shown and not all(name in classes for name in names):
                    wrong.append(f"{path.relative_to(ROOT)}:{node.lineno}: shows the text of {', '.join(names)}")
    assert seen > 20, "the walk found too few views showing an error: is the matching broken?"
    assert not wrong, "\n".join(wrong)
