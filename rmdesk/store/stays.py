"""What the funnel needs of the step history, stored on each step change when it is written
(issue 18: the funnel and its velocity as plain indexed scans, no lookup per move and no
grouping of the whole history by client).

- `stay_since`, on a row that leaves a step (`from_step` set): when the client's stay in
  `from_step` began, the `at` of the latest change before this row (by `at`, then by id) that
  brought the client into that step from another step or from none. A change that keeps the
  step (a status change) neither starts nor ends a stay. None found (the history lacks it):
  NULL, and the stay is left out of the velocity.
- `entry_before`, on a forward entry (from no step or a lower one): the `at` of the client's
  previous forward entry into the same step (by `at`, then by id), NULL when none. The entry
  is the client's first into its step within a period that starts after `entry_before`.
- `moved_on_at`, on a forward entry: the earliest `at` at or after it of a forward entry of
  the client into a higher step, NULL when none yet. Written when that later entry is.

Every writer fills them: pipeline's moves through `written()` (the new row is the client's
latest; it also sets `moved_on_at` on the earlier entries the move passes), the demo through
`fill_rows()`; migration 0028 backfills an existing store with `fill()`. A row that enters
from no step for a new or imported client has no earlier row, so all three stay NULL."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import Connection, func, or_, select, text, update
from sqlalchemy.orm import Session

from rmdesk.store.models import StepChange

# Every row recomputed in one pass (idempotent); `:client_id` limits it to one client.
_FILL = """UPDATE step_changes SET
    stay_since = CASE WHEN from_step IS NOT NULL THEN (
        SELECT max(came.at) FROM step_changes came
        WHERE came.client_id = step_changes.client_id
          AND came.to_step = step_changes.from_step
          AND (came.from_step IS NULL OR came.from_step <> came.to_step)
          AND (came.at < step_changes.at OR (came.at = step_changes.at AND came.id < step_changes.id))) END,
    entry_before = CASE WHEN (from_step IS NULL OR from_step < to_step) THEN (
        SELECT max(p.at) FROM step_changes p
        WHERE p.client_id = step_changes.client_id AND p.to_step = step_changes.to_step
          AND (p.from_step IS NULL OR p.from_step < p.to_step)
          AND (p.at < step_changes.at OR (p.at = step_changes.at AND p.id < step_changes.id))) END,
    moved_on_at = CASE WHEN (from_step IS NULL OR from_step < to_step) THEN (
        SELECT min(h.at) FROM step_changes h
        WHERE h.client_id = step_changes.client_id AND h.to_step > step_changes.to_step
          AND (h.from_step IS NULL OR h.from_step < h.to_step) AND h.at >= step_changes.at) END"""


def fill(conn: Connection, client_id: int | None = None) -> int:
    """Recompute the three columns of every row (of one client, or all), in one pass.
    Returns the number of rows."""
    if client_id is None:
        return conn.execute(text(_FILL)).rowcount
    return conn.execute(text(_FILL + " WHERE client_id = :client_id"), {"client_id": client_id}).rowcount


def _forward(table=StepChange):
    return or_(table.from_step.is_(None), table.from_step < table.to_step)


def written(session: Session | Connection, client_id: int, from_step: int | None, to_step: int,
            at: datetime) -> dict[str, datetime | None]:
    """The three columns of a change about to be written now at `at` (the client's latest
    row: every earlier row has a lower id, so `at` ties count as earlier), and on the
    client's earlier forward entries below `to_step` the move passes, `moved_on_at`. A session
    flushes its pending changes first, so a second move in one transaction sees the first."""
    out: dict[str, datetime | None] = {"stay_since": None, "entry_before": None, "moved_on_at": None}
    mine = StepChange.client_id == client_id
    if from_step is not None:
        out["stay_since"] = session.execute(select(func.max(StepChange.at)).where(
            mine, StepChange.to_step == from_step,
            or_(StepChange.from_step.is_(None), StepChange.from_step != StepChange.to_step),
            StepChange.at <= at)).scalar()
    if from_step is None or from_step < to_step:
        out["entry_before"] = session.execute(select(func.max(StepChange.at)).where(
            mine, StepChange.to_step == to_step, _forward(), StepChange.at <= at)).scalar()
        out["moved_on_at"] = session.execute(select(func.min(StepChange.at)).where(
            mine, StepChange.to_step > to_step, _forward(), StepChange.at >= at)).scalar()
        session.execute(update(StepChange).where(
            mine, StepChange.to_step < to_step, _forward(), StepChange.at <= at,
            or_(StepChange.moved_on_at.is_(None), StepChange.moved_on_at > at)).values(moved_on_at=at)
            .execution_options(synchronize_session=False))
    return out


def fill_rows(rows: Iterable[dict]) -> None:
    """Set the three columns on plain step-change rows about to be inserted in this order
    (their ids follow it), by the same definitions as fill(). Rows of other clients may
    interleave."""
    rows = list(rows)
    forward_at: dict[int, list[tuple[int, datetime]]] = defaultdict(list)  # client -> (step, at) of forward entries
    for row in rows:
        if row["from_step"] is None or row["from_step"] < row["to_step"]:
            forward_at[row["client_id"]].append((row["to_step"], row["at"]))
    entries: dict[tuple[int, int], list[datetime]] = defaultdict(list)  # (client, step) -> entry times so far
    forward_so_far: dict[tuple[int, int], list[datetime]] = defaultdict(list)
    for row in rows:
        cid, at, src, dst = row["client_id"], row["at"], row["from_step"], row["to_step"]
        start = None
        if src is not None:
            earlier = [t for t in entries[(cid, src)] if t <= at]
            start = max(earlier) if earlier else None
        row["stay_since"] = start
        row["entry_before"] = row["moved_on_at"] = None
        if src is None or src < dst:
            before = [t for t in forward_so_far[(cid, dst)] if t <= at]
            row["entry_before"] = max(before) if before else None
            higher = [t for step, t in forward_at[cid] if step > dst and t >= at]
            row["moved_on_at"] = min(higher) if higher else None
            forward_so_far[(cid, dst)].append(at)
        if src is None or src != dst:
            entries[(cid, dst)].append(at)
