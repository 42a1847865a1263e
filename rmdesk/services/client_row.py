"""One line of the client list, in a module of its own: the start's first glance at the book
(rmdesk.services.glance) makes these before SQLAlchemy is loaded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class ClientRow:
    """One line of the client list."""

    id: int
    name: str
    short_name: str | None
    industry: str | None
    tier: str | None
    step: int
    status: str
    owner: str
    district: str | None
    next_action_date: date | None
    step_entered_at: datetime
    updated_at: datetime
    version: int = 1  # pass it back to trash_client (no lost update)
