"""One writer process per data directory: an OS lock on <data dir>/rmdesk.lock.

The lock is advisory and held for as long as a Store is open; the kernel drops it
when the process dies (even by SIGKILL), so a crash never leaves a stale lock.
Stores opened twice in one process share the lock (reference counted).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from rmdesk.errors import StoreError, as_user_error

LOCK_FILENAME = "rmdesk.lock"
_held: dict[Path, list] = {}  # path -> [fd, count]
_mutex = threading.Lock()


def _try_lock(fd: int) -> bool:
    if os.name == "nt":  # pragma: no cover - Windows
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def acquire(data_dir: Path) -> Path:
    """Take the data directory's lock or raise StoreError('store.locked')."""
    path = (data_dir / LOCK_FILENAME).resolve()
    with _mutex:
        if path in _held:
            _held[path][1] += 1
            return path
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            # a read-only folder or a full disk in their own words, not as "cannot open"
            raise as_user_error(exc) or StoreError("store.cannot_open", reason=exc.strerror or str(exc)) from exc
        if not _try_lock(fd):
            os.close(fd)
            raise StoreError("store.locked", path=str(data_dir))
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        _held[path] = [fd, 1]
        return path


def release(path: Path) -> None:
    with _mutex:
        entry = _held.get(path)
        if entry is None:
            return
        entry[1] -= 1
        if entry[1] == 0:
            del _held[path]
            os.close(entry[0])  # closing the descriptor drops the lock
