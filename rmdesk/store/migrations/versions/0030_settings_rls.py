"""PostgreSQL, a team database: row-level security on the settings, so that an RM reads the
team's rows and only their own personal ones ("profile@lina"); a lead reads all
(rmdesk.store.team_settings). A no-op on SQLite and on a server database without a team.

Revision ID: 0030_settings_rls
Revises: 0029_draft_versions
"""
from alembic import op

from rmdesk.store import team, team_settings

revision = "0030_settings_rls"
down_revision = "0029_draft_versions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # idempotent: the policy is dropped and created again; only where `team init` has run
    conn = op.get_bind()
    if team.has_policies(conn):
        team_settings.init(conn, team.IS_LEAD)


def downgrade() -> None:
    team_settings.drop(op.get_bind())
