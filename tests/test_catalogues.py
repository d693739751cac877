"""The message catalogues stay complete (issue 14 §4): every message of the sources is in
translations/messages.pot, every catalogue has every message of the .pot, and Finnish, Swedish
and Vietnamese translate each one — not fuzzy, with the msgid's placeholders and nothing that
breaks the ``%`` formatting gettext does on it. `make messages` refreshes the catalogues."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "translations"
LANGS = ("fi", "sv", "vi")
# The extract step of `make messages`, as the Makefile runs it.
EXTRACT = ["extract", "-F", "babel.cfg", "-k", "_l", "-k", "lazy_gettext",
           "--ignore-dirs=.venv tests bench sandboxes devtools translations"]
# A %-format conversion: %%, or %(name)s / %s with optional flags, width and precision.
SPEC = re.compile(r"%(?:%|(?:\((?P<name>[^)]*)\))?[#0 +-]*(?:\*|\d+)?(?:\.(?:\*|\d+))?(?P<conv>[diouxXeEfFgGcrsa])"
                  r"|(?P<stray>))")


def _read(path: Path, locale: str | None = None):
    with path.open("rb") as fh:
        return read_po(fh, locale=locale)


def _keys(catalog) -> set:
    return {(m.context, m.id) for m in catalog if m.id}


def _describe(key) -> str:
    context, msgid = key
    text = msgid if isinstance(msgid, str) else " | ".join(msgid)
    return f"{context}: {text}" if context else text


def placeholders(text: str) -> tuple[Counter, int]:
    """The named and positional conversions of a %-format string, and how many lone % it has."""
    found: Counter = Counter()
    stray = 0
    for match in SPEC.finditer(text):
        if match.group(0) == "%%":
            continue
        if match.group("stray") is not None:
            stray += 1
        else:
            found[(match.group("name"), match.group("conv").replace("i", "d"))] += 1
    return found, stray


def placeholder_problem(msgid, string) -> str | None:
    """Why this translation does not format like its msgid, or None when it does."""
    singular, plural = (msgid, msgid) if isinstance(msgid, str) else msgid
    forms = (string,) if isinstance(string, str) else tuple(string)
    wanted, wanted_stray = placeholders(plural)
    for index, form in enumerate(forms):
        found, stray = placeholders(form)
        if stray > wanted_stray:
            return f"a lone % in {form!r} (write %% for a percent sign)"
        if index == len(forms) - 1:
            if found.keys() != wanted.keys():
                return f"{form!r} has {sorted(found)} where the msgid has {sorted(wanted)}"
        elif not set(found) <= set(wanted) | set(placeholders(singular)[0]):
            # A singular form may leave %(num)d out ("one application"), but add nothing new.
            return f"{form!r} has {sorted(found)}, not all of them in the msgid"
    return None


@pytest.fixture(scope="module")
def template():
    return _read(TRANSLATIONS / "messages.pot")


def test_the_template_is_up_to_date_with_the_sources(tmp_path, template):
    out = tmp_path / "messages.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", *EXTRACT, "-o", str(out), "."],
                   cwd=ROOT, check=True, capture_output=True)
    extracted, stored = _keys(_read(out)), _keys(template)
    new, gone = sorted(extracted - stored, key=str), sorted(stored - extracted, key=str)
    assert (new, gone) == ([], []), (
        "translations/messages.pot is out of date with the sources: run `make messages` "
        f"(new: {[_describe(k) for k in new][:20]}, gone: {[_describe(k) for k in gone][:20]})")


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_is_translated(lang, template):
    catalog = _read(TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po", locale=lang)
    missing_from_po = sorted(_keys(template) - _keys(catalog), key=str)
    assert missing_from_po == [], f"{lang}: not in the catalogue yet, run `make messages`: " + repr(
        [_describe(k) for k in missing_from_po][:20])
    untranslated, fuzzy, wrong_forms, bad_format = [], [], [], []
    for message in catalog:
        if not message.id:
            continue
        forms = (message.string,) if isinstance(message.string, str) else tuple(message.string or ())
        label = _describe((message.context, message.id))
        if not forms or not all(forms):
            untranslated.append(label)
            continue
        if message.fuzzy:
            fuzzy.append(label)
        if message.pluralizable and len(forms) != catalog.num_plurals:
            wrong_forms.append(f"{label}: {len(forms)} forms, {lang} has {catalog.num_plurals}")
        problem = placeholder_problem(message.id, message.string)
        if problem:
            bad_format.append(f"{label}: {problem}")
    assert untranslated == [], f"{lang}: {len(untranslated)} untranslated, e.g. {untranslated[:20]}"
    assert fuzzy == [], f"{lang}: {len(fuzzy)} fuzzy (give a real translation), e.g. {fuzzy[:20]}"
    assert wrong_forms == []
    assert bad_format == []


MARKUP = re.compile(r"<[A-Za-z/!]")


@pytest.mark.parametrize("lang", LANGS)
def test_no_markup_in_messages(lang):
    """A template's gettext returns markup-safe text, so a "<" in a message would be read as a tag
    (the careers-page hint once lost its "<slug>"): markup and examples with <…> go in a placeholder."""
    catalog = _read(TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po", locale=lang)
    found = []
    for message in catalog:
        if not message.id:
            continue
        texts = [message.id] if isinstance(message.id, str) else list(message.id)
        texts += [message.string] if isinstance(message.string, str) else list(message.string or ())
        found += [text for text in texts if MARKUP.search(text)]
    assert found == []


@pytest.mark.parametrize(("msgid", "string", "ok"), [
    ("Moved to %(stage)s", "Siirretty vaiheeseen %(stage)s", True),
    ("Moved to %(stage)s", "Siirretty vaiheeseen %(vaihe)s", False),
    ("Moved to %(stage)s", "Siirretty", False),
    ("Score %(pct)s%%", "Tulos %(pct)s %%", True),
    ("Score %(pct)s%%", "Tulos %(pct)s %", False),
    ("Saved", "100 % valmis", False),
    (("%(num)d day", "%(num)d days"), ("yksi päivä", "%(num)d päivää"), True),
    (("%(num)d day", "%(num)d days"), ("%(num)d päivä", "päivää"), False),
    (("%(num)d day", "%(num)d days"), ("%(num)d ngày %(x)s",), False),
])
def test_the_placeholder_check(msgid, string, ok):
    assert (placeholder_problem(msgid, string) is None) is ok
