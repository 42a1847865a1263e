"""The wheel's build hook (everything else is in pyproject.toml).

`resources/` and `ui/` stay at the top level of the checkout; a wheel carries them inside
the package: resources/ is copied to rmdesk/resources/ (the .ts sources compiled to .qm by
lrelease on the way, the core's messages.toml also compiled to JSON) and every ui/*.ui form is compiled by uic into rmdesk/gui/forms/.
None of the generated files is kept in git. An editable install (`make venv`) builds
nothing here: the Makefile generates the forms and .qm files in place, and
rmdesk.paths finds the top-level resources/ of the checkout."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


def qt_tool(tool: str, *args: str) -> None:
    """Run PySide6's uic or lrelease (a build requirement) through its own wrapper."""
    code = f"import sys; from PySide6.scripts.pyside_tool import {tool}; sys.argv[0] = 'pyside6-{tool}'; {tool}()"
    subprocess.run([sys.executable, "-c", code, *args], check=True)


def compile_catalog(folder: Path) -> None:
    """rmdesk.i18n's catalogue as JSON beside messages.toml (the Qt-free i18n module, run from
    the checkout: it needs nothing but the standard library)."""
    code = "import sys; from pathlib import Path; from rmdesk.i18n import compile_catalog; compile_catalog(Path(sys.argv[1]))"
    subprocess.run([sys.executable, "-c", code, str(folder)], check=True, cwd=ROOT)


class BuildWithResources(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        package = Path(self.build_lib) / "rmdesk"
        target = package / "resources"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(ROOT / "resources", target,
                        ignore=shutil.ignore_patterns("*.ts", "*.qm", "__pycache__", "README.md"))
        compile_catalog(target / "i18n")
        for ts in sorted((ROOT / "resources" / "translations").glob("*.ts")):
            qt_tool("lrelease", "-silent", str(ts), "-qm", str(target / "translations" / f"{ts.stem}.qm"))
        forms = package / "gui" / "forms"
        forms.mkdir(parents=True, exist_ok=True)
        for ui in sorted((ROOT / "ui").glob("*.ui")):
            qt_tool("uic", str(ui), "-o", str(forms / f"ui_{ui.stem}.py"))


setup(cmdclass={"build_py": BuildWithResources})
