"""Extensions, created unbound and bound to the app in create_app."""

from flask_compress import Compress
from flask_migrate import Migrate
from flask_smorest import Api
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import event
from sqlalchemy.engine import Engine

from api.errors import handle_http_exception


class CompanionApi(Api):
    """flask-smorest's Api with our one error envelope for every HTTP error."""

    def handle_http_exception(self, error):
        return handle_http_exception(error)


compress = Compress()
db = SQLAlchemy()
migrate = Migrate()
api = CompanionApi()


@event.listens_for(Engine, "connect")
def _tune_sqlite(dbapi_connection, _record):
    """Run SQLite in WAL mode with a busy timeout, so a worker and the web process can share it."""
    import sqlite3

    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
