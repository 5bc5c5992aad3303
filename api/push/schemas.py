"""What the push endpoints accept and answer."""

from __future__ import annotations

import base64
import binascii
import re

from cryptography.hazmat.primitives.asymmetric import ec
from flask import current_app
from marshmallow import Schema, ValidationError, fields, validate, validates

from api.models.push import ALERT_KINDS
from api.services.push_endpoints import MAX_ENDPOINT_LENGTH, EndpointRefused, check_endpoint
from api.services.push_settings import PushSettings

BASE64URL = re.compile(r"^[A-Za-z0-9_-]+={0,2}$")


def decode_key(text: str, what: str) -> bytes:
    """Decode a base64url key the browser gave, or refuse it saying which."""
    if not BASE64URL.match(text):
        raise ValidationError(f"{what} must be base64url.")
    try:
        return base64.urlsafe_b64decode(text.rstrip("=") + "=" * (-len(text.rstrip("=")) % 4))
    except (binascii.Error, ValueError) as exc:
        raise ValidationError(f"{what} must be base64url.") from exc


class KeysSchema(Schema):
    p256dh = fields.String(required=True, validate=validate.Length(max=100))
    auth = fields.String(required=True, validate=validate.Length(max=32))

    @validates("p256dh")
    def _p256dh(self, value: str, **_):
        raw = decode_key(value, "p256dh")
        if len(raw) != 65:
            raise ValidationError("p256dh must be a 65-byte P-256 public key.")
        try:
            ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), raw)
        except ValueError as exc:
            raise ValidationError("p256dh is not a point on the P-256 curve.") from exc

    @validates("auth")
    def _auth(self, value: str, **_):
        if len(decode_key(value, "auth")) != 16:
            raise ValidationError("auth must be 16 bytes.")


def _check_endpoint(value: str) -> None:
    try:
        check_endpoint(value, PushSettings.from_config(current_app.config))
    except EndpointRefused as exc:
        raise ValidationError(str(exc)) from exc


class BrowserSubscriptionSchema(Schema):
    """The browser's PushSubscription.toJSON()."""

    endpoint = fields.String(required=True, validate=[
        validate.Length(max=MAX_ENDPOINT_LENGTH), _check_endpoint])
    expirationTime = fields.Integer(allow_none=True, load_default=None)  # noqa: N815
    keys = fields.Nested(KeysSchema, required=True)


class SubscribeSchema(Schema):
    council = fields.String(required=True, validate=validate.Length(min=1, max=64))
    subscription = fields.Nested(BrowserSubscriptionSchema, required=True)
    topics = fields.List(fields.String(validate=validate.OneOf(ALERT_KINDS)),
                         load_default=list(ALERT_KINDS),
                         validate=validate.Length(min=1, max=len(ALERT_KINDS)))


class UnsubscribeSchema(Schema):
    endpoint = fields.String(required=True, validate=validate.Length(max=MAX_ENDPOINT_LENGTH))


class SubscribedSchema(Schema):
    council = fields.String()
    topics = fields.List(fields.String())


class PublicKeySchema(Schema):
    public_key = fields.String(metadata={"description": "applicationServerKey: base64url, "
                                                        "uncompressed P-256 point"})
