"""Flask extensions, created unbound and initialised in ``create_app``."""

from flask import current_app
from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_mail import Mail
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from htmx_flask import Htmx
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)


def kept(store: str, key, make, limit: int):
    """The value kept with the app (one web process) under ``key`` in the store named
    ``store``, made by ``make()`` the first time; a store holding ``limit`` values is emptied
    before the next is added, so it stays bounded. For values that depend only on their key
    (the key carries everything they show), so nothing in them can go stale."""
    values = current_app.extensions.setdefault(store, {})
    value = values.get(key)
    if value is None:
        if len(values) >= limit:
            values.clear()
        value = values[key] = make()
    return value


#: An execution option: PostgreSQL prepares the statement on its first run on a connection
#: (``app.prepare_when_asked``), for the few large statements a connection runs rarely.
PREPARE_NOW = "haku_prepare_now"
migrate = Migrate(render_as_batch=True, compare_type=True)
login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()
limiter = Limiter(key_func=get_remote_address, default_limits=[])
mail = Mail()
htmx = Htmx()
