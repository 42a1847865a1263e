"""Backups of the local SQLite store, integrity checks, restore.

Backups are made with SQLite's online backup API (a consistent copy even while the
app writes) into <data dir>/backups/ as `rmdesk-YYYYMMDD-HHMMSS[-N].sqlite3`.
A copy is written under a temporary name, checked, fsynced, then renamed into
place, so a crash never leaves a half backup with a backup's name.

Rotation (`keep`) is a pure function over the backups' timestamps: every backup of
today and yesterday, then the newest of each of the 12 days, then of each of the 10
ISO weeks, then of each of the 9 months before that (as in borg's prune: a period
whose newest backup is already kept by a finer rule does not count for the coarser one).

A store that fails `PRAGMA quick_check` is never copied into backups/, so a
corrupt store cannot push the good backups out of the rotation.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from rmdesk.errors import StoreError
from rmdesk.files import fsync_dir
from rmdesk.paths import STORE_FILENAME
from rmdesk.store import crypto

log = logging.getLogger(__name__)

BACKUP_DIR = "backups"
AUTO_INTERVAL = timedelta(minutes=30)
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 12, 10, 9
# Stamps are UTC and end in Z (rmdesk-20261123-013000Z.sqlite3), so a change of the
# computer's time zone cannot reorder the backups; older names (no Z) were local time
# and are read as such.
_NAME = re.compile(r"^rmdesk-(\d{8}-\d{6})(Z?)(?:-(\d+))?\.sqlite3$")


def utcnow() -> datetime:
    """Now in UTC, naive (the backups' and the rotation's clock)."""
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class BackupInfo:
    name: str
    path: Path
    taken_at: datetime  # UTC, naive
    size: int

    @property
    def local_time(self) -> datetime:
        """When it was taken, in this computer's zone (for showing)."""
        return self.taken_at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


# ---------------------------------------------------------------- rotation (pure)

def keep(stamps: Iterable[datetime], now: datetime) -> set[datetime]:
    """The backup timestamps to keep at `now` (the others may be deleted)."""
    ordered = sorted(set(stamps), reverse=True)
    yesterday = (now - timedelta(days=1)).date()
    kept: set[datetime] = {t for t in ordered if t.date() >= yesterday}
    periods = (
        (lambda t: t.date(), KEEP_DAILY),
        (lambda t: t.isocalendar()[:2], KEEP_WEEKLY),
        (lambda t: (t.year, t.month), KEEP_MONTHLY),
    )
    for period_of, count in periods:
        last = None
        taken = 0
        for t in ordered:
            if taken >= count:
                break
            period = period_of(t)
            if period == last:
                continue
            last = period
            if t not in kept:
                kept.add(t)
                taken += 1
    return kept


# ---------------------------------------------------------------- integrity

def quick_check(path: Path, full: bool = False, key: str | None = None) -> list[str]:
    """Problems found by SQLite's quick_check (or integrity_check + foreign_key_check
    when `full`); an empty list means the file is sound. `key`: an encrypted file's password."""
    try:
        con = crypto.open_readonly(path, key, timeout=5)
    except Exception as exc:  # noqa: BLE001 - sqlite3.Error or sqlcipher3's, or StoreError (no binding)
        return [str(exc)]
    try:
        pragma = "integrity_check" if full else "quick_check"
        rows = [r[0] for r in con.execute(f"PRAGMA {pragma}")]
        problems = [] if rows == ["ok"] else rows
        if full:
            for table, rowid, parent, _fk in con.execute("PRAGMA foreign_key_check"):
                problems.append(f"foreign key: {table} row {rowid} points to a missing {parent}")
        return problems
    except Exception as exc:  # noqa: BLE001 - "file is not a database", "database disk image is malformed"
        return [str(exc)]
    finally:
        con.close()


VERIFIED_MARK = "rmdesk.verified"  # the store file's size and mtime when a close last checked it


def _stamp(path: Path) -> dict[str, int]:
    st = path.stat()
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns}


def mark_verified(data_dir: Path) -> None:
    """Record that the store file, as it is now, passed quick_check (at a clean close)."""
    try:
        (data_dir / VERIFIED_MARK).write_text(json.dumps(_stamp(data_dir / STORE_FILENAME)), encoding="ascii")
    except OSError:  # only a shortcut for the next open: without it that open checks
        pass


def _unchanged_since_verified(data_dir: Path, path: Path, keep_mark: bool = False) -> bool:
    mark = data_dir / VERIFIED_MARK
    try:
        same = json.loads(mark.read_text(encoding="ascii")) == _stamp(path)
        wal = path.with_name(path.name + "-wal")
        pending = wal.exists() and wal.stat().st_size > 0
    except (OSError, ValueError):
        return False
    finally:
        if not keep_mark:  # a session starts: only its verified close writes it again
            mark.unlink(missing_ok=True)
    return same and not pending


