"""Councils, their latest bundle (revalidated by ETag), any published version, the history."""

from __future__ import annotations

from flask import Response, request
from flask_smorest import Blueprint, abort
from marshmallow import Schema, fields, validate

from api.models import BundleVersion, Council

blp = Blueprint("councils", __name__, url_prefix="/api/v1/councils",
                description="Councils and their published rule bundles")

BUNDLE_DOC = {"200": {"description": "The composed bundle (see shared_rules/FORMAT.md)",
                      "content": {"application/json": {"schema": {"type": "object"}}}}}


class CouncilSummarySchema(Schema):
    slug = fields.String()
    name = fields.String()
    kind = fields.String()
    latest_version = fields.Integer(allow_none=True)


class VersionSchema(Schema):
    version = fields.Integer()
    published_at = fields.DateTime()
    published_by = fields.String()
    change_note = fields.String()
    etag = fields.String()


class VersionQuerySchema(Schema):
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=200),
                           metadata={"description": "How many versions, newest first (1-200)"})


def _council_or_404(slug: str) -> Council:
    council = Council.query.filter_by(slug=slug).one_or_none()
    if council is None:
        abort(404, message=f"There is no council called '{slug}'. "
                           "GET /api/v1/councils lists them.")
    return council


def _still_current(etag: str) -> bool:
    """Tell whether the phone's copy is current (its ETag may carry a ':br' encoding suffix)."""
    return any(tag.split(":", 1)[0] == etag for tag in request.if_none_match.as_set())


def _bundle_response(version: BundleVersion, cache_control: str) -> Response:
    response = Response(version.content, mimetype="application/json")
    response.set_etag(version.etag)
    response.headers["Cache-Control"] = cache_control
    response.headers["X-Bundle-Version"] = str(version.version)
    return response


@blp.route("")
@blp.response(200, CouncilSummarySchema(many=True))
def list_councils():
    """List every council with its latest published version."""
    councils = Council.query.order_by(Council.name).all()
    return [{"slug": c.slug, "name": c.name, "kind": c.kind,
             "latest_version": (v.version if (v := c.latest_version()) else None)}
            for c in councils]


@blp.route("/<slug>/bundle")
@blp.doc(responses={**BUNDLE_DOC, "304": {"description": "Not modified"}})
def latest_bundle(slug: str):
    """Return the latest bundle; answer 304 when the phone's ETag is still current."""
    version = _council_or_404(slug).latest_version()
    if version is None:
        abort(404, message=f"'{slug}' has no published bundle yet.")
    if _still_current(version.etag):
        response = Response(status=304)
        response.set_etag(version.etag)
        response.headers["Cache-Control"] = "no-cache"
        return response
    return _bundle_response(version, "no-cache")


@blp.route("/<slug>/bundle/<int:number>")
@blp.doc(responses=BUNDLE_DOC)
def bundle_version(slug: str, number: int):
    """Return one published version; it never changes, so it may be cached for ever."""
    council = _council_or_404(slug)
    version = council.versions.filter_by(version=number).one_or_none()
    if version is None:
        abort(404, message=f"'{slug}' has no version {number}. "
                           f"GET /api/v1/councils/{slug}/versions lists them.")
    return _bundle_response(version, "public, max-age=31536000, immutable")


@blp.route("/<slug>/versions")
@blp.arguments(VersionQuerySchema, location="query")
@blp.response(200, VersionSchema(many=True))
def version_history(query: dict, slug: str):
    """List published versions, newest first, with their change notes."""
    council = _council_or_404(slug)
    return council.versions.order_by(BundleVersion.version.desc()).limit(query["limit"]).all()
