"""Multi-file operations that survive a kill at any moment (restore, password change).

An operation first prepares every new file under a temporary name (nothing the user
has is touched yet: a kill here leaves the old state plus temporaries, which the next
open deletes). Then it writes <data dir>/rmdesk.journal, atomically, listing the
steps that put the prepared files in place: each step is idempotent (`keep`: a hard
link or copy of a file set aside, `unlink`, `replace`: an atomic rename). Then it
runs the steps and deletes the journal. A kill after the journal was written is
rolled forward by the next open (`recover`), which runs the same steps again.
Only renames, links and unlinks happen after the journal: no password is needed to
finish an operation, and the store is never missing.

`recover` runs with the folder lock held, before the store is opened.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path

from rmdesk.errors import StoreError, as_user_error
from rmdesk.files import fsync_dir
from rmdesk.paths import STORE_FILENAME

log = logging.getLogger(__name__)

JOURNAL = "rmdesk.journal"
# Temporaries of our own operations (never a user's file): deleted at the next open.
_LEFTOVERS_DATA = (".rmdesk.sqlite3.restoring", ".rmdesk.journal.tmp")
_LEFTOVER_SUFFIXES = (".partial", ".rekey", ".restoring", ".rekey-journal", ".rekey-wal", ".rekey-shm")

Step = tuple[str, str, str]  # (action, source, target); paths relative to the data dir


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def pending(data_dir: Path) -> bool:
    return (data_dir / JOURNAL).exists()


def _write_journal(data_dir: Path, op: str, steps: list[Step]) -> None:
    tmp = data_dir / ".rmdesk.journal.tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump({"op": op, "steps": steps}, fh, ensure_ascii=False)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, data_dir / JOURNAL)
    fsync_dir(data_dir)


def _run(data_dir: Path, steps: Iterable[Step]) -> None:
    folders = set()
    for action, source, target in steps:
        src, dst = data_dir / source, data_dir / target
        folders.add((src if action == "unlink" else dst).parent)
        if action == "keep":  # set `src` aside as `dst` (it stays where it is, too)
            if dst.exists() or not src.exists():
                continue
            tmp = dst.with_name(f".{dst.name}.partial")
            tmp.unlink(missing_ok=True)
            try:
                os.link(src, tmp)
            except OSError:
                shutil.copyfile(src, tmp)
                fsync_file(tmp)
            os.replace(tmp, dst)
        elif action == "unlink":
            src.unlink(missing_ok=True)
        elif action == "replace":
            if src.exists():
                os.replace(src, dst)
        else:  # pragma: no cover - a journal from a newer rmdesk
            raise StoreError("store.journal_unknown", op=action)
    for folder in folders:
        fsync_dir(folder)


def commit(data_dir: Path, op: str, steps: list[Step]) -> None:
    """Write the journal, run its steps, delete it. A failure between the journal and
    its end is finished by the next open."""
    _write_journal(data_dir, op, steps)
    _run(data_dir, steps)
    (data_dir / JOURNAL).unlink()
    fsync_dir(data_dir)


def leftovers(data_dir: Path) -> list[Path]:
    """Temporary files a killed operation left behind (the store's folder and backups/)."""
    found = []
    for folder in (data_dir, data_dir / "backups"):
        try:
            entries = list(folder.iterdir())
        except OSError:
            continue
        for entry in entries:
            name = entry.name
            if name in _LEFTOVERS_DATA or (name.startswith(".") and name.endswith(_LEFTOVER_SUFFIXES)):
                found.append(entry)
    return found


def recover(data_dir: Path) -> str | None:
    """Finish an interrupted operation and delete the temporaries of killed ones.
    Call with the folder lock held, before opening the store. Returns the operation
    finished, if any."""
    done = None
    journal = data_dir / JOURNAL
    if journal.exists():
        try:
            entry = json.loads(journal.read_text(encoding="utf-8"))
            steps = [tuple(s) for s in entry["steps"]]
            done = str(entry["op"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise StoreError("store.journal_unreadable", path=str(journal), reason=str(exc)) from exc
        try:
            _run(data_dir, steps)
            journal.unlink()
            fsync_dir(data_dir)
        except OSError as exc:
            # a read-only folder or a full disk in their own words, not as "cannot open"
            raise as_user_error(exc) or StoreError("store.cannot_open", reason=exc.strerror or str(exc)) from exc
        log.warning("finished the interrupted %s of %s", done, data_dir)
    for path in leftovers(data_dir):
        try:
            path.unlink()
        except OSError as exc:  # a read-only folder: the next writable open cleans it
            log.warning("cannot delete the leftover %s: %s", path, exc)
    return done


@contextmanager
def locked(data_dir: Path):
    """The folder lock for a multi-file operation (shared with this process's own open
    store, refused with 'store.locked' when another process has it)."""
    from rmdesk.store import lock as dirlock

    held = dirlock.acquire(data_dir)
    try:
        yield
    finally:
        dirlock.release(held)


def store_leftovers(data_dir: Path) -> list[Path]:
    """Signs that a book lived here: backups, set-aside copies, a journal."""
    found = []
    folder = data_dir / "backups"
    if folder.is_dir():
        found += [p for p in folder.iterdir() if p.name.startswith("rmdesk-") and p.name.endswith(".sqlite3")]
    found += [p for p in data_dir.glob(f"{STORE_FILENAME}.corrupt-*")]
    if (data_dir / JOURNAL).exists():
        found.append(data_dir / JOURNAL)
    return found
