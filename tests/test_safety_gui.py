"""Data safety in the GUI: Settings (back up, check, restore), the start-up dialog for
a damaged store, one instance per data folder, automatic backups off the GUI thread."""

import pytest

from rmdesk.errors import StoreError
from rmdesk.paths import STORE_FILENAME
from rmdesk.services import clients
from rmdesk.store import backup, crypto
from rmdesk.store.engine import Store
from tests.faults import damage_clients


def test_settings_back_up_and_check_run_off_the_gui_thread(store, make_desk, qtbot):
    clients.create_client(store, {"name": "甲公司"})
    desk = make_desk(store)
    page = desk.window.settings_page
    desk.window.show_page(desk.window.SETTINGS)
    assert page.ui.backupsValue.text() == "还没有备份"
    job = page.backup_now()
    qtbot.waitUntil(lambda: job.finished.is_set() and page.ui.backupNowButton.isEnabled(), timeout=10000)
    assert len(backup.list_backups(store.data_dir)) == 1 and "1 份备份" in page.ui.backupsValue.text()
    shown = []
    page.show_report = shown.append
    page.check()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert shown[0].ok and shown[0].counts["clients"] == 1
    assert "数据库完好" in page.ui.storeStatus.text()


def test_restore_from_settings_rebuilds_the_window_on_the_restored_data(store, make_desk, qtbot):
    clients.create_client(store, {"name": "旧公司"})
    saved = store.backup_now()
    clients.create_client(store, {"name": "新公司"})
    desk = make_desk(store)
    desk.restore_backup(saved.name)
    qtbot.addWidget(desk.window)
    assert [r.name for r in clients.list_clients(desk.store)] == ["旧公司"]
    assert desk.window.store is desk.store
    desk.close()


def test_damaged_store_offers_the_newest_good_backup(data_dir, qtbot):
    from rmdesk.gui import translation
    from rmdesk.gui.data import safety

    translation.install("zh_CN")
    store = Store.open(data_dir)
    for i in range(300):
        clients.create_client(store, {"name": f"公司{i}", "intel_notes": "情报" * 40})
    store.backup_now()
    store.close(backup=False)
    damage_clients(data_dir / STORE_FILENAME)
    try:
        Store.open(data_dir)
        raise AssertionError("a damaged store must not open")
    except StoreError as exc:
        error = exc
    seen = []

    def decline(box):
        seen.append((box.text(), box.informativeText(), [b.text() for b in box.buttons()]))
        return False

    assert safety.offer_restore(data_dir, error, ask=decline) is None
    assert "数据库文件已损坏" in seen[0][0] and "最近一次完好的备份" in seen[0][1]
    assert seen[0][2] == ["恢复备份", "退出"]
    reopened = safety.offer_restore(data_dir, error, ask=lambda box: True)
    assert reopened is not None and clients.count_clients(reopened) == 300
    reopened.close()


def test_damage_at_rest_after_a_checked_close_is_caught_in_the_background(data_dir, qtbot, monkeypatch):
    import json
    import os

    from rmdesk.gui.app import Desk
    from rmdesk.gui.data import safety

    store = Store.open(data_dir)
    for i in range(300):
        clients.create_client(store, {"name": f"公司{i}", "intel_notes": "情报" * 40})
    store.backup_now()
    store.close(backup=False)  # checked: the next open may skip the check
    path = data_dir / STORE_FILENAME
    stat = path.stat()
    with open(path, "r+b") as fh:  # bit rot in the last pages: the same size, the old time put back
        fh.seek(stat.st_size - 8 * 4096)
        fh.write(b"\xde\xad" * 4096)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    store = Store.open(data_dir)
    assert store.check_skipped
    offered = []
    monkeypatch.setattr(safety, "offer_restore", lambda directory, exc, key=None: offered.append(exc.key) or
                        Store.open(directory, check=False, lock=False))
    desk = Desk(store, data_dir, "zh_CN")
    first = desk.window
    qtbot.waitUntil(lambda: offered == ["store.corrupt"], timeout=10000)
    qtbot.addWidget(desk.window)
    assert desk.window is not first and desk.store is not store  # rebuilt on what offer_restore gave
    desk.close()
    # damage that stops the file from opening at all is reported as damage, not as an error:
    # the schema page itself (page 1 after its 100-byte header), which every open reads
    with open(path, "r+b") as fh:
        fh.seek(100)
        fh.write(b"\xde\xad" * 1000)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    (data_dir / backup_mark()).write_text(json.dumps({"size": path.stat().st_size, "mtime_ns": stat.st_mtime_ns}))
    try:
        Store.open(data_dir)
        raise AssertionError("a damaged store must not open")
    except StoreError as exc:
        assert exc.key == "store.corrupt"


