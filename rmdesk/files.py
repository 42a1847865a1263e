"""Writing a file all or nothing (exports, PDFs, calendars): a temporary beside the
target, renamed over it once complete."""

from __future__ import annotations

import errno
import gc
import logging
import os
import sys
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rmdesk.errors import RmdeskError, StoreError, ValidationError


@contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Write a file all or nothing: yields a temporary path beside `path` (same suffix,
    so writers that go by the extension still do); when the block ends without error the
    temporary is fsynced and renamed over `path`, else it is deleted and `path` is left
    as it was. A full disk raises StoreError('store.disk_full_at'), any other OSError
    ValidationError('error.cannot_write'), both naming `path`."""
    target = Path(path)
    tmp = target.with_name(f".{target.stem}.{os.getpid()}.partial{target.suffix}")
    previous_hook = sys.unraisablehook
    # A writer that fails halfway (openpyxl's ZipFile on a full disk) may be finalised
    # later and fail again there: log that, never print "Exception ignored in ...".
    sys.unraisablehook = lambda unraisable: logging.getLogger(__name__).info(
        "while cleaning up a failed write: %s", unraisable.exc_value)
    try:
        try:
            yield tmp
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException as exc:
            try:
                tmp.unlink(missing_ok=True)
            except OSError:
                pass
            chained: BaseException | None = exc
            while chained is not None:  # the failed writer's frames hold it: let it go, now
                traceback.clear_frames(chained.__traceback__)
                chained = chained.__cause__ or chained.__context__
            if threading.current_thread() is threading.main_thread():  # never on a GUI job's pool thread
                gc.collect()  # finalise the failed writer now, under the quiet hook
            errno_found = _first_os_error(exc)
            if errno_found is not None and errno_found.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
                raise StoreError("store.disk_full_at", path=str(target)) from None
            if isinstance(exc, OSError):
                raise ValidationError("error.cannot_write", None, path=str(target),
                                      reason=exc.strerror or str(exc)) from None
            if isinstance(exc, RmdeskError) and exc.key == "error.cannot_write":
                exc.params["path"] = str(target)
            raise
    finally:
        sys.unraisablehook = previous_hook
    try:
        fsync_dir(target.parent)  # the rename itself reaches the disk
    except OSError:
        pass


def _first_os_error(exc: BaseException | None) -> OSError | None:
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, OSError) and exc.errno is not None:
            return exc
        exc = exc.__cause__ or exc.__context__
    return None


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (a rename or a new file in it) to the disk; POSIX only."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
