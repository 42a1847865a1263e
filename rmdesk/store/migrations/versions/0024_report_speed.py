"""Indexes for the reports (issue 18, item 8: every report within 300 ms at 10k clients and
2 s at 100k). Most are covering: the report reads the index alone, never the wide rows.

- step_changes (client_id, to_step, at, from_step): the funnel's entries per client, the
  start of each stay (a seek per move), a client's top step (channel yield);
- step_changes (at, client_id, to_step, from_step) and (to_status, client_id, at): the moves
  of a period (the funnel, a week's or a month's report), the last move to lost per client;
- clients (created_at, source_channel, step, deleted_at, referrer): the clients created in a
  period by channel, and the referred ones among them (channel yield);
- visits (status, planned_at, kind, client_id, deleted_at): held visits per day and kind
  (activity, the work reports) and per client (coverage);
- maintenance_logs (at, way, client_id), objections (created_at),
  deals (actual_date) and (created_at), tasks (done_at) and (created_at), complaints
  (received_at): the rows of a period.

Idempotent (IF NOT EXISTS), on SQLite and PostgreSQL; the planner statistics of these
tables are refreshed so the new indexes are chosen. The schema lives in the migrations
(models.py declares only what the ORM needs).

Revision ID: 0024_report_speed
Revises: 0023_report_review
"""
import sqlalchemy as sa
from alembic import op

revision = "0024_report_speed"
down_revision = "0023_report_review"
branch_labels = None
depends_on = None

INDEXES: dict[str, tuple[str, tuple[str, ...]]] = {
    "ix_step_changes_client_step_at": ("step_changes", ("client_id", "to_step", "at", "from_step")),
    "ix_step_changes_at": ("step_changes", ("at", "client_id", "to_step", "from_step")),
    "ix_step_changes_status_client_at": ("step_changes", ("to_status", "client_id", "at")),
    "ix_visits_status_planned_kind": ("visits", ("status", "planned_at", "kind", "client_id", "deleted_at")),
    "ix_maintenance_logs_at_way": ("maintenance_logs", ("at", "way", "client_id")),
    "ix_objections_created_at": ("objections", ("created_at",)),
    "ix_clients_created_at": ("clients", ("created_at", "source_channel", "step", "deleted_at", "referrer")),
    "ix_deals_actual_date": ("deals", ("actual_date",)),
    "ix_deals_created_at": ("deals", ("created_at",)),
    "ix_tasks_done_at": ("tasks", ("done_at",)),
    "ix_tasks_created_at": ("tasks", ("created_at",)),
    "ix_complaints_received_at": ("complaints", ("received_at",)),
}


def upgrade() -> None:
    bind = op.get_bind()
    present = set(sa.inspect(bind).get_table_names())
    tables = []
    for name, (table, columns) in INDEXES.items():
        if table in present:  # every one exists at 0020; guarded all the same
            op.create_index(name, table, list(columns), if_not_exists=True)
            if table not in tables:
                tables.append(table)
    for table in tables:  # the planner's statistics, so that the new indexes are used
        bind.exec_driver_sql(f"ANALYZE {table}")  # a fixed name from INDEXES above, never input


def downgrade() -> None:
    for name, (table, _columns) in INDEXES.items():
        op.drop_index(name, table_name=table, if_exists=True)
