"""No lost update: a save from a stale copy is refused, says who changed the client and when,
and writes nothing; two processes on one team database."""

import subprocess
import sys
import textwrap

import pytest

from rmdesk.errors import Conflict
from rmdesk.services import clients

pytestmark = pytest.mark.both_engines


def test_a_stale_save_is_refused_and_writes_nothing(store):
    cid = clients.create_client(store, {"name": "华能电力"})
    mine = clients.get_client(store, cid)
    clients.update_client(store, cid, {"short_name": "华能"}, expected_version=mine.version)  # someone's save
    with pytest.raises(Conflict) as caught:
        clients.update_client(store, cid, {"district": "西城区"}, expected_version=mine.version)
    assert "changed this client at 2026-11-23 09:30" in caught.value.message("en")
    after = clients.get_client(store, cid)
    assert after.short_name == "华能" and after.district is None and after.version == mine.version + 1
    clients.update_client(store, cid, {"district": "西城区"}, expected_version=after.version)  # after a reload
    assert clients.get_client(store, cid).district == "西城区"


def test_two_processes_the_second_save_from_the_old_copy_is_refused(store, db_url, pg_server_or_none):
    if db_url is None:
        pytest.skip("two writer processes share a team database; the local book has one writer (its lock)")
    cid = clients.create_client(store, {"name": "长城汽车"})
    pg_server_or_none.sql("INSERT INTO team_members (login, name, lead) VALUES (:l, '王强', false)",
                          database=db_url.database, l=db_url.username)
    mine = clients.get_client(store, cid)
    other = textwrap.dedent(f"""
        from sqlalchemy import make_url
        from rmdesk import clock
        from datetime import datetime
        from rmdesk.services import clients
        from rmdesk.store.engine import Store
        clock.pin(datetime(2026, 11, 23, 10, 32))
        s = Store.open(url=make_url({db_url.render_as_string(hide_password=False)!r}))
        c = clients.get_client(s, {cid})
        clients.update_client(s, {cid}, {{"short_name": "长城"}}, expected_version=c.version)
        s.close()
    """)
    done = subprocess.run([sys.executable, "-c", other], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    with pytest.raises(Conflict) as caught:
        clients.update_client(store, cid, {"short_name": "长汽"}, expected_version=mine.version)
    assert caught.value.message("zh_CN").startswith("王强 已于 2026-11-23 10:32 修改了此客户")
    assert clients.get_client(store, cid).short_name == "长城"
