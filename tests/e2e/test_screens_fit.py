"""Every main recruiter and staff screen in English, Finnish, Swedish and Vietnamese, at 1366 px
and on a phone (390 px): the page never scrolls sideways, no visible text is cut off by a box
that hides its overflow or sticks out of its box over the next one, and <html lang> is the
signed-in user's language (hyphenation and screen readers follow it). Finnish and Vietnamese
strings are the long ones; a candidate with a very long name, a long email address and a long
job title stand in for real data. One sign-in per language and account (a recruiting company,
a company with no jobs for the empty states, platform staff); each page is opened once and
checked at both widths by resizing the window.

With ``HAKU_SHOTS_DIR`` set, each screen is also saved there as
``<lang>-<screen>-<width>.png`` (the screenshots looked at for issue 14)."""

from __future__ import annotations

import os
from pathlib import Path

from app.extensions import db
from tests.support.browser import SHOTS, login
from tests.support.builders import PASSWORD

LANGUAGES = ("en", "fi", "sv", "vi")
WIDTHS = ((1366, 900), (390, 844))
LONG_NAME = ("Maximiliana", "Wolfeschlegelsteinhausenbergerdorff-Nguyễn Thị Phương Thảo")
LONG_TITLE = "Ohjelmistokehitysinsinööri, pilvipalveluinfrastruktuuri ja tietoturvallisuusarkkitehtuuri"

#: Finds what does not fit: the elements pushing the page wider than the window (innermost
#: first), visible text cut off by a box whose overflow is hidden or clipped, and text that
#: sticks out of its box over its neighbours (innermost box only).
OVERFLOWS = """() => {
  const width = window.innerWidth, found = [];
  const name = el => {
    let s = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '');
    if (typeof el.className === 'string' && el.className.trim()) s += '.' + el.className.trim().split(/\\s+/).join('.');
    const text = (el.innerText || el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 60);
    return text ? `${s} "${text}"` : s;
  };
  const visible = el => getComputedStyle(el).visibility !== 'hidden' && el.getClientRects().length > 0;
  const shown = el => { const r = el.getBoundingClientRect(); return r.width > 1 && r.height > 1 && visible(el); };
  const scrolls = el => { for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
    if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return true; } return false; };
  const tucked = el => { for (let p = el; p && p !== document.body; p = p.parentElement) {  // visually hidden
    const r = p.getBoundingClientRect(), o = getComputedStyle(p).overflow;
    if ((r.width <= 1 || r.height <= 1) && /hidden|clip/.test(o)) return true; } return false; };
  const innermost = els => els.filter(el => !els.some(other => other !== el && el.contains(other)));
  const skip = 'input, textarea, select, option, img, svg, svg *, video, canvas, iframe, .visually-hidden, .visually-hidden *';
  if (document.documentElement.scrollWidth > width) {
    const wide = [...document.body.querySelectorAll('*')].filter(el => visible(el) && !scrolls(el)
      && el.getBoundingClientRect().right > width + 1);
    found.push(`the page scrolls sideways (${document.documentElement.scrollWidth} px > ${width} px): `
      + innermost(wide).slice(0, 5).map(el => `${name(el)} ends at ${Math.round(el.getBoundingClientRect().right)} px`).join('; '));
  }
  const cut = [], sticking = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (el.matches(skip) || !shown(el) || !(el.innerText || '').trim() || el.clientWidth === 0 || tucked(el)) continue;
    const overflow = getComputedStyle(el).overflowX;
    if (el.scrollWidth <= el.clientWidth + 1 || ['auto', 'scroll'].includes(overflow)) continue;
    const style = getComputedStyle(el);  // truncated on purpose: "…" (or a line clamp) with the whole value as its title
    const titled = el.title || (el.children.length === 1 && el.children[0].title);  // e.g. a cell and its link
    if (titled && (style.textOverflow === 'ellipsis' || (style.webkitLineClamp || 'none') !== 'none')) continue;
    (overflow === 'visible' ? sticking : cut).push(el);
  }
  for (const el of cut) found.push(`${name(el)} is cut off (${el.scrollWidth} px of content in ${el.clientWidth} px)`);
  for (const el of innermost(sticking)) found.push(`${name(el)}: text sticks out of its box (${el.scrollWidth} px in ${el.clientWidth} px)`);
  return found;
}"""


