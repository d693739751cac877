"""The recruiter admin's blueprint. Its routes are in the modules of app/admin/views/;
``app.register_blueprints`` loads them."""

from flask import Blueprint

bp = Blueprint("admin", __name__)
