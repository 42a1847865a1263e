"""Helpers of the no-lost-update tests (tests/test_conflict*.py): who is saving, and the
answers given to the conflict dialogs."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def i_am(store, name: str) -> None:
    """Who saves shows as `name`: the team member of the server login, or the local RM profile."""
    if store.is_sqlite:
        from rmdesk.services import settings
        settings.save_profile(store, {"rm_name": name})
    else:
        from rmdesk.store.models import TeamMember
        with store.write() as s:
            s.add(TeamMember(login=store.engine.url.username, name=name, lead=False))


def answer_dialogs(monkeypatch, *choices) -> list:
    """The conflict dialogs are answered in turn with `choices`; returns the dialogs shown."""
    from rmdesk.gui.client import conflict

    shown, left = [], list(choices)

    def ask(dialog):
        shown.append(dialog)
        return left.pop(0)
    monkeypatch.setattr(conflict, "ask", ask)
    return shown


def other_process(store, db_url, code: str) -> None:
    """Another RM's app (a second process, its clock at 10:32) runs `code` on the same book
    (`store`, and `db_url` on a team database)."""
    from sqlalchemy import URL
    url = db_url if db_url is not None else URL.create("sqlite", database=store.engine.url.database)
    script = textwrap.dedent("""
        from datetime import datetime
        from sqlalchemy import make_url
        from rmdesk import clock
        from rmdesk.store.engine import Store
        from rmdesk.services import early_warnings, fincheck, pipeline, proposals, tiering
        clock.pin(datetime(2026, 11, 23, 10, 32))
        store = Store.open(url=make_url({url!r}))
        {code}
        store.close()
    """).format(url=url.render_as_string(hide_password=False), code=code)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
