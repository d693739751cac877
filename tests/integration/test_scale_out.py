"""Scale-out (issue 15, item 6): nothing assumes one web process. Two real gunicorn servers
(the shipped gunicorn.conf.py, production config) on the same database and Redis, as two
web nodes behind a load balancer: the public page cache follows a change made anywhere,
a session made on one node works on the other, and the sign-in throttle counts attempts
across both (its counters live in Redis)."""

from __future__ import annotations

import re

import pytest
import requests

from app.jobs import services as jobs
from tests.support.builders import PASSWORD
from tests.support.gunicorn_process import Gunicorn, production_env
from tests.support.processes import make_config

pytestmark = pytest.mark.integration

CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


@pytest.fixture(scope="module")
def nodes(test_env, database_url, redis_url, smtp_sink, session_dir, tmp_path_factory, _schema):
    secret = make_config(database_url, redis_url, smtp_sink, session_dir)["SECRET_KEY"]
    env = production_env(test_env, database_url, secret, REDIS_URL=redis_url)
    servers = []
    try:
        for name in ("a", "b"):
            servers.append(Gunicorn(env, tmp_path_factory.mktemp(f"node-{name}")))
        yield [s.wait_ready() for s in servers]
    finally:
        for server in servers:
            server.stop()


def _get(node: Gunicorn, path: str, cookie: str = "", **headers) -> requests.Response:
    # the production session cookie is Secure (``__Host-``), so it is carried by hand over
    # the loopback's plain HTTP, as the load balancer would after terminating TLS
    if cookie:
        headers["Cookie"] = cookie
    return requests.get(node.base + path, headers={"X-Forwarded-Proto": "https", **headers}, timeout=30,
                        allow_redirects=False)


def _form_headers(node: Gunicorn, cookie: str) -> dict:
    """What a browser sends with a form behind the TLS-terminating balancer: the session
    cookie and a same-origin Referer (Flask-WTF checks it on https)."""
    return {"Cookie": cookie, "X-Forwarded-Proto": "https", "Referer": f"https://127.0.0.1:{node.port}/admin/login"}


def _cookie(resp: requests.Response, jar: dict) -> str:
    """The cookies a response set (read from the headers: a cookie jar drops Secure cookies
    that came over plain HTTP), merged into ``jar``, as a Cookie header."""
    for header in resp.raw.headers.getlist("Set-Cookie"):
        name, _, value = header.split(";", 1)[0].partition("=")
        jar[name.strip()] = value
    return "; ".join(f"{k}={v}" for k, v in jar.items())


def test_a_job_change_made_anywhere_reaches_both_nodes_page_caches(app, make, nodes):
    a, b = nodes
    company = make.company("acme", "Acme Oy")
    job = make.job(company, "Backend developer")
    first_a, first_b = _get(a, "/c/acme/"), _get(b, "/c/acme/")
    assert first_a.status_code == first_b.status_code == 200
    assert first_a.headers["ETag"] == first_b.headers["ETag"]  # one validator, from the shared database
    assert "Backend developer" in first_a.text and "Backend developer" in first_b.text
    assert _get(b, "/c/acme/", **{"If-None-Match": first_a.headers["ETag"]}).status_code == 304

    jobs.update_job(job, {"title": "Data platform engineer"})  # a third process: this test's app

    for node in (a, b):
        again = _get(node, "/c/acme/", **{"If-None-Match": first_a.headers["ETag"]})
        assert again.status_code == 200 and again.headers["ETag"] != first_a.headers["ETag"]
        assert "Data platform engineer" in again.text and "Backend developer" not in again.text
        page = _get(node, f"/c/acme/jobs/{job.id}")
        assert page.status_code == 200 and "Data platform engineer" in page.text

    jobs.update_job(job, {"status": "closed"})
    assert _get(a, f"/c/acme/jobs/{job.id}").status_code == _get(b, f"/c/acme/jobs/{job.id}").status_code == 404


def _login_form(node: Gunicorn, jar: dict) -> tuple[str, str]:
    """The sign-in form from ``node``: its session cookie and CSRF token."""
    form = _get(node, "/admin/login")
    return _cookie(form, jar), CSRF.search(form.text).group(1)


def _sign_in(node: Gunicorn, cookie: str, token: str, email: str, password: str) -> requests.Response:
    return requests.post(node.base + "/admin/login", headers=_form_headers(node, cookie),
                         data={"email": email, "password": password, "csrf_token": token},
                         timeout=30, allow_redirects=False)


def test_a_session_made_on_one_node_works_on_the_other(app, make, nodes):
    a, b = nodes
    make.company("globex", "Globex Oy")
    jar: dict = {}
    cookie, token = _login_form(a, jar)
    signed_in = _sign_in(b, cookie, token, "admin@globex.test", PASSWORD)  # node a's form, posted to node b
    assert signed_in.status_code in (302, 303) and "/login" not in signed_in.headers["Location"]
    cookie = _cookie(signed_in, jar)
    for node in (a, b):
        page = _get(node, "/admin/applications", cookie)
        assert page.status_code == 200 and "Globex Oy" in page.text
    assert _get(a, "/admin/applications").status_code in (302, 303)  # no cookie: sign in first


def test_the_sign_in_throttle_counts_attempts_on_every_node(app, make, nodes):
    """Five attempts a minute per address and account (app/accounts/throttle.py), counted in
    Redis: alternating between the nodes does not double the budget."""
    a, b = nodes
    make.company("initech", "Initech Oy")
    cookie, token = _login_form(a, {})
    statuses = [_sign_in((a, b)[attempt % 2], cookie, token, "admin@initech.test", "wrong password").status_code
                for attempt in range(6)]
    assert 429 not in statuses[:5] and statuses[5] == 429, statuses
