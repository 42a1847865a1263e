"""The product catalogue as deals and plans read it (seeded by rmdesk.store.products)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from rmdesk.store.engine import Store
from rmdesk.store.models import Product

# The product that first answers a need of each area (visit prefill, demo deals).
NEED_PRODUCTS = {
    "purchasing": "bank_acceptance", "sales": "factoring", "financing": "working_capital_loan",
    "idle_cash": "corporate_wealth", "settlement": "settlement_cash_mgmt", "trade": "lc_guarantee",
}


@dataclass(frozen=True)
class ProductRow:
    id: int
    key: str
    category: str
    name_zh: str
    name_en: str

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh_CN" else self.name_en


def list_products(store: Store) -> list[ProductRow]:
    with store.read() as s:
        rows = s.scalars(select(Product).where(Product.active).order_by(Product.id))
        return [ProductRow(p.id, p.key, p.category, p.name_zh, p.name_en) for p in rows]
