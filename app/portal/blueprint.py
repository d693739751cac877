"""The candidate portal's blueprint (careers pages, apply, EMREX, "Your data"). Its routes are
in views.py, emrex.py and privacy.py; ``app.register_blueprints`` loads them."""

from flask import Blueprint

bp = Blueprint("portal", __name__)