def check_store(data_dir: Path, key: str | None = None, trust_verified_close: bool = False,
                keep_mark: bool = False) -> bool:
    """Raise StoreError('store.corrupt') when the store of data_dir fails quick_check.
    With `trust_verified_close` (opening the store), a file not touched since a close
    checked it is not read through again: at 100,000 clients quick_check alone takes
    longer than the whole start-up may. A crash, another writer or a copied-in file
    changes the stamp (or leaves a log behind), and then the check runs. The app runs a
    skipped check off the GUI thread once its window is up (damage at rest is caught too).
    Returns whether the check ran."""
    path = data_dir / STORE_FILENAME
    if not path.exists():
        return True
    if trust_verified_close and _unchanged_since_verified(data_dir, path, keep_mark):
        return False
    problems = quick_check(path, key=key)
    if problems:
        raise StoreError("store.corrupt", path=str(path), detail=problems[0][:200])
    return True


# ---------------------------------------------------------------- backups

def backup_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIR


def list_backups(data_dir: Path) -> list[BackupInfo]:
    """Backups, newest first."""
    folder = backup_dir(data_dir)
    if not folder.is_dir():
        return []
    found: list[tuple[datetime, int, BackupInfo]] = []
    for entry in folder.iterdir():
        m = _NAME.match(entry.name)
        if not m or not entry.is_file():
            continue
        stamp = datetime.strptime(m.group(1), "%Y%m%d-%H%M%S")
        if not m.group(2):  # an old name, in local time
            stamp = stamp.astimezone(UTC).replace(tzinfo=None)
        try:
            size = entry.stat().st_size
        except OSError:
            continue
        found.append((stamp, int(m.group(3) or 1), BackupInfo(entry.name, entry, stamp, size)))
    found.sort(key=lambda item: item[:2], reverse=True)
    return [item[2] for item in found]


def last_backup_time(data_dir: Path) -> datetime | None:
    backups = list_backups(data_dir)
    return backups[0].taken_at if backups else None


def _copy_with_backup_api(source: Path, target: Path, key: str | None = None) -> None:
    src = crypto.connect(source, key, readonly=True)
    try:
        dst = crypto.connect(target, key)  # an encrypted store gives an encrypted backup
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
        finally:
            dst.close()
    finally:
        src.close()
    with open(target, "rb+") as fh:
        os.fsync(fh.fileno())


