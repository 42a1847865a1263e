"""Screenshots of the walk (issue 17): every page, a client workspace per step, the usual
dialogs and (at 1280×720) every dialog behind a button or a menu entry, at 1366×768 and
1280×720 in zh_CN and en, with what the checks of tests/gui_walk.py find. Run under Xvfb:

    xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python scripts/walk_screens.py OUT_DIR
"""

from __future__ import annotations

import sys
import tempfile
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from PySide6.QtWidgets import QApplication  # noqa: E402

from rmdesk import clock  # noqa: E402
from rmdesk.services import demo  # noqa: E402
from rmdesk.store.engine import Store  # noqa: E402


def main() -> int:
    from gui_walk import (
        clipped,
        horizontal_scroll,
        press_everything,
        silent_disabled,
        too_big,
        untranslated,
        walk,
    )
    from test_walk import _data_names, _one_per_step

    from rmdesk.gui.app import Desk

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "walk")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    clock.pin(datetime(2026, 11, 23, 9, 30))
    with tempfile.TemporaryDirectory(prefix="rmdesk walk #") as tmp:
        store = Store.open(Path(tmp) / "数据")
        demo.generate(store, 60, seed=11)
        ids, names = _one_per_step(store), _data_names(store)
        findings = []
        for lang in ("zh_CN", "en"):
            for size in ((1366, 768), (1280, 720)):
                desk = Desk(store, store.data_dir, lang)
                desk.window.resize(*size)
                desk.window.show()
                tag = f"{lang}-{size[0]}x{size[1]}"

                def look(where, widget, tag=tag, lang=lang, size=size):
                    widget.grab().save(str(out / f"{tag}-{where}.png"))
                    if lang == "zh_CN":
                        findings.extend((tag, f) for f in untranslated(widget, where, names))
                    findings.extend((tag, f) for f in clipped(widget, where))
                    findings.extend((tag, f) for f in silent_disabled(widget, where))
                    findings.extend((tag, f) for f in too_big(widget, where, size))
                    if where.startswith("page-"):
                        findings.extend((tag, f) for f in horizontal_scroll(widget, where))

                walk(desk, ids, look)
                if size == (1280, 720):  # the dialogs behind the buttons and menus, and what each button does
                    silent, _opened, tracebacks = press_everything(desk, ids, look)
                    findings.extend((tag, f"{text} (silent)") for text in silent)
                    findings.extend((tag, text) for text in tracebacks)
                desk.stop()
                desk.window.close()
                app.processEvents()
        store.close()
    for tag, finding in findings:
        print(tag, finding)
    print(f"{len(findings)} findings; screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
