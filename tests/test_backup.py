"""Backups, rotation, restore, integrity checks and the data-directory lock."""

import os
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta

import pytest

from rmdesk.errors import StoreError
from rmdesk.paths import STORE_FILENAME
from rmdesk.services import clients
from rmdesk.store import backup
from rmdesk.store.engine import Store
from tests.faults import damage_clients

NOW = datetime(2026, 11, 23, 9, 30)


# ------------------------------------------------------------------ rotation

def hourly(days: int, end: datetime = NOW) -> list[datetime]:
    return [end - timedelta(hours=h) for h in range(days * 24)]


def test_rotation_keeps_today_and_yesterday_entirely():
    stamps = hourly(2)
    kept = backup.keep(stamps, NOW)
    assert {t for t in stamps if t.date() >= NOW.date() - timedelta(days=1)} <= kept


def test_rotation_keeps_one_a_day_then_a_week_then_a_month():
    stamps = hourly(800)  # more than two years of hourly backups
    kept = backup.keep(stamps, NOW)
    yesterday = NOW.date() - timedelta(days=1)
    recent = {t for t in kept if t.date() >= yesterday}
    older = sorted((t for t in kept if t.date() < yesterday), reverse=True)
    assert len(recent) == 24 + 10  # all of yesterday and today until 09:00
    daily, rest = older[:12], older[12:]
    # 12 daily: the newest (23:00) of each of the 12 days before yesterday
    assert [t.date() for t in daily] == [NOW.date() - timedelta(days=d) for d in range(2, 14)]
    assert all(t.hour == 23 for t in daily)
    # 10 weekly: the newest of each of the 10 ISO weeks not already covered (Sunday 23:00)
    weekly = [t for t in rest if t.weekday() == 6 and t.hour == 23][:10]  # (May 31 is a Sunday too)
    assert len({t.isocalendar()[:2] for t in weekly}) == 10
    assert max(weekly) < min(daily) and max(weekly).date().isoformat() == "2026-11-08"
    # 9 monthly: the last backup of each of the 9 months whose newest was not kept yet
    monthly = [t for t in rest if t not in weekly]
    assert len(monthly) == 9 and all((t + timedelta(hours=1)).month != t.month for t in monthly)
    assert [t.strftime("%Y-%m") for t in monthly] == [f"2026-{m:02d}" for m in range(10, 1, -1)]
    assert len(kept) == 34 + 12 + 10 + 9


def test_rotation_with_gaps_counts_periods_that_have_backups():
    # one backup every 5 days for a year: 12 "daily" slots take the 12 newest older ones
    stamps = [NOW - timedelta(days=5 * k) for k in range(73)]
    kept = backup.keep(stamps, NOW)
    assert NOW in kept
    older = sorted((t for t in kept if t < NOW), reverse=True)
    assert older[:12] == sorted(stamps, reverse=True)[1:13]
    assert len(kept) <= 1 + 12 + 10 + 9


@pytest.mark.parametrize("now", [datetime(2026, 1, 1, 0, 5), datetime(2024, 2, 29, 23, 59),
                                 datetime(2026, 12, 31, 12, 0), datetime(2027, 3, 1, 0, 0)])
def test_rotation_across_year_and_month_ends(now):
    stamps = [now - timedelta(hours=7 * k) for k in range(3000)]
    kept = backup.keep(stamps, now)
    assert now in kept and kept <= set(stamps)
    older = [t for t in kept if t.date() < now.date() - timedelta(days=1)]
    assert len(older) == 12 + 10 + 9
    # stable: rotating the kept set again removes nothing
    assert backup.keep(kept, now) == kept


def test_rotation_of_nothing_and_of_one():
    assert backup.keep([], NOW) == set()
    old = NOW - timedelta(days=400)
    assert backup.keep([old], NOW) == {old}


# ------------------------------------------------------------------ backups

