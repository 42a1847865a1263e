"""Encryption at rest (SQLCipher): the file and its backups are unreadable without the
password; wrong or missing passwords are clear errors; set, change, remove re-key
the store and every backup."""

import sqlite3

import pytest

from rmdesk.errors import StoreError
from rmdesk.paths import STORE_FILENAME
from rmdesk.services import clients
from rmdesk.store import backup, crypto, rekey
from rmdesk.store.engine import Store

pytestmark = pytest.mark.skipif(not crypto.available(), reason="sqlcipher3 is not installed")


def unreadable_without_key(path):
    con = sqlite3.connect(path)
    try:
        with pytest.raises(sqlite3.DatabaseError):
            con.execute("SELECT count(*) FROM sqlite_master").fetchall()
    finally:
        con.close()


def test_a_store_created_with_a_password_is_encrypted_with_its_backups(data_dir):
    store = Store.open(data_dir, password="密码 it's 1")
    clients.create_client(store, {"name": "加密公司"})
    store.close()  # changed: a backup on close
    path = data_dir / STORE_FILENAME
    assert crypto.is_encrypted(path) and b"\xe5\x8a\xa0\xe5\xaf\x86" not in path.read_bytes()  # no 加密 in clear
    [taken] = backup.list_backups(data_dir)
    assert crypto.is_encrypted(taken.path)
    unreadable_without_key(taken.path)
    assert backup.quick_check(taken.path, key="密码 it's 1") == []
    with pytest.raises(StoreError) as info:
        Store.open(data_dir)
    assert info.value.key == "store.password_needed" and info.value.message("zh_CN") != info.value.key
    with pytest.raises(StoreError) as info:
        Store.open(data_dir, password="wrong")
    assert info.value.key == "store.wrong_password"
    store = Store.open(data_dir, password="密码 it's 1")
    assert [r.name for r in clients.list_clients(store)] == ["加密公司"]
    store.close()


def test_set_change_and_remove_the_password(data_dir):
    store = Store.open(data_dir)
    clients.create_client(store, {"name": "甲公司"})
    store.backup_now()
    store.close(backup=False)
    assert rekey.change_password(data_dir, None, "one") == 2  # the store and its backup
    path = data_dir / STORE_FILENAME
    assert crypto.is_encrypted(path)
    for b in backup.list_backups(data_dir):
        unreadable_without_key(b.path)
    with pytest.raises(StoreError):
        rekey.change_password(data_dir, "bad", "two")
    assert rekey.change_password(data_dir, "one", "two") == 2
    with pytest.raises(StoreError):
        Store.open(data_dir, password="one")
    store = Store.open(data_dir, password="two")
    assert clients.count_clients(store) == 1
    restored_from = backup.list_backups(data_dir)[0].name
    store.close(backup=False)
    # a restore works with the key too
    backup.restore_backup(data_dir, restored_from, key="two")
    assert rekey.change_password(data_dir, "two", None) >= 2
    assert not crypto.is_encrypted(path)
    store = Store.open(data_dir)
    assert clients.count_clients(store) == 1
    store.close()
    for b in backup.list_backups(data_dir):
        assert backup.quick_check(b.path) == []


def test_a_password_change_rewrites_every_data_file_or_fails_with_nothing_changed(data_dir):
    store = Store.open(data_dir)
    store.backup_now()
    store.close(backup=False)
    aside = data_dir / f"{STORE_FILENAME}.corrupt-20261101-000000"
    aside.write_bytes((data_dir / STORE_FILENAME).read_bytes())
    partial = backup.backup_dir(data_dir) / ".rmdesk-20261101-000000Z.sqlite3.partial"
    partial.write_bytes((data_dir / STORE_FILENAME).read_bytes())
    rekey.change_password(data_dir, None, "pw-1")
    assert crypto.is_encrypted(aside) and not partial.exists()  # no plain copy is left beside it
    assert all(crypto.is_encrypted(b.path) for b in backup.list_backups(data_dir))
    # a file that cannot be rewritten fails the whole change, loudly; nothing changes
    bad = backup.backup_dir(data_dir) / "rmdesk-20200101-000000Z.sqlite3"
    bad.write_bytes(b"\x01" * 8192)
    with pytest.raises(StoreError) as info:
        rekey.change_password(data_dir, "pw-1", "pw-2")
    assert info.value.key == "store.rekey_file" and bad.name in info.value.message("en")
    Store.open(data_dir, password="pw-1").close(backup=False)
    assert backup.quick_check(aside, key="pw-1") == []
