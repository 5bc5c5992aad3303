"""One JSON error envelope, ``{code, status, message, errors}``, for every 4xx and 5xx."""

from __future__ import annotations

import logging

from flask import Flask, jsonify
from werkzeug.exceptions import HTTPException, InternalServerError

log = logging.getLogger(__name__)

MESSAGES = {
    400: "The request could not be read. Check the body is valid JSON and try again.",
    404: "Nothing was found at this address. Check the council name or version number.",
    405: "This address does not accept that method.",
    413: "The request is too large.",
    415: "Send the body as JSON (Content-Type: application/json).",
    422: "Some fields are not right: see errors for each one.",
    500: "Something went wrong on our side. Please try again; if it keeps happening, tell us.",
    503: "The service cannot answer just now. Please try again shortly.",
}


def envelope(code: int, message: str | None = None, errors: dict | None = None, name: str = ""):
    """Build the JSON error response every error path returns."""
    status = name or _status_name(code)
    body = {
        "code": code,
        "status": status,
        "message": message or MESSAGES.get(code, status),
        "errors": errors or {},
    }
    return jsonify(body), code


def _status_name(code: int) -> str:
    from werkzeug.http import HTTP_STATUS_CODES

    return HTTP_STATUS_CODES.get(code, "Error")


def handle_http_exception(error: HTTPException):
    """Turn any HTTPException (abort, routing, webargs validation) into the envelope."""
    data = getattr(error, "data", None) or {}
    errors = data.get("errors") or data.get("messages") or {}
    message = data.get("message")
    if message is None and error.description and error.code not in MESSAGES:
        message = error.description
    response, code = envelope(error.code or 500, message, errors, error.name)
    for key, value in (data.get("headers") or {}).items():
        response.headers[key] = value
    if code == 405 and hasattr(error, "valid_methods") and error.valid_methods:
        response.headers["Allow"] = ", ".join(error.valid_methods)
    return response, code


def handle_unexpected(error: Exception):
    """Log an unexpected error and answer 500 without a stack trace."""
    if isinstance(error, HTTPException):
        return handle_http_exception(error)
    log.exception("Unhandled error", exc_info=error)
    return envelope(500, name=InternalServerError.name)


def init_app(app: Flask) -> None:
    """Register the handlers for errors flask-smorest does not catch."""
    app.register_error_handler(Exception, handle_unexpected)
