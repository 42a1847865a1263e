"""Setting, changing or removing the password: the store and every backup are
written again under the new key, one file at a time (each atomic). The store must
be closed while this runs."""

from __future__ import annotations

from pathlib import Path

from rmdesk.errors import StoreError
from rmdesk.paths import STORE_FILENAME
from rmdesk.store.backup import list_backups
from rmdesk.store.crypto import is_encrypted, rewrite, verify


def change_password(data_dir: Path, old: str | None, new: str | None) -> int:
    """Encrypt (old None), re-key, or decrypt (new None) the store and all its backups.
    Returns how many files were rewritten. The store must be closed."""
    store = data_dir / STORE_FILENAME
    verify(store, old)
    if not new and not is_encrypted(store):
        return 0
    files = [store] + [b.path for b in list_backups(data_dir)]
    done = 0
    for path in files:
        key = old if is_encrypted(path) else None
        try:
            rewrite(path, key, new)
        except StoreError:
            raise
        except Exception as exc:  # noqa: BLE001 - a backup under another key, a full disk, ...
            if path == store:
                raise StoreError("store.rekey_failed", reason=str(exc)) from exc
            continue  # a backup that cannot be read with `old` stays as it is
        done += 1
    return done
