import sqlite3
from decimal import Decimal

import pytest

from rmdesk.errors import StoreError, ValidationError
from rmdesk.paths import STORE_FILENAME
from rmdesk.services import clients, engagement
from rmdesk.store import migrate
from rmdesk.store.engine import HEAD_REVISION, Store

pytestmark = pytest.mark.both_engines


@pytest.mark.sqlite_only
def test_new_store_is_wal_with_foreign_keys_at_head(store, data_dir):
    assert (data_dir / STORE_FILENAME).exists()
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    assert store.schema_revision() == HEAD_REVISION


def test_head_constant_matches_migration_scripts():
    assert migrate.head() == HEAD_REVISION


def test_every_foreign_key_is_indexed(store):
    """Deleting a parent row (a key person, a visit, a product) looks its children up by
    an index instead of scanning the child table (30 ms a key person at 100k clients)."""
    from sqlalchemy import inspect

    with store.engine.connect() as conn:
        found = inspect(conn)
        unindexed = []
        for table in found.get_table_names():
            leading = set(found.get_pk_constraint(table)["constrained_columns"][:1])
            leading |= {ix["column_names"][0] for ix in found.get_indexes(table) if ix["column_names"]}
            leading |= {uq["column_names"][0] for uq in found.get_unique_constraints(table)}
            unindexed += [f"{table}.{fk['constrained_columns'][0]}" for fk in found.get_foreign_keys(table)
                          if fk["constrained_columns"][0] not in leading]
    assert unindexed == []


def test_products_seeded_once(store, data_dir):
    from rmdesk.services.catalog import list_products
    from rmdesk.store.products import shipped_products

    assert len(list_products(store)) == len(shipped_products())
    store.close()
    again = Store.open(data_dir)
    assert len(list_products(again)) == len(shipped_products())
    again.close()


def test_newer_schema_is_refused_with_a_message(data_dir):
    Store.open(data_dir).close()
    con = sqlite3.connect(data_dir / STORE_FILENAME)
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.close()
    with pytest.raises(StoreError) as info:
        Store.open(data_dir)
    assert "9999_future" in info.value.message("en")
    assert "更新版本" in info.value.message("zh_CN")


def test_money_is_exact_decimal_stored_as_fen(store):
    cid = clients.create_client(store, {"name": "测试公司"})
    engagement.create_deal(store, cid, "working_capital_loan", "12345678.91", rate="3.45")
    deal = engagement.deals_of(store, cid)[0]
    assert deal.amount == Decimal("12345678.91") and deal.rate == Decimal("3.4500")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT amount, rate FROM deals").one() == (1234567891, 34500)


def test_a_failing_write_leaves_nothing_behind(store):
    cid = clients.create_client(store, {"name": "甲公司"})
    with pytest.raises(ValidationError):
        # the second contact is invalid: the first must not be saved either
        with store.write() as s:
            from rmdesk.store.models import Contact

            s.add(Contact(client_id=cid, name="张三"))
            s.flush()
            raise ValidationError("error.phone_format", "phone")
    assert clients.get_client(store, cid).contacts == []


def test_two_stores_on_one_file_see_each_others_commits(data_dir):
    a = Store.open(data_dir)
    b = Store.open(data_dir)
    cid = clients.create_client(a, {"name": "共享公司"})
    assert clients.get_client(b, cid).name == "共享公司"
    a.close()
    b.close()
