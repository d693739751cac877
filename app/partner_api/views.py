"""/partner/v1: machine endpoints for partners (Standard Webhooks signed, CSRF-exempt).

The integrations (TopCV events, assessment callbacks) add their routes here.
"""

from flask import Blueprint

from app.extensions import csrf

bp = Blueprint("partner_api", __name__)
csrf.exempt(bp)
