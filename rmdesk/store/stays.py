"""The start of each stay, stored on the step change that ends it (issue 18: the funnel's
velocity as one indexed scan, no lookup per move).

`step_changes.stay_since` on a row that leaves a step (`from_step` set) holds when the
client's stay in `from_step` began: the `at` of the latest change before this row (by `at`,
then by id) that brought the client into that step from another step or from none. A
change that keeps the step (a status change) neither starts nor ends a stay. No such change
(the history lacks it): NULL, and the stay is left out of the velocity.

Every writer fills it when it writes the row: pipeline's moves through `start_of()` (the
new row is the client's latest), the demo through `fill_rows()`; migration 0028 backfills
an existing store with `fill()`. Rows that enter from no step (a new or imported client)
have none."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import Connection, func, or_, select, text
from sqlalchemy.orm import Session

from rmdesk.store.models import StepChange

# Every row leaving a step, recomputed (idempotent); `:only` limits it to one client.
_FILL = """
UPDATE step_changes SET stay_since = (
    SELECT max(came.at) FROM step_changes came
    WHERE came.client_id = step_changes.client_id
      AND came.to_step = step_changes.from_step
      AND (came.from_step IS NULL OR came.from_step <> came.to_step)
      AND (came.at < step_changes.at OR (came.at = step_changes.at AND came.id < step_changes.id)))
WHERE from_step IS NOT NULL
"""


def fill(conn: Connection, client_id: int | None = None) -> int:
    """Recompute `stay_since` of every row leaving a step (of one client, or all). Returns
    the number of rows updated."""
    if client_id is None:
        return conn.execute(text(_FILL)).rowcount
    return conn.execute(text(_FILL + " AND client_id = :client_id"), {"client_id": client_id}).rowcount


def start_of(conn: Connection | Session, client_id: int, step: int, at: datetime) -> datetime | None:
    """When the stay in `step` began for a change written now at `at` (the client's latest
    row: every earlier row has a lower id, so `at` ties count as earlier). A session
    flushes its pending changes first, so a second move in the same transaction sees the first."""
    return conn.execute(select(func.max(StepChange.at)).where(
        StepChange.client_id == client_id, StepChange.to_step == step,
        or_(StepChange.from_step.is_(None), StepChange.from_step != StepChange.to_step),
        StepChange.at <= at)).scalar()


def fill_rows(rows: Iterable[dict]) -> None:
    """Set "stay_since" on plain step-change rows about to be inserted in this order (their
    ids follow it), by the same definition as fill(). Rows of other clients may interleave."""
    entries: dict[tuple[int, int], list[datetime]] = defaultdict(list)  # (client, step) -> entry times so far
    for row in rows:
        start = None
        if row["from_step"] is not None:
            earlier = [t for t in entries[(row["client_id"], row["from_step"])] if t <= row["at"]]
            start = max(earlier) if earlier else None
        row["stay_since"] = start
        if row["from_step"] is None or row["from_step"] != row["to_step"]:
            entries[(row["client_id"], row["to_step"])].append(row["at"])
