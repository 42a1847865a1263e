"""Fault injection (issue 14), with the harness in tests/faults.py:

(a) every multi-file operation killed with SIGKILL at random moments, KILLS times each,
    and the invariants checked after every kill: the next open finds the old state or
    the new one (never a missing store, never an empty book in its place, never a plain
    copy beside an encrypted store, never a store that opens with neither password, no
    partial files left), all or nothing for the data;
(b) a full disk (a small tmpfs) under every write path: one line, the store unchanged;
(c) a read-only folder under every read-only command: it works and writes nothing.
The hostile workbooks (d) are in tests/test_hostile_files.py.
"""

from __future__ import annotations

import os
import shutil
from datetime import datetime

import faults
import pytest

from rmdesk import i18n
from rmdesk.cli import main
from rmdesk.errors import StoreError
from rmdesk.paths import STORE_FILENAME
from rmdesk.services import clients, dataio, demo, visits
from rmdesk.store import backup, crypto, journal, rekey
from rmdesk.store.engine import Store

KILLS = 30
BOOK = 40

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork()")


@pytest.fixture(scope="module", autouse=True)
def quick_key_derivation():
    """SQLCipher derives each connection's key with 256,000 PBKDF2 rounds (0.3 s here): in
    this module's own files 4,000 (a process-wide default, set back after), so that hundreds
    of kills fit in the suite. The code under test is the same."""
    if not crypto.available():
        yield
        return
    con = crypto.dbapi().connect(":memory:")
    default = con.execute("PRAGMA cipher_default_kdf_iter").fetchone()[0]
    con.execute("PRAGMA cipher_default_kdf_iter = 4000").fetchall()
    yield
    con.execute(f"PRAGMA cipher_default_kdf_iter = {int(default)}").fetchall()
    con.close()


def _book(folder, key=None, n=BOOK, damaged_copy=True):
    store = Store.open(folder, password=key)
    for i in range(n):
        clients.create_client(store, {"name": f"故障测试{i:03d}有限公司", "intel_notes": "情报" * 40})
    store.close(backup=False)
    for day in (1, 2, 3):
        backup.create_backup(folder, datetime(2026, 11, 20 + day, 1, 0), rotate=False, key=key)
    if damaged_copy:  # a damaged store set aside by an earlier restore: it holds data too
        shutil.copyfile(folder / STORE_FILENAME, folder / f"{STORE_FILENAME}.corrupt-20261101-000000")
    (folder / "backups" / ".rmdesk-20261122-010000Z.sqlite3.partial").write_bytes(
        (folder / STORE_FILENAME).read_bytes())  # a killed backup's copy
    return folder


@pytest.fixture(scope="module")
def plain_book(tmp_path_factory):
    return _book(tmp_path_factory.mktemp("plain") / "data")


@pytest.fixture(scope="module")
def secret_book(tmp_path_factory):
    return _book(tmp_path_factory.mktemp("secret") / "data", key="pw-old")


def _opened(folder, keys):
    """The next open (which finishes or rolls back): (state name, store) for the first key that opens it."""
    assert (folder / STORE_FILENAME).exists(), "the store file is missing"
    for name, key in keys:
        try:
            return name, key, Store.open(folder, password=key)
        except StoreError as exc:
            if exc.key in ("store.wrong_password", "store.password_needed"):
                continue
            raise
    raise AssertionError("the store opens with neither password")


def _same_key_everywhere(folder, key):
    for path in rekey.data_files(folder):
        assert crypto.classify(path) == ("encrypted" if key else "plain"), f"{path.name} under another key"
        assert backup.quick_check(path, key=key) == [], path.name
    assert journal.leftovers(folder) == [] and not journal.pending(folder)


def _password_check(old, new):
    def check(folder):
        _name, key, store = _opened(folder, [("old", old), ("new", new)])
        try:
            assert clients.count_clients(store) == BOOK
        finally:
            store.close(backup=False)
        key = key if crypto.classify(folder / STORE_FILENAME) == "encrypted" else None
        _same_key_everywhere(folder, key)
        return "old" if key == old else "new"
    return check


@pytest.mark.parametrize(("book", "old", "new"), [("plain_book", None, "pw-new"), ("secret_book", "pw-old", "pw-new"),
                                                  ("secret_book", "pw-old", None)],
                         ids=["set", "change", "remove"])
