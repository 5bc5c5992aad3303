"""A council and the published versions of its rule bundle."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import CheckConstraint, UniqueConstraint, event

from api.extensions import db

COUNCIL_KINDS = ("principal", "town", "parish")
NATIONS = ("ENG", "WLS", "SCT", "NIR")


def utc_now() -> datetime:
    return datetime.now(UTC)


class ImmutableVersionError(RuntimeError):
    """Raised when code tries to change or delete a published bundle version."""


class Council(db.Model):
    __tablename__ = "councils"
    __table_args__ = (
        CheckConstraint(f"kind IN {COUNCIL_KINDS}", name="ck_councils_kind"),
        CheckConstraint(f"nation IN {NATIONS}", name="ck_councils_nation"),
    )

    id = db.Column(db.Integer, primary_key=True)
    slug = db.Column(db.String(64), nullable=False, unique=True)
    name = db.Column(db.String(200), nullable=False)
    kind = db.Column(db.String(16), nullable=False)
    nation = db.Column(db.String(3), nullable=False, default="ENG")

    versions = db.relationship("BundleVersion", back_populates="council", lazy="dynamic")

    def latest_version(self) -> BundleVersion | None:
        """Return the newest published version, or None before the first import."""
        return self.versions.order_by(BundleVersion.version.desc()).first()


class BundleVersion(db.Model):
    """One published, immutable version of a council's composed bundle."""

    __tablename__ = "bundle_versions"
    __table_args__ = (UniqueConstraint("council_id", "version", name="uq_bundle_versions_number"),)

    id = db.Column(db.Integer, primary_key=True)
    council_id = db.Column(db.Integer, db.ForeignKey("councils.id"), nullable=False, index=True)
    version = db.Column(db.Integer, nullable=False)
    content = db.Column(db.LargeBinary, nullable=False)
    etag = db.Column(db.String(64), nullable=False)
    published_at = db.Column(db.DateTime(timezone=True), nullable=False, default=utc_now)
    published_by = db.Column(db.String(200), nullable=False)
    change_note = db.Column(db.Text, nullable=False)

    council = db.relationship("Council", back_populates="versions")


@event.listens_for(BundleVersion, "before_update")
def _refuse_update(_mapper, _connection, target):
    raise ImmutableVersionError(
        f"bundle version {target.version} is published and cannot be changed: publish a new one"
    )


@event.listens_for(BundleVersion, "before_delete")
def _refuse_delete(_mapper, _connection, target):
    raise ImmutableVersionError(f"bundle version {target.version} is published and is kept")
