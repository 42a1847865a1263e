"""The core never imports Qt (ARCHITECTURE.md rule)."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = ["rmdesk.store.engine", "rmdesk.store.models", "rmdesk.store.migrate", "rmdesk.playbook.loader",
        "rmdesk.playbook.rules", "rmdesk.services.clients", "rmdesk.services.pipeline",
        "rmdesk.services.visits", "rmdesk.services.engagement", "rmdesk.services.demo",
        "rmdesk.services.settings", "rmdesk.services.catalog", "rmdesk.cli", "rmdesk.i18n", "rmdesk.formatting"]


def test_core_imports_load_no_qt():
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in CORE)
        + "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'rmdesk.gui')))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == ""


def test_core_sources_do_not_import_qt():
    offenders = []
    for folder in ("store", "playbook", "services", "formats"):
        for path in (ROOT / "rmdesk" / folder).rglob("*.py"):
            offenders += _qt_imports(path)
    for path in (ROOT / "rmdesk").glob("*.py"):
        if path.name != "__main__.py":  # the entry point wires the GUI in; nothing imports it
            offenders += _qt_imports(path)
    assert offenders == []


def _qt_imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        found += [f"{path.name}: {n}" for n in names if n.split(".")[0] in ("PySide6", "shiboken6")
                  or n.startswith("rmdesk.gui")]
    return found


def test_gui_never_imports_orm_session_or_models():
    """The GUI talks to services; it never builds SQL or holds a session."""
    offenders = []
    for path in (ROOT / "rmdesk" / "gui").rglob("*.py"):
        if "forms" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        for forbidden in ("sqlalchemy", "rmdesk.store.models", "store.read(", "store.write("):
            if forbidden in text:
                offenders.append(f"{path.name}: {forbidden}")
    assert offenders == []
