"""`rmdesk export --what warnings|related`: the early-warning log and the related parties as
rows with stable English keys (rmdesk.services.dataio writes them as CSV or XLSX)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import aliased

from rmdesk.store.models import Client, EarlyWarning, RelatedParty

WHAT = ("warnings", "related")
WARNING_FIELDS = ("id", "credit_code", "name", "signal", "severity", "seen_on", "detail", "action", "closed_on",
                  "closed_note")
RELATED_FIELDS = ("id", "credit_code", "name", "kind", "other_credit_code", "other_name", "amount", "note",
                  "created_at")


def rows(s, what: str) -> tuple[tuple[str, ...], list[list[object]]]:
    """Headers and rows of live clients' entries (the session's own visibility applies)."""
    if what == "warnings":
        query = (select(EarlyWarning.id, Client.credit_code, Client.name, EarlyWarning.signal, EarlyWarning.severity,
                        EarlyWarning.seen_on, EarlyWarning.detail, EarlyWarning.action, EarlyWarning.closed_on,
                        EarlyWarning.closed_note)
                 .join(Client, EarlyWarning.client_id == Client.id).where(Client.deleted_at.is_(None))
                 .order_by(EarlyWarning.id))
        return WARNING_FIELDS, [list(r) for r in s.execute(query)]
    other = aliased(Client)
    query = (select(RelatedParty.id, Client.credit_code, Client.name, RelatedParty.kind, other.credit_code,
                    RelatedParty.other_name, RelatedParty.amount, RelatedParty.note, RelatedParty.created_at)
             .join(Client, RelatedParty.client_id == Client.id)
             .outerjoin(other, RelatedParty.other_client_id == other.id)
             .where(Client.deleted_at.is_(None)).order_by(RelatedParty.id))
    return RELATED_FIELDS, [list(r) for r in s.execute(query)]
