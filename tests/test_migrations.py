"""Every earlier schema version, filled with data through raw SQL that fits that
version, upgrades to head with every row and every value intact."""

import sqlite3

from sqlalchemy import URL, create_engine, text

from rmdesk.paths import STORE_FILENAME
from rmdesk.services import clients, engagement, visits
from rmdesk.store import backup, migrate, search_index
from rmdesk.store.engine import HEAD_REVISION, Store

BASE = [
    "INSERT INTO settings (key, value) VALUES ('profile', '{\"rm_name\": \"李娜\"}')",
    "INSERT INTO products (id, key, category, name_zh, name_en, active) VALUES "
    "(900, 'legacy_product', 'loan', '旧产品', 'Legacy product', 1)",
    "INSERT INTO clients (id, name, pinyin_initials, pinyin_full, credit_code, industry, two_high, owner, step, "
    "status, step_entered_at, annual_sales, q_need, q_afford, q_standard, q_authority, q_value, "
    "qualification_score, proposal_agreed, intel_notes, created_at, updated_at) VALUES "
    "(7, '华能电力', 'hndl', 'huanengdianli', '911100001000000008', 'power', 0, '张伟', 3, 'active', "
    "'2026-01-01 00:00:00', 123456789, 1, 1, 1, 0, 0, 3, 1, '情报 🚀', '2026-01-01 00:00:00', '2026-01-02 08:00:00')",
    "INSERT INTO clients (id, name, pinyin_initials, pinyin_full, two_high, owner, step, status, step_entered_at, "
    "q_need, q_afford, q_standard, q_authority, q_value, qualification_score, proposal_agreed, created_at, "
    "updated_at, deleted_at) VALUES (8, '已删除公司', 'ysc', 'yishanchu', 1, '', 1, 'lost', '2026-01-01 00:00:00', "
    "0, 0, 0, 0, 0, 0, 0, '2026-01-01 00:00:00', '2026-01-01 00:00:00', '2026-02-01 00:00:00')",
    "INSERT INTO contacts (id, client_id, name, decision_power, attitude, phone, birthday) "
    "VALUES (3, 7, '王总', 'decides', 'supportive', '13800138000', '1970-05-06')",
    "INSERT INTO bank_relations (id, client_id, bank_name, share_pct, satisfaction) VALUES (1, 7, '工商银行', 60, 2)",
    "INSERT INTO business_volumes (id, client_id, period, avg_deposits, avg_loans, intl_settlement_usd, fee_income) "
    "VALUES (1, 7, '2026', 100000000, 0, 0, 5000)",
    "INSERT INTO visits (id, client_id, contact_id, planned_at, duration_min, kind, status, confirmed, objective, "
    "created_at) VALUES (5, 7, 3, '2026-11-25 09:00:00', 90, 'onsite', 'planned', 1, '介绍结算方案', "
    "'2026-11-20 10:00:00')",
    "INSERT INTO tasks (id, client_id, visit_id, title, owner, due_date, created_at) "
    "VALUES (4, 7, 5, '送方案', '张伟', '2026-11-30', '2026-11-20 10:00:00')",
    "INSERT INTO needs (id, client_id, area, description, confirmed, created_at) "
    "VALUES (2, 7, 'settlement', '降低结算成本', 1, '2026-11-20 10:00:00')",
    "INSERT INTO objections (id, client_id, type, words, blocking, resolved, created_at) "
    "VALUES (6, 7, 'price', '利率太高', 1, 0, '2026-11-20 10:00:00')",
    "INSERT INTO deals (id, client_id, product_id, amount, rate, status, expected_date, created_at) "
    "VALUES (9, 7, 900, 50000000000, 34500, 'open', '2026-12-31', '2026-11-20 10:00:00')",
    "INSERT INTO step_changes (id, client_id, at, from_step, to_step, from_status, to_status, override) "
    "VALUES (1, 7, '2026-01-01 00:00:00', NULL, 1, NULL, 'active', 0)",
    "INSERT INTO step_progress (client_id, step, item_id, done_at) VALUES (7, 1, 'find_contact', '2026-01-01 00:00:00')",
]
AFTER_0002 = [
    "INSERT INTO client_events (id, client_id, at, kind, field, old, new) "
    "VALUES (1, 7, '2026-03-01 00:00:00', 'edit', 'tier', NULL, 'key')",
    "INSERT INTO complaints (id, client_id, received_at, text, steps_done) "
    "VALUES (1, 7, '2026-03-02 00:00:00', '等太久', '[\"listen\"]')",
    "INSERT INTO financing_estimates (id, client_id, method, inputs, steps, result, created_at) "
    "VALUES (1, 7, 'working_capital', '{}', '[]', 100000, '2026-03-03 00:00:00')",
    "INSERT INTO maintenance_logs (id, client_id, way, note, at) VALUES (1, 7, 'onsite', '回访', '2026-03-04 00:00:00')",
    "UPDATE clients SET closing_strategy = 'choice', next_maintenance_date = '2027-01-05' WHERE id = 7",
]


