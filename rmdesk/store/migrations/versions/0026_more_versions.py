"""No lost update on the rows that still lacked it: a business-volume row has a version and who
changed it last and when; a client's bank list has a version of its own (the list is saved as a
whole, apart from the client's profile) with who changed it and when; a checklist tick records
who ticked it. On PostgreSQL the change-notify trigger (0022) is re-installed in its cheaper
form (a bulk load sends one notification per table at its end, rmdesk.store.changes).

Revision ID: 0026_more_versions
Revises: 0025_pg_speed
"""
import sqlalchemy as sa
from alembic import op

from rmdesk.store import changes

revision = "0026_more_versions"
down_revision = "0025_pg_speed"
branch_labels = None
depends_on = None

# table -> the columns it gets (name, type, server default)
COLUMNS = {
    "business_volumes": (("version", sa.Integer(), "1"), ("changed_by", sa.String(64), None),
                         ("changed_at", sa.DateTime(), None)),
    "clients": (("banks_version", sa.Integer(), "1"), ("banks_changed_by", sa.String(64), None),
                ("banks_changed_at", sa.DateTime(), None)),
    "step_progress": (("changed_by", sa.String(64), None),),
}


def _columns(table: str) -> set[str]:
    return {c["name"] for c in sa.inspect(op.get_bind()).get_columns(table)}


def upgrade() -> None:
    # Idempotent: a store whose search triggers were lost is upgraded again from before 0006.
    for table, columns in COLUMNS.items():
        have = _columns(table)
        for name, type_, default in columns:
            if name not in have:
                op.add_column(table, sa.Column(name, type_, nullable=default is None, server_default=default))
    changes.ensure(op.get_bind())  # PostgreSQL only; CREATE OR REPLACE, so idempotent too


def downgrade() -> None:
    for table, columns in COLUMNS.items():
        have = _columns(table)
        drop = [name for name, _type, _default in reversed(columns) if name in have]
        if drop:
            with op.batch_alter_table(table) as batch:
                for name in drop:
                    batch.drop_column(name)
