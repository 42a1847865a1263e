"""What the funnel needs of the step history, stored on each step change (issue 18: the
funnel and its velocity as plain indexed scans, within 2 s at 100k clients with margin):

- step_changes.stay_since (when the stay in from_step began), entry_before (the previous
  forward entry into to_step) and moved_on_at (the next forward entry into a higher step),
  defined in rmdesk.store.stays and backfilled from the history;
- step_changes (at, from_step, to_step, client_id, stay_since, entry_before, moved_on_at):
  covering, the moves and entries of a period with what the funnel reads of them.

Idempotent (the column only when missing, the backfill recomputes every row, IF NOT
EXISTS), on SQLite and PostgreSQL.

Revision ID: 0028_report_speed2
Revises: 0027_rls_search
"""
import sqlalchemy as sa
from alembic import op

from rmdesk.store import stays

revision = "0028_report_speed2"
down_revision = "0027_rls_search"
branch_labels = None
depends_on = None

INDEX = "ix_step_changes_stays"
COLUMNS = ("stay_since", "entry_before", "moved_on_at")
INDEX_COLUMNS = ["at", "from_step", "to_step", "client_id", "stay_since", "entry_before", "moved_on_at"]


def _columns(table: str) -> set[str]:
    return {c["name"] for c in sa.inspect(op.get_bind()).get_columns(table)}


def upgrade() -> None:
    bind = op.get_bind()
    have = _columns("step_changes")
    for name in COLUMNS:
        if name not in have:
            op.add_column("step_changes", sa.Column(name, sa.DateTime(), nullable=True))
    stays.fill(bind)
    op.create_index(INDEX, "step_changes", INDEX_COLUMNS, if_not_exists=True)
    bind.exec_driver_sql("ANALYZE step_changes")  # so that the planner knows the new index


def downgrade() -> None:
    op.drop_index(INDEX, table_name="step_changes", if_exists=True)
    drop = [name for name in reversed(COLUMNS) if name in _columns("step_changes")]
    if drop:
        with op.batch_alter_table("step_changes") as batch:
            for name in drop:
                batch.drop_column(name)
