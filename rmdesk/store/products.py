"""The product catalogue shipped in resources/products.toml, seeded into every store
when it opens (reference data, like the schema: the store owns it)."""

from __future__ import annotations

import tomllib
from typing import TYPE_CHECKING

from sqlalchemy import select

from rmdesk.paths import resources_dir
from rmdesk.store.models import Product

if TYPE_CHECKING:  # engine imports this module; the type is only for the signature
    from rmdesk.store.engine import Store


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
