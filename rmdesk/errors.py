"""Typed errors raised by the core. Each carries a message key from the catalog
(resources/i18n/messages.toml) and its parameters, so the GUI and the CLI can show
it in the user's language; `field` names the input that was wrong, if any."""

from __future__ import annotations


class RmdeskError(Exception):
    """Base of every error meant to be shown to a user (never with a traceback)."""

    def __init__(self, key: str, field: str | None = None, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.field = field
        self.params = params

    def message(self, lang: str | None = None) -> str:
        from rmdesk.i18n import language, message

        text = message(self.key, lang, **self.params)
        if self.field:
            colon = "：" if (lang or language()) == "zh_CN" else ": "
            # A dotted field names its own label key (calc.last_sales); a bare one is under field.
            label_key = self.field if "." in self.field else f"field.{self.field}"
            return f"{message(label_key, lang)}{colon}{text}"
        # Catalogue texts are written to follow "Field: "; standing alone they are a sentence.
        return text[:1].upper() + text[1:]

    def __str__(self) -> str:
        return self.message("en")


class ValidationError(RmdeskError):
    """Input that breaks a rule; nothing was written."""


class NotFound(RmdeskError):
    """The record asked for does not exist (or is in the trash)."""


class RuleNotMet(RmdeskError):
    """A step move whose exit rule does not hold and that has no override reason."""

    def __init__(self, key: str, unmet: list[str], **params: object) -> None:
        super().__init__(key, None, **params)
        self.unmet = unmet


class StoreError(RmdeskError):
    """The store cannot be opened or used (locked, corrupt, newer schema, ...)."""


class PlaybookError(RmdeskError):
    """A playbook file is broken; names the file and the key."""


_SQLITE_FAILURES = (  # (text in SQLite's message, our key)
    ("database or disk is full", "store.disk_full"),
    ("disk i/o error", "store.io_error"),
    ("readonly database", "store.read_only"),
    ("read-only file system", "store.read_only"),
    ("database disk image is malformed", "store.damaged_read"),
    ("file is not a database", "store.damaged_read"),
    ("unable to open database file", "store.io_error"),
)


def as_user_error(exc: BaseException) -> RmdeskError | None:
    """A full disk, an I/O error, a read-only folder or a file found damaged while
    reading, in whatever wrapping (SQLAlchemy, sqlite3, sqlcipher3, OSError), as one
    StoreError in the user's language; None for anything else (a real bug)."""
    import errno

    seen = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, RmdeskError):
            return current
        if isinstance(current, OSError) and current.errno is not None:
            where = current.filename or ""
            reason = current.strerror or str(current)
            if current.errno == errno.ENOSPC or current.errno == getattr(errno, "EDQUOT", -1):
                return StoreError("store.disk_full")
            if current.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
                return StoreError("store.read_only", reason=f"{where} {reason}".strip())
            if current.errno == errno.EIO:
                return StoreError("store.io_error", reason=f"{where} {reason}".strip())
        text = str(getattr(current, "orig", None) or current).lower()
        for needle, key in _SQLITE_FAILURES:
            if needle in text:
                return StoreError(key) if key == "store.disk_full" else StoreError(key, reason=needle)
        current = getattr(current, "orig", None) or current.__cause__ or current.__context__
    return None


class Conflict(RmdeskError):
    """A save from a stale copy: someone else changed the record since it was read (team mode).
    Nothing was written; `who` and `at` say by whom and when."""
