"""What the GUI's start-up imports (issue 13: start-up time). The main window is painted before
SQLAlchemy is imported (the store, its models and the migrations check are loaded on the thread
pool while the window shows "Opening your book…"), and a module the first window does not need
is left for when it is used: these are the ones that cost the most."""

from __future__ import annotations

import json
import os
import subprocess
import sys

# imported when used: printing, pinyin for new names, calendar files, Excel, migrations, the
# PostgreSQL dialect (a team database only)
DEFERRED = ("reportlab", "pypinyin", "icalendar", "openpyxl", "alembic", "sqlalchemy.dialects.postgresql")
# not before the window's first paint: the store is opened after it, off the GUI thread
AFTER_THE_FIRST_PAINT = ("sqlalchemy", "rmdesk.store.engine", "rmdesk.store.models", "rmdesk.services")

PROBE = """
import json, sys, threading, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
def loaded(names):
    return sorted(m for m in list(sys.modules) if m in names or m.split('.')[0] in names
                  or any(m.startswith(n + '.') for n in names))
marks = {}
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and type(watched).__name__ == 'MainWindow' and 'paint' not in marks:
            marks['paint'] = loaded({early})
            marks['paint_thread'] = threading.current_thread() is threading.main_thread()
        return False
def until_open(app):
    watcher = FirstPaint()
    app.installEventFilter(watcher)
    window = next(w for w in app.topLevelWidgets() if hasattr(w, 'show_page') and w.isVisible())
    marks['opening'] = window.store is None and window.opening is not None
    deadline = time.monotonic() + 60
    while (window.store is None or 'paint' not in marks) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
    marks['open'] = window.store is not None and type(window.stack.currentWidget()).__name__
    marks['deferred'] = loaded({tops} | {names})
    marks['sqlalchemy_after'] = 'sqlalchemy' in sys.modules
    print(json.dumps(marks))
    return 0
QApplication.exec = until_open
from rmdesk.__main__ import main
sys.argv = ['rmdesk', '--data-dir', sys.argv[1], '--lang', 'zh_CN']
sys.exit(main())
"""


def test_the_window_paints_before_sqlalchemy_and_starts_without_the_deferred_modules(tmp_path):
    data = tmp_path / "数据 #1"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("RMDESK_DB_URL", None)
    subprocess.run([sys.executable, "-m", "rmdesk", "--data-dir", str(data), "demo", "--clients", "20"],
                   check=True, env=env, capture_output=True)
    tops = {m.split(".")[0] for m in DEFERRED if "." not in m}
    code = PROBE.replace("{tops}", repr(tops)).replace("{names}", repr(set(DEFERRED))) \
        .replace("{early}", repr(set(AFTER_THE_FIRST_PAINT)))
    done = subprocess.run([sys.executable, "-c", code, str(data)], env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    marks = json.loads(done.stdout.strip().splitlines()[-1])
    assert marks["opening"], marks  # shown in its "opening your book" state
    assert marks["paint"] == [] and marks["paint_thread"], marks  # painted before the store code was loaded
    assert marks["open"] == "TodayPage" and marks["sqlalchemy_after"], marks  # then the book opened
    assert marks["deferred"] == [], marks
