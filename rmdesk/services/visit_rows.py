"""A visit and a next-step task as lists show them, in a module of their own: the start's
first glance at the book (rmdesk.services.glance) makes these for Today before SQLAlchemy
is loaded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class VisitRow:
    id: int
    client_id: int
    client_name: str
    contact_name: str | None
    planned_at: datetime
    duration_min: int
    place: str | None
    kind: str
    objective: str | None
    status: str
    confirmed: bool
    version: int = 1  # pass it back to the edits in services.visits (no lost update)


@dataclass(frozen=True)
class TaskRow:
    id: int
    client_id: int
    client_name: str
    title: str
    owner: str
    due_date: date | None
    version: int = 1