def backup_mark() -> str:
    from rmdesk.store.backup import VERIFIED_MARK

    return VERIFIED_MARK


def test_a_second_launch_raises_the_first_window(data_dir, qtbot):
    from PySide6.QtWidgets import QWidget

    from rmdesk.gui.data import safety

    data_dir.mkdir()
    server = safety.claim_instance(data_dir)
    assert server is not None
    window = QWidget()
    qtbot.addWidget(window)
    raised = []
    window.raise_ = lambda: raised.append(True)
    safety.raise_on_request(server, lambda: window)
    assert safety.claim_instance(data_dir) is None  # the second one steps back
    qtbot.waitUntil(lambda: bool(raised), timeout=5000)
    server.close()
    again = safety.claim_instance(data_dir)  # after the first quit, a new one may start
    assert again is not None
    again.close()


def test_automatic_backup_when_due(store, qtbot):
    from rmdesk.gui.data import safety

    scheduler = safety.BackupScheduler(store, interval_ms=10_000_000)
    assert scheduler.tick() is None  # nothing changed
    clients.create_client(store, {"name": "甲"})
    job = scheduler.tick()
    assert job is not None
    qtbot.waitUntil(job.finished.is_set, timeout=10000)
    assert len(backup.list_backups(store.data_dir)) == 1 and not store.dirty
    scheduler.stop()


def test_password_from_settings_encrypts_then_the_idle_lock_asks_for_it(store, make_desk, qtbot):
    from rmdesk.gui.data.privacy import PasswordDialog
    from rmdesk.store import crypto

    if not crypto.available():
        import pytest

        pytest.skip("sqlcipher3 is not installed")
    clients.create_client(store, {"name": "甲公司"})
    desk = make_desk(store)
    page = desk.window.settings_page
    page.refresh()
    assert page.ui.passwordStatus.text() == "未加密。"
    dialog = PasswordDialog(False, desk.change_password, desk.window)
    qtbot.addWidget(dialog)
    dialog.new.setText("abc")
    dialog.repeat.setText("abc")
    dialog.submit()
    assert "至少需要 6 个字符" in dialog.error.text() and desk.store.key is None
    dialog.new.setText("secret-1")
    dialog.repeat.setText("secret-1")
    dialog.submit()
    qtbot.addWidget(desk.window)
    assert desk.store.key == "secret-1" and crypto.is_encrypted(desk.store.data_dir / STORE_FILENAME)
    assert [r.name for r in clients.list_clients(desk.store)] == ["甲公司"]
    desk.window.settings_page.refresh()
    assert desk.window.settings_page.ui.passwordStatus.text() == "数据及其备份已加密。"
    # the idle lock: hides the window, asks, shows it again on the right password
    answers = ["wrong", "secret-1"]
    notes = []
    desk.idle_lock.ask = lambda note: (notes.append(note), answers.pop(0))[1]
    desk.set_idle_minutes(5)
    assert desk.idle_lock.filtering
    assert desk.idle_lock.lock() and desk.window.isVisible() and answers == []
    assert notes[0] == "rmdesk 已在 5 分钟无操作后锁定。"  # a real sentence, no "minute(s)" (issue 17)
    # removing the password again
    desk.change_password("secret-1", None)
    qtbot.addWidget(desk.window)
    assert desk.store.key is None and not crypto.is_encrypted(desk.store.data_dir / STORE_FILENAME)
    assert not desk.idle_lock.filtering
    desk.close()


def test_masking_checkbox_in_settings(store, make_desk):
    from rmdesk.services import masking

    desk = make_desk(store)
    page = desk.window.settings_page
    page.refresh()
    page.ui.maskCheck.setChecked(True)
    assert masking.enabled(store)


def test_start_asks_the_password_of_an_encrypted_store(data_dir, qtbot, monkeypatch):
    from rmdesk.gui import app as gui_app
    from rmdesk.store import crypto

    if not crypto.available():
        import pytest

        pytest.skip("sqlcipher3 is not installed")
    Store.open(data_dir, password="secret-1").close()
    answers = ["wrong", "secret-1"]
    notes = []

    def ask(parent, note=""):
        notes.append(note)
        return answers.pop(0)

    import sys

    from tests.gui_start import until_open

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs the app's own
    monkeypatch.setattr(gui_app, "ask_password", ask)
    started = until_open(monkeypatch)  # the event loop runs until the book is open
    assert gui_app.run(str(data_dir), "en") == 0
    assert started.window is not None and answers == [] and notes[1] == "The password is wrong"  # a sentence on its own


