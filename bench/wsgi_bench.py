"""The app as gunicorn serves it for the benchmark, plus a bare route rendering a trivial
template (the yardstick every row is compared with). Rate limits are off: one client
address makes all the requests."""

import gc
import os

from flask import Blueprint, render_template

from app import create_app

app = create_app({"RATELIMIT_ENABLED": False})
bare = Blueprint("bench_bare", __name__)
# Compiled once, as a template file is after its first use: the yardstick measures Flask's
# request and render path, not Jinja's compiler (render_template_string compiles every time).
BARE_TEMPLATE = app.jinja_env.from_string("<!doctype html><title>bare</title><p>Hello {{ name }}</p>")


@bare.get("/__bench/bare")
def bare_route():
    return render_template(BARE_TEMPLATE, name="bench")


bare_route.haku_auth = "public"


@bare.post("/__bench/bare-post")
def bare_post_route():
    """The yardstick for intake rows: read a JSON body, answer 202 with JSON."""
    from flask import jsonify, request

    request.get_json(silent=True)
    return jsonify({"status": "accepted"}), 202


bare_post_route.haku_auth = "public"
from app.extensions import csrf

csrf.exempt(bare)
app.register_blueprint(bare)

if os.environ.get("BENCH_PAGE_CPU_DIR"):  # the load suite's CPU per route (bench/page_cpu.py)
    from bench import page_cpu

    page_cpu.install(app, os.environ["BENCH_PAGE_CPU_DIR"])

# As wsgi.py does for every production process (docs/performance.md, "Session 27: the collector"):
# the benchmarks measure the app as production runs it.
gc.freeze()
gc.set_threshold(2000, 10, 10)
