"""The partner API's blueprint (/partner/v1). Its routes are in views.py, boards.py and
assessments.py; ``app.register_blueprints`` loads them."""

from flask import Blueprint

from app.extensions import csrf

bp = Blueprint("partner_api", __name__)
csrf.exempt(bp)  # signed partner calls: the signature is the check
