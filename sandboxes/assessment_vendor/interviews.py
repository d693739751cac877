"""The interview lifecycle and the callbacks each step queues (PATCH, result, logs)."""

from __future__ import annotations

import json

from .catalog import TESTS, score
from .store import Store, now_iso


class TransitionError(Exception):
    """The interview is not in a state that allows this step."""


OPEN = ("invited", "started")


def report_url(base_url: str, iv: dict) -> str:
    return f"{base_url}/reports/{iv['id']}"


def test_status(iv: dict, base_url: str) -> dict:
    """The ``GET /test_status`` shape (also the data of a "full" PATCH)."""
    product, test = TESTS[iv["partner_test_id"]]
    complete = iv["status"] == "complete"
    job = json.loads(iv["job"])
    return {
        "partner_status": iv["status"],
        "partner_profile_url": report_url(base_url, iv) if complete else None,
        "partner_score": iv["score"] if complete else None,
        "partner_max_score": 100 if complete else None,
        "sub_scores": json.loads(iv["sub_scores"] or "[]") if complete else [],
        "metadata": {
            "product": product.key, "test_name": test.name, "job_title": job.get("title"),
            "locale": iv["locale"], "started_at": iv["started_at"], "finished_at": iv["finished_at"],
            "forced_score": bool(iv["forced"]),
        },
    }


def color(value: int) -> str:
    return "#1f8a4c" if value >= 70 else "#c77c02" if value >= 40 else "#c0392b"


def result_card(iv: dict, base_url: str) -> dict:
    product, test = TESTS[iv["partner_test_id"]]
    subs = json.loads(iv["sub_scores"] or "[]")
    return {
        "title": test.name,
        "subtitle": f"{product.name} · completed {iv['finished_at'][:10]}",
        "color": color(iv["score"]),
        "score": iv["score"],
        "status": "complete",
        "links": [{"title": "Full report", "url": report_url(base_url, iv)}],
        "content": [{"title": "Summary", "details": [
            {"title": "Score", "value": f"{iv['score']} / 100"},
            {"title": "Started", "value": iv["started_at"]},
            {"title": "Completed", "value": iv["finished_at"]},
        ]}],
        "scores": [{"title": s["title"], "value": s["value"]} for s in subs],
    }


def _queue(sb, db, iv: dict, type_: str, method: str, path: str, data) -> None:
    if sb.switches.get()["callbacks_off"]:
        return
    body = json.dumps({"api_version": "1", "type": type_, "timestamp": now_iso(), "data": data})
    sb.store.enqueue(db, iv, type_, method, f"{iv['callback_url']}/{path}", body)


def _queue_patch(sb, db, iv: dict, base_url: str) -> None:
    empty = sb.switches.get()["patch_mode"] == "empty"
    _queue(sb, db, iv, "assessment.status_changed", "PATCH", iv["id"], {} if empty else test_status(iv, base_url))


def _queue_logs(sb, db, iv: dict, messages: list[str]) -> None:
    at = now_iso()
    _queue(sb, db, iv, "assessment.logs", "POST", f"applications/{iv['application_ref']}/logs",
           [{"at": at, "message": m} for m in messages])


def _reload(db, interview_id: str) -> dict:
    return dict(db.execute("SELECT * FROM interviews WHERE id = ?", (interview_id,)).fetchone())


def start(sb, interview_id: str, base_url: str) -> dict:
    """invited → started (PATCH + a log); a started interview stays as it is."""
    store: Store = sb.store
    with store.tx() as db:
        changed = db.execute("UPDATE interviews SET status = 'started', started_at = ? "
                             "WHERE id = ? AND status = 'invited'", (now_iso(), interview_id)).rowcount
        iv = _reload(db, interview_id)
        if not changed and iv["status"] != "started":
            raise TransitionError(f"the test is already {iv['status']}")
        if changed:
            _queue_patch(sb, db, iv, base_url)
            _queue_logs(sb, db, iv, ["Candidate started the test"])
    sb.worker.wake()
    return iv


def complete(sb, interview_id: str, base_url: str, answers: dict[int, int], forced: int | None) -> dict:
    """started (or invited: started first) → complete with a score; queues PATCH, result, logs."""
    iv = start(sb, interview_id, base_url)
    _, test = TESTS[iv["partner_test_id"]]
    total, subs = score(test, answers)
    if forced is not None:
        total, subs = forced, [{**s, "value": forced} for s in subs]
    answered = sum(1 for i in range(len(test.questions)) if i in answers)
    with sb.store.tx() as db:
        changed = db.execute(
            "UPDATE interviews SET status = 'complete', score = ?, sub_scores = ?, forced = ?, finished_at = ? "
            "WHERE id = ? AND status = 'started'",
            (total, json.dumps(subs), int(forced is not None), now_iso(), interview_id)).rowcount
        iv = _reload(db, interview_id)
        if not changed:
            raise TransitionError(f"the test is already {iv['status']}")
        _queue_patch(sb, db, iv, base_url)
        _queue(sb, db, iv, "assessment.result", "POST", f"applications/{iv['application_ref']}/result",
               result_card(iv, base_url))
        _queue_logs(sb, db, iv, [f"Candidate submitted the test ({answered} of {len(test.questions)} answered)",
                                 f"Scored {total} / 100"])
    sb.worker.wake()
    return iv


def close(sb, interview_id: str, base_url: str, status: str) -> dict:
    """invited/started → expired or cancelled; queues a PATCH."""
    with sb.store.tx() as db:
        changed = db.execute("UPDATE interviews SET status = ?, finished_at = ? WHERE id = ? "
                             "AND status IN ('invited', 'started')", (status, now_iso(), interview_id)).rowcount
        iv = _reload(db, interview_id)
        if not changed:
            raise TransitionError(f"the test is already {iv['status']}")
        _queue_patch(sb, db, iv, base_url)
    sb.worker.wake()
    return iv
