"""Optional encryption at rest with SQLCipher 4 (through the `sqlcipher3` binding).

An encrypted store (and every one of its backups) is a SQLCipher file: without the
password it is random bytes. The password is never stored; the user types it at
start (GUI) or gives it as $RMDESK_PASSWORD / at the prompt (CLI).

`rewrite` writes one file again under another key with `sqlcipher_export` into a
temporary file that is checked and then renamed into place (atomic per file);
rmdesk.store.rekey applies it to the store and every backup.
"""

from __future__ import annotations

import os
from pathlib import Path

from rmdesk.errors import StoreError

SQLITE_MAGIC = b"SQLite format 3\x00"
PASSWORD_ENV = "RMDESK_PASSWORD"


def is_encrypted(path: Path) -> bool:
    """True for a non-empty file that is not a plain SQLite database."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError:
        return False
    return len(head) == 16 and head != SQLITE_MAGIC


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


def verify(path: Path, key: str | None) -> None:
    """StoreError 'store.password_needed' / 'store.wrong_password' unless `key` opens the file."""
    encrypted = is_encrypted(path)
    if encrypted and not key:
        raise StoreError("store.password_needed")
    if not encrypted:
        return
    con = connect(path, key, readonly=True)
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except Exception:  # noqa: BLE001 - sqlcipher3.DatabaseError: file is not a database
        raise StoreError("store.wrong_password") from None
    finally:
        con.close()


def rewrite(path: Path, old: str | None, new: str | None) -> None:
    """Write `path` again under the `new` key ('' / None = plain), atomically."""
    mod = dbapi()
    tmp = path.with_name(f".{path.name}.rekey")
    tmp.unlink(missing_ok=True)
    con = mod.connect(str(path), timeout=30)
    try:
        if old:
            con.execute(f"PRAGMA key = {_quote(old)}")
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        con.execute(f"ATTACH DATABASE ? AS rekeyed KEY {_quote(new or '')}", (str(tmp),))
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
    for suffix in ("-wal", "-shm"):  # empty after the checkpoint; must not meet the new file
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    os.replace(tmp, path)


def password_from_environment() -> str | None:
    return os.environ.get(PASSWORD_ENV) or None
