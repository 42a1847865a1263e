"""The team's changes show up: on PostgreSQL every table sends NOTIFY rmdesk_changes (its name
only) when a transaction that changed it commits (rmdesk.store.changes). Nothing on SQLite.

Revision ID: 0022_change_notify
Revises: 0013_calendar_days
"""
from alembic import op

from rmdesk.store import changes

revision = "0022_change_notify"
down_revision = "0016_row_versions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    changes.ensure(op.get_bind())  # idempotent: CREATE OR REPLACE, DROP TRIGGER IF EXISTS


def downgrade() -> None:
    changes.drop(op.get_bind())
