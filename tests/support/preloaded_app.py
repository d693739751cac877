"""An app that used the database while it was being built (as any app may, one day), for
the test of gunicorn's preloading: ``gunicorn.conf.py`` builds the app once in the master and
forks the workers, and no worker may use a connection the master opened."""

import os

from sqlalchemy import text

from app import create_app
from app.extensions import db

app = create_app()
BUILT_BY = os.getpid()
with app.app_context():
    db.session.execute(text("SELECT 1"))
    OPENED_WHILE_BUILDING = id(db.session.connection().connection.dbapi_connection)
    db.session.commit()
    db.session.remove()  # back into the pool, where a worker would find it


@app.get("/__pool")
def pool():
    with db.engine.connect() as conn:
        used = id(conn.connection.dbapi_connection)
        conn.execute(text("SELECT 1"))
    return {"built_by": BUILT_BY, "served_by": os.getpid(), "reused": used == OPENED_WHILE_BUILDING}


pool.haku_auth = "public"
