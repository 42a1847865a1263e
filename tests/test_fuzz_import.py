"""Bad input for the importers and validators (hypothesis): whatever the file holds,
the result is a report or one clear ValidationError, and the store is unchanged
unless every row was good."""

import csv
import io
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rmdesk import i18n
from rmdesk.errors import ValidationError
from rmdesk.formats import tabular
from rmdesk.paths import STORE_FILENAME
from rmdesk.services import clients, dataio
from rmdesk.services import validation as v
from rmdesk.store.engine import Store

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                     HealthCheck.too_slow])


@pytest.fixture(scope="module")
def fuzz_store(tmp_path_factory):
    directory = tmp_path_factory.mktemp("fuzz") / "data"
    store = Store.open(directory)
    clients.create_client(store, {"name": "已有公司"})
    yield store
    store.close(backup=False)


def snapshot(store):
    con = sqlite3.connect(store.data_dir / STORE_FILENAME)
    try:
        return [con.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in ("clients", "contacts")]
    finally:
        con.close()


def clear(exc: ValidationError) -> None:
    """A message in both languages, never the bare key."""
    for lang in i18n.LANGUAGES:
        text = exc.message(lang)
        assert text and exc.key not in text


@FUZZ
@given(st.binary(max_size=2000))
def test_any_bytes_as_csv_give_a_table_or_a_clear_error(data):
    try:
        table = tabular.parse_csv(data)
    except ValidationError as exc:
        clear(exc)
        return
    assert table.headers and all(len(r) == len(table.headers) for r in table.rows)


@FUZZ
@given(st.binary(max_size=3000))
def test_any_bytes_as_xlsx_give_a_clear_error(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("x") / "f.xlsx"
    path.write_bytes(data)
    try:
        tabular.read_table(path)
    except ValidationError as exc:
        clear(exc)


CELL = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", "2026-02-30", "2026-13-01", "-5", "abc", "1e400", "NaN", "Infinity", "12.345",
                     "=cmd|' /C calc'!A0", "+1", "@SUM(A1)", "😀🏦", "華能 Power 有限公司", "１２３", "\u200b",
                     "91110000100000000X", "13800138000", "not@mail", "是", "maybe", "coal", "煤炭", "0"]),
)
FIELDS = ["name", "credit_code", "annual_sales", "next_action_date", "industry", "two_high", "tier",
          "contact_name", "contact_phone", "contact_email", "contact_birthday", "intel_notes"]


@FUZZ
@given(st.lists(st.lists(CELL, min_size=len(FIELDS), max_size=len(FIELDS)), min_size=1, max_size=8),
       st.sampled_from(dataio.POLICIES))
def test_random_rows_are_all_or_nothing(fuzz_store, tmp_path_factory, rows, policy):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(FIELDS)
    writer.writerows(rows)
    path = tmp_path_factory.mktemp("rows") / "in.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    before = snapshot(fuzz_store)
    try:
        plan, counts = dataio.import_file(fuzz_store, path, policy=policy, dry_run=True, lang="zh_CN")
    except ValidationError as exc:  # e.g. only blank rows
        clear(exc)
        assert snapshot(fuzz_store) == before
        return
    assert snapshot(fuzz_store) == before  # a dry run writes nothing
    for problem in plan.problems:
        assert problem.row >= 2 and problem.message
    if not plan.ok:
        with pytest.raises(ValidationError):
            dataio.commit_import(fuzz_store, plan, backup_first=False)
        assert snapshot(fuzz_store) == before
    else:  # a clean plan commits without any database error
        counts = dataio.commit_import(fuzz_store, plan, backup_first=False)
        assert counts["created"] == len(plan.new) and counts["merged"] == len(plan.merge)


@FUZZ
@given(st.text(max_size=60))
def test_validators_accept_or_raise_a_clear_error(text):
    for check in (lambda x: v.amount(x, "annual_sales"), lambda x: v.to_date(x, "next_action_date"),
                  v.credit_code, v.phone, v.email, lambda x: v.birthday(x, None)):
        try:
            check(text)
        except ValidationError as exc:
            clear(exc)


@FUZZ
@given(st.lists(st.lists(st.text(max_size=30), min_size=3, max_size=3), min_size=1, max_size=6))
def test_written_tables_read_back_the_same(tmp_path_factory, rows):
    folder = tmp_path_factory.mktemp("rt")
    for ext in ("csv", "xlsx"):
        path = folder / f"t.{ext}"
        tabular.write_table(path, ["a", "b", "c"], rows)
        try:
            table = tabular.read_table(path)
        except ValidationError as exc:  # every row blank
            assert exc.key == "import.empty" or all(not "".join(r).strip() for r in rows)
            continue
        expected = [[tabular._out_text(c) for c in r] for r in rows if any(tabular._out_text(c).strip() for c in r)]
        if ext == "xlsx":  # XML cannot carry \r: openpyxl normalises line ends
            expected = [[c.replace("\r\n", "\n").replace("\r", "\n") for c in r] for r in expected]
            got = [[c.replace("\r\n", "\n").replace("\r", "\n") for c in r] for r in table.rows]
        else:
            got = table.rows
        assert got == expected


def test_a_one_megabyte_cell_is_refused_with_its_row_and_field(store, tmp_path):
    path = tmp_path / "big.csv"
    path.write_text("name,intel_notes\n甲公司," + "情" * 1_000_000 + "\n", encoding="utf-8")
    plan, counts = dataio.import_file(store, path)
    assert counts is None and [(p.row, p.field) for p in plan.problems] == [(2, "intel_notes")]
    assert "too long" in plan.problems[0].message and clients.count_clients(store) == 0


def test_emoji_and_mixed_scripts_are_kept(store, tmp_path):
    path = tmp_path / "e.csv"
    path.write_text("name,intel_notes\n🏦 華能 Power 有限公司,喜欢 ☕ and golf ⛳\n", encoding="utf-8")
    plan, counts = dataio.import_file(store, path)
    assert counts["created"] == 1
    detail = clients.get_client(store, clients.list_clients(store)[0].id)
    assert detail.name == "🏦 華能 Power 有限公司" and detail.intel_notes == "喜欢 ☕ and golf ⛳"
