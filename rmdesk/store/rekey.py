"""Setting, changing or removing the password: the store, every backup and every
set-aside copy of a damaged store are written again under the new key.

All or nothing (rmdesk.store.journal): every file is first written under the new key
into a temporary beside it (checked, fsynced); only when all of them are ready is the
journal written and the temporaries renamed into place. A kill before the journal
leaves the old state (the next open deletes the temporaries); a kill after it is rolled
forward by the next open. A file that cannot be rewritten (damaged, under another key,
a full disk) fails the whole operation, loudly, with nothing changed. Leftover partial
files (killed backups and operations) are deleted first: they hold data too.

Runs with the folder lock held (shared with this process's own store, which must be
closed: its connections would hold the old file)."""

from __future__ import annotations

import os
from pathlib import Path

from rmdesk.errors import StoreError
from rmdesk.paths import STORE_FILENAME
from rmdesk.store import journal
from rmdesk.store.backup import list_backups
from rmdesk.store.crypto import classify, rewrite_into, verify


def data_files(data_dir: Path) -> list[Path]:
    """Every file that holds the book's data: the store, the backups, the set-aside
    copies of a damaged store (their -wal goes with them)."""
    files = [data_dir / STORE_FILENAME] + [b.path for b in list_backups(data_dir)]
    files += sorted(p for p in data_dir.glob(f"{STORE_FILENAME}.corrupt-*")
                    if not p.name.endswith(("-wal", "-shm")))
    return files


def _pair_old_corrupt_logs(data_dir: Path) -> None:
    """Before this version a damaged store's log was set aside as rmdesk.sqlite3-wal.corrupt-T:
    give it the name SQLite looks for beside rmdesk.sqlite3.corrupt-T, so it is rewritten with it."""
    for suffix in ("-wal", "-shm"):
        for old in data_dir.glob(f"{STORE_FILENAME}{suffix}.corrupt-*"):
            stamp = old.name.rsplit(".corrupt-", 1)[1]
            main = data_dir / f"{STORE_FILENAME}.corrupt-{stamp}"
            if suffix == "-shm" or not main.exists():
                if suffix == "-wal" and not main.exists():
                    raise StoreError("store.rekey_file", name=old.name, reason="no database beside it")
                old.unlink()  # an index of the log: no data
            else:
                os.replace(old, data_dir / f"{main.name}-wal")


def change_password(data_dir: Path, old: str | None, new: str | None) -> int:
    """Encrypt (old None), re-key, or decrypt (new None) the store and all its copies.
    Returns how many files were rewritten."""
    store = data_dir / STORE_FILENAME
    with journal.locked(data_dir):
        journal.recover(data_dir)  # an interrupted operation first; leftover partial files go
        verify(store, old)
        if not new and classify(store) != "encrypted":
            return 0
        _pair_old_corrupt_logs(data_dir)
        files = data_files(data_dir)
        prepared: list[tuple[Path, Path]] = []
        try:
            for path in files:
                kind = classify(path)
                if kind == "empty":  # holds nothing: nothing to leak
                    continue
                key = old if kind == "encrypted" else None
                tmp = path.with_name(f".{path.name}.rekey")
                try:
                    rewrite_into(path, tmp, key, new)
                except StoreError as exc:
                    raise StoreError("store.rekey_file", name=path.name, reason=exc.message()) from exc
                except Exception as exc:  # noqa: BLE001 - another key, damage, a full disk, ...
                    reason = getattr(exc, "strerror", None) or str(exc)
                    raise StoreError("store.rekey_file", name=path.name, reason=reason) from exc
                prepared.append((path, tmp))
        except BaseException:
            for _path, tmp in prepared:
                tmp.unlink(missing_ok=True)
            for path in files:
                path.with_name(f".{path.name}.rekey").unlink(missing_ok=True)
            raise
        steps: list[journal.Step] = []
        for path, tmp in prepared:
            rel, rel_tmp = str(path.relative_to(data_dir)), str(tmp.relative_to(data_dir))
            steps += [("unlink", f"{rel}-wal", ""), ("unlink", f"{rel}-shm", ""), ("replace", rel_tmp, rel)]
        for path in files:
            if classify(path) == "empty":
                steps.append(("unlink", str(path.relative_to(data_dir)), ""))
        steps = [s for s in steps if not (s[0] == "unlink" and s[1] == STORE_FILENAME)]  # never the store
        try:
            journal.commit(data_dir, "password", steps)
        except OSError as exc:
            if journal.pending(data_dir):  # the journal is there: finished at the next open
                raise StoreError("store.rekey_failed", reason=exc.strerror or str(exc)) from exc
            for _path, tmp in prepared:
                tmp.unlink(missing_ok=True)
            raise StoreError("store.rekey_failed", reason=exc.strerror or str(exc)) from exc
        return len(prepared)
