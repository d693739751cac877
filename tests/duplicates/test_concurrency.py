"""Two recruiters confirm the merge of the same pair at the same moment (the same way round,
or A→B against B→A): one merge happens, the other gets a clear answer, and one consistent
person is left. Real HTTP requests against a live server; on PostgreSQL a third connection
holds the rows until both requests wait on the lock, so they truly overlap."""

from __future__ import annotations

import re
import threading

import pytest
import requests
from sqlalchemy import func, select

from app.extensions import db
from tests.support.builders import PASSWORD
from tests.support.duplicates import merge_form
from tests.support.processes import wait_for


def _session(base: str, email: str) -> requests.Session:
    http = requests.Session()
    page = http.get(f"{base}/admin/login", timeout=30).text
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    resp = http.post(f"{base}/admin/login", data={"email": email, "password": PASSWORD, "csrf_token": token},
                     allow_redirects=False, timeout=30)
    assert resp.status_code == 302, resp.text[:500]
    return http


class RowBlocker:
    """PostgreSQL: a transaction that holds both candidate rows FOR UPDATE until released."""

    def __init__(self, database_url: str, ids: list[int]):
        import psycopg

        self.conn = psycopg.connect(database_url.replace("postgresql+psycopg://", "postgresql://"))
        self.conn.execute("SELECT id FROM candidates WHERE id = ANY(%s) ORDER BY id FOR UPDATE", (ids,))

    def waiting(self) -> int:
        with self.conn.cursor() as cur:
            cur.execute("SELECT pg_stat_clear_snapshot()")  # else the view is frozen for the transaction
            cur.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                        "AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()")
            return cur.fetchone()[0]

    def release(self) -> None:
        self.conn.commit()
        self.conn.close()


@pytest.mark.parametrize("opposite", [False, True], ids=["same-way", "a-to-b-vs-b-to-a"])
def test_two_recruiters_merging_the_same_pair_leave_one_person(app, live, make, people, database_url, opposite):
    from app.applications.models import Application, Candidate, TimelineEvent
    from app.audit import AuditEntry
    from app.duplicates.models import CandidateMerge

    company = make.company("acme", name="Acme")
    job = make.job(company, "Data analyst")
    first = make.user(company, role="recruiter", email="one@acme.test")
    second = make.user(company, role="recruiter", email="two@acme.test")
    a = people.candidate(company, "Aino", "Virtanen", "aino@example.com", "+358401112233", job=job)
    b = people.candidate(company, "Aino", "Virtanen", "aino.v@example.com", "+358401112233", job=job)
    people.candidate(company, "Aino", "Virtanen", "aino.v@example.com", None)  # a third record, Pending pool
    a_id, b_id = a.id, b.id
    all_apps = sorted(db.session.scalars(select(Application.id).where(Application.candidate_id.in_([a_id, b_id]))))
    db.session.commit()

    sessions = [_session(live, first.email), _session(live, second.email)]
    orders = [(a_id, b_id), (b_id, a_id) if opposite else (a_id, b_id)]
    forms = []
    for http, (x, y) in zip(sessions, orders):
        page = http.get(f"{live}/admin/candidates/merge", params={"a": x, "b": y}, timeout=30)
        assert page.status_code == 200
        forms.append(merge_form(page.text))

    blocker = RowBlocker(database_url, [a_id, b_id]) if database_url.startswith("postgresql") else None
    results: list[int] = []
    lock = threading.Lock()

    def confirm(http, data, x, y):
        resp = http.post(f"{live}/admin/candidates/merge", params={"a": x, "b": y}, data=data,
                         allow_redirects=False, timeout=60)
        with lock:
            results.append((resp.status_code, resp.text))

    threads = [threading.Thread(target=confirm, args=(http, data, x, y))
               for http, data, (x, y) in zip(sessions, forms, orders)]
    for t in threads:
        t.start()
    if blocker is not None:
        try:
            wait_for(lambda: blocker.waiting() >= 2, timeout=30, message="both merges waiting on the row lock")
        finally:
            blocker.release()
    for t in threads:
        t.join(timeout=60)

    statuses = sorted(code for code, _ in results)
    assert statuses == [303, 409], [(c, t[:300]) for c, t in results]
    refused = next(text for code, text in results if code == 409)
    assert "merged into another record or erased" in refused

    db.session.expire_all()
    assert db.session.get(Candidate, a_id) is not None and db.session.get(Candidate, b_id) is None
    assert sorted(db.session.scalars(select(Application.id).where(Application.candidate_id == a_id))) == all_apps
    assert db.session.scalar(select(func.count(CandidateMerge.id))) == 1
    assert db.session.scalar(select(func.count(AuditEntry.id)).where(AuditEntry.action == "candidate_merged")) == 1
    merged_events = db.session.scalars(select(TimelineEvent.application_id).where(
        TimelineEvent.kind == "candidate_merged")).all()
    assert sorted(merged_events) == all_apps  # one per application, not two
