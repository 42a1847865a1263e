"""A team database's settings rows under row-level security: each RM's own profile, targets
and reminders ("profile@lina", services.settings) readable by that RM and the leads only; the
book's rules stay the team's (rmdesk.store.team). The policies are refreshed on a database
where `team init` has run; nothing on SQLite or on a server database without a team.

Revision ID: 0030_settings_rls
Revises: 0029_draft_versions
"""
from alembic import op
from sqlalchemy import text

from rmdesk.store import team

revision = "0030_settings_rls"
down_revision = "0029_draft_versions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    team.refresh_policies(op.get_bind())  # safe to repeat (team.init)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    conn.execute(text("DROP POLICY IF EXISTS rmdesk_access ON settings"))
    conn.execute(text("ALTER TABLE settings NO FORCE ROW LEVEL SECURITY"))
    conn.execute(text("ALTER TABLE settings DISABLE ROW LEVEL SECURITY"))
