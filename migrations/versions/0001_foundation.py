"""Councils, their published bundle versions and their elections.

Revision ID: 0001
Revises:
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

SQLITE_IMMUTABLE = [
    """CREATE TRIGGER bundle_versions_no_update BEFORE UPDATE ON bundle_versions
       BEGIN SELECT RAISE(ABORT, 'published bundle versions are immutable'); END""",
    """CREATE TRIGGER bundle_versions_no_delete BEFORE DELETE ON bundle_versions
       BEGIN SELECT RAISE(ABORT, 'published bundle versions are kept'); END""",
]
POSTGRES_IMMUTABLE = [
    """CREATE FUNCTION bundle_versions_immutable() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'published bundle versions are immutable'; END; $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER bundle_versions_immutable BEFORE UPDATE OR DELETE ON bundle_versions
       FOR EACH ROW EXECUTE FUNCTION bundle_versions_immutable()""",
]


def upgrade():
    op.create_table(
        "councils",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("slug", sa.String(64), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("nation", sa.String(3), nullable=False),
        sa.CheckConstraint("kind IN ('principal', 'town', 'parish')", name="ck_councils_kind"),
        sa.CheckConstraint("nation IN ('ENG', 'WLS', 'SCT', 'NIR')", name="ck_councils_nation"),
    )
    op.create_table(
        "bundle_versions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("council_id", sa.Integer(), sa.ForeignKey("councils.id"), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("etag", sa.String(64), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_by", sa.String(200), nullable=False),
        sa.Column("change_note", sa.Text(), nullable=False),
        sa.UniqueConstraint("council_id", "version", name="uq_bundle_versions_number"),
    )
    op.create_index("ix_bundle_versions_council_id", "bundle_versions", ["council_id"])
    op.create_table(
        "elections",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("council_id", sa.Integer(), sa.ForeignKey("councils.id"), nullable=False),
        sa.Column("poll_date", sa.Date(), nullable=False),
        sa.Column("notice_date", sa.Date(), nullable=True),
        sa.Column("label", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("council_id", "poll_date", name="uq_elections_poll"),
    )
    op.create_index("ix_elections_council_id", "elections", ["council_id"])
    dialect = op.get_bind().dialect.name
    immutable = {"sqlite": SQLITE_IMMUTABLE, "postgresql": POSTGRES_IMMUTABLE}
    for statement in immutable.get(dialect, []):
        op.execute(statement)


def downgrade():
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS bundle_versions_immutable ON bundle_versions")
        op.execute("DROP FUNCTION IF EXISTS bundle_versions_immutable()")
    op.drop_table("elections")
    op.drop_table("bundle_versions")
    op.drop_table("councils")
