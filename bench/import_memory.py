"""Peak memory of reading an import file at its worst under the caps (issue 14): each
file is read by `dataio.read_import_table` in a fresh process and its peak RSS taken
(VmHWM: ru_maxrss would keep the peak of the process that spawned it across the exec, the
whole bench's when `make bench` runs it). Target: about 500 MB. Files are generated into a temporary folder.

    python -m bench.import_memory          (prints the rows; `make bench` records them)
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from rmdesk.formats import tabular

PROBE = """
import json, sys, time
from rmdesk.services import dataio
start = time.perf_counter()
try:
    table = dataio.read_import_table(sys.argv[1])
    outcome = f"{len(table.rows):,} rows x {len(table.headers)} columns read"
except Exception as exc:
    outcome = "refused: " + str(exc)[:80]
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({"rss_mb": peak / 1024,
                  "seconds": time.perf_counter() - start, "outcome": outcome}))
"""


def _short_cells(path: Path, columns: int, rows: int) -> None:
    """Every cell a distinct short string: the most Python objects per byte of file."""
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(",".join(f"c{i}" for i in range(columns)) + "\n")
        for r in range(rows):
            fh.write(",".join(f"{(r * columns + i) % 99991:x}" for i in range(columns)) + "\n")


def _long_chinese_cells(path: Path, limit: int) -> None:
    """Chinese text up to the file cap: the biggest decoded text under it."""
    cell = "华能电力集团有限公司客户情报备注" * 4
    columns = tabular.MAX_CELLS // 200_000
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(",".join(f"列{i}" for i in range(columns)) + "\n")
        written = 0
        while written < limit - 10_000:
            line = ",".join(cell for _ in range(columns)) + "\n"
            fh.write(line)
            written += len(line.encode())


def cases(folder: Path) -> list[tuple[str, Path]]:
    width = 20
    under = folder / "short-cells-under.csv"
    _short_cells(under, width, tabular.MAX_CELLS // width)
    over = folder / "short-cells-over.csv"
    _short_cells(over, width, 3 * tabular.MAX_CELLS // width)
    chinese = folder / "chinese-100mb.csv"
    _long_chinese_cells(chinese, tabular.MAX_FILE_BYTES)
    return [(f"import read: {tabular.MAX_CELLS:,} short distinct cells ({under.stat().st_size / 1e6:.0f} MB csv)", under),
            (f"import read: 3x the cell cap ({over.stat().st_size / 1e6:.0f} MB csv), refused", over),
            (f"import read: Chinese text up to the {tabular.MAX_FILE_BYTES >> 20} MB cap", chinese)]


def figures(repeat: int = 3) -> list[dict]:
    out = []
    with tempfile.TemporaryDirectory(prefix="rmdesk-bench-import-") as tmp:
        for name, path in cases(Path(tmp)):
            runs = [json.loads(subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True,
                                              text=True, check=True).stdout.strip().splitlines()[-1])
                    for _ in range(repeat)]
            out.append({"figure": name, "rss_mb": [r["rss_mb"] for r in runs],
                        "seconds": [r["seconds"] for r in runs], "outcome": runs[0]["outcome"]})
    return out


if __name__ == "__main__":
    for row in figures(1):
        print(f"{row['figure']:<62} peak {row['rss_mb'][0]:7.0f} MB  {row['seconds'][0]:6.1f} s  {row['outcome']}")
