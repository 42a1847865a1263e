"""The full database check ("Check database" in Settings, `rmdesk check`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rmdesk import i18n
from rmdesk.paths import STORE_FILENAME
from rmdesk.store import backup, crypto

COUNTED = ("clients", "contacts", "visits", "deals", "tasks", "objections")


@dataclass(frozen=True)
class CheckReport:
    path: Path
    ok: bool
    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    size: int = 0
    backups: int = 0
    newest_backup: str | None = None

    def text(self, lang: str | None = None) -> str:
        lines = [i18n.message("check.ok" if self.ok else "check.failed", lang, path=str(self.path))]
        lines += [f"  - {p}" for p in self.problems[:50]]
        if len(self.problems) > 50:
            lines.append(f"  ... (+{len(self.problems) - 50})")
        if self.counts:
            lines.append(i18n.message("check.counts", lang, **{k: self.counts.get(k, 0) for k in COUNTED}))
        lines.append(i18n.message("check.size", lang, size=f"{self.size / 1024:.0f}"))
        lines.append(i18n.message("check.backups", lang, count=self.backups, newest=self.newest_backup or "—"))
        return "\n".join(lines)


def check_database(data_dir: Path, key: str | None = None) -> CheckReport:
    """integrity_check + foreign_key_check of the store (read-only, safe while the app runs)."""
    path = data_dir / STORE_FILENAME
    backups = backup.list_backups(data_dir)
    newest = backups[0].name if backups else None
    if not path.exists():
        return CheckReport(path, False, [i18n.message("store.no_store", path=str(path))], backups=len(backups),
                           newest_backup=newest)
    problems = backup.quick_check(path, full=True, key=key)
    counts: dict[str, int] = {}
    if not problems:
        con = crypto.open_readonly(path, key)
        try:
            for table in COUNTED:
                counts[table] = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
        except Exception as exc:  # noqa: BLE001 - sqlite3.Error or sqlcipher3's
            problems.append(str(exc))
        finally:
            con.close()
    return CheckReport(path, not problems, problems, counts, path.stat().st_size, len(backups), newest)
