"""The app as gunicorn serves it for the benchmark, plus a bare route rendering a trivial
template (the yardstick every row is compared with). Rate limits are off: one client
address makes all the requests."""

from flask import Blueprint, render_template_string

from app import create_app

app = create_app({"RATELIMIT_ENABLED": False})
bare = Blueprint("bench_bare", __name__)


@bare.get("/__bench/bare")
def bare_route():
    return render_template_string("<!doctype html><title>bare</title><p>Hello {{ name }}</p>", name="bench")


bare_route.haku_auth = "public"
app.register_blueprint(bare)
