"""gunicorn settings for production (`gunicorn -c gunicorn.conf.py wsgi:app`).

Every value can be overridden from the environment, so one file serves a laptop and a
cluster: PORT, WEB_CONCURRENCY (worker processes), WEB_THREADS, WEB_TIMEOUT, WEB_PRELOAD,
FORWARDED_ALLOW_IPS (the load balancer's address, so X-Forwarded-Proto is trusted).

The app runs its production config unless HAKU_CONFIG names another one, and gunicorn's own
access and error logs go through the same redaction as the app's (tokens in EMREX, export
and résumé links never reach them)."""

import multiprocessing
import os

os.environ.setdefault("HAKU_CONFIG", "production")

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "gthread"
threads = int(os.environ.get("WEB_THREADS", "4"))
timeout = int(os.environ.get("WEB_TIMEOUT", "60"))  # EMREX returns carry up to 30 MB
graceful_timeout = 30
keepalive = 5
max_requests = 2000  # recycle workers now and then
max_requests_jitter = 200
# The app is built once, in the master, and every worker is a fork of it: a worker recycled after
# max_requests is serving again at once instead of spending ~3 s of CPU importing and building the
# app (a 2-core host under load recycles a worker every ~20 s), and the objects wsgi.py freezes
# stay shared between the workers. Deploy new code by restarting gunicorn (docs/deploy.md);
# WEB_PRELOAD=0 builds the app in each worker instead (a HUP then reloads the code).
preload_app = os.environ.get("WEB_PRELOAD", "1") != "0"


def post_fork(server, worker):
    """A worker shares nothing the master opened while it built the app: the database pools
    are emptied without closing their connections (those, if any, are the master's)."""
    wsgi_app = server.app.wsgi()  # the app the master built
    if hasattr(wsgi_app, "app_context"):
        from app.extensions import db

        with wsgi_app.app_context():
            for engine in db.engines.values():
                engine.dispose(close=False)


forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("WEB_LOG_LEVEL", "info")
logger_class = "app.gunicorn_logging.RedactingLogger"
# The access log carries paths, never query strings (they may hold search terms).
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(b)s %(L)ss'
