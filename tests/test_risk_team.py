"""Team mode covers the risk watch: early warnings and related parties are read and written
only by who sees their client; a link between two clients belongs to the client it was
recorded on (that client's owner governs it)."""

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from rmdesk.services import clients, early_warnings, related
from rmdesk.store.engine import Store
from tests.test_team_rls import team  # noqa: F401 - the fixture

pytestmark = pytest.mark.postgresql


def test_warnings_and_links_follow_their_client(team):  # noqa: F811
    url, logins, sign_in, admin = team
    a = Store.open(url=sign_in("a"))
    b = Store.open(url=sign_in("b"))
    mine = clients.create_client(a, {"name": "华能电力"})
    theirs = clients.create_client(b, {"name": "长城汽车"})
    early_warnings.log_warning(a, mine, {"signal": "late_payment"})
    related.add_link(a, mine, {"kind": "supplier", "other_name": "金泰煤业"})
    from rmdesk.errors import ValidationError

    with pytest.raises(ValidationError) as e:  # B cannot even name a client B does not see
        related.add_link(b, theirs, {"kind": "guarantor", "other_client_id": mine})
    assert e.value.key == "related.bad_client"
    # shared with B, B records on B's own client that A's client guarantees it: B's row, B's to govern
    admin("team", "share", str(mine), "--with", logins["b"])
    related.add_link(b, theirs, {"kind": "guarantor", "other_client_id": mine})
    assert [x.kind for x in related.links_of(b, theirs)] == ["guarantor"]
    assert [x.kind for x in related.links_of(a, mine)] == ["supplier"]  # A does not see B's client's row

    raw = create_engine(sign_in("b"))
    with raw.connect() as conn:
        # shared: B sees A's client's log and links; the share taken back, nothing
        assert conn.execute(text("SELECT count(*) FROM early_warnings")).scalar() == 1
        conn.execute(text("DELETE FROM client_shares WHERE client_id = :c"), {"c": mine})
        conn.commit()
        assert conn.execute(text("SELECT count(*) FROM early_warnings")).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM related_parties WHERE client_id = :c"),
                            {"c": mine}).scalar() == 0
        with pytest.raises(DBAPIError, match="row-level security"):
            conn.execute(text("INSERT INTO early_warnings (client_id, signal, seen_on, severity, created_at, "
                              "updated_at, version) VALUES (:c, 'losses', CURRENT_DATE, 'high', now(), now(), 1)"),
                         {"c": mine})
        conn.rollback()
    raw.dispose()
    assert early_warnings.open_warnings(b) == []
    assert [w.client_name for w in early_warnings.open_warnings(a)] == ["华能电力"]
    lead = Store.open(url=sign_in("lead"))
    assert len(early_warnings.open_warnings(lead)) == 1
    assert sorted(x.kind for x in related.links_of(lead, mine)) == ["guaranteed", "supplier"]
    for s in (a, b, lead):
        s.close()