def create_backup(data_dir: Path, now: datetime | None = None, rotate: bool = True,
                  key: str | None = None, source_checked: bool = False) -> BackupInfo:
    """Copy the store into backups/ (checked first), then rotate. Raises StoreError
    when the store fails its check (it is never copied) or the copy cannot be written.
    `source_checked`: the caller has just checked the store, closed and under its lock,
    so it is not read through a second time (the copy is still checked)."""
    source = data_dir / STORE_FILENAME
    if not source.exists():
        raise StoreError("store.no_store", path=str(source))
    if not source_checked:
        check_store(data_dir, key)
    now = (now or utcnow()).replace(microsecond=0)
    folder = backup_dir(data_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        base = f"rmdesk-{now:%Y%m%d-%H%M%S}Z"
        name, n = f"{base}.sqlite3", 1
        while (folder / name).exists():
            n += 1
            name = f"{base}-{n}.sqlite3"
        partial = folder / f".{name}.partial"
        _copy_with_backup_api(source, partial, key)
        problems = quick_check(partial, key=key)
        if problems:
            partial.unlink(missing_ok=True)
            raise StoreError("store.backup_failed", reason=problems[0][:200])
        os.replace(partial, folder / name)
        fsync_dir(folder)
    except StoreError:
        raise
    except Exception as exc:  # noqa: BLE001 - OSError, sqlite3.Error or sqlcipher3's
        for leftover in folder.glob(".*.partial"):
            leftover.unlink(missing_ok=True)  # a full disk: give the space back now
        from rmdesk.errors import as_user_error

        known = as_user_error(exc)
        if known is not None and known.key in ("store.disk_full", "store.read_only", "store.io_error"):
            raise known from exc
        raise StoreError("store.backup_failed", reason=str(getattr(exc, "strerror", None) or exc)) from exc
    info = BackupInfo(name, folder / name, now, (folder / name).stat().st_size)
    if rotate:
        rotate_backups(data_dir, now)
    return info


def rotate_backups(data_dir: Path, now: datetime) -> list[str]:
    """Delete the backups the rotation no longer keeps; returns their names."""
    backups = list_backups(data_dir)
    # Several backups in one second: the rotation sees one stamp; keep them all.
    kept = keep([b.taken_at for b in backups], now)
    removed = []
    for b in backups:
        if b.taken_at not in kept:
            try:
                b.path.unlink()
                removed.append(b.name)
            except OSError:
                log.warning("cannot delete old backup %s", b.path)
    return removed


def find_backup(data_dir: Path, name: str) -> BackupInfo:
    for b in list_backups(data_dir):
        if b.name == name or b.name == f"{name}.sqlite3":
            return b
    raise StoreError("store.backup_not_found", name=name)


def newest_good_backup(data_dir: Path, key: str | None = None) -> BackupInfo | None:
    for b in list_backups(data_dir):
        if not quick_check(b.path, key=key):
            return b
    return None


def restore_backup(data_dir: Path, name: str, now: datetime | None = None,
                   key: str | None = None) -> BackupInfo | None:
    """Replace the store with the backup `name`, holding the folder lock from start to
    end (see _restore)."""
    from rmdesk.store import journal

    with journal.locked(data_dir):
        journal.recover(data_dir)
        return _restore(data_dir, name, now, key)


def _restore(data_dir: Path, name: str, now: datetime | None, key: str | None) -> BackupInfo | None:
    """Replace the store with the backup `name`. The backup is checked first (full
    integrity check); the current store is backed up when it is sound, or moved aside
    as rmdesk.sqlite3.corrupt-<time> when it is not. The store must be closed.
    Returns the backup taken of the current store, if any."""
    chosen = find_backup(data_dir, name)
    problems = quick_check(chosen.path, full=True, key=key)
    if problems:
        raise StoreError("store.backup_corrupt", name=chosen.name, detail=problems[0][:200])
    target = data_dir / STORE_FILENAME
    now = now or utcnow()
    safety = None
    from rmdesk.store import journal

    if target.exists() and crypto.classify(target) in ("plain", "encrypted") and not quick_check(target, key=key):
        # Sound store: keep a copy, then write the backup into it through SQLite, which
        # applies it as one transaction (atomic, crash-safe, WAL-aware).
        safety = create_backup(data_dir, now, rotate=False, key=key)
        try:
            src = crypto.connect(chosen.path, key, readonly=True)
            dst = crypto.connect(target, key)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=WAL")
            finally:
                dst.close()
                src.close()
        except Exception as exc:  # noqa: BLE001 - sqlite3.Error or sqlcipher3's
            raise StoreError("store.restore_failed", reason=str(getattr(exc, "strerror", None) or exc)) from exc
        return safety
    # Missing or damaged store: a copy of the backup is prepared beside it; then, under
    # the journal, the damaged file (and its log) is set aside as
    # rmdesk.sqlite3.corrupt-<time>[-wal] (never delete a user's file) and the copy
    # renamed over it. A kill at any moment leaves a store file: the old or the new one,
    # and the next open finishes what the journal says.
    stamp = f"{now:%Y%m%d-%H%M%S}"
    aside = f"{STORE_FILENAME}.corrupt-{stamp}"
    n = 1
    while (data_dir / aside).exists():
        n += 1
        aside = f"{STORE_FILENAME}.corrupt-{stamp}-{n}"
    partial = data_dir / f".{STORE_FILENAME}.restoring"
    try:
        shutil.copyfile(chosen.path, partial)
        journal.fsync_file(partial)
        steps: list = []
        if target.exists() and target.stat().st_size > 0:
            steps.append(("keep", STORE_FILENAME, aside))
        for suffix in ("-wal", "-shm"):
            if suffix == "-wal" and (data_dir / f"{STORE_FILENAME}{suffix}").exists():
                steps.append(("keep", f"{STORE_FILENAME}{suffix}", f"{aside}{suffix}"))
            steps.append(("unlink", f"{STORE_FILENAME}{suffix}", ""))
        steps.append(("replace", partial.name, STORE_FILENAME))
        journal.commit(data_dir, "restore", steps)
    except OSError as exc:
        if not journal.pending(data_dir):
            partial.unlink(missing_ok=True)
        raise StoreError("store.restore_failed", reason=exc.strerror or str(exc)) from exc
    return safety


def timed_backup(data_dir: Path) -> tuple[BackupInfo, float]:
    """A backup and the seconds it took (for `make bench` and the notes)."""
    start = time.perf_counter()
    info = create_backup(data_dir)
    return info, time.perf_counter() - start