def test_backup_create_list_and_rotate(store, data_dir):
    clients.create_client(store, {"name": "备份公司"})
    first = backup.create_backup(data_dir, datetime(2026, 11, 23, 9, 0))
    second = backup.create_backup(data_dir, datetime(2026, 11, 23, 9, 0))
    assert first.name == "rmdesk-20261123-090000Z.sqlite3" and second.name == "rmdesk-20261123-090000Z-2.sqlite3"
    names = [b.name for b in backup.list_backups(data_dir)]
    assert set(names) == {first.name, second.name}
    # a backup is a self-contained, sound database with the data
    con = sqlite3.connect(first.path)
    assert con.execute("SELECT name FROM clients").fetchall() == [("备份公司",)]
    assert con.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    con.close()
    # old ones are rotated out
    backup.create_backup(data_dir, datetime(2026, 1, 1, 8, 0))
    backup.create_backup(data_dir, datetime(2026, 1, 1, 9, 0))
    backup.rotate_backups(data_dir, datetime(2026, 11, 23, 10, 0))
    names = [b.name for b in backup.list_backups(data_dir)]
    assert "rmdesk-20260101-090000Z.sqlite3" in names and "rmdesk-20260101-080000Z.sqlite3" not in names


def test_automatic_backup_only_when_changed_and_older_than_30_minutes(data_dir):
    store = Store.open(data_dir)
    assert not store.backup_due()  # nothing changed
    clients.create_client(store, {"name": "甲"})
    assert store.backup_due()
    taken = store.maybe_backup()
    assert taken is not None and not store.dirty
    clients.create_client(store, {"name": "乙"})
    assert not store.backup_due(taken.taken_at + timedelta(minutes=29))
    assert store.backup_due(taken.taken_at + timedelta(minutes=31))
    store.close()  # changed since the last backup: one more on close
    assert len(backup.list_backups(data_dir)) == 2


def test_close_without_changes_takes_no_backup(data_dir):
    Store.open(data_dir).close()
    assert backup.list_backups(data_dir) == []


def test_close_reads_the_book_through_once_and_its_backup_once(data_dir, monkeypatch):
    store = Store.open(data_dir)
    clients.create_client(store, {"name": "甲"})
    checks = []
    real = backup.quick_check
    monkeypatch.setattr(backup, "quick_check", lambda *a, **k: checks.append(a[0]) or real(*a, **k))
    store.close()
    (taken,) = backup.list_backups(data_dir)
    assert [p.name for p in checks] == [STORE_FILENAME, f".{taken.name}.partial"]
    # a backup asked for on its own still checks the book before copying it
    checks.clear()
    backup.create_backup(data_dir, now=datetime(2030, 1, 1))
    assert [p.name for p in checks] == [STORE_FILENAME, ".rmdesk-20300101-000000Z.sqlite3.partial"]


def test_a_book_damaged_while_open_is_not_backed_up_at_close(data_dir, caplog):
    store = Store.open(data_dir)
    for i in range(300):
        clients.create_client(store, {"name": f"公司{i:04d}", "intel_notes": "情报" * 50})
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    damage_clients(data_dir / STORE_FILENAME)  # a disk fault under the open book
    store.close()
    assert backup.list_backups(data_dir) == [] and not list(backup.backup_dir(data_dir).glob(".*"))
    assert not (data_dir / backup.VERIFIED_MARK).exists()  # the next open checks it again
    assert "fails its check on close" in caplog.text


