"""The only module that builds an app at import time (``flask --app wsgi``, gunicorn)."""

from app import create_app

app = create_app()
