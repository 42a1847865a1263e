"""Any data folder, any password: every operation on a store whose folder name holds
Chinese characters, spaces and URL/URI syntax (# ? % & ;), with passwords full of the
same. Each test also proves that nothing was written outside the data folder: not beside
it, not in the working folder, not in the home folder."""

import json
import os
import sqlite3

import pytest
from sqlalchemy import URL, create_engine

from rmdesk.cli import main
from rmdesk.paths import STORE_FILENAME
from rmdesk.store import backup, crypto, migrate, rekey
from rmdesk.store.engine import HEAD_REVISION, Store

FOLDERS = {
    "cjk": "张伟 的数据",      # a Chinese user name with a space: percent-encoded in any URL
    "hash": "a#b",            # a URI fragment
    "query": "q?mode=rw&x",   # a URI query
    "percent": "p%41%2F%",    # escapes that must stay literal (%41 is not "A", %2F not "/")
    "amp": "x&y;z =1",
    "all": "客户 #1?%41&;",    # all of it at once
}
PASSWORDS = ["p@ss:%41/#?&;", "密码 it's \"引号\" %%", "a;b'c\"--"]


def tree(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.fixture(params=list(FOLDERS.values()), ids=list(FOLDERS))
def place(request, tmp_path, monkeypatch):
    """The data folder (named from FOLDERS inside a parent holding nothing else), with the
    working folder and HOME moved to empty folders that must stay empty."""
    parent, cwd, home = tmp_path / "parent", tmp_path / "cwd", tmp_path / "home"
    for folder in (parent, cwd, home):
        folder.mkdir()
    monkeypatch.chdir(cwd)
    monkeypatch.setenv("HOME", str(home))
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "RMDESK_PASSWORD"):
        monkeypatch.delenv(var, raising=False)
    data_dir = parent / request.param
    yield data_dir
    assert [p.name for p in parent.iterdir()] == [request.param], "a file was created beside the data folder"
    assert tree(cwd) == [], "a file was created in the working folder"
    assert tree(home) == [], "a file was created in the home folder"


def cli(data_dir, capsys, *argv):
    code = main(["--data-dir", str(data_dir), "--lang", "en", *argv])
    out, err = capsys.readouterr()
    assert code == 0, (argv, out, err)
    return out


def revision(path):
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        con.close()


