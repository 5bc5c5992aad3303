"""Database models, one module per aggregate."""

from api.models.bundle import BundleVersion, Council, ImmutableVersionError
from api.models.election import Election

__all__ = ["BundleVersion", "Council", "Election", "ImmutableVersionError"]
