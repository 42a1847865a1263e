"""Data-safety timings: backup, full check, 10,000-row import (rows/s), export."""

from __future__ import annotations

import csv
import shutil
import tempfile
import time
from pathlib import Path

from rmdesk.services import dataio
from rmdesk.services.integrity import check_database
from rmdesk.services.validation import credit_code_check_char
from rmdesk.store import backup
from rmdesk.store.engine import Store

IMPORT_ROWS = 10_000


def _code(n: int) -> str:
    body = f"9132{n:013d}"
    return body + credit_code_check_char(body)


def measure(size: int, data_dir: Path) -> list[dict]:
    out = []
    work = Path(tempfile.mkdtemp(prefix="rmdesk-bench-"))
    try:
        copy = work / "store"
        shutil.copytree(data_dir, copy, ignore=shutil.ignore_patterns("backups", "*.lock"))
        times = []
        for _ in range(3):
            start = time.perf_counter()
            backup.create_backup(copy, rotate=False)
            times.append(time.perf_counter() - start)
            shutil.rmtree(copy / "backups")
        out.append({"clients": size, "figure": "backup (online backup API + checks)",
                    "median_ms": round(sorted(times)[1] * 1000, 1)})
        start = time.perf_counter()
        check_database(copy)
        out.append({"clients": size, "figure": "rmdesk check (integrity + foreign keys)",
                    "median_ms": round((time.perf_counter() - start) * 1000, 1)})
        store = Store.open(copy)
        start = time.perf_counter()
        dataio.export_file(store, "clients", work / "clients.xlsx")
        out.append({"clients": size, "figure": "export clients to XLSX",
                    "median_ms": round((time.perf_counter() - start) * 1000, 1)})
        store.close(backup=False)

        src = work / "import.csv"
        with open(src, "w", encoding="gb18030", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["客户名称", "统一社会信用代码", "行业", "区域", "年销售额", "联系人", "手机"])
            for i in range(IMPORT_ROWS):
                w.writerow([f"基准测试企业{i:05d}有限公司", _code(i), "电力", "朝阳区", f"{i * 1000}.50",
                            f"联系人{i}", f"139{i:08d}"])
        target = Store.open(work / "import")
        start = time.perf_counter()
        plan, counts = dataio.import_file(target, src)
        took = time.perf_counter() - start
        target.close(backup=False)
        assert counts and counts["created"] == IMPORT_ROWS, plan.report("en")
        out.append({"clients": IMPORT_ROWS, "figure": f"import {IMPORT_ROWS} rows (rows/s = {IMPORT_ROWS / took:.0f})",
                    "median_ms": round(took * 1000, 1)})
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return out
