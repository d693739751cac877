"""Drive the EMP sandbox like the candidate's browser does (form posts over real HTTP)."""

from __future__ import annotations

import requests
from lxml import html

LEARNER = {"givenNames": "Aino", "familyName": "Virtanen", "bday": "1999-04-12"}


def form_fields(form) -> list[tuple[str, str]]:
    """What a browser submits for an lxml form: named inputs, checked boxes, selects (no buttons)."""
    out = []
    for el in form.inputs:
        name = el.get("name")
        if not name or el.tag == "button" or el.get("type") == "submit":
            continue
        if el.get("type") in ("checkbox", "radio"):
            if el.checked:
                out.append((name, el.get("value")))
        elif el.tag == "select":
            out.append((name, el.value or ""))
        else:
            out.append((name, el.get("value") or ""))
    return out


def _submit(session: requests.Session, page: requests.Response, changes: dict, button: tuple[str, str]):
    form = html.fromstring(page.content).forms[0]
    fields = [(k, v) for k, v in form_fields(form) if k not in changes] + list(changes.items()) + [button]
    action = form.get("action") or page.url
    return session.post(requests.compat.urljoin(page.url, action), data=fields, timeout=60)


def handoff_fields(body: str) -> tuple[str, dict]:
    """The form Haku's hand-off page posts to the contact point."""
    form = html.fromstring(body).get_element_by_id("emrex-handoff")
    return form.get("action"), dict(form_fields(form))


def complete_at_emp(emp_url: str, fields: dict, *, learner: dict | None = None, action: str = "confirm",
                    mode: str = "") -> tuple[str, dict]:
    """Post to the contact point, sign in, choose results and press ``action``; returns the
    URL and fields the contact point's page posts back to Haku."""
    session = requests.Session()
    start = session.post(emp_url, data=fields, timeout=30)
    assert start.status_code == 200, start.text[:500]
    if action == "cancel_login":
        page = _submit(session, start, learner or LEARNER, ("action", "cancel"))
    else:
        results = _submit(session, start, learner or LEARNER, ("action", "login"))
        assert results.status_code == 200, results.text[:500]
        page = _submit(session, results, {"sw_mode": mode}, ("action", action))
    assert page.status_code == 200, page.text[:500]
    form = html.fromstring(page.content).forms[0]
    return form.get("action"), dict(form_fields(form))
