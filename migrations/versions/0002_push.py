"""Push alerts: subscriptions, the outbox (notifications, deliveries) and time-based alert keys.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

STATUSES = "status IN ('pending', 'sent', 'gone', 'failed', 'refused', 'cancelled')"


def _when(name, nullable=False):
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade():
    op.create_table(
        "push_subscriptions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("council_id", sa.Integer(), sa.ForeignKey("councils.id"), nullable=False),
        sa.Column("endpoint", sa.String(2048), nullable=False),
        sa.Column("p256dh", sa.String(100), nullable=False),
        sa.Column("auth", sa.String(32), nullable=False),
        sa.Column("wants_purdah", sa.Boolean(), nullable=False),
        sa.Column("wants_policy", sa.Boolean(), nullable=False),
        _when("created_at"),
        sa.UniqueConstraint("endpoint", name="uq_push_subscriptions_endpoint"),
    )
    op.create_index("ix_push_subscriptions_council_id", "push_subscriptions", ["council_id"])
    op.create_table(
        "push_notifications",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("council_id", sa.Integer(), sa.ForeignKey("councils.id"), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("url", sa.String(200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        _when("created_at"),
        sa.CheckConstraint("kind IN ('purdah', 'policy')", name="ck_push_kind"),
    )
    op.create_index("ix_push_notifications_council_id", "push_notifications", ["council_id"])
    op.create_table(
        "push_deliveries",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("notification_id", sa.Integer(), sa.ForeignKey("push_notifications.id"),
                  nullable=False),
        sa.Column("subscription_id", sa.Integer(),
                  sa.ForeignKey("push_subscriptions.id", ondelete="SET NULL"), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        _when("next_attempt_at"),
        _when("leased_until", nullable=True),
        sa.Column("leased_by", sa.String(80), nullable=True),
        sa.Column("last_status", sa.Integer(), nullable=True),
        sa.Column("last_error", sa.String(300), nullable=True),
        _when("sent_at", nullable=True),
        _when("created_at"),
        sa.UniqueConstraint("notification_id", "subscription_id", name="uq_push_delivery"),
        sa.CheckConstraint(STATUSES, name="ck_push_delivery_status"),
    )
    op.create_index("ix_push_deliveries_due", "push_deliveries", ["status", "next_attempt_at"])
    op.create_index("ix_push_deliveries_notification_id", "push_deliveries",
                    ["notification_id"])
    op.create_index("ix_push_deliveries_subscription_id", "push_deliveries",
                    ["subscription_id"])
    op.create_table(
        "push_timed_alerts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("council_id", sa.Integer(), sa.ForeignKey("councils.id"), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("notification_id", sa.Integer(), sa.ForeignKey("push_notifications.id"),
                  nullable=True),
        _when("created_at"),
        sa.UniqueConstraint("council_id", "kind", "day", name="uq_push_timed_alert"),
    )


def downgrade():
    op.drop_table("push_timed_alerts")
    op.drop_index("ix_push_deliveries_subscription_id", table_name="push_deliveries")
    op.drop_index("ix_push_deliveries_notification_id", table_name="push_deliveries")
    op.drop_index("ix_push_deliveries_due", table_name="push_deliveries")
    op.drop_table("push_deliveries")
    op.drop_index("ix_push_notifications_council_id", table_name="push_notifications")
    op.drop_table("push_notifications")
    op.drop_index("ix_push_subscriptions_council_id", table_name="push_subscriptions")
    op.drop_table("push_subscriptions")
