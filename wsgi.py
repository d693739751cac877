"""The only module that builds an app at import time (``flask --app wsgi``, gunicorn)."""

import gc

from app import create_app

app = create_app()

# Everything built so far (modules, mappers, the app) lives as long as the process: frozen, the
# collector never walks it again, and a request's young objects are collected less often.
# Measured in process on the bench's data (docs/performance.md, "Session 27: the collector"):
# the collector's share of a list with plugin columns 16% → 6%, of the card 1.7% → 0.8%, of the board
# 2% → 0.1%.
gc.freeze()
gc.set_threshold(2000, 10, 10)
