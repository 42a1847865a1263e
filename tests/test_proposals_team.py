"""Proposals on a team database: the server's row-level security covers them like every
other table with client data (rmdesk team init)."""

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError
from test_team_rls import team  # noqa: F401 - the fixture

from rmdesk.services import clients, proposals
from rmdesk.store.engine import Store

pytestmark = pytest.mark.postgresql


def test_an_rm_cannot_read_or_write_another_rms_proposals(team):  # noqa: F811
    url, logins, sign_in, admin = team
    a, b = Store.open(url=sign_in("a")), Store.open(url=sign_in("b"))
    mine = clients.create_client(a, {"name": "华能电力"})
    proposals.save_draft(a, mine, {"situation": "A 的方案", "lines": [{"product": "factoring", "amount": "100"}]})
    theirs = clients.create_client(b, {"name": "长城汽车"})
    proposals.save_draft(b, theirs, {"situation": "B 的方案"})
    raw = create_engine(sign_in("a"))
    with raw.connect() as conn:
        assert [r[0] for r in conn.execute(text("SELECT situation FROM proposals"))] == ["A 的方案"]
        assert conn.execute(text("UPDATE proposals SET situation = 'x' WHERE client_id = :c"),
                            {"c": theirs}).rowcount == 0
        conn.commit()
        with pytest.raises(DBAPIError, match="row-level security"):
            conn.execute(text("INSERT INTO proposals (client_id, version, lines, created_at, updated_at) "
                              "VALUES (:c, 9, '[]', now(), now())"), {"c": theirs})
        conn.rollback()
    raw.dispose()
    assert proposals.get_version(b, theirs).texts["situation"] == "B 的方案"
    lead = Store.open(url=sign_in("lead"))
    assert proposals.get_version(lead, mine).texts["situation"] == "A 的方案"
    for s in (a, b, lead):
        s.close()
