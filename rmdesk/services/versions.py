"""No lost update on every editable row, and who changed what.

Every editable row (clients, key persons, visits, tasks, needs, objections, deals, complaints,
business volumes, early warnings, proposal drafts as `edit_version`) has a version that
SQLAlchemy raises on each UPDATE (`version_id_col`), and `changed_by` / `changed_at`; a list
saved as a whole (a client's banks, its statement years) has its own version on the client
(LISTS). Rows that are only added and deleted (estimates, related-party links) need none. A service edit takes the version the caller loaded (`expected_version`, None =
no check, for callers that did not load the row): a save from an older copy is refused with
`Conflict` saying who changed the row and when, and nothing is written. Two saves racing each
other at the same moment are refused the same way: the second UPDATE finds no row of the
version it read (StaleDataError), which becomes the same Conflict.

Who: on a team database the server login (its name shown from team_members); on the local
book the RM profile's name (Settings › Profile), else the operating-system login. Every row
added or changed in a write is stamped by a flush hook, so timeline rows (step moves, edits,
maintenance contacts, estimates) also say who made them.
"""

from __future__ import annotations

import getpass
import json
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from rmdesk import clock
from rmdesk.errors import Conflict, NotFound
from rmdesk.store.engine import Store
from rmdesk.store.models import (
    BusinessVolume,
    Client,
    Complaint,
    Contact,
    Deal,
    Need,
    Objection,
    Setting,
    Task,
    TeamMember,
    Visit,
)

# The conflict message's kind (conflict.<kind>_changed) of each versioned model
KINDS: dict[type, str] = {Client: "client", Contact: "contact", Visit: "visit", Task: "task", Need: "need",
                          Objection: "objection", Deal: "deal", Complaint: "complaint", BusinessVolume: "volume"}
# A one-click change of a client (busy hours, closing strategy, cadence, tier, a move on the board,
# trash and restore): nothing typed is kept, so its message asks to reload and try again.
CLIENT_ACTION = "client_action"
_WHO = "rmdesk.who"


def _os_login() -> str | None:
    try:
        return getpass.getuser() or None
    except (OSError, KeyError, ImportError):  # no login name in the environment or the password file
        return None


def _who(session: Session) -> str | None:
    if _WHO not in session.info:
        bind = session.get_bind()
        if bind.dialect.name != "sqlite":
            who = bind.url.username
        else:
            raw = session.connection().execute(select(Setting.value).where(Setting.key == "profile")).scalar()
            try:
                name = str(json.loads(raw).get("rm_name") or "").strip() if raw else ""
            except (ValueError, AttributeError):
                name = ""
            who = name or _os_login()
        session.info[_WHO] = (who or "")[:64] or None
    return session.info[_WHO]


def who_am_i(store: Store) -> str | None:
    """Who the changes of this store's writes are recorded as (see the module's text)."""
    with store.read() as s:
        return _who(s)


@event.listens_for(Session, "before_flush")
def _stamp(session: Session, _context, _instances) -> None:
    """Each row added or changed in this flush records who and when."""
    rows = [o for o in session.new if hasattr(o, "changed_by")]
    rows += [o for o in session.dirty if hasattr(o, "changed_by") and session.is_modified(o, include_collections=False)]
    if not rows:
        return
    who, now = _who(session), clock.now()
    for row in rows:
        row.changed_by = who
        if hasattr(row, "changed_at"):
            row.changed_at = now


def display_name(session: Session, login: str | None) -> str | None:
    """A login as the team knows it (team_members' name), else as it is."""
    if not login:
        return None
    member = session.get(TeamMember, login)
    return member.name if member is not None else login


def conflict(session: Session, row, kind: str | None = None) -> Conflict:
    """The refusal of a save from a stale copy of `row` (as it is now in the store); `kind`:
    the message's kind when not the row's own (CLIENT_ACTION)."""
    kind = kind or KINDS[type(row)]
    name = display_name(session, row.changed_by)
    when = getattr(row, "changed_at", None) or getattr(row, "updated_at", None)
    at = when.strftime("%Y-%m-%d %H:%M") if when else "?"
    key = f"conflict.{kind}_changed" if name else f"conflict.{kind}_changed_anonymous"
    return Conflict(key, None, who=name or "", at=at, id=row.id, kind=kind, version=row.version)


