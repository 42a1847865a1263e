"""No lost update on the last editable rows without a version: a client's statement years (saved
as a whole, like its bank list) get a version of their own on the client with who changed them
and when; a proposal draft gets an edit version (its `version` column is the proposal's own
numbering, v1, v2 …) and who changed it. A setting's key is longer: on a team database each RM's
own settings (profile, goals, reminders) carry the login ("profile@lina", services.settings).

Revision ID: 0029_draft_versions
Revises: 0028_report_speed2
"""
import sqlalchemy as sa
from alembic import op

revision = "0029_draft_versions"
down_revision = "0028_report_speed2"
branch_labels = None
depends_on = None

# table -> the columns it gets (name, type, server default)
COLUMNS = {
    "clients": (("years_version", sa.Integer(), "1"), ("years_changed_by", sa.String(64), None),
                ("years_changed_at", sa.DateTime(), None)),
    "proposals": (("edit_version", sa.Integer(), "1"), ("changed_by", sa.String(64), None)),
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
    if op.get_bind().dialect.name != "sqlite":  # SQLite does not enforce a VARCHAR's length
        # A team database upgraded from before 0025 has the settings policy already (0025
        # refreshes the team's policies with today's rmdesk.store.team), and PostgreSQL will not
        # change the type of a column a policy reads: it goes, and 0030 makes it again.
        op.execute("DROP POLICY IF EXISTS rmdesk_access ON settings")
        op.alter_column("settings", "key", type_=sa.String(160), existing_nullable=False)


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN itself (SQLite 3.35+), not a batch copy of the table: the copy's
    # rename would trip over the triggers of 0027 that name `clients` (SQLite checks them all).
    # The settings key stays long: a personal key may be longer than 64 characters.
    for table, columns in COLUMNS.items():
        have = _columns(table)
        for name in [name for name, _type, _default in reversed(columns) if name in have]:
            op.drop_column(table, name)
