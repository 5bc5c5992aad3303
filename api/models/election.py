"""An election of a council: polling day and, once published, the notice of election."""

from sqlalchemy import UniqueConstraint

from api.extensions import db
from api.models.bundle import utc_now


class Election(db.Model):
    __tablename__ = "elections"
    __table_args__ = (UniqueConstraint("council_id", "poll_date", name="uq_elections_poll"),)

    id = db.Column(db.Integer, primary_key=True)
    council_id = db.Column(db.Integer, db.ForeignKey("councils.id"), nullable=False, index=True)
    poll_date = db.Column(db.Date, nullable=False)
    notice_date = db.Column(db.Date, nullable=True)
    label = db.Column(db.String(200), nullable=False, default="")
    created_at = db.Column(db.DateTime(timezone=True), nullable=False, default=utc_now)

    council = db.relationship("Council")
