"""Staff see the task queues and the failed tasks, and can put a failed one back."""

from __future__ import annotations

from redis import Redis
from rq import Queue
from rq.registry import FailedJobRegistry
from rq.results import Result


def _failed_job(redis_url: str):
    queue = Queue("emails", connection=Redis.from_url(redis_url))
    job = queue.enqueue("app.messaging.tasks.send_email", 4242)
    queue.remove(job)
    job.set_status("failed")
    error = "Traceback ...\nSMTPServerDisconnected: gone"
    Result.create_failure(job, ttl=3600, exc_string=error)  # what a worker records
    FailedJobRegistry(queue=queue).add(job, ttl=3600, exc_string=error)
    return queue, job


def test_staff_see_failed_tasks_and_retry_them(client, auth, make, redis_url):
    queue, job = _failed_job(redis_url)
    make.staff()
    auth.login("staff@haku.test")
    page = client.get("/staff/tasks").get_data(as_text=True)
    assert "send_email" in page and "4242" in page and "SMTPServerDisconnected: gone" in page
    resp = client.post(f"/staff/tasks/emails/{job.id}/retry")
    assert resp.status_code == 302
    assert queue.count == 1 and FailedJobRegistry(queue=queue).count == 0
    again = client.post(f"/staff/tasks/emails/{job.id}/retry", follow_redirects=True)
    assert "not in the failed list" in again.get_data(as_text=True)
    assert client.post("/staff/tasks/nope/x/retry", follow_redirects=True).status_code == 200


def test_company_users_cannot_see_tasks(client, auth, make):
    company = make.company("tasks-co")
    auth.login(make.admin_of(company).email)
    assert client.get("/staff/tasks").status_code in (403, 404)


def test_staff_see_the_workers_alive(client, auth, make, test_env):
    import subprocess
    import sys

    from tests.support.processes import ROOT, wait_for

    make.staff()
    auth.login("staff@haku.test")
    assert 'id="no-workers"' in client.get("/staff/tasks").get_data(as_text=True)
    worker = subprocess.Popen([sys.executable, "-m", "flask", "--app", "wsgi", "rq", "worker", "--name",
                               "tasks-page-worker", "emails", "boards"], env=test_env, cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        page = wait_for(lambda: (text := client.get("/staff/tasks").get_data(as_text=True))
                        and "tasks-page-worker" in text and text, timeout=60, message="the worker on the page")
        assert 'id="workers"' in page and "emails, boards" in page
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    page = client.get("/staff/tasks").get_data(as_text=True)  # a warm shutdown unregisters the worker
    assert "tasks-page-worker" not in page and 'id="no-workers"' in page