def test_every_everyday_operation(place, capsys):
    assert "clients 5" in cli(place, capsys, "demo", "--clients", "5")
    store_file = place / STORE_FILENAME
    assert store_file.exists() and store_file.stat().st_size > 100_000  # the book is where it belongs
    names = {r["name"] for r in json.loads(cli(place, capsys, "clients", "list", "--format", "json"))}
    assert len(names) == 5
    out = cli(place, capsys, "check")
    assert "clients 5" in out and "no such table" not in out

    taken = cli(place, capsys, "backup", "create").split(": ", 1)[1].strip()
    info = backup.find_backup(place, taken)
    assert all(b.path.parent == place / "backups" for b in backup.list_backups(place))
    assert info.name == taken and info.path.parent == place / "backups"
    assert info.size > 100_000 and backup.quick_check(info.path, full=True) == []  # a real copy, not 4 KB
    assert taken in cli(place, capsys, "backup", "list")

    # import (from a file in the same folder) and export (into it)
    src = place / "导入 #?%41.csv"
    src.write_text("公司,地区\n新甲公司,海淀区\n新乙公司,朝阳区\n", encoding="utf-8")
    assert "2 new clients" in cli(place, capsys, "import", str(src), "--mapping", "公司=name,地区=district")
    out_file = place / "导出 #?%41&;.xlsx"
    assert "7 clients" in cli(place, capsys, "export", "--what", "clients", "-o", str(out_file))
    assert out_file.stat().st_size > 1000
    pdf = place / "计划 #?%.pdf"
    cli(place, capsys, "plan", "print", "--date", "2026-11-23", "--days", "7", "-o", str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")

    # restore: the 5-client backup replaces the 7-client store, the safety copy is real too
    out = cli(place, capsys, "backup", "restore", taken)
    safety = out.split("kept as the backup ", 1)[1].strip()
    assert backup.quick_check(place / "backups" / safety, full=True) == []
    store = Store.open(place, lock=False)
    try:
        from rmdesk.services import clients

        assert clients.count_clients(store) == 5
    finally:
        store.close(backup=False)
    assert "clients 5" in cli(place, capsys, "check")


def test_migrating_an_older_store(place, capsys):
    place.mkdir()
    engine = create_engine(URL.create("sqlite", database=str(place / STORE_FILENAME)))
    migrate.upgrade(engine, "0002_flow_tools")
    engine.dispose()
    cli(place, capsys, "demo", "--clients", "3")  # opening migrates, after a backup
    assert revision(place / STORE_FILENAME) == HEAD_REVISION
    before = backup.list_backups(place)[-1]  # the oldest: taken before the migration
    assert revision(before.path) == "0002_flow_tools"
    assert "clients 3" in cli(place, capsys, "check")


# SQLCipher's key derivation makes each open slow: the encrypted runs take the folder that
# holds every awkward character at once.
ALL_AT_ONCE = pytest.mark.parametrize("place", [FOLDERS["all"]], ids=["all"], indirect=True)


@pytest.mark.skipif(not crypto.available(), reason="sqlcipher3 is not installed")
@ALL_AT_ONCE
def test_encryption_set_change_remove(place, capsys, monkeypatch):
    first, second, _ = PASSWORDS
    cli(place, capsys, "demo", "--clients", "4")
    cli(place, capsys, "backup", "create")
    copies = 1 + len(backup.list_backups(place))
    assert rekey.change_password(place, None, first) == copies  # set: the store and its backups
    path = place / STORE_FILENAME
    assert crypto.is_encrypted(path)
    monkeypatch.setenv("RMDESK_PASSWORD", first)
    assert "clients 4" in cli(place, capsys, "check")
    assert rekey.change_password(place, first, second) == copies  # change
    monkeypatch.setenv("RMDESK_PASSWORD", second)
    taken = cli(place, capsys, "backup", "create").split(": ", 1)[1].strip()
    assert crypto.is_encrypted(place / "backups" / taken)
    assert taken in cli(place, capsys, "backup", "list")
    cli(place, capsys, "backup", "restore", taken)
    assert "clients 4" in cli(place, capsys, "check")
    assert rekey.change_password(place, second, None) >= 3  # remove
    monkeypatch.delenv("RMDESK_PASSWORD")
    assert not crypto.is_encrypted(path)
    assert "clients 4" in cli(place, capsys, "check")
    for b in backup.list_backups(place):
        assert backup.quick_check(b.path) == []


@pytest.mark.skipif(not crypto.available(), reason="sqlcipher3 is not installed")
@ALL_AT_ONCE
@pytest.mark.parametrize("password", PASSWORDS)
def test_a_new_encrypted_store_with_any_password(place, password):
    store = Store.open(place, password=password)
    from rmdesk.services import clients

    clients.create_client(store, {"name": "加密公司"})
    store.close()
    assert crypto.is_encrypted(place / STORE_FILENAME)
    with pytest.raises(Exception):  # noqa: B017 - the file is unreadable without the key
        sqlite3.connect(place / STORE_FILENAME).execute("SELECT * FROM sqlite_master").fetchall()
    store = Store.open(place, password=password)
    try:
        assert [r.name for r in clients.list_clients(store)] == ["加密公司"]
    finally:
        store.close(backup=False)
    [taken] = backup.list_backups(place)  # the backup on close of a changed store
    assert backup.quick_check(taken.path, full=True, key=password) == []


def test_the_read_only_uri_names_the_file_itself(tmp_path):
    folder = tmp_path / "a#b?c%41 张"
    folder.mkdir()
    con = sqlite3.connect(folder / "x.sqlite3")
    con.execute("CREATE TABLE t (v)")
    con.commit()
    con.close()
    uri = crypto.readonly_uri(folder / "x.sqlite3")
    assert uri.startswith("file:///") and uri.endswith("?mode=ro") and "#" not in uri and uri.count("?") == 1
    ro = crypto.connect(folder / "x.sqlite3", None, readonly=True)
    try:
        assert ro.execute("SELECT name FROM sqlite_master").fetchall() == [("t",)]
        with pytest.raises(sqlite3.OperationalError):
            ro.execute("INSERT INTO t VALUES (1)")
    finally:
        ro.close()
    assert sorted(os.listdir(folder)) == ["x.sqlite3"]