def _world(make):
    """Sao Mai: jobs with applications in several stages (one candidate with a very long name)
    and a note; Tyhjä: no jobs at all; per language an admin of each and a staff user who
    read in it. Returns (account, [(screen, path)]) to check."""
    from app.applications import services as applications
    from app.messaging.services import ensure_default_templates

    ensure_default_templates()
    company = make.company("saomai", "Công ty Cổ phần Công nghệ Sao Mai")
    empty = make.company("tyhja", "Tyhjä Oy")
    job = make.job(company, "Backend developer")
    make.job(company, LONG_TITLE)
    long_one = make.application(job, email="maximiliana.wolfeschlegelsteinhausenbergerdorff@example.com",
                                given=LONG_NAME[0], family=LONG_NAME[1])
    people = [("Aino", "Virtanen"), ("Nguyễn Văn", "An"), ("Oskar", "Lindqvist"), ("Eero", "Nieminen"),
              ("Trần Thị", "Bích Ngọc")]
    others = [make.application(job, given=given, family=family) for given, family in people]
    admin = make.admin_of(company)
    for application, stage in zip([long_one, *others], [1, 1, 2, 2, 3, 0], strict=True):
        if stage:
            applications.move_to_stage(application, job.stages[stage].id, admin)
    applications.add_note(long_one, "Strong backend experience; asks about remote work. "
                                    "https://example.com/portfolio/maximiliana-wolfeschlegelsteinhausenbergerdorff", admin)
    for lang in LANGUAGES:
        for where in (company, empty):
            user = make.user(where, role="admin", email=f"{lang}@{where.slug}.test")
            user.locale = lang
        make.staff(f"staff-{lang}@haku.test").locale = lang
    db.session.commit()
    screens = [("dashboard", "/admin/"), ("jobs", "/admin/jobs"), ("board", f"/admin/jobs/{job.id}"),
               ("applications", "/admin/applications"), ("card", f"/admin/applications/{long_one.id}"),
               ("settings", "/admin/settings"), ("account", "/admin/account"),
               ("email-templates", "/admin/settings/email-templates"),
               ("pipeline", f"/admin/pipeline/job/{job.id}"), ("job-form", f"/admin/jobs/{job.id}/edit"),
               ("job-templates", "/admin/templates"), ("users", "/admin/settings/users"),
               ("company-language", "/admin/settings/language"), ("notifications", "/admin/notifications")]
    empty_screens = [("empty-dashboard", "/admin/"), ("empty-jobs", "/admin/jobs"),
                     ("empty-applications", "/admin/applications"), ("empty-pending", "/admin/pending")]
    staff_screens = [("staff-companies", "/staff/"), ("staff-email-templates", "/staff/email-templates")]
    return [("saomai", screens), ("tyhja", empty_screens), ("staff", staff_screens)]


def test_admin_screens_fit_in_every_language(live, make, browser):
    accounts = _world(make)
    shots = Path(os.environ["HAKU_SHOTS_DIR"]) if os.environ.get("HAKU_SHOTS_DIR") else None
    if shots:
        shots.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    for lang in LANGUAGES:
        for account, screens in accounts:
            context = browser.new_context(viewport={"width": WIDTHS[0][0], "height": WIDTHS[0][1]})
            page = context.new_page()
            try:
                email = f"staff-{lang}@haku.test" if account == "staff" else f"{lang}@{account}.test"
                login(page, live, email, PASSWORD)
                for screen, path in screens:
                    page.set_viewport_size({"width": WIDTHS[0][0], "height": WIDTHS[0][1]})
                    response = page.goto(f"{live}{path}")
                    assert response.ok and "/login" not in page.url, f"{screen} ({lang}): {response.status} {page.url}"
                    html_lang = page.get_attribute("html", "lang")
                    if html_lang != lang:
                        problems.append(f"{screen} [{lang}]: <html lang={html_lang!r}>, the user reads {lang!r}")
                    for width, height in WIDTHS:
                        page.set_viewport_size({"width": width, "height": height})
                        problems += [f"{screen} [{lang}, {width} px]: {p}" for p in page.evaluate(OVERFLOWS)]
                        if shots:
                            page.screenshot(path=str(shots / f"{lang}-{screen}-{width}.png"), full_page=True)
            finally:
                context.close()
    assert not problems, "screens that do not fit:\n" + "\n".join(problems)


# 200 characters each: a name (words and one unbroken run), an address (a 64-character local
# part, the longest allowed), a job title and a CV's file name (issue 16, item 7).
LONG_GIVEN = ("Maximiliana Alexandra Josephine Konstantina Bernadette Friederike Anneliese Ottilie "
              "Philippa Eleonore")[:100]
