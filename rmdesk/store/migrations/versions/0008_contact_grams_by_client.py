"""Search index: key persons' 1–2 character index keyed by client (client_id << 32 | id),
so a search that matches many key persons reads their clients off the index.

Revision ID: 0008_contact_grams_by_client
Revises: 0006_search_index
"""
from alembic import op

from rmdesk.store import search_index

revision = "0008_contact_grams_by_client"
down_revision = "0006_search_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    search_index.rekey_contact_grams(op.get_bind())


def downgrade() -> None:
    # The key persons' part of the index goes; the code of 0006 finds it missing on open
    # (search_index.ensure) and builds it again in its own layout.
    search_index.drop_contact_grams(op.get_bind())
