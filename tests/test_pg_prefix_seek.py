"""A search whose source is a prefix of the sort column (the pinyin's start, by name: h, hn) on
a team database: on a database whose collation orders text as its bytes (C.UTF-8, as the test
cluster's and Debian's `C` installs), the range read in name order seeks the sort index to the
prefix, where the planner walked that index from its start filtering the text_pattern_ops
range (26,000 names before the first h at 100k: 29 ms, not 1). The pages and counts are the
same as without the seek; on another collation (ICU here) the seek is not added, because
there a prefix's rows need not be one range of the sort order ("ch" after "h" in Czech)."""

from __future__ import annotations

import re

import pytest
from pg_plans import plan, statements
from sqlalchemy import text

from rmdesk import clock
from rmdesk.services import clients
from rmdesk.services.clients import ClientQuery
from rmdesk.store.engine import Store
from tests.conftest import NOW

pytestmark = pytest.mark.postgresql

TERMS = ["h", "hn", "z", "zh", "c", "x", "w", "9", "q"]


def _answers(store: Store) -> list:
    out = []
    for term in TERMS:
        q = ClientQuery(search=term)
        for descending in (False, True):
            for cap in (5, 1000):
                out.append(clients.first_page(store, q, descending=descending, limit=20, cap=cap))
            total, exact = clients.count_clients_capped(store, q)
            out.append(clients.list_clients(store, q, descending=descending, offset=20, limit=20, total=total,
                                            total_exact=exact))
    return out


def test_a_prefix_in_name_order_seeks_the_sort_index_and_answers_as_before(pg_server, pg_demo_template):
    url = pg_server.new_database(template=pg_demo_template)
    store = Store.open(url=url)
    try:
        with store.write() as s:
            s.execute(text("ANALYZE clients"))
        seeking = _answers(store)
        assert store.planning["bytes"] is True  # the test cluster's C.UTF-8
        store.planning["bytes"] = False  # as on another collation: the pattern range alone
        assert _answers(store) == seeking
        assert any(page[0] > 5 for page in seeking[:4])  # h: a real range, more than the cap

        store.planning["bytes"] = True
        _, sent = statements(store, lambda: clients.first_page(store, ClientQuery(search="h"), limit=20))
        [(read, parameters)] = [(st, p) for st, p in sent if "ORDER BY clients.pinyin_full" in st and "~>=~" in st
                                and "LIMIT" in st and "search_grams" not in st]
        # an ordered index read, as the planner takes it for a big book: the prefix is where the
        # scan starts and stops, not a filter of every name before it
        shown = plan(url, read, parameters, "enable_seqscan = off", "enable_bitmapscan = off", "enable_sort = off")
        seek = re.compile(r"Index Cond: .*pinyin_full(\)::text)? >= 'h'::text\).* AND .*pinyin_full(\)::text)? < 'i'")
        assert any(seek.search(line) for line in shown.splitlines()), shown
    finally:
        store.close()
        pg_server.drop_database(url)


def test_on_a_collation_that_is_not_bytewise_the_prefix_is_the_pattern_range_alone(pg_server):
    name = "rmdesk_icu_prefix"
    pg_server.sql(f'DROP DATABASE IF EXISTS "{name}"')
    pg_server.sql(f'CREATE DATABASE "{name}" TEMPLATE template0 LOCALE_PROVIDER icu '
                  "ICU_LOCALE 'cs-CZ' LOCALE 'C.UTF-8'")
    url = pg_server.url(name)
    store = Store.open(url=url)
    try:
        with clock.pinned(NOW):
            for n, company in enumerate(("华能电力", "昌盛钢铁", "长城汽车", "红星美凯龙")):
                clients.create_client(store, {"name": f"{company}{n}有限公司", "owner": "王强"})
        # Czech: "ch" sorts after "h", so the clients starting with "c" are not one range before "d"
        (chang,) = store.engine.connect().execute(text("SELECT 'changcheng' > 'hongxing'")).one()
        assert chang is True
        _, sent = statements(store, lambda: clients.first_page(store, ClientQuery(search="c"), limit=20))
        assert store.planning["bytes"] is False
        assert not [st for st in sent if "pinyin_full >= " in st], sent
        total, exact, rows = clients.first_page(store, ClientQuery(search="c"), limit=20)
        assert (total, exact) == (2, True)
        assert sorted(r.name for r in rows) == ["昌盛钢铁1有限公司", "长城汽车2有限公司"]
    finally:
        store.close()
        pg_server.drop_database(url)
