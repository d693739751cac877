"""The recruiter's EMREX panel on the card: stored opportunity rows and a reader of the rendered panel."""

from __future__ import annotations

import re
import uuid

import lxml.html

from app.clock import utcnow
from app.emrex.models import EmrexAttempt, EmrexRequest, EmrexRequestEvent, EmrexTranscript
from app.extensions import db


def opp(title, *, type="Course", credits=None, grade=None, status=None, children=(), code=None, date="2024-05-31",
        **new):
    """One opportunity dict as the import stores it (``new``: the keys the parser adds)."""
    return {"title": title, "code": code, "type": type,
            "credits": [] if credits is None else [{"scheme": "ECTS", "value": credits, "level": None}],
            "grade": grade, "status": status, "date": date, "term": None, "language": None,
            "children": list(children), **new}


class Panel:
    def __init__(self, client, application):
        self.client = client
        self.application = application
        self.cid = application.company_id

    def request(self, status="completed") -> EmrexRequest:
        req = EmrexRequest(company_id=self.cid, application_id=self.application.id, status=status, sends=1)
        db.session.add(req)
        db.session.flush()
        db.session.add(EmrexRequestEvent(company_id=self.cid, request_id=req.id, kind="sent"))
        return req

    def attempt(self, req, outcome="imported", *, at=None, **fields) -> EmrexAttempt:
        row = EmrexAttempt(company_id=self.cid, request_id=req.id, emp_url="https://emp.example/x",
                           emp_name=fields.pop("emp_name", "Åbo Akademi"), session_id=uuid.uuid4().hex,
                           outcome=outcome, created_at=at or utcnow(), used_at=at or utcnow(), **fields)
        db.session.add(row)
        db.session.flush()
        return row

    def transcript(self, opportunities, *, req=None, gpa=None, gpa_detail=None, total_ects=None, scale="5.0",
                   **fields) -> EmrexTranscript:
        req = req or self.request()
        attempt = self.attempt(req)
        fields = {"identity_status": "match", "review_status": "clear", "institution": "Helsingin yliopisto",
                  **fields}
        issuer = fields["institution"]
        row = EmrexTranscript(company_id=self.cid, request_id=req.id, attempt_id=attempt.id,
                              application_id=self.application.id, signature_verified=True,
                              reports=[{"issuer": issuer, "country": "FI",
                                        "opportunities": opportunities}],
                              gpa=gpa, gpa_scale=scale, gpa_detail=gpa_detail, total_ects=total_ects, **fields)
        db.session.add(row)
        db.session.flush()
        return row

    def html(self, **query) -> lxml.html.HtmlElement:
        db.session.commit()
        resp = self.client.get(f"/admin/applications/{self.application.id}", query_string=query)
        assert resp.status_code == 200
        page = lxml.html.fromstring(resp.get_data(as_text=True))
        panels = css(page, ".emrex-panel")
        assert len(panels) == 1
        return panels[0]


def css(el, selector: str) -> list:
    """The elements under ``el`` matching a simple CSS selector (tag, .class, [attr], descendant
    combinator): enough for these tests without the cssselect package."""
    path = "."
    for part in selector.split():
        match = re.fullmatch(r"([a-z0-9]*)((?:\.[\w-]+)*)((?:\[[\w-]+\])*)", part)
        tag, classes, attrs = match.groups()
        conditions = [f"contains(concat(' ', normalize-space(@class), ' '), ' {c} ')" for c in classes.split(".")[1:]]
        conditions += [f"@{a}" for a in re.findall(r"\[([\w-]+)\]", attrs)]
        path += f"//{tag or '*'}" + "".join(f"[{c}]" for c in conditions)
    return el.xpath(path)