def check(session: Session, row, expected_version: int | None, kind: str | None = None) -> None:
    """Refuse the edit when the caller's copy is older than the row (None: no check)."""
    if expected_version is not None and row.version != expected_version:
        raise conflict(session, row, kind)


@contextmanager
def stale_is_conflict(store: Store, model: type, row_id: object, not_found: str,
                      kind: str | None = None) -> Iterator[None]:
    """Around a write: an UPDATE that lost a race at flush (StaleDataError) becomes Conflict."""
    try:
        yield
    except StaleDataError:
        with store.read() as s:
            row = s.get(model, row_id)
            if row is None:
                raise NotFound(not_found, id=row_id) from None
            raise conflict(s, row, kind) from None


@contextmanager
def editing(store: Store, model: type, row_id: int, expected_version: int | None,
            not_found: str, kind: str | None = None, trashed: bool = False) -> Iterator[tuple[Session, object]]:
    """One write changing one row loaded at `expected_version`: yields (session, row); a stale
    copy or a lost race is refused with Conflict and nothing is written. `trashed`: the row is
    one in the trash (restore), not a live one."""
    with stale_is_conflict(store, model, row_id, not_found, kind), store.write() as s:
        row = s.get(model, row_id)
        if row is None or (getattr(row, "deleted_at", None) is not None) != trashed:
            raise NotFound(not_found, id=row_id)
        check(s, row, expected_version, kind)
        yield s, row


# A list saved as a whole (the client's banks, its statement years) has its own version on the
# client row, apart from the client's own: a bank save and a profile save by two RMs do not
# refuse each other. LISTS: the list -> the prefix of its three columns on clients.
LISTS = ("banks", "years")


def list_conflict(session: Session, client: Client, what: str) -> Conflict:
    """The refusal of a list (LISTS) saved from a copy older than the client's list."""
    name = display_name(session, getattr(client, f"{what}_changed_by"))
    when = getattr(client, f"{what}_changed_at")
    at = when.strftime("%Y-%m-%d %H:%M") if when else "?"
    key = f"conflict.{what}_changed" if name else f"conflict.{what}_changed_anonymous"
    return Conflict(key, None, who=name or "", at=at, id=client.id, kind=what,
                    version=getattr(client, f"{what}_version"))


@contextmanager
def saving_list(store: Store, client_id: int, what: str,
                expected_version: int | None) -> Iterator[tuple[Session, Client]]:
    """One write replacing the client's list `what` (LISTS) loaded at `expected_version` (None:
    no check): yields (session, client) to replace the rows in, then raises the list's version.
    A stale copy, or a save by someone else in between, is refused with Conflict and nothing of
    this save is written."""
    def fetch_client(session: Session) -> Client:  # clients.fetch_client (clients imports this module)
        client = session.get(Client, client_id)
        if client is None or client.deleted_at is not None:
            raise NotFound("error.client_not_found", id=client_id)
        return client

    try:
        with store.write() as s:
            client = fetch_client(s)
            loaded = getattr(client, f"{what}_version")
            if expected_version is not None and loaded != expected_version:
                raise list_conflict(s, client, what)
            yield s, client
            s.flush()
            if not stamp_list(s, client_id, what, loaded):  # someone saved in between: theirs stays
                raise StaleDataError()
    except StaleDataError:
        with store.read() as r:
            raise list_conflict(r, fetch_client(r), what) from None


def stamp_list(session: Session, client_id: int, what: str, loaded: int) -> bool:
    """Raise the client's version of the list `what` from `loaded`, with who and when, without
    touching the client's own version (the profile form stays valid). False: someone raised it first."""
    from sqlalchemy import update

    version = getattr(Client, f"{what}_version")
    done = session.execute(update(Client).where(Client.id == client_id, version == loaded)
                           .values({version: loaded + 1, getattr(Client, f"{what}_changed_by"): _who(session),
                                    getattr(Client, f"{what}_changed_at"): clock.now()})
                           .execution_options(synchronize_session=False))
    return done.rowcount == 1
