"""Helpers of the no-lost-update tests (tests/test_conflict*.py): who is saving, and the
answers given to the conflict dialogs."""

from __future__ import annotations


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
