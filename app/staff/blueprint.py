"""The staff admin's blueprint. Its routes are in views.py, assessments.py, boards.py and
tasks.py; ``app.register_blueprints`` loads them."""

from flask import Blueprint

bp = Blueprint("staff", __name__)
