"""Files other programs read (issue 16): a book id, a phone number's normalised form beside
what was typed, and each visit's calendar version.

- settings['book_id']: a random id made once per book (with the store; kept by backups and
  restores), so the calendar UIDs of two RMs' books never collide.
- contacts.phone_normalized: E.164 with an extension (+861088886666;ext=123), or NULL when
  the typed number is not one the phone-number metadata knows; filled for stored contacts.
- visits.sequence / visits.updated_at: the iCalendar SEQUENCE and LAST-MODIFIED. Filled from
  what the export counted so far (reschedules, a call report, a cancellation), so no event
  already in a user's calendar sees its SEQUENCE go down.

Revision ID: 0012_files_out
Revises: 0009_foreign_key_indexes
"""
import json
import uuid

import sqlalchemy as sa
from alembic import op

from rmdesk.formatting import normalise_phone

revision = "0012_files_out"
down_revision = "0009_foreign_key_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    # Idempotent: a store whose search triggers were lost is walked back to before 0006 and
    # upgraded again (engine.py); the columns and what they hold are kept then.
    if "phone_normalized" in {c["name"] for c in sa.inspect(conn).get_columns("contacts")}:
        return
    op.add_column("contacts", sa.Column("phone_normalized", sa.String(40), nullable=True))
    op.add_column("visits", sa.Column("sequence", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("visits", sa.Column("updated_at", sa.DateTime(), nullable=True))
    if conn.execute(sa.text("SELECT 1 FROM settings WHERE key = 'book_id'")).first() is None:
        conn.execute(sa.text("INSERT INTO settings (key, value) VALUES ('book_id', :v)"),
                     {"v": json.dumps(uuid.uuid4().hex)})
    updates = [{"i": cid, "n": normalise_phone(phone)} for cid, phone in conn.execute(
        sa.text("SELECT id, phone FROM contacts WHERE phone IS NOT NULL AND phone <> ''"))]
    updates = [u for u in updates if u["n"]]
    if updates:
        conn.execute(sa.text("UPDATE contacts SET phone_normalized = :n WHERE id = :i"), updates)
    moves: dict[str, list] = {}
    for field, at in conn.execute(sa.text("SELECT field, at FROM client_events WHERE kind = 'visit_rescheduled'")):
        moves.setdefault(field, []).append(at)
    rows = []
    for vid, created, reported, status in conn.execute(
            sa.text("SELECT id, created_at, reported_at, status FROM visits")):
        moved = moves.get(f"visits.{vid}.planned_at", [])
        stamps = [t for t in (created, reported, *moved) if t is not None]
        rows.append({"i": vid, "s": len(moved) + (1 if reported else 0) + (1 if status == "cancelled" else 0),
                     "u": max(stamps, key=str) if stamps else None})
    if rows:
        conn.execute(sa.text("UPDATE visits SET sequence = :s, updated_at = :u WHERE id = :i"), rows)


def downgrade() -> None:
    with op.batch_alter_table("visits") as batch:
        batch.drop_column("updated_at")
        batch.drop_column("sequence")
    with op.batch_alter_table("contacts") as batch:
        batch.drop_column("phone_normalized")
    op.execute("DELETE FROM settings WHERE key = 'book_id'")
