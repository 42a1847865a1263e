"""The one place the core asks for the time, so tests can pin it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime

_fixed: datetime | None = None


def now() -> datetime:
    """Naive local wall-clock time, to the second (see store/models.py on time)."""
    return (_fixed or datetime.now()).replace(microsecond=0)


def today() -> date:
    return now().date()


def pin(moment: datetime | None) -> None:
    """Tests only: freeze now() at `moment` (None releases it)."""
    global _fixed
    _fixed = moment


@contextmanager
def pinned(moment: datetime) -> Iterator[None]:
    """Tests only: now() at `moment` inside the block, and afterwards what it was before (a
    session fixture first built inside a test must not release that test's own pin)."""
    global _fixed
    before, _fixed = _fixed, moment
    try:
        yield
    finally:
        _fixed = before
