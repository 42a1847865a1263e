import json

import pytest

from rmdesk.cli import main
from tests.faults import damage_clients

pytestmark = pytest.mark.both_engines


@pytest.fixture
def run(cli_base, capsys):
    def invoke(*argv):
        code = main([*cli_base, *argv] if argv and argv[0] != "version" else list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


def test_version(run):
    code, out, _ = run("version")
    assert code == 0 and out.startswith("rmdesk 0.")


def test_demo_then_list_in_three_formats(run):
    code, out, err = run("demo", "--clients", "30", "--seed", "5")
    assert code == 0 and "clients 30" in out and err == "", err
    code, out, _ = run("clients", "list", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 30
    assert set(rows[0]) == {"id", "name", "short_name", "industry", "tier", "step", "status", "owner",
                            "district", "next_action_date"}
    code, out, _ = run("clients", "list", "--format", "csv", "--step", "1")
    lines = out.splitlines()
    assert lines[0] == "id,name,short_name,industry,tier,step,status,owner,district,next_action_date"
    assert len(lines) > 1 and all(line.split(",")[5] == "1" for line in lines[1:])
    some = rows[0]["name"]
    code, out, _ = run("clients", "list", "--search", some[2:6])
    assert code == 0 and some in out


def test_table_is_translated(run):
    run("demo", "--clients", "3")
    _, out_zh, _ = run("clients", "list", "--lang", "zh_CN")
    _, out_en, _ = run("clients", "list", "--lang", "en")
    assert out_zh.splitlines()[0].split()[1] == "客户名称"
    assert "Client name" in out_en.splitlines()[0]


def test_demo_refuses_a_non_empty_store_without_force(run):
    run("demo", "--clients", "5")
    code, _, err = run("demo", "--clients", "5", "--lang", "en")
    assert code == 1 and err.count("\n") == 1 and "--force" in err
    code, out, _ = run("demo", "--clients", "7", "--force")
    assert code == 0
    _, out, _ = run("clients", "list", "--format", "json")
    assert len(json.loads(out)) == 7


@pytest.mark.parametrize("argv", [("clients", "list", "--step", "9"), ("bogus",), ("demo",),
                                  ("demo", "--clients", "0"), ("demo", "--clients", "x"),
                                  ("clients", "list", "--format", "xml")])
def test_bad_usage_is_one_line_and_exit_2(run, argv):
    code, out, err = run(*argv)
    assert code == 2 and out == "" and err.count("\n") == 1 and "Traceback" not in err


def test_no_subcommand_starts_the_gui_launcher(data_dir):
    calls = []
    assert main(["--data-dir", str(data_dir), "--lang", "en"], gui=lambda d, lang: calls.append((d, lang)) or 0) == 0
    assert calls == [(str(data_dir), "en")]


def test_unexpected_error_is_one_line_and_logged(data_dir, capsys, monkeypatch):
    import rmdesk.services.clients as clients

    def boom(*a, **k):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(clients, "list_clients", boom)
    code = main(["--data-dir", str(data_dir), "clients", "list"])
    err = capsys.readouterr().err
    assert code == 1 and "disk on fire" in err and "Traceback" not in err and err.count("\n") == 1
    assert "disk on fire" in (data_dir / "rmdesk.log").read_text(encoding="utf-8")


def test_data_dir_from_environment(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("RMDESK_DATA_DIR", str(tmp_path / "env-data"))
    assert main(["demo", "--clients", "2"]) == 0
    assert (tmp_path / "env-data" / "rmdesk.sqlite3").exists()


@pytest.mark.sqlite_only
def test_backup_create_list_restore_and_check(run, data_dir):
    assert run("demo", "--clients", "5")[0] == 0
    code, out, _ = run("backup", "create")
    assert code == 0 and out.startswith("backed up: rmdesk-")
    name = out.split(": ", 1)[1].strip()
    code, out, _ = run("backup", "list")
    assert code == 0 and name in out
    assert run("demo", "--clients", "8", "--force")[0] == 0
    code, out, err = run("backup", "restore", name)
    assert code == 0, err
    assert "restored" in out
    code, out, _ = run("clients", "list", "--format", "json")
    assert len(json.loads(out)) == 5
    code, out, _ = run("check")
    assert code == 0 and "sound" in out and "clients 5" in out
    code, _, err = run("backup", "restore", "nope")
    assert code == 1 and err.count("\n") == 1 and "nope" in err


@pytest.mark.sqlite_only
def test_check_fails_with_exit_1_on_a_damaged_store(run, data_dir):
    assert run("demo", "--clients", "200")[0] == 0
    damage_clients(data_dir / "rmdesk.sqlite3")
    code, out, _ = run("check")
    assert code == 1 and "problems" in out
    code, _, err = run("clients", "list")
    assert code == 1 and "damaged" in err


def test_import_and_export_commands(run, data_dir, tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("公司,地区\n甲公司,海淀区\n乙公司,朝阳区\n", encoding="gb18030")
    code, out, err = run("import", str(src), "--dry-run", "--mapping", "公司=name,地区=district")
    assert code == 0 and "2 new clients" in out
    code, out, _ = run("clients", "list", "--format", "json")
    assert json.loads(out) == []
    code, out, err = run("import", str(src), "--mapping", "公司=name,地区=district")
    assert code == 0 and "imported: 2 new clients" in out
    bad = tmp_path / "bad.csv"
    bad.write_text("name,annual_sales\n丙公司,abc\n", encoding="utf-8")
    code, out, err = run("import", str(bad))
    assert code == 1 and "row 2" in err and "nothing was imported" in err
    out_file = tmp_path / "out.xlsx"
    code, out, _ = run("export", "--what", "clients", "-o", str(out_file))
    assert code == 0 and out_file.exists() and "2 clients" in out
    code, _, err = run("export", "--what", "things", "-o", str(out_file))
    assert code == 2


@pytest.mark.sqlite_only
def test_an_encrypted_store_from_the_command_line(run, data_dir, monkeypatch):
    from rmdesk.store import crypto
    from rmdesk.store.engine import Store

    if not crypto.available():
        pytest.skip("sqlcipher3 is not installed")
    Store.open(data_dir, password="s3cret").close()
    code, _, err = run("clients", "list")
    assert code == 1 and "password" in err
    monkeypatch.setenv("RMDESK_PASSWORD", "wrong")
    assert run("clients", "list")[0] == 1
    monkeypatch.setenv("RMDESK_PASSWORD", "s3cret")
    assert run("demo", "--clients", "3")[0] == 0
    code, out, _ = run("check")
    assert code == 0 and "clients 3" in out
    code, out, _ = run("backup", "create")
    assert code == 0
    name = out.split(": ", 1)[1].strip()
    assert crypto.is_encrypted(data_dir / "backups" / name)
