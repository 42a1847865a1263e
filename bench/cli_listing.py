"""Issue 14: a read-only command writes nothing and checks nothing at close, so the
whole-process `rmdesk clients list --search` costs about the same on a 100k book as on
a 1k book (target: at most 1.2x). Fresh processes, the same search, median of runs.

Run alone: `python -m bench.cli_listing DIR_100K DIR_1K` (demo books), or as part of
`make bench` (bench/__main__.py builds them)."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

SEARCH = "北京"


def process_ms(directory: Path, repeat: int) -> list[float]:
    argv = [sys.executable, "-m", "rmdesk", "--data-dir", str(directory), "clients", "list", "--search", SEARCH,
            "--limit", "50"]
    subprocess.run(argv, check=True, capture_output=True)  # warm the page cache
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True)
        out.append((time.perf_counter() - start) * 1000)
    return out


def figures(big: Path, small: Path, repeat: int = 7) -> list[dict]:
    before = sorted(p.name for p in big.iterdir())
    large = process_ms(big, repeat)
    little = process_ms(small, repeat)
    assert sorted(p.name for p in big.iterdir()) == before, "a read-only command wrote into the folder"
    ratio = statistics.median(large) / statistics.median(little)
    return [{"figure": f"clients list --search (whole process), 100k/1k = {ratio:.2f}x (target <= 1.2x)",
             "data": "100k", "values": large, "ratio": ratio},
            {"figure": "clients list --search (whole process)", "data": "1k", "values": little, "ratio": None}]


if __name__ == "__main__":
    for row in figures(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 7):
        print(f"{row['figure']:<75} {row['data']:>5} median {statistics.median(row['values']):.0f} ms "
              f"(runs: {', '.join(f'{v:.0f}' for v in row['values'])})")
