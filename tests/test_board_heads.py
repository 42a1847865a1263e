"""The board's first paint (issue 15: ≤ 300 ms at 100k): each column's first cards, and heads
that still give the whole column's exact count and open deal amount — checked against plain
SQL written here, with the board's filters, on both engines; and as an RM under row-level
security, exactly what the RM may see (the admin's figures cut to the RM's clients)."""

from decimal import Decimal

import pytest
from sqlalchemy import text

from rmdesk.services import clients, engagement, pipeline, trash
from rmdesk.services.pipeline import BoardFilter, ColumnTotal
from rmdesk.store import pg_board
from rmdesk.store.engine import Store

pytestmark = pytest.mark.both_engines

# the board's rule, written out: open (active or won) clients not in the trash; the open
# deals not in the trash, summed per step (in fen, as stored)
PLAIN = """
SELECT c.step, count(*), coalesce(sum(d.total), 0) FROM clients c
LEFT JOIN (SELECT client_id, sum(amount) AS total FROM deals
           WHERE status = 'open' AND deleted_at IS NULL GROUP BY client_id) d ON d.client_id = c.id
WHERE c.deleted_at IS NULL AND c.status IN ({statuses}) {extra} GROUP BY c.step"""


def plain(store, owner=None, parked=False, ids=None) -> dict[int, ColumnTotal]:
    statuses = "'active', 'won'" + (", 'nurture', 'lost'" if parked else "")
    extra = (" AND c.owner = :owner" if owner else "") + (
        f" AND c.id IN ({', '.join(str(int(i)) for i in ids)})" if ids is not None else "")
    out = {step: ColumnTotal(0, Decimal("0.00")) for step in range(1, 7)}
    with store.engine.connect() as conn:
        for step, count, fen in conn.execute(text(PLAIN.format(statuses=statuses, extra=extra)), {"owner": owner}):
            out[step] = ColumnTotal(count, (Decimal(int(fen)) / 100).quantize(Decimal("0.01")))
    return out


def _book(store, owners=("李娜", "王强")) -> list[int]:
    """Clients over the steps and owners (None: the signed-in RM), with open, won, lost and
    trashed deals; one parked, one lost, one in the trash."""
    made = []
    for i in range(14):
        owner = owners[i % len(owners)]
        cid = clients.create_client(store, {"name": f"华能电力{i}号", "tier": ("key", "ordinary")[i % 3 == 0],
                                            **({"owner": owner} if owner else {})})
        if i % 6:
            pipeline.move_to_step(store, cid, 1 + i % 6, reason="test")
        made.append(cid)
    for n, cid in enumerate(made):
        engagement.create_deal(store, cid, "working_capital_loan", f"{1000 * (n + 1)}.{n:02d}")
        if n % 3 == 0:
            engagement.create_deal(store, cid, "working_capital_loan", "250000.50")
        if n % 4 == 0:
            won = engagement.create_deal(store, cid, "working_capital_loan", "9999999")
            engagement.close_deal(store, won, won=True)
        if n % 5 == 0:
            gone = engagement.create_deal(store, cid, "working_capital_loan", "777")
            trash.trash_deal(store, gone)
    pipeline.park(store, made[3], "2099-01-01", reason="等预算")
    pipeline.mark_lost(store, made[4], "price")
    clients.trash_client(store, made[5])
    return made


def test_heads_are_the_plain_querys_with_every_filter(store):
    made = _book(store)
    assert pipeline.column_totals(store) == plain(store)
    assert pipeline.column_totals(store, BoardFilter(owner="李娜")) == plain(store, owner="李娜")
    assert pipeline.column_totals(store, BoardFilter(include_parked=True)) == plain(store, parked=True)
    key = [cid for i, cid in enumerate(made) if i % 3]  # the tier _book gives them
    assert pipeline.column_totals(store, BoardFilter(tier="key")) == plain(store, ids=key)
    assert sum(t.cards for t in plain(store).values()) == 11  # the parked, the lost and the trashed are off
    assert any(t.open_deal_amount for t in plain(store).values())
    # the heads are the whole column's: the same as summing every card of the full board
    full = pipeline.board(store)
    for step, total in pipeline.column_totals(store).items():
        assert total == ColumnTotal(len(full[step]), sum((c.open_deal_amount for c in full[step]), Decimal(0)))


def test_first_cards_and_more_are_the_full_boards_first(store):
    _book(store)
    for i in range(5):  # a longer first column
        clients.create_client(store, {"name": f"重庆钢铁{i}"})
    full = pipeline.board(store)
    assert len(full[1]) > 3
    first = pipeline.board(store, per_column=2)
    assert all(first[step] == full[step][:2] for step in full)
    limits = {1: 3, 2: 1, 3: 0, 4: 5, 5: 1, 6: 2}
    some = pipeline.board(store, per_column=limits)
    assert all(some[step] == full[step][:limits[step]] for step in full)
    one = pipeline.board(store, per_column=limits, steps=(1,))
    assert one[1] == full[1][:3] and not any(one[step] for step in (2, 3, 4, 5, 6))
    # the cards' own open amounts: each card's sum off its deals, as on the full board
    assert {c.client_id: c.open_deal_amount for c in first[1]} == {c.client_id: c.open_deal_amount
                                                                   for c in full[1][:2]}
    f = BoardFilter(owner="王强")
    assert pipeline.board(store, f, per_column=2)[1] == pipeline.board(store, f)[1][:2]


def test_the_heads_indexes_on_postgresql_only(store, engine_name):
    with store.engine.begin() as conn:
        if engine_name == "postgresql":
            names = set(conn.execute(text("SELECT indexname FROM pg_indexes WHERE tablename = 'clients'")).scalars())
            assert set(pg_board.INDEXES) <= names
            pg_board.install(conn)  # idempotent
        else:
            names = set(conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'index'")).scalars())
            assert not set(pg_board.INDEXES) & names


@pytest.mark.postgresql
def test_an_rms_heads_and_cards_are_the_admins_cut_to_what_the_rm_sees(team_setup, engine_name):
    if engine_name != "postgresql":
        pytest.skip("row-level security is PostgreSQL's")
    t = team_setup.two_rms()
    a, b = Store.open(url=t.sign_in("a")), Store.open(url=t.sign_in("b"))
    admin = Store.open(url=t.url)
    try:
        mine = _book(a, owners=(None,))
        theirs = _book(b, owners=(None,))
        t.admin("team", "share", str(theirs[1]), "--with", t.logins["a"])
        visible = _live(a)
        assert visible == set(mine) | {theirs[1]}
        for f in (BoardFilter(), BoardFilter(include_parked=True), BoardFilter(tier="key")):
            cut = {cid for cards in pipeline.board(admin, f).values() for cid in (c.client_id for c in cards)
                   if cid in visible}
            assert cut
            ids = sorted(cut)
            assert pipeline.column_totals(a, f) == plain(admin, parked=f.include_parked, ids=ids or [0])
            seen = pipeline.board(a, f)
            assert {c.client_id for cards in seen.values() for c in cards} == cut
            first = pipeline.board(a, f, per_column=1)
            assert all(first[step] == seen[step][:1] for step in seen)
        # raw SQL on the RM's connection: the same heads, nothing hidden
        assert plain(a) == pipeline.column_totals(a)
    finally:
        for s in (a, b, admin):
            s.close()


def _live(rm) -> set[int]:
    """The clients the RM's connection can read (the server decides)."""
    with rm.engine.connect() as conn:
        return set(conn.execute(text("SELECT id FROM clients")).scalars())
