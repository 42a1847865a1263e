"""The demo book's risk watch (issue 19): related parties (group parents, main suppliers and
buyers, guarantees — among them a guarantee chain, mutual guarantees and a circle of three)
and early warnings at some maintained clients, open and closed. From its own random stream,
so the rest of the demo book stays as it was. Called by rmdesk.services.demo."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from rmdesk.services.early_warnings import signals
from rmdesk.services.import_plan import normalise_name
from rmdesk.store.models import EarlyWarning, RelatedParty

BRANDS = "华恒金泰宏达瑞丰中联鑫源盛世天成永安东方新海长城"
UPSTREAM = ("钢材贸易有限公司", "包装材料有限公司", "化工原料有限公司", "机电设备有限公司", "物流有限公司")
DOWNSTREAM = ("商贸有限公司", "建设集团有限公司", "连锁超市有限公司", "汽车制造有限公司", "电器有限公司")
ACTIONS = ("已约见财务负责人了解情况", "已上报风险部门，每周跟踪", "已要求企业提供最新报表", "已实地走访核实")
CLOSED_NOTES = ("企业已说明原因，经营恢复正常", "已补充抵押物，风险可控", "欠息已结清")


def _row(client_id: int, kind: str, other_id: int | None, name: str, created: datetime,
         amount: Decimal | None = None, note: str | None = None) -> dict:
    return {"client_id": client_id, "kind": kind, "other_client_id": other_id, "other_name": name,
            "other_key": normalise_name(name), "amount": amount, "note": note, "created_at": created}


def add_rows(rng: random.Random, rows: dict[str, list[dict]], today: date, detail: bool = True) -> dict[str, type]:
    """Add the rows to `rows` ("related", "warnings"); returns {key: model} for the bulk insert."""
    rows["related"], rows["warnings"] = [], []
    if not detail:
        return {}
    now = datetime.combine(today, time(8, 0))
    book = rows["clients"]
    names = {c["id"]: c["name"] for c in book}
    kept = [c["id"] for c in book if c["step"] >= 5 and c["status"] != "lost"]
    for c in book:
        if rng.random() < 0.12:  # main suppliers and buyers that are not clients yet (关系法)
            kind = rng.choice(("supplier", "buyer"))
            words = UPSTREAM if kind == "supplier" else DOWNSTREAM
            name = "".join(rng.sample(BRANDS, 2)) + rng.choice(words)
            if normalise_name(name) != normalise_name(c["name"]):
                rows["related"].append(_row(c["id"], kind, None, name, now - timedelta(days=rng.randint(1, 200)),
                                            Decimal(rng.randint(100, 5000)) * 10_000))
        if rng.random() < 0.04:
            rows["related"].append(_row(c["id"], "parent", None, c["name"][:2] + "控股集团有限公司",
                                        now - timedelta(days=rng.randint(1, 300))))
    pairs = set()
    for _ in range(max(1, len(book) // 50)):  # affiliates and one-link guarantees among clients
        a, b = rng.sample(range(1, len(book) + 1), 2) if len(book) > 1 else (1, 1)
        if a != b and (a, b) not in pairs and (b, a) not in pairs:
            pairs.add((a, b))
            kind = rng.choice(("affiliate", "guarantor"))
            rows["related"].append(_row(a, kind, b, names[b], now - timedelta(days=rng.randint(1, 200)),
                                        Decimal(rng.randint(500, 3000)) * 10_000 if kind == "guarantor" else None))
    patterns = []
    if len(kept) >= 9:  # one of each risk pattern: a chain, mutual guarantees, a circle of three
        chosen = rng.sample(kept, 9)
        patterns = [("chain", chosen[0:3]), ("mutual", chosen[3:5]), ("circle", chosen[5:8])]
        x, y, z = chosen[0:3]
        rows["related"] += [_row(y, "guarantor", x, names[x], now), _row(y, "guaranteed", z, names[z], now)]
        x, y = chosen[3:5]
        rows["related"] += [_row(x, "guaranteed", y, names[y], now), _row(y, "guaranteed", x, names[x], now)]
        x, y, z = chosen[5:8]
        rows["related"] += [_row(x, "guaranteed", y, names[y], now), _row(y, "guaranteed", z, names[z], now),
                            _row(z, "guaranteed", x, names[x], now)]
    catalogue = [s for s in signals() if s.category != "guarantee"]
    flagged = {cid for kind, ids in patterns for cid in ids}
    for cid in kept:
        if rng.random() >= 0.1 or cid in flagged:
            continue
        for s in rng.sample(catalogue, rng.randint(1, 2)):
            seen = today - timedelta(days=rng.randint(0, 90))
            closed = seen + timedelta(days=rng.randint(5, 40)) if rng.random() < 0.35 else None
            if closed is not None and closed > today:
                closed = None
            rows["warnings"].append(_warning(cid, s.key, s.severity, seen, rng.choice(ACTIONS), closed,
                                             rng.choice(CLOSED_NOTES) if closed else None, now))
    for kind, ids in patterns:  # the RM logged the guarantee risk at the first of each pattern
        key = "guarantee_chain" if kind == "chain" else "mutual_guarantee"
        severity = "medium" if kind == "chain" else "high"
        rows["warnings"].append(_warning(ids[0], key, severity, today - timedelta(days=rng.randint(1, 20)),
                                         "梳理担保关系，逐步压降互保额度", None, None, now))
    return {"related": RelatedParty, "warnings": EarlyWarning}


def _warning(cid: int, key: str, severity: str, seen: date, action: str, closed: date | None,
             note: str | None, now: datetime) -> dict:
    return {"client_id": cid, "signal": key, "seen_on": seen, "severity": severity, "detail": None,
            "action": action, "closed_on": closed, "closed_note": note, "task_id": None, "created_at": now,
            "updated_at": now, "version": 1, "changed_by": None}
