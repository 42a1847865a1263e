"""Optional encryption at rest with SQLCipher 4 (through the `sqlcipher3` binding).

An encrypted store (and every one of its backups) is a SQLCipher file: without the
password it is random bytes. The password is never stored; the user types it at
start (GUI) or gives it as $RMDESK_PASSWORD / at the prompt (CLI).

`rewrite` writes one file again under another key with `sqlcipher_export` into a
temporary file that is checked and then renamed into place (atomic per file);
rmdesk.store.rekey applies it to the store and every backup.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

from rmdesk.errors import StoreError

SQLITE_MAGIC = b"SQLite format 3\x00"
PASSWORD_ENV = "RMDESK_PASSWORD"


def classify(path: Path) -> str:
    """What the store file is: 'missing', 'empty', 'plain' (SQLite header), 'encrypted'
    (looks like a SQLCipher file: whole pages of random bytes) or 'damaged' (anything
    else: a broken header over a plain database, a text file, a truncated file)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
            size = os.fstat(fh.fileno()).st_size
    except FileNotFoundError:
        return "missing"
    except OSError:
        return "damaged"
    if not head:
        return "empty"
    if head[:16] == SQLITE_MAGIC:
        return "plain"
    return "encrypted" if _looks_random(head, size) else "damaged"


def _looks_random(head: bytes, size: int) -> bool:
    """A SQLCipher file is whole pages (512 bytes to 64 KiB) of cipher text: every byte
    value about equally common. A plain database with a broken header keeps its page-1
    layout (zeros, the fixed payload fractions 64/32/32 at bytes 21-23); text is text."""
    if size < 1024 or size % 512 or len(head) < 1024:
        return False
    if head[21:24] == b"\x40\x20\x20":
        return False
    counts = [0] * 256
    for b in head:
        counts[b] += 1
    n = len(head)
    entropy = -sum(c / n * math.log2(c / n) for c in counts if c)
    return entropy > 7.0


def is_encrypted(path: Path) -> bool:
    """True for a file that looks like a SQLCipher database (see classify)."""
    return classify(path) == "encrypted"


def available() -> bool:
    try:
        import sqlcipher3  # noqa: F401
    except ImportError:
        return False
    return True


_quiet = False


def dbapi():
    global _quiet
    try:
        import sqlcipher3
    except ImportError:
        raise StoreError("store.no_sqlcipher") from None
    if not _quiet:  # a wrong password is an answer, not a log line on stderr
        con = sqlcipher3.connect(":memory:")
        try:
            con.execute("PRAGMA cipher_log_level = NONE").fetchall()
        except Exception:  # noqa: BLE001 - older SQLCipher without the pragma
            pass
        con.close()
        _quiet = True
    return sqlcipher3


def _quote(key: str) -> str:
    return "'" + key.replace("'", "''") + "'"


def readonly_uri(path: Path) -> str:
    """The read-only `file:` URI of `path`: every character of the path percent-encoded
    (a `#`, `?` or `%` in a folder name stays part of the name), the query added after."""
    return Path(os.path.abspath(path)).as_uri() + "?mode=ro"


def connect(path: Path, key: str | None, readonly: bool = False, timeout: float = 30):
    """A DB-API connection: sqlcipher3 with the key when there is one, else sqlite3."""
    if key is None:
        import sqlite3

        if readonly:
            return sqlite3.connect(readonly_uri(path), uri=True, timeout=timeout)
        return sqlite3.connect(path, timeout=timeout)
    mod = dbapi()
    con = mod.connect(readonly_uri(path), uri=True, timeout=timeout) if readonly \
        else mod.connect(str(path), timeout=timeout)
    con.execute(f"PRAGMA key = {_quote(key)}")
    return con


def writable(folder: Path) -> bool:
    """Whether files can be created in `folder` (not a read-only mount, rights to write)."""
    if not os.access(folder, os.W_OK):
        return False
    try:
        return not os.statvfs(folder).f_flag & os.ST_RDONLY
    except (OSError, AttributeError):  # pragma: no cover - Windows
        return True


def needs_immutable(path: Path) -> bool:
    """A WAL database in a folder that cannot be written can only be read as immutable
    (SQLite cannot create its -shm there); nobody can be writing it then."""
    return not writable(path.parent) and not Path(f"{path}-wal").exists()


def open_readonly(path: Path, key: str | None, immutable: bool | None = None, timeout: float = 30):
    """A read-only DB-API connection that writes nothing beside the file (no -wal, no
    -shm when the folder is read-only): sqlite3, or sqlcipher3 with the key."""
    if immutable is None:
        immutable = needs_immutable(path)
    uri = Path(path).resolve().as_uri() + ("?mode=ro&immutable=1" if immutable else "?mode=ro")
    if key is None:
        import sqlite3

        return sqlite3.connect(uri, uri=True, timeout=timeout, check_same_thread=False)
    con = dbapi().connect(uri, uri=True, timeout=timeout, check_same_thread=False)
    con.execute(f"PRAGMA key = {_quote(key)}")
    return con


def verify(path: Path, key: str | None) -> None:
    """StoreError 'store.password_needed' / 'store.wrong_password' unless `key` opens the file."""
    encrypted = is_encrypted(path)
    if encrypted and not key:
        raise StoreError("store.password_needed")
    if not encrypted:
        return
    con = open_readonly(path, key)
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except Exception:  # noqa: BLE001 - sqlcipher3.DatabaseError: file is not a database
        raise StoreError("store.wrong_password") from None
    finally:
        con.close()


def rewrite(path: Path, old: str | None, new: str | None) -> None:
    """Write `path` again under the `new` key ('' / None = plain), atomically."""
    tmp = path.with_name(f".{path.name}.rekey")
    rewrite_into(path, tmp, old, new)
    for suffix in ("-wal", "-shm"):  # empty after the checkpoint; must not meet the new file
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    os.replace(tmp, path)


def rewrite_into(path: Path, tmp: Path, old: str | None, new: str | None) -> None:
    """Write a copy of `path` under the `new` key into `tmp` (checked and fsynced);
    `path` itself is left as it is (its log checkpointed into it)."""
    mod = dbapi()
    tmp.unlink(missing_ok=True)
    con = mod.connect(str(path), timeout=30)
    try:
        if old:
            con.execute(f"PRAGMA key = {_quote(old)}")
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        con.execute(f"ATTACH DATABASE ? AS rekeyed KEY {_quote(new or '')}", (str(tmp),))
        # a temporary, checked and fsynced once complete: no journal, no sync per statement
        # (with them, the ~90 tables and indexes took 2.5 s of fsyncs per file)
        con.execute("PRAGMA rekeyed.journal_mode = OFF").fetchall()
        con.execute("PRAGMA rekeyed.synchronous = OFF").fetchall()
        con.execute("SELECT sqlcipher_export('rekeyed')").fetchall()
        version = con.execute("PRAGMA user_version").fetchone()[0]
        con.execute(f"PRAGMA rekeyed.user_version = {int(version)}")
        con.execute("DETACH DATABASE rekeyed")
    finally:
        con.close()
    check = connect(tmp, new or None)
    try:
        if check.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
            raise StoreError("store.rekey_failed", reason="quick_check")
    finally:
        check.close()
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())


def password_from_environment() -> str | None:
    return os.environ.get(PASSWORD_ENV) or None
