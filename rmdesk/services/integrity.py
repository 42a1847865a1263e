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


@dataclass(frozen=True)
class ServerReport:
    where: str
    ok: bool
    revision: str | None
    head: str
    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # worth knowing, not a fault

    def text(self, lang: str | None = None) -> str:
        lines = [i18n.message("server.check_sound" if self.ok else "server.check_problems", lang, where=self.where),
                 "  " + i18n.message("server.check_head", lang, revision=self.revision or "—", head=self.head)]
        lines += [f"  {n}" for n in self.notes]
        lines += [f"  - {p}" for p in self.problems[:50]]
        if self.counts:
            lines.append(i18n.message("check.counts", lang, **{k: self.counts.get(k, 0) for k in COUNTED}))
        return "\n".join(lines)


def check_server(store, lang: str | None = None) -> ServerReport:
    """A team database's check: migration head, rows whose parent is missing (for every foreign
    key of the models), id sequences behind their tables. Read-only."""
    from sqlalchemy import func, select

    from rmdesk.store import pg_leakproof, sequences, server, team
    from rmdesk.store.models import Base
    from rmdesk.store.schema_head import HEAD_REVISION

    lang = lang or i18n.language()
    problems: list[str] = []
    revision = store.schema_revision()
    if revision != HEAD_REVISION:
        problems.append(i18n.message("server.check_behind", lang, revision=revision or "—", head=HEAD_REVISION))
    tables = list(Base.metadata.sorted_tables)
    counts: dict[str, int] = {}
    with store.engine.connect() as conn:
        for table in tables:
            for fk in table.foreign_keys:
                child, parent = fk.parent, fk.column
                orphan = (select(func.count()).select_from(table)
                          .where(child.isnot(None),
                                 ~select(parent).where(parent == child).exists()))
                n = conn.execute(orphan).scalar() or 0
                if n:
                    problems.append(i18n.message("server.check_orphans", lang, table=table.name, column=child.name,
                                                 count=n, target=parent.table.name))
        for name, current, top in sequences.behind(conn, tables):
            problems.append(i18n.message("server.check_sequence", lang, table=name, current=current, top=top))
        for name in COUNTED:
            counts[name] = conn.execute(select(func.count()).select_from(Base.metadata.tables[name])).scalar() or 0
        notes = [] if pg_leakproof.installed(conn) or not team.has_policies(conn) else [
            i18n.message("server.check_search_rls", lang)]
    return ServerReport(server.describe(store.engine.url), not problems, revision, HEAD_REVISION, problems, counts,
                        notes)
