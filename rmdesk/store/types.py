"""Column types. Money and rates are Decimal in Python and scaled integers in the
database: exact on SQLite (whose NUMERIC is a float) and on PostgreSQL alike."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import BigInteger
from sqlalchemy.types import TypeDecorator


class ScaledDecimal(TypeDecorator):
    """Decimal stored as an integer count of 10**-scale units (scale 2: fen)."""

    impl = BigInteger
    cache_ok = True

    def __init__(self, scale: int) -> None:
        super().__init__()
        self.scale = scale
        self._factor = Decimal(10) ** scale
        self._quantum = Decimal(1).scaleb(-scale)

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        return int((Decimal(value) * self._factor).to_integral_value())

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return (Decimal(value) / self._factor).quantize(self._quantum)


def Money() -> ScaledDecimal:  # noqa: N802 - reads as a type in column definitions
    """CNY amount in yuan, stored as integer fen."""
    return ScaledDecimal(2)


def Rate() -> ScaledDecimal:  # noqa: N802
    """Interest rate in percent, four decimals (3.4500 = 3.45 %)."""
    return ScaledDecimal(4)