def corrupt(path):
    """Overwrite a few pages in the middle of the file with garbage."""
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        fh.seek(size // 2)
        fh.write(b"\xde\xad\xbe\xef" * 2048)


def filled_store(data_dir, n=300):
    store = Store.open(data_dir)
    for i in range(n):
        clients.create_client(store, {"name": f"公司{i:04d}", "intel_notes": "情报" * 50})
    store.close(backup=False)


def test_corrupt_store_is_refused_on_open_and_never_backed_up(data_dir):
    filled_store(data_dir)
    corrupt(data_dir / STORE_FILENAME)
    with pytest.raises(StoreError) as info:
        Store.open(data_dir)
    assert info.value.key == "store.corrupt"
    assert "损坏" in info.value.message("zh_CN") and "damaged" in info.value.message("en")
    with pytest.raises(StoreError):
        backup.create_backup(data_dir)
    assert backup.list_backups(data_dir) == []


def test_open_trusts_only_an_untouched_file_checked_at_its_last_close(data_dir, monkeypatch):
    filled_store(data_dir)  # its close checked the file and left the stamp
    checks = []
    real = backup.quick_check
    monkeypatch.setattr(backup, "quick_check", lambda *a, **k: checks.append(a[0]) or real(*a, **k))
    store = Store.open(data_dir)
    assert checks == [] and not (data_dir / backup.VERIFIED_MARK).exists()  # used once, then gone
    clients.create_client(store, {"name": "崩溃前写入"})
    store.engine.dispose()  # a crash: no close, so no stamp
    Store.open(data_dir, lock=False).close(backup=False)
    assert len(checks) == 2  # checked on that open, and on its close
    # a file changed after its verified close (here: damaged) is checked again and refused
    corrupt(data_dir / STORE_FILENAME)
    with pytest.raises(StoreError) as info:
        Store.open(data_dir)
    assert info.value.key == "store.corrupt"


def test_restore_replaces_a_sound_store_after_backing_it_up(data_dir):
    store = Store.open(data_dir)
    clients.create_client(store, {"name": "旧公司"})
    saved = store.backup_now()
    clients.create_client(store, {"name": "新公司"})
    store.close(backup=False)
    safety = backup.restore_backup(data_dir, saved.name, now=datetime(2030, 1, 1))
    assert safety is not None and safety.path.exists()
    store = Store.open(data_dir)
    assert [r.name for r in clients.list_clients(store)] == ["旧公司"]
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    store.close()
    # the safety copy holds what was there before the restore
    con = sqlite3.connect(safety.path)
    assert sorted(r[0] for r in con.execute("SELECT name FROM clients")) == sorted(["旧公司", "新公司"])
    con.close()


def test_restore_over_a_corrupt_store_moves_it_aside(data_dir):
    filled_store(data_dir)
    store = Store.open(data_dir)
    good = store.backup_now()
    store.close(backup=False)
    corrupt(data_dir / STORE_FILENAME)
    assert backup.newest_good_backup(data_dir) == good
    assert backup.restore_backup(data_dir, good.name) is None
    assert any(p.name.startswith(f"{STORE_FILENAME}.corrupt-") for p in data_dir.iterdir())
    store = Store.open(data_dir)
    assert clients.count_clients(store) == 300
    store.close()


def test_a_damaged_backup_is_not_restored(data_dir):
    filled_store(data_dir)
    store = Store.open(data_dir)
    bad = store.backup_now()
    store.close(backup=False)
    corrupt(bad.path)
    with pytest.raises(StoreError) as info:
        backup.restore_backup(data_dir, bad.name)
    assert info.value.key == "store.backup_corrupt"
    assert backup.newest_good_backup(data_dir) is None
    with pytest.raises(StoreError) as info:
        backup.restore_backup(data_dir, "rmdesk-19990101-000000")
    assert info.value.key == "store.backup_not_found"


def test_backup_before_a_migration(data_dir):
    from sqlalchemy import URL, create_engine

    from rmdesk.store import migrate

    data_dir.mkdir()
    engine = create_engine(URL.create("sqlite", database=str(data_dir / STORE_FILENAME)))
    migrate.upgrade(engine, "0002_flow_tools")
    engine.dispose()
    Store.open(data_dir).close()
    [taken] = backup.list_backups(data_dir)
    con = sqlite3.connect(taken.path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0002_flow_tools",)
    con.close()


def test_full_check_reports_foreign_key_breaks(store, data_dir):
    cid = clients.create_client(store, {"name": "甲"})
    store.close(backup=False)
    con = sqlite3.connect(data_dir / STORE_FILENAME)
    con.execute("PRAGMA foreign_keys=OFF")
    con.execute("INSERT INTO contacts (client_id, name, decision_power, attitude) VALUES (?, 'x', 'none', 'unknown')",
                (cid + 99,))
    con.commit()
    con.close()
    assert backup.quick_check(data_dir / STORE_FILENAME) == []
    problems = backup.quick_check(data_dir / STORE_FILENAME, full=True)
    assert len(problems) == 1 and "contacts" in problems[0]


# ------------------------------------------------------------------ lock

def test_a_second_writer_process_is_refused(data_dir):
    store = Store.open(data_dir)
    code = ("import sys; from pathlib import Path; from rmdesk.store.engine import Store; "
            "from rmdesk.errors import StoreError\n"
            "try:\n Store.open(Path(sys.argv[1]))\nexcept StoreError as e:\n print(e.key); sys.exit(3)\n"
            "print('opened')")
    run = subprocess.run([sys.executable, "-c", code, str(data_dir)], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": os.getcwd()})
    assert run.returncode == 3 and run.stdout.strip() == "store.locked"
    # a reader (lock=False) may still open it
    code_ro = ("import sys; from pathlib import Path; from rmdesk.store.engine import Store\n"
               "Store.open(Path(sys.argv[1]), lock=False).close(); print('read')")
    run = subprocess.run([sys.executable, "-c", code_ro, str(data_dir)], capture_output=True, text=True)
    assert run.stdout.strip() == "read", run.stderr
    store.close()
    run = subprocess.run([sys.executable, "-c", code, str(data_dir)], capture_output=True, text=True)
    assert run.stdout.strip() == "opened", run.stderr


# ---------------------------------------------------------------- issue 14

@pytest.mark.parametrize("damage", ["zero bytes", "missing", "text file", "header zeroed"])
def test_a_lost_or_headerless_store_beside_backups_is_damage_not_a_new_book(data_dir, damage):
    from rmdesk.cli import main
    from rmdesk.store import crypto

    filled_store(data_dir, n=20)
    Store.open(data_dir).backup_now()
    path = data_dir / STORE_FILENAME
    for extra in data_dir.glob(f"{STORE_FILENAME}-*"):
        extra.unlink()
    if damage == "zero bytes":
        path.write_bytes(b"")
    elif damage == "missing":
        path.unlink()
    elif damage == "text file":
        path.write_text("这不是数据库\n" * 300, encoding="utf-8")
    else:
        data = bytearray(path.read_bytes())
        data[:16] = b"\0" * 16
        path.write_bytes(bytes(data))
    if damage in ("text file", "header zeroed"):
        assert crypto.classify(path) == "damaged"  # not taken for an encrypted store
    with pytest.raises(StoreError) as info:
        Store.open(data_dir)
    assert info.value.key == "store.corrupt" and "损坏" in info.value.message("zh_CN")
    assert main(["--data-dir", str(data_dir), "clients", "list"]) == 1  # never an empty book
    assert not path.exists() or path.stat().st_size == 0 or damage != "missing"
    newest = backup.newest_good_backup(data_dir)
    backup.restore_backup(data_dir, newest.name)
    store = Store.open(data_dir)
    assert clients.count_clients(store) == 20
    store.close()


def test_backup_stamps_are_utc_so_a_zone_change_cannot_reorder_them(data_dir, monkeypatch):
    import time as _time

    store = Store.open(data_dir)
    store.close(backup=False)
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    _time.tzset()
    try:
        first = backup.create_backup(data_dir)
        monkeypatch.setenv("TZ", "America/New_York")
        _time.tzset()
        second = backup.create_backup(data_dir)
        assert first.name.endswith("Z.sqlite3")
        assert [b.name for b in backup.list_backups(data_dir)] == [second.name, first.name]
        # an old local-time name is read in the zone it was written in
        old = backup.backup_dir(data_dir) / "rmdesk-20200101-080000.sqlite3"
        old.write_bytes(first.path.read_bytes())
        assert backup.list_backups(data_dir)[-1].name == old.name
    finally:
        monkeypatch.delenv("TZ")
        _time.tzset()


def test_leftover_partial_files_are_removed_at_the_next_open(data_dir):
    store = Store.open(data_dir)
    store.backup_now()
    store.close(backup=False)
    partial = backup.backup_dir(data_dir) / ".rmdesk-20261123-010000Z.sqlite3.partial"
    partial.write_bytes(b"half a copy")
    rekey_tmp = data_dir / f".{STORE_FILENAME}.rekey"
    rekey_tmp.write_bytes(b"x")
    Store.open(data_dir).close(backup=False)
    assert not partial.exists() and not rekey_tmp.exists()