LONG_FAMILY = ("Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaftschaferswessenschafewaren"
               "wohlgepflegeundsorgfaltigkeitbeschutzen")[:99]
LONG_EMAIL = "maximiliana.alexandra.josephine.wolfeschlegelsteinhausenbergerdo@" \
    "recruitment-department-of-the-long-company-name-incorporated.helsinki-espoo-vantaa-kauniainen-metropolitan-area-branch-offi.example.com"
LONG_JOB = ("Ohjelmistokehitysinsinööri, pilvipalveluinfrastruktuuri ja tietoturvallisuusarkkitehtuuri "
            "sekä jatkuvan integraation ja toimituksen automaatio, Helsinki–Espoo–Tampere–Turku–Oulu, "
            "hybridityö, etätyö mahdollinen")[:200]
LONG_FILE = ("Curriculum_vitae_" + LONG_FAMILY + "_" + LONG_GIVEN.replace(" ", "_"))[:196] + ".pdf"
NO_SIDEWAYS = "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"


def test_200_character_values_truncate_with_the_whole_value_in_the_title(live, make, browser):
    """List, board, card, candidate page and people search with a 200-character name, email,
    job title and file name, at 1280 px and 390 px, in English and Finnish: the page never
    scrolls sideways, nothing sticks out or is cut without its title, and the whole value is
    in the title of what shows it."""
    from app.people.queries import search  # noqa: F401  (the people search page is checked below)

    assert len(LONG_GIVEN) + 1 + len(LONG_FAMILY) == 200 and len(LONG_JOB) == 200 and len(LONG_FILE) == 200
    assert len(LONG_EMAIL) == 200
    company = make.company("acme", "Acme Oy")
    make.user(company, role="admin", email="fi@acme.test").locale = "fi"
    job = make.job(company, LONG_JOB)
    application = make.application(job, email=LONG_EMAIL, given=LONG_GIVEN, family=LONG_FAMILY)
    application.cv_file.filename = LONG_FILE
    make.application(job, email="aino@example.fi", given="Aino", family="Virtanen")
    db.session.commit()
    name = f"{LONG_GIVEN} {LONG_FAMILY}"
    shots = Path(os.environ.get("HAKU_SHOTS_DIR") or SHOTS)
    shots.mkdir(parents=True, exist_ok=True)
    screens = {
        "list": (f"/admin/applications?job={job.id}", [f'#application-row-{application.id} a[title="{name}"]',
                                                      f'#application-row-{application.id} [title="{LONG_EMAIL}"]',
                                                      f'#application-row-{application.id} [title="{LONG_JOB}"]']),
        "board": (f"/admin/jobs/{job.id}", [f'#chip-{application.id} .chip-name[title="{name}"]',
                                            f'h1[title^="{LONG_JOB}"]']),
        "card": (f"/admin/applications/{application.id}", [f'h1[title="{name}"]', f'a[title="{LONG_EMAIL}"]',
                                                            f'a[title="{LONG_FILE}"]', f'.crumbs a[title="{LONG_JOB}"]',
                                                            f'.card-sub [title="{LONG_JOB}"]']),
        "person": (f"/admin/candidates/{application.candidate_id}", [f'h1[title="{name}"]',
                                                                   f'a[title="{LONG_EMAIL}"]',
                                                                   f'a[title="{LONG_FILE}"]']),
        "people": ("/admin/candidates?q=maximiliana", [f'a[title="{name}"]', f'td[title="{LONG_EMAIL}"]']),
    }
    problems: list[str] = []
    for lang, email in (("en", "admin@acme.test"), ("fi", "fi@acme.test")):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        try:
            login(page, live, email, PASSWORD)
            for screen, (path, titled) in screens.items():
                page.set_viewport_size({"width": 1280, "height": 900})
                assert page.goto(f"{live}{path}").ok, screen
                for selector in titled:
                    if page.locator(selector).count() == 0:
                        problems.append(f"{screen} [{lang}]: no {selector[:80]}…")
                for width, height in ((1280, 900), (390, 844)):
                    page.set_viewport_size({"width": width, "height": height})
                    if not page.evaluate(NO_SIDEWAYS):
                        problems.append(f"{screen} [{lang}, {width} px]: the page scrolls sideways")
                    problems += [f"{screen} [{lang}, {width} px]: {p}" for p in page.evaluate(OVERFLOWS)]
                    page.screenshot(path=str(shots / f"long-{screen}-{lang}-{width}.png"), full_page=True)
        finally:
            context.close()
    assert not problems, "long values that do not fit:\n" + "\n".join(problems)
