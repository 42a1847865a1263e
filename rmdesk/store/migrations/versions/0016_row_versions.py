"""No lost update on every editable row: a version (raised by every UPDATE, a save from an
older copy is refused), who changed the row last and when, on visits, tasks, needs,
objections, deals and complaints; who made each timeline row (step moves, edits, maintenance
contacts, estimates) and when key persons changed.

Revision ID: 0016_row_versions
Revises: 0013_calendar_days
"""
import sqlalchemy as sa
from alembic import op

revision = "0016_row_versions"
down_revision = "0021_risk_watch"
branch_labels = None
depends_on = None

# Editable rows: version, changed_by, changed_at (contacts got version/changed_by/changed_at in 0011)
VERSIONED = ("visits", "tasks", "needs", "objections", "deals", "complaints")
# Rows that are only added (timeline entries): who added them
AUTHORED = ("step_changes", "client_events", "maintenance_logs", "financing_estimates")


def _columns(table: str) -> set[str]:
    return {c["name"] for c in sa.inspect(op.get_bind()).get_columns(table)}


def upgrade() -> None:
    # Idempotent: a store whose search triggers were lost is upgraded again from before 0006.
    for table in VERSIONED:
        have = _columns(table)
        if "version" not in have:
            op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
        if "changed_by" not in have:
            op.add_column(table, sa.Column("changed_by", sa.String(64), nullable=True))
        if "changed_at" not in have:
            op.add_column(table, sa.Column("changed_at", sa.DateTime(), nullable=True))
    for table in AUTHORED:
        if "changed_by" not in _columns(table):
            op.add_column(table, sa.Column("changed_by", sa.String(64), nullable=True))


def downgrade() -> None:
    for table in AUTHORED:
        if "changed_by" in _columns(table):
            with op.batch_alter_table(table) as batch:
                batch.drop_column("changed_by")
    for table in VERSIONED:
        have = _columns(table)
        with op.batch_alter_table(table) as batch:
            for column in ("changed_at", "changed_by", "version"):
                if column in have:
                    batch.drop_column(column)
