"""A reusable fault-injection harness (issue 14): kill an operation at random points,
fill the disk under it, make its folder read-only; then check the invariants.

- `kill_rounds(prepare, operation, check, kills)`: each round copies a prepared data
  folder, forks a child that runs `operation(folder)` and SIGKILLs it at a random moment
  inside the operation (the child reports when it starts; the delays are spread over the
  operation's measured length); then `check(folder)` returns the state found ("old",
  "new", ...) or raises AssertionError. Returns a Counter of the states.
- `small_disk(size)`: a tmpfs of that size (root), else None (the caller injects ENOSPC).
- `read_only(folder)`: the folder as a read-only bind mount (root), else chmod.
- `damage_clients(path)`: a SQLite book whose clients table and indexes are garbage.
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _run_child(operation: Callable[[Path], object], folder: Path, go_fd: int) -> None:
    try:
        os.write(go_fd, b"s")
        operation(folder)
        os.write(go_fd, b"e")
    finally:
        os._exit(0)


def measure(operation: Callable[[Path], object], folder: Path) -> float:
    """Seconds `operation` takes in a child (not killed): the span the kills land in."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        _run_child(operation, folder, w)
    os.close(w)
    os.read(r, 1)
    start = time.perf_counter()
    os.read(r, 1)
    took = time.perf_counter() - start
    os.waitpid(pid, 0)
    os.close(r)
    return took


def kill_once(operation: Callable[[Path], object], folder: Path, delay: float) -> bool:
    """Run `operation(folder)` in a child and SIGKILL it `delay` seconds after it starts.
    Returns whether the kill landed before the operation ended."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        _run_child(operation, folder, w)
    os.close(w)
    os.read(r, 1)  # started
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    finished = os.read(r, 1) == b"e"
    os.close(r)
    return not finished


def kill_rounds(template: Path, operation: Callable[[Path], object], check: Callable[[Path], str],
                kills: int, seed: int = 14) -> Counter:
    """`kills` rounds on copies of `template`; the states `check` found, counted, plus
    'landed' (kills that hit the running operation)."""
    rng = random.Random(seed)
    work = Path(tempfile.mkdtemp(prefix="rmdesk-kill-"))
    states: Counter = Counter()
    try:
        probe = work / "probe"
        shutil.copytree(template, probe)
        span = max(measure(operation, probe), 0.002)
        for n in range(kills):
            folder = work / f"round-{n}"
            shutil.copytree(template, folder)
            landed = kill_once(operation, folder, rng.random() * span * 1.1)
            states["landed"] += landed
            states[check(folder)] += 1
            shutil.rmtree(folder, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return states


@contextlib.contextmanager
def small_disk(size: str = "2m") -> Iterator[Path | None]:
    """A fresh tmpfs of `size` (as root); None when it cannot be mounted."""
    point = Path(tempfile.mkdtemp(prefix="rmdesk-full-"))
    mounted = IS_ROOT and subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point)],
                                         capture_output=True).returncode == 0
    try:
        yield point if mounted else None
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(point)], capture_output=True)
        shutil.rmtree(point, ignore_errors=True)


def fill(folder: Path, leave: int = 0) -> None:
    """Fill the file system of `folder` up to `leave` free bytes."""
    with open(folder / "ballast", "wb") as fh:
        chunk = b"\0" * 65536
        with contextlib.suppress(OSError):
            while True:
                free = os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize
                if free <= leave:
                    break
                fh.write(chunk[: max(1, min(len(chunk), free - leave))])
                fh.flush()


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[Path]:
    """`folder` seen through a read-only bind mount (root: chmod does not stop root), or
    with its write bits taken away."""
    if IS_ROOT:
        view = Path(tempfile.mkdtemp(prefix="rmdesk-ro-"))
        ok = subprocess.run(["mount", "--bind", str(folder), str(view)], capture_output=True).returncode == 0
        ok = ok and subprocess.run(["mount", "-o", "remount,bind,ro", str(view)],
                                   capture_output=True).returncode == 0
        if ok:
            try:
                yield view
            finally:
                subprocess.run(["umount", "-l", str(view)], capture_output=True)
                shutil.rmtree(view, ignore_errors=True)
            return
        subprocess.run(["umount", "-l", str(view)], capture_output=True)
    modes = {p: p.stat().st_mode for p in [folder, *folder.rglob("*")]}
    for p in modes:
        p.chmod(modes[p] & ~0o222)
    try:
        yield folder
    finally:
        for p, mode in modes.items():
            p.chmod(mode)


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under `folder` with its size and mtime: to prove nothing was written."""
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file()}


# the pages of the clients table and of its indexes (dbstat names each page's b-tree)
CLIENT_PAGES = ("SELECT pageno FROM dbstat WHERE name = 'clients' OR name IN"
                " (SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'clients')")


def damage_clients(path: Path) -> None:
    """Damage every page of the clients table and its indexes, so that every read of a client
    fails, the start's glance and the store's check alike. Damage at a fixed offset would land
    wherever the book's layout puts it: on pages no start-up read touches, with the glance's
    Today shown before the restore offer, whenever the layout changes."""
    with closing(sqlite3.connect(path)) as con:
        pages = [pageno for (pageno,) in con.execute(CLIENT_PAGES)]
        page_size = con.execute("PRAGMA page_size").fetchone()[0]
    assert pages and 1 not in pages  # the file's header and schema page stay readable
    with open(path, "r+b") as fh:
        for pageno in pages:
            fh.seek((pageno - 1) * page_size)
            fh.write(b"\xde\xad" * (page_size // 2))
