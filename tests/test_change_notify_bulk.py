"""A bulk load on a team database sends one notification per table itself, with the per-statement
notify trigger silent meanwhile (migration 0026; psycopg's executemany is one statement per row)."""

import pytest

from rmdesk.services import clients
from rmdesk.services.bulk import bulk_insert
from rmdesk.store import changes
from rmdesk.store.models import Client, StepProgress

pytestmark = pytest.mark.both_engines


def _listener(store):
    if store.is_sqlite:
        pytest.skip("the local book has one writer: no change notifications")
    listener = changes.Listener(store.engine.url)
    listener.poll()  # LISTEN now
    return listener


def test_quiet_statements_send_nothing_and_the_load_announces_its_table(store):
    listener = _listener(store)
    cid = clients.create_client(store, {"name": "华能电力"})
    assert "clients" in listener.poll()
    with store.write() as s:
        changes.quiet(s.connection(), True)
        s.connection().execute(Client.__table__.update().where(Client.id == cid).values(district="西城区"))
        changes.quiet(s.connection(), False)
    assert listener.poll() == set()  # the trigger stayed silent
    with store.write() as s:
        bulk_insert(s, StepProgress, [{"client_id": cid, "step": 1, "item_id": f"s1_{i}",
                                       "done_at": clients.get_client(store, cid).created_at} for i in range(50)])
    assert listener.poll() == {"step_progress"}  # one announcement, none of the 50 statements
    clients.update_client(store, cid, {"district": "东城区"})  # after the load the trigger speaks again
    assert "clients" in listener.poll()
    listener.close()


def test_every_table_has_the_quiet_form_of_the_trigger(store):
    from sqlalchemy import text
    if store.is_sqlite:
        pytest.skip("PostgreSQL only")
    with store.engine.connect() as conn:
        defs = conn.execute(text("SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgname = :n"),
                            {"n": changes.TRIGGER}).scalars().all()
    assert defs and all(changes.QUIET in d for d in defs)
