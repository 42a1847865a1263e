"""What the GUI's start-up imports (issue 13: start-up time). A module it does not need for the
first window is left for when it is used: these are the ones that cost the most."""

from __future__ import annotations

import json
import os
import subprocess
import sys

# imported when used: printing, pinyin for new names, calendar files, Excel, migrations, the
# PostgreSQL dialect (a team database only)
DEFERRED = ("reportlab", "pypinyin", "icalendar", "openpyxl", "alembic", "sqlalchemy.dialects.postgresql")

PROBE = """
import json, sys
from PySide6.QtWidgets import QApplication
def first_loop(app):
    app.processEvents()
    print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {tops} or m in {names})))
    return 0
QApplication.exec = first_loop
from rmdesk.__main__ import main
sys.argv = ['rmdesk', '--data-dir', sys.argv[1], '--lang', 'zh_CN']
sys.exit(main())
"""


def test_the_window_starts_without_the_deferred_modules(tmp_path):
    data = tmp_path / "数据 #1"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("RMDESK_DB_URL", None)
    subprocess.run([sys.executable, "-m", "rmdesk", "--data-dir", str(data), "demo", "--clients", "20"],
                   check=True, env=env, capture_output=True)
    tops = {m.split(".")[0] for m in DEFERRED if "." not in m}
    code = PROBE.replace("{tops}", repr(tops)).replace("{names}", repr(set(DEFERRED)))
    done = subprocess.run([sys.executable, "-c", code, str(data)], env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert loaded == [], loaded