def test_password_change_killed_at_random_moments_is_all_or_nothing(book, old, new, request):
    states = faults.kill_rounds(request.getfixturevalue(book),
                                lambda folder: rekey.change_password(folder, old, new), _password_check(old, new),
                                KILLS)
    print(f"\npassword {request.node.callspec.id}: {KILLS} kills, {dict(states)}")
    assert states["old"] + states["new"] == KILLS and states["landed"] >= KILLS // 2


def test_restore_over_a_damaged_store_killed_at_random_moments_never_loses_the_store(plain_book, tmp_path):
    template = tmp_path / "damaged"
    shutil.copytree(plain_book, template)
    damaged = (template / STORE_FILENAME).read_bytes()
    (template / STORE_FILENAME).write_bytes(damaged[:4096] + b"\xff" * 8192 + damaged[12288:])
    name = backup.list_backups(template)[0].name

    def check(folder):
        assert (folder / STORE_FILENAME).exists(), "no store after the kill"
        try:
            store = Store.open(folder)
        except StoreError as exc:  # the old state: still damaged, the restore is offered again
            assert exc.key == "store.corrupt"
            assert backup.restore_backup(folder, name) is None  # and it works
            state = "old"
            store = Store.open(folder)
        else:
            state = "new"
        try:
            assert clients.count_clients(store) == BOOK  # never an empty book in its place
        finally:
            store.close(backup=False)
        # the damaged file is kept aside, whole
        assert any(p.read_bytes() == (template / STORE_FILENAME).read_bytes()
                   for p in folder.glob(f"{STORE_FILENAME}.corrupt-2*") if p.name != f"{STORE_FILENAME}.corrupt-20261101-000000")
        assert journal.leftovers(folder) == [] and not journal.pending(folder)
        return state

    states = faults.kill_rounds(template, lambda folder: backup.restore_backup(folder, name), check, KILLS)
    print(f"\nrestore over a damaged store: {KILLS} kills, {dict(states)}")
    assert states["old"] + states["new"] == KILLS and states["landed"] >= KILLS // 2


def test_restore_over_a_sound_store_killed_at_random_moments(plain_book, tmp_path):
    template = tmp_path / "sound"
    shutil.copytree(plain_book, template)
    store = Store.open(template)
    clients.create_client(store, {"name": "恢复后不见的公司"})
    store.close(backup=False)
    name = backup.list_backups(template)[0].name

    def check(folder):
        store = Store.open(folder)
        try:
            count = clients.count_clients(store)
        finally:
            store.close(backup=False)
        assert count in (BOOK, BOOK + 1)
        assert all(not backup.quick_check(b.path) for b in backup.list_backups(folder))
        assert journal.leftovers(folder) == []
        return "new" if count == BOOK else "old"

    states = faults.kill_rounds(template, lambda folder: backup.restore_backup(folder, name), check, KILLS)
    print(f"\nrestore over a sound store: {KILLS} kills, {dict(states)}")
    assert states["old"] + states["new"] == KILLS


def test_backup_killed_at_random_moments(plain_book):
    before = len(backup.list_backups(plain_book))

    def check(folder):
        store = Store.open(folder)  # cleans the killed copy's partial file
        try:
            assert clients.count_clients(store) == BOOK
        finally:
            store.close(backup=False)
        found = backup.list_backups(folder)
        assert all(not backup.quick_check(b.path) for b in found)
        assert journal.leftovers(folder) == []
        return "new" if len(found) == before + 1 else "old"

    states = faults.kill_rounds(plain_book, lambda folder: backup.create_backup(folder, rotate=False), check, KILLS)
    print(f"\nbackup: {KILLS} kills, {dict(states)}")
    assert states["old"] + states["new"] == KILLS