@pytest.mark.skipif(not crypto.available(), reason="sqlcipher3 is not installed")
def test_a_lost_encrypted_store_asks_for_the_password_to_restore_its_backups(data_dir, qtbot):
    """The store file is gone and every backup is encrypted: instead of "no good backup"
    the password is asked for (again, saying so, when it is wrong), the backup it opens is
    offered and restored, and the store reopens encrypted with its clients."""
    from rmdesk.gui import translation
    from rmdesk.gui.data import safety
    from rmdesk.store import rekey

    translation.install("zh_CN")
    store = Store.open(data_dir)
    for i in range(12):
        clients.create_client(store, {"name": f"加密公司{i}"})
    store.backup_now()
    store.close(backup=False)
    rekey.change_password(data_dir, None, "p@ss %:中")
    (data_dir / STORE_FILENAME).unlink()
    try:
        Store.open(data_dir)
        raise AssertionError("a lost store must not open as an empty book")
    except StoreError as exc:
        error = exc
    assert error.key == "store.corrupt"

    notes, typed = [], iter(["wrong", "p@ss %:中"])
    boxes = []

    def password(note):
        notes.append(note)
        return next(typed)

    def accept(box):
        boxes.append(box.informativeText())
        return True

    reopened = safety.offer_restore(data_dir, error, ask=accept, password=password)
    assert len(notes) == 2 and "加密" in notes[0] and "密码" in notes[1] and notes[0] != notes[1]
    assert "最近一次完好的备份" in boxes[0]
    assert reopened is not None and clients.count_clients(reopened) == 12
    assert crypto.classify(data_dir / STORE_FILENAME) == "encrypted"
    reopened.close()
    # cancelling the prompt quits without a restore and leaves the folder as it was
    (data_dir / STORE_FILENAME).unlink()
    before = sorted(p.name for p in data_dir.iterdir())
    assert safety.offer_restore(data_dir, error, ask=accept, password=lambda note: None) is None
    assert sorted(p.name for p in data_dir.iterdir()) == before


@pytest.mark.skipif(not crypto.available(), reason="sqlcipher3 is not installed")
def test_a_cli_import_cannot_slip_in_while_the_gui_sets_a_password_or_restores(store, make_desk, tmp_path,
                                                                              monkeypatch):
    """The race of issue 14: the GUI closed the store (releasing the folder lock) before
    the rekey, a CLI import got in, printed "imported 3" and its clients were lost. Now a
    second process started in the middle of the rekey or the restore is refused with the
    folder-in-use message (exit 1) and writes nothing; the book keeps what it had."""
    import subprocess
    import sys

    from rmdesk.store import rekey

    clients.create_client(store, {"name": "原有公司"})
    store.backup_now()
    rows = tmp_path / "新 客户#3.csv"
    rows.write_text("企业名称\n插队甲\n插队乙\n插队丙\n", encoding="utf-8")
    desk = make_desk(store)
    seen = []

    def cli_import():
        done = subprocess.run([sys.executable, "-m", "rmdesk", "--data-dir", str(store.data_dir), "--lang", "zh_CN",
                               "import", str(rows)], capture_output=True, text=True, timeout=120)
        seen.append((done.returncode, done.stdout, done.stderr))

    real_rekey = rekey.change_password

    def rekey_with_a_visitor(*args, **kwargs):
        cli_import()  # the store is closed now: the moment the lock used to be free
        return real_rekey(*args, **kwargs)

    monkeypatch.setattr(rekey, "change_password", rekey_with_a_visitor)
    desk.change_password(None, "pw-race-1")
    code, out, err = seen[-1]
    assert code == 1 and "正被另一个 rmdesk 使用" in err and "导入" not in out
    assert desk.store.key == "pw-race-1" and clients.count_clients(desk.store) == 1

    real_restore = backup.restore_backup

    def restore_with_a_visitor(*args, **kwargs):
        cli_import()
        return real_restore(*args, **kwargs)

    monkeypatch.setattr(backup, "restore_backup", restore_with_a_visitor)
    newest = backup.list_backups(desk.store.data_dir)[0]
    desk.restore_backup(newest.name)
    code, out, err = seen[-1]
    assert code == 1 and "正被另一个 rmdesk 使用" in err
    assert [c.name for c in clients.list_clients(desk.store)] == ["原有公司"]