def _derived(table):
    """Planner statistics and the search index (with its shadow tables): rebuilt from the
    rows by migrations, not data of their own."""
    return table.startswith("sqlite_stat") or any(table == t or table.startswith(t + "_")
                                                  for t in search_index.FTS_TABLES)


def _dump(path):
    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                            "AND name NOT IN ('alembic_version', 'sqlite_sequence')")
                  if not _derived(r[0])]
        out = {}
        for t in tables:
            cur = con.execute(f"SELECT * FROM {t}")
            cols = [d[0] for d in cur.description]
            out[t] = sorted((tuple(sorted(zip(cols, row, strict=True))) for row in cur), key=repr)
        return out
    finally:
        con.close()


def _contains(old_rows, new_rows):
    """Every old row is found in the new table with the same value in every old column."""
    for old in old_rows:
        cols = dict(old)
        assert any(all(dict(new).get(c) == v for c, v in cols.items()) for new in new_rows), old


def _copy(source, target):
    """SQLite's backup API: a whole copy whatever is still in the source's write-ahead log."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()


def test_every_earlier_version_with_data_upgrades_to_head_intact(tmp_path):
    revisions = list(reversed([r.revision for r in migrate.ScriptDirectory.from_config(migrate.config())
                               .walk_revisions()]))
    assert revisions[-1] == HEAD_REVISION
    # One schema climbs revision by revision and each step is copied: the same schema as an
    # upgrade from empty to that revision, without redoing the earlier steps for every one.
    template = tmp_path / "template.sqlite"
    template_engine = create_engine(URL.create("sqlite", database=str(template)))
    for revision in revisions[:-1]:
        directory = tmp_path / revision
        directory.mkdir()
        path = directory / STORE_FILENAME
        migrate.upgrade(template_engine, revision)
        _copy(template, path)
        engine = create_engine(URL.create("sqlite", database=str(path)))
        with engine.begin() as conn:
            for sql in BASE + (AFTER_0002 if revision >= "0002" else []):
                conn.execute(text(sql))
        engine.dispose()
        before = _dump(path)
        store = Store.open(directory)
        assert store.schema_revision() == HEAD_REVISION
        after = _dump(path)
        for table, rows in before.items():
            assert table in after
            # the catalogue is seeded on open: the legacy row stays among them; the book id is
            # added to the settings by 0012
            if table in ("products", "settings"):
                _contains(rows, after[table])
                continue
            assert len(after[table]) == len(rows), table
            _contains(rows, after[table])
        # and the services read it back
        detail = clients.get_client(store, 7)
        assert detail.name == "华能电力" and detail.step == 3 and str(detail.annual_sales) == "1234567.89"
        assert [c.name for c in detail.contacts] == ["王总"] and detail.intel_notes == "情报 🚀"
        assert [str(d.amount) for d in engagement.deals_of(store, 7)] == ["500000000.00"]
        assert [v.id for v in visits.client_visits(store, 7)] == [5]
        assert [t.id for t in clients.trash(store)] == [8]
        for term in ("王", "王总", "电力", "hndl", "h"):  # the search index answers for the old rows
            assert [r.id for r in clients.list_clients(store, clients.ClientQuery(search=term))] == [7], term
        store.close()
        # a backup of the old version was taken before migrating
        [taken] = backup.list_backups(directory)
        con = sqlite3.connect(taken.path)
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (revision,)
        con.close()
    template_engine.dispose()