def _import_source(folder, rows=300):
    path = folder / "导入 #1.csv"
    lines = ["客户名称,联系人,手机"] + [f"导入故障{i:04d}有限公司,联系人{i},139{i:08d}" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_import_killed_at_random_moments_is_all_or_nothing(plain_book, tmp_path):
    source = _import_source(tmp_path)

    def operation(folder):
        store = Store.open(folder)
        try:
            dataio.import_file(store, source)
        finally:
            store.close()

    def check(folder):
        store = Store.open(folder)
        try:
            count = clients.count_clients(store)
        finally:
            store.close(backup=False)
        assert count in (BOOK, BOOK + 300), count
        assert backup.quick_check(folder / STORE_FILENAME, full=True) == []
        assert journal.leftovers(folder) == []
        return "new" if count == BOOK + 300 else "old"

    states = faults.kill_rounds(plain_book, operation, check, KILLS)
    print(f"\nimport: {KILLS} kills, {dict(states)}")
    assert states["old"] + states["new"] == KILLS


def test_demo_force_killed_at_random_moments_is_all_or_nothing(plain_book):
    def operation(folder):
        store = Store.open(folder)
        try:
            demo.generate(store, 25, seed=3, force=True)
        finally:
            store.close()

    def check(folder):
        store = Store.open(folder)
        try:
            names = {r.name for r in clients.list_clients(store)}
        finally:
            store.close(backup=False)
        assert backup.quick_check(folder / STORE_FILENAME, full=True) == []
        old = {f"故障测试{i:03d}有限公司" for i in range(BOOK)}
        if names == old:
            return "old"
        assert len(names) == 25 and not names & old, "a mix of the old book and the demo"
        return "new"

    states = faults.kill_rounds(plain_book, operation, check, KILLS)
    print(f"\ndemo --force: {KILLS} kills, {dict(states)}")
    assert states["old"] + states["new"] == KILLS


# ---------------------------------------------------------------- (b) a full disk

def _count(folder, key=None):
    store = Store.open(folder, password=key)
    try:
        return clients.count_clients(store)
    finally:
        store.close(backup=False)


FULL_DISK_COMMANDS = [
    ["tiers", "recompute"],
    ["backup", "create"],
    ["import", "{src}"],
    ["demo", "--clients", "30", "--force"],
    ["export", "--what", "clients", "-o", "{out}/clients.xlsx"],
    ["export", "--what", "contacts", "-o", "{out}/contacts.csv"],
    ["plan", "print", "--date", "2026-11-23", "--days", "30", "-o", "{out}/plans.pdf"],
    ["calendar", "export", "-o", "{out}/visits.ics"],
    ["backup", "restore", "{newest}"],
]


def test_a_full_disk_under_every_write_path_is_one_line_and_changes_nothing(plain_book, tmp_path, capsys):
    source = _import_source(tmp_path, rows=2000)
    tried = []
    with faults.small_disk("6m") as disk:  # the book, its backups and a set-aside copy fit, then it is filled
        if disk is None:
            pytest.skip("a small tmpfs needs root (mount -t tmpfs)")
        folder = disk / "数据 #1"
        shutil.copytree(plain_book, folder)
        store = Store.open(folder)
        first = clients.list_clients(store)[0].id
        visits.plan_visit(store, first, {"planned_at": "2026-11-24 10:00", "kind": "onsite", "objective": "回访"})
        store.close(backup=False)
        out = disk / "out"
        out.mkdir()
        for name in ("clients.xlsx", "contacts.csv", "plans.pdf", "visits.ics"):
            (out / name).write_bytes(b"old file")
        newest = backup.list_backups(folder)[0].name
        shutil.copytree(folder, tmp_path / "before")
        faults.fill(disk)
        for command in FULL_DISK_COMMANDS:
            argv = [a.format(src=source, out=out, newest=newest) for a in command]
            for lang in ("zh_CN", "en"):
                faults.fill(disk)  # again: the open before deleted a killed backup's partial file
                code = main(["--data-dir", str(folder), "--lang", lang, *argv])
                err = capsys.readouterr().err
                if code == 0 and command[0] == "tiers":
                    assert err == ""  # no tier changed: nothing needed writing
                    continue
                assert code == 1, (argv, err)
                assert err.count("\n") == 1 and "Traceback" not in err and "Exception" not in err, (argv, err)
                assert ("磁盘已满" in err) if lang == "zh_CN" else ("disk is full" in err), (argv, err)
            tried.append(" ".join(command[:2]))
        # password set on a full disk: refused, nothing changed, no plain-and-encrypted mix
        faults.fill(disk)
        with pytest.raises(StoreError):
            rekey.change_password(folder, None, "pw-new")
        tried.append("password set")
        (disk / "ballast").unlink()
        for name in ("clients.xlsx", "contacts.csv", "plans.pdf", "visits.ics"):
            assert (out / name).read_bytes() == b"old file", name  # the old output is left as it was
        assert _count(folder) == BOOK
        assert backup.quick_check(folder / STORE_FILENAME, full=True) == []
        _same_key_everywhere(folder, None)
        assert [b.name for b in backup.list_backups(folder)] == [b.name for b in backup.list_backups(tmp_path / "before")]
    print(f"\nfull disk: {len(tried)} write paths tried: {', '.join(tried)}")


# ---------------------------------------------------------------- (c) a read-only folder

READ_ONLY_COMMANDS = [
    ["clients", "list"],
    ["clients", "list", "--search", "故障", "--format", "csv"],
    ["clients", "list", "--format", "json", "--limit", "3"],
    ["agenda", "--date", "2026-11-23", "--days", "7"],
    ["export", "--what", "clients", "-o", "{out}/c.xlsx"],
    ["export", "--what", "visits", "-o", "{out}/v.csv"],
    ["calendar", "export", "-o", "{out}/v.ics"],
    ["check"],
    ["backup", "list"],
    ["import", "{src}", "--dry-run"],
]


@pytest.mark.parametrize("key", [None, "pw-old"], ids=["plain", "encrypted"])
def test_read_only_commands_work_on_a_read_only_folder_and_write_nothing(demo_template, tmp_path, capsys,
                                                                         monkeypatch, key):
    folder = tmp_path / "只读 #1"
    shutil.copytree(demo_template, folder)
    for leftover in folder.glob(f"{STORE_FILENAME}-*"):
        leftover.unlink()  # a cleanly closed book: no -wal, no -shm beside it
    if key:
        rekey.change_password(folder, None, key)
        monkeypatch.setenv(crypto.PASSWORD_ENV, key)
    out = tmp_path / "out"
    out.mkdir()
    source = _import_source(tmp_path, rows=5)
    before = faults.snapshot(folder)
    with faults.read_only(folder) as view:
        for command in READ_ONLY_COMMANDS:
            argv = [a.format(out=out, src=source) for a in command]
            code = main(["--data-dir", str(view), *argv])
            captured = capsys.readouterr()
            assert code == 0, (argv, captured.err)
            assert captured.err == "", (argv, captured.err)
    assert faults.snapshot(folder) == before  # no stamp, no -wal/-shm, no lock file, nothing


def test_a_writing_command_on_a_read_only_folder_is_one_clear_line(demo_template, tmp_path, capsys):
    folder = tmp_path / "只读"
    shutil.copytree(demo_template, folder)
    with faults.read_only(folder) as view:
        code = main(["--data-dir", str(view), "--lang", "zh_CN", "tiers", "recompute"])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "unexpected" not in err and "Traceback" not in err, err
    # said as a read-only folder (its lock file is the first write), not "cannot open the store"
    assert i18n.message("store.read_only", "zh_CN", reason="").split("：")[0] in err, err


@pytest.mark.parametrize("after_steps", [0, 1, 2, 3])
def test_a_journal_interrupted_after_any_step_is_rolled_forward_by_the_next_open(plain_book, tmp_path, monkeypatch,
                                                                                 after_steps):
    """The kills above land mostly while the new files are prepared (the journal's renames
    take microseconds): here the crash is put exactly between the journal's steps."""
    folder = tmp_path / "journal"
    shutil.copytree(plain_book, folder)
    real_run = journal._run

    class Crash(Exception):
        pass

    def crashing(data_dir, steps):
        steps = list(steps)
        real_run(data_dir, steps[:after_steps])
        raise Crash()

    monkeypatch.setattr(journal, "_run", crashing)
    with pytest.raises(Crash):
        rekey.change_password(folder, None, "pw-new")
    assert journal.pending(folder)
    monkeypatch.setattr(journal, "_run", real_run)
    store = Store.open(folder, password="pw-new")  # finishes the operation first
    try:
        assert clients.count_clients(store) == BOOK
    finally:
        store.close(backup=False)
    _same_key_everywhere(folder, "pw-new")
