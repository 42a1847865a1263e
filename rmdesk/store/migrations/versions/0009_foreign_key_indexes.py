"""Indexes on the foreign keys that had none: deleting a key person, a visit or a
product made SQLite scan every visit, task or deal to clear or check references
(30 ms to delete one key person in a 100,000-client book).

Revision ID: 0009_foreign_key_indexes
Revises: 0008_contact_grams_by_client
"""
from alembic import op

revision = "0009_foreign_key_indexes"
down_revision = "0008_contact_grams_by_client"
branch_labels = None
depends_on = None

INDEXES = {"ix_visits_contact_id": ("visits", "contact_id"), "ix_tasks_visit_id": ("tasks", "visit_id"),
           "ix_objections_visit_id": ("objections", "visit_id"), "ix_deals_product_id": ("deals", "product_id")}


def upgrade() -> None:
    for name, (table, column) in INDEXES.items():
        op.create_index(name, table, [column], if_not_exists=True)


def downgrade() -> None:
    for name, (table, _column) in INDEXES.items():
        op.drop_index(name, table_name=table, if_exists=True)
