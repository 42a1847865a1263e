"""The product catalogue: seeded from resources/products.toml, read by deals and plans."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass

from sqlalchemy import select

from rmdesk.paths import resources_dir
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


def shipped_products() -> list[dict]:
    with open(resources_dir() / "products.toml", "rb") as fh:
        return tomllib.load(fh)["product"]


def ensure_products(store: Store) -> int:
    """Insert shipped products the store lacks (never changes or removes existing ones)."""
    shipped = shipped_products()
    with store.read() as s:
        have = set(s.scalars(select(Product.key)))
    missing = [p for p in shipped if p["key"] not in have]
    if not missing:
        return 0
    with store.write() as s:
        for p in missing:
            s.add(Product(key=p["key"], category=p["category"], name_zh=p["zh_CN"], name_en=p["en"]))
    return len(missing)


def list_products(store: Store) -> list[ProductRow]:
    with store.read() as s:
        rows = s.scalars(select(Product).where(Product.active).order_by(Product.id))
        return [ProductRow(p.id, p.key, p.category, p.name_zh, p.name_en) for p in rows]
