"""The lead's review of the work reports: an owner on each report (the RM's login in team
mode, filled by the server), the sign-off (who and when, on the version signed) and the
review comments (report version, author, when, text).

One report per (owner, kind, period, version): two RMs each write their own weekly summary
of the same week. On the local book the owner stays '' (one RM, nobody to review: see
services/workreport_review.py). Row-level security on the new columns and table is set up
by `rmdesk team init` (rmdesk.store.team_reports), and by this revision on a team database
an older `rmdesk team init` set up. Reports written there before have no owner (''): only
a lead (or the admin) reads them.

Revision ID: 0023_report_review
Revises: 0020_financial_years
"""
import sqlalchemy as sa
from alembic import op

from rmdesk.store import team, team_reports

revision = "0023_report_review"
down_revision = "0020_financial_years"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Idempotent: a store whose search triggers were lost is upgraded again from before 0006.
    inspector = sa.inspect(op.get_bind())
    columns = {c["name"] for c in inspector.get_columns("work_reports")}
    if "owner" not in columns:
        with op.batch_alter_table("work_reports") as batch:
            batch.add_column(sa.Column("owner", sa.String(64), nullable=False, server_default=""))
            batch.add_column(sa.Column("signed_off_by", sa.String(64), nullable=True))
            batch.add_column(sa.Column("signed_off_at", sa.DateTime(), nullable=True))
            batch.drop_constraint("uq_work_reports_kind", type_="unique")
            batch.create_unique_constraint("uq_work_reports_owner", ["owner", "kind", "period", "version"])
    if not inspector.has_table("work_report_comments"):
        op.create_table(
            "work_report_comments",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("report_id", sa.Integer(), nullable=False),
            sa.Column("author", sa.String(64), nullable=False, server_default=""),
            sa.Column("at", sa.DateTime(), nullable=False),
            sa.Column("text", sa.Text(), nullable=False),
            sa.ForeignKeyConstraint(["report_id"], ["work_reports.id"],
                                    name=op.f("fk_work_report_comments_report_id_work_reports"), ondelete="CASCADE"),
            sa.PrimaryKeyConstraint("id", name=op.f("pk_work_report_comments")),
        )
        op.create_index(op.f("ix_work_report_comments_report_id"), "work_report_comments", ["report_id"],
                        if_not_exists=True)
    _protect_on_a_team_database()


def _protect_on_a_team_database() -> None:
    """A team database set up by an older `rmdesk team init` (row-level security on clients):
    the RMs get the new table and the work reports are protected now, not only when the admin
    runs `rmdesk team init` again."""
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    protected = bind.execute(sa.text("SELECT relrowsecurity FROM pg_class WHERE relname = 'clients' "
                                     "AND relnamespace = 'public'::regnamespace")).scalar()
    if not protected or bind.execute(sa.text("SELECT 1 FROM pg_roles WHERE rolname = :r"),
                                     {"r": team.RM_ROLE}).first() is None:
        return
    bind.execute(sa.text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON work_report_comments TO {team.RM_ROLE}"))
    bind.execute(sa.text(f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {team.RM_ROLE}"))
    team_reports.init(bind, team.IS_LEAD)


def downgrade() -> None:
    op.drop_index(op.f("ix_work_report_comments_report_id"), table_name="work_report_comments", if_exists=True)
    op.drop_table("work_report_comments", if_exists=True)
    with op.batch_alter_table("work_reports") as batch:
        batch.drop_constraint("uq_work_reports_owner", type_="unique")
        batch.create_unique_constraint("uq_work_reports_kind", ["kind", "period", "version"])
        batch.drop_column("signed_off_at")
        batch.drop_column("signed_off_by")
        batch.drop_column("owner")
