"""Health check for load balancers and `make run`."""

import logging

from flask import Blueprint, jsonify
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from api.errors import envelope
from api.extensions import db

log = logging.getLogger(__name__)
bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    """Answer 200 when the database answers, 503 with the reason when it does not."""
    try:
        db.session.execute(text("SELECT 1 FROM councils LIMIT 1"))
    except SQLAlchemyError as exc:
        db.session.rollback()
        log.warning("health check failed: %s", exc.__class__.__name__)
        return envelope(503, "The database is not answering, or its tables are missing: "
                             "run `flask db upgrade`.", {"database": [exc.__class__.__name__]})
    return jsonify({"status": "ok", "database": "ok"})
