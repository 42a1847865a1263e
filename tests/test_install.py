"""The wheel installs and runs on its own: built from the files git tracks (a fresh clone:
no generated forms or .qm files), installed with its dependencies into a new virtual
environment outside the checkout, then its `rmdesk` run as a user runs it."""

import os
import shutil
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(),
                                reason="needs the git checkout")


def clean_env(**extra):
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "RMDESK_", "VIRTUAL_ENV", "PYTEST"))}
    env.update(QT_QPA_PLATFORM="offscreen", **extra)
    return env


def fresh_clone(target: Path) -> None:
    tracked = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                             cwd=ROOT, check=True, capture_output=True).stdout.decode().split("\0")
    for name in filter(None, tracked):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    base = tmp_path_factory.mktemp("install")
    src, dist, venv = base / "src", base / "dist", base / "venv"
    fresh_clone(src)
    assert not list(src.glob("rmdesk/gui/forms/ui_*.py")) and not list(src.rglob("*.qm"))
    assert not list(src.rglob("messages.json"))
    # the venv's setuptools and PySide6 stand in for the isolated build environment (the same
    # requirements, without downloading PySide6 again for each run)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                    "-w", str(dist), str(src)], check=True, env=clean_env())
    [wheel] = dist.glob("rmdesk-*.whl")
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)],
                   check=True, env=clean_env())
    return wheel, venv


def test_the_wheel_carries_every_resource(installed):
    wheel, _ = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("rmdesk/resources/i18n/messages.toml", "rmdesk/resources/i18n/messages.json", "rmdesk/resources/playbook/zh_CN.toml",
                   "rmdesk/resources/playbook/en.toml", "rmdesk/resources/products.toml",
                   "rmdesk/resources/tier_schemes.toml", "rmdesk/resources/translations/rmdesk_zh_CN.qm",
                   "rmdesk/resources/translations/rmdesk_en.qm", "rmdesk/gui/forms/ui_settings_page.py",
                   "rmdesk/gui/forms/ui_client_dialog.py", "rmdesk/store/migrations/env.py",
                   "rmdesk/resources/icons/rmdesk-256.png", "rmdesk/resources/icons/rmdesk.svg"):
        assert needed in names, needed
    assert not any(n.endswith(".ts") for n in names)
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[console_scripts]\nrmdesk = rmdesk.__main__:main" in text and "[gui_scripts]" in text


def test_the_installed_app_runs_outside_the_checkout(installed, tmp_path):
    _, venv = installed
    rmdesk = str(venv / "bin" / "rmdesk")
    data = tmp_path / "数据 #1"
    env = clean_env(LANGUAGE="", LC_ALL="", LANG="C.UTF-8")

    def run(*argv, **extra):
        done = subprocess.run([rmdesk, *argv], cwd=tmp_path, env=dict(env, **extra), capture_output=True,
                              text=True, timeout=300)
        assert done.returncode == 0, (argv, done.stdout, done.stderr)
        return done.stdout

    where = subprocess.run([str(venv / "bin" / "python"), "-c",
                            "import rmdesk, rmdesk.paths; print(rmdesk.__file__); print(rmdesk.paths.resources_dir())"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, check=True).stdout.split("\n")
    assert all(Path(p).is_relative_to(venv) for p in where[:2]), where  # the installed copy, not the checkout
    assert run("version").startswith("rmdesk 0.")
    assert "clients 20" in run("--data-dir", str(data), "demo", "--clients", "20")
    pdf = tmp_path / "plans.pdf"
    run("--data-dir", str(data), "plan", "print", "--date", date.today().isoformat(), "--days", "14", "-o", str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "main window shown" in run("--data-dir", str(data), RMDESK_SMOKE_TEST="1")
    assert (venv / "bin" / "rmdesk-gui").exists()
