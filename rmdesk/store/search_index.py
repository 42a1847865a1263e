"""The client search index (SQLite only): FTS5 tables kept in sync by triggers.

- client_search  (trigram, external content on clients): name, short name, full pinyin,
  pinyin initials, credit code — serves queries of 3+ characters as substring matches.
- contact_search (trigram, external content on contacts): contact names, same.
- client_grams / contact_grams (contentless, unicode61): every 1- and 2-character piece
  of the names and pinyin initials (华能电力 -> 华 华能 能 能电 电 电力 力, h hn n nd d dl l)
  as tokens, so that 1–2 character
  queries — which the trigram tokenizer cannot answer — are one index lookup too.
  A key person's row in contact_grams is keyed `client_id << 32 | contact id`
  (CONTACT_KEY): a common surname matches tens of thousands of key persons in a big
  book, and their clients are then read off the index instead of looked up one by one.

Triggers do the upkeep, so every write path (services, the demo generator, importers,
raw SQL) keeps the index right; they are plain SQL (no application functions), so
other tools can still write the file. On PostgreSQL none of this exists and the
services search with ILIKE.

`install` is idempotent and `ensure` re-installs (and rebuilds) when a later migration
rebuilt the clients or contacts table in SQLite batch mode, which drops triggers.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

from sqlalchemy.engine import Connection

# Pieces indexed per name: names longer than this are found by their first 64
# characters for 1–2 character queries (3+ characters see the whole name).
GRAM_SPAN = {"name": 64, "short_name": 32, "pinyin_initials": 32, "contact": 24}

# Partial indexes (live clients only) that serve the list's sort orders and filters.
LIVE = "deleted_at IS NULL"
INDEXES = {
    "ix_clients_live_pinyin_full": "pinyin_full",
    "ix_clients_live_industry": "industry",
    "ix_clients_live_tier": "tier",
    "ix_clients_live_step_status": "step, status",
    "ix_clients_live_status": "status",
    "ix_clients_live_owner": "owner",
    "ix_clients_live_district": "district",
    "ix_clients_live_next_action_date": "next_action_date",
    "ix_clients_live_updated_at": "updated_at",
    "ix_clients_live_step_entered_at": "step_entered_at",
    "ix_clients_live_next_maintenance_date": "next_maintenance_date",
}

CLIENT_COLUMNS = ("name", "short_name", "pinyin_full", "pinyin_initials", "credit_code")
TRIGGERS = ("clients_search_ai", "clients_search_ad", "clients_search_au",
            "contacts_search_ai", "contacts_search_ad", "contacts_search_au")


def grams_sql(column: str, span: int) -> str:
    """SQL building the 1- and 2-character pieces of `column`, separated by spaces."""
    parts = []
    for i in range(1, span + 1):
        parts.append(f"substr({column}, {i}, 2)")
        parts.append(f"substr({column}, {i}, 1)")
    return "(" + " || ' ' || ".join(parts) + ")"


def _client_grams(row: str) -> str:
    """The two columns of client_grams: g (names) and i (pinyin initials)."""
    return (grams_sql(f"{row}.name", GRAM_SPAN["name"]) + " || ' ' || "
            + grams_sql(f"coalesce({row}.short_name, '')", GRAM_SPAN["short_name"]) + ", "
            + grams_sql(f"{row}.pinyin_initials", GRAM_SPAN["pinyin_initials"]))


def _contact_grams(row: str) -> str:
    return grams_sql(f"{row}.name", GRAM_SPAN["contact"])


# contact_grams' rowid: the client in the high bits, the key person in the low 32.
CONTACT_KEY_SHIFT = 32


def contact_key(row: str) -> str:
    return f"(({row}.client_id << {CONTACT_KEY_SHIFT}) | {row}.id)"


def _client_values(row: str) -> str:
    return ", ".join(f"{row}.{c}" for c in CLIENT_COLUMNS)


def grams_text(*values: str | None, spans: tuple[int, ...]) -> str:
    """The pieces `grams_sql` builds for these values, in the same order, separated by
    single spaces (bulk loads compute them in Python). A contentless FTS table must later
    be given the same tokens to delete a row; the empty pieces past a value's end, which
    the SQL keeps as runs of spaces, hold no token and are left out."""
    out = []
    for value, span in zip(values, spans, strict=True):
        x = value or ""
        n = min(len(x), span)
        if not n:
            continue
        pieces: list[str] = [""] * (2 * n)
        pieces[::2] = [x[i:i + 2] for i in range(n)]  # each character's pair (the last may reach past the span)
        pieces[1::2] = x[:n]  # then the character
        out.append(" ".join(pieces))
    return " ".join(out)


def client_grams_text(name: str, short_name: str | None, initials: str) -> tuple[str, str]:
    return (grams_text(name, short_name, spans=(GRAM_SPAN["name"], GRAM_SPAN["short_name"])),
            grams_text(initials, spans=(GRAM_SPAN["pinyin_initials"],)))


def contact_grams_text(name: str) -> str:
    return grams_text(name, spans=(GRAM_SPAN["contact"],))


def ddl() -> list[str]:
    cols = ", ".join(CLIENT_COLUMNS)
    statements = [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS client_search USING fts5({cols}, content='clients', "
        "content_rowid='id', tokenize='trigram')",
        "CREATE VIRTUAL TABLE IF NOT EXISTS contact_search USING fts5(name, content='contacts', "
        "content_rowid='id', tokenize='trigram')",
        "CREATE VIRTUAL TABLE IF NOT EXISTS client_grams USING fts5(g, i, content='', tokenize='unicode61')",
        "CREATE VIRTUAL TABLE IF NOT EXISTS contact_grams USING fts5(g, content='', tokenize='unicode61')",
        # clients
        f"""CREATE TRIGGER IF NOT EXISTS clients_search_ai AFTER INSERT ON clients BEGIN
            INSERT INTO client_search(rowid, {cols}) VALUES (new.id, {_client_values('new')});
            INSERT INTO client_grams(rowid, g, i) VALUES (new.id, {_client_grams('new')});
        END""",
        f"""CREATE TRIGGER IF NOT EXISTS clients_search_ad AFTER DELETE ON clients BEGIN
            INSERT INTO client_search(client_search, rowid, {cols}) VALUES ('delete', old.id, {_client_values('old')});
            INSERT INTO client_grams(client_grams, rowid, g, i) VALUES ('delete', old.id, {_client_grams('old')});
        END""",
        f"""CREATE TRIGGER IF NOT EXISTS clients_search_au AFTER UPDATE OF {cols} ON clients BEGIN
            INSERT INTO client_search(client_search, rowid, {cols}) VALUES ('delete', old.id, {_client_values('old')});
            INSERT INTO client_grams(client_grams, rowid, g, i) VALUES ('delete', old.id, {_client_grams('old')});
            INSERT INTO client_search(rowid, {cols}) VALUES (new.id, {_client_values('new')});
            INSERT INTO client_grams(rowid, g, i) VALUES (new.id, {_client_grams('new')});
        END""",
        # contacts
        f"""CREATE TRIGGER IF NOT EXISTS contacts_search_ai AFTER INSERT ON contacts BEGIN
            INSERT INTO contact_search(rowid, name) VALUES (new.id, new.name);
            INSERT INTO contact_grams(rowid, g) VALUES ({contact_key('new')}, {_contact_grams('new')});
        END""",
        f"""CREATE TRIGGER IF NOT EXISTS contacts_search_ad AFTER DELETE ON contacts BEGIN
            INSERT INTO contact_search(contact_search, rowid, name) VALUES ('delete', old.id, old.name);
            INSERT INTO contact_grams(contact_grams, rowid, g) VALUES ('delete', {contact_key('old')},
                {_contact_grams('old')});
        END""",
        f"""CREATE TRIGGER IF NOT EXISTS contacts_search_au AFTER UPDATE OF name, client_id ON contacts BEGIN
            INSERT INTO contact_search(contact_search, rowid, name) VALUES ('delete', old.id, old.name);
            INSERT INTO contact_grams(contact_grams, rowid, g) VALUES ('delete', {contact_key('old')},
                {_contact_grams('old')});
            INSERT INTO contact_search(rowid, name) VALUES (new.id, new.name);
            INSERT INTO contact_grams(rowid, g) VALUES ({contact_key('new')}, {_contact_grams('new')});
        END""",
    ]
    return statements


def trigger_ddl() -> list[str]:
    return [statement for statement in ddl() if statement.startswith("CREATE TRIGGER")]


FTS_TABLES = ("client_search", "contact_search", "client_grams", "contact_grams")
# How the FTS tables merge their segments. Each save adds a small segment per table. With
# FTS5's default (automerge 4) a save now and then merged them into the book's big ones:
# at 100k, 2 renames in 600 took 0.9–2 s. With automerge off, only a 'crisis merge' runs,
# once a level holds FTS_CRISIS_MERGE segments: once in ~200 saves, 130–640 ms at 100k (the
# first one after a load also takes the load's segments left at the bottom level). Searching
# over ~200 small segments measured no slower (median 3.8–4.3 ms, p95 21–22 ms, both ways).
FTS_CRISIS_MERGE = 200
# While a bulk load writes: FTS5's default, so the load's own segments are merged as they
# come and do not wait at the bottom level for the first crisis merge after it.
FTS_LOAD_CRISIS_MERGE = 16
# How much new index text FTS5 gathers in memory before it writes a segment: its default
# (1 MB) for saves; 16 MB while a bulk load writes, so the load makes 16 times fewer, bigger
# segments and merges less. At 100k: the index step 0.1–0.2 s faster, the file 152 -> 143 MB,
# the process's peak memory +9 MB.
FTS_HASH_BYTES = 1_048_576
FTS_LOAD_HASH_BYTES = 16 * FTS_HASH_BYTES


def merge_settings(conn: Connection, loading: bool = False) -> None:
    """Set the FTS tables' merging (stored in each table's _config: it holds for every
    later connection, and for other tools writing the file); `loading`: a bulk load's."""
    crisis, hashsize = (FTS_LOAD_CRISIS_MERGE, FTS_LOAD_HASH_BYTES) if loading else (FTS_CRISIS_MERGE, FTS_HASH_BYTES)
    for name in FTS_TABLES:
        conn.exec_driver_sql(f"INSERT INTO {name}({name}, rank) VALUES ('automerge', 0)")
        conn.exec_driver_sql(f"INSERT INTO {name}({name}, rank) VALUES ('crisismerge', {crisis})")
        conn.exec_driver_sql(f"INSERT INTO {name}({name}, rank) VALUES ('hashsize', {hashsize})")


BULK_CACHE_KIB = 262_144  # SQLite page cache while loading (256 MB; the default is 2 MB)


@contextmanager
def bulk_load(conn: Connection, replace: bool = False, rows: int = 0) -> Iterator[None]:
    """Inside one transaction: insert many clients/contacts fast. The triggers are off
    while the block runs; afterwards the new rows (ids above the previous maximum) are
    indexed in one pass, the 1–2 character text computed in Python on a thread while
    SQLite rebuilds the B-tree and trigram indexes. Inserts only —
    unless `replace`: the block may also delete rows, and the whole index is rebuilt.
    `rows`: about how many clients come; when that is many (or more than there are) the
    B-tree indexes of clients and contacts are dropped and built again afterwards, which
    is faster than keeping them up to date row by row."""
    if conn.dialect.name != "sqlite":
        yield
        return
    cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size=-{BULK_CACHE_KIB}")
    try:
        existing = conn.exec_driver_sql("SELECT count(*) FROM clients").scalar() or 0
        top_client = 0 if replace else int(conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM clients").scalar())
        top_contact = 0 if replace else int(conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM contacts").scalar())
        indexes = []
        if replace or rows >= max(10_000, existing):
            indexes = list(conn.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('clients', 'contacts') "
                "AND sql IS NOT NULL"))
            for name, _sql in indexes:
                conn.exec_driver_sql(f'DROP INDEX "{name}"')
        for name in TRIGGERS:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        merge_settings(conn, loading=True)
        yield
        with ThreadPoolExecutor(1, thread_name_prefix="rmdesk-grams") as worker:
            # The 1–2 character pieces are worked out in Python on a thread while SQLite,
            # which lets go of the GIL for each statement, builds the indexes below.
            grams = worker.submit(_grams_of_new_rows, *_new_rows(conn, top_client, top_contact))
            for _name, sql in indexes:
                conn.exec_driver_sql(sql)
            if replace:
                for name in FTS_TABLES:
                    conn.exec_driver_sql(f"INSERT INTO {name}({name}) VALUES ('delete-all')")
            _index_new_rows(conn, top_client, top_contact, *grams.result())
        merge_settings(conn)
        for statement in trigger_ddl():
            conn.exec_driver_sql(statement)
        if stats_stale(conn):
            analyze(conn)
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size={int(cache)}")


def _new_rows(conn: Connection, top_client: int, top_contact: int) -> tuple[list, list]:
    """The new clients' and key persons' names, as their 1–2 character pieces need them."""
    clients = conn.exec_driver_sql(f"SELECT id, name, short_name, pinyin_initials FROM clients "
                                   f"WHERE id > {top_client} ORDER BY id").fetchall()
    contacts = conn.exec_driver_sql(f"SELECT {contact_key('contacts')}, name FROM contacts "
                                    f"WHERE id > {top_contact} ORDER BY id").fetchall()
    return clients, contacts


def _grams_of_new_rows(clients: list, contacts: list) -> tuple[list, list]:
    """client_grams' and contact_grams' rows for them (plain Python: safe on a thread)."""
    return ([(cid, *client_grams_text(n, s, i)) for cid, n, s, i in clients],
            [(key, contact_grams_text(n)) for key, n in contacts])


def _index_new_rows(conn: Connection, top_client: int, top_contact: int, client_grams: list,
                    contact_grams: list) -> None:
    cols = ", ".join(CLIENT_COLUMNS)
    conn.exec_driver_sql(f"INSERT INTO client_search(rowid, {cols}) SELECT id, {cols} FROM clients "
                         f"WHERE id > {top_client} ORDER BY id")
    conn.exec_driver_sql(f"INSERT INTO contact_search(rowid, name) SELECT id, name FROM contacts "
                         f"WHERE id > {top_contact} ORDER BY id")
    if client_grams:
        conn.exec_driver_sql("INSERT INTO client_grams(rowid, g, i) VALUES (?, ?, ?)", client_grams)
    if contact_grams:
        conn.exec_driver_sql("INSERT INTO contact_grams(rowid, g) VALUES (?, ?)", contact_grams)


# Key persons by the month-day of their birthday (Today's "birthdays in the next 7 days").
BIRTHDAY_INDEX = "CREATE INDEX IF NOT EXISTS ix_contacts_birthday_md ON contacts (substr(birthday, 6, 5))"


def index_ddl(dialect: str = "sqlite") -> list[str]:
    out = [f"CREATE INDEX IF NOT EXISTS {name} ON clients ({columns}) WHERE {LIVE}"
           for name, columns in INDEXES.items()]
    if dialect == "sqlite":
        out.append(BIRTHDAY_INDEX)
    return out


def install(conn: Connection) -> None:
    """Create the partial indexes (any database) and, on SQLite, the FTS tables and triggers."""
    for statement in index_ddl(conn.dialect.name):
        conn.exec_driver_sql(statement)
    if conn.dialect.name == "sqlite":
        for statement in ddl():
            conn.exec_driver_sql(statement)
        merge_settings(conn)


def rebuild(conn: Connection) -> None:
    """Refill the FTS tables from clients and contacts (after install on existing rows)."""
    if conn.dialect.name != "sqlite":
        return
    conn.exec_driver_sql("INSERT INTO client_search(client_search) VALUES ('delete-all')")
    conn.exec_driver_sql("INSERT INTO contact_search(contact_search) VALUES ('delete-all')")
    conn.exec_driver_sql("INSERT INTO client_grams(client_grams) VALUES ('delete-all')")
    conn.exec_driver_sql("INSERT INTO contact_grams(contact_grams) VALUES ('delete-all')")
    conn.exec_driver_sql("INSERT INTO client_search(client_search) VALUES ('rebuild')")
    conn.exec_driver_sql("INSERT INTO contact_search(contact_search) VALUES ('rebuild')")
    conn.exec_driver_sql(f"INSERT INTO client_grams(rowid, g, i) SELECT c.id, {_client_grams('c')} FROM clients c")
    conn.exec_driver_sql(f"INSERT INTO contact_grams(rowid, g) SELECT {contact_key('p')}, {_contact_grams('p')} "
                         "FROM contacts p")


def drop_contact_grams(conn: Connection) -> None:
    """Drop the key persons' 1–2 character table with the triggers on contacts."""
    if conn.dialect.name != "sqlite":  # only SQLite has them
        return
    for name in TRIGGERS:
        if name.startswith("contacts_"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    conn.exec_driver_sql("DROP TABLE IF EXISTS contact_grams")


def rekey_contact_grams(conn: Connection) -> None:
    """Migration 0008: contact_grams from rowid = contact id to CONTACT_KEY, with the
    triggers that keep it (SQLite only)."""
    if conn.dialect.name != "sqlite":
        return
    drop_contact_grams(conn)
    install(conn)
    conn.exec_driver_sql(f"INSERT INTO contact_grams(rowid, g) SELECT {contact_key('p')}, {_contact_grams('p')} "
                         "FROM contacts p")


def analyze(conn: Connection) -> None:
    """Refresh the query planner's statistics (~0.8 s at 100k clients). Without them SQLite takes `deleted_at IS NULL` for a selective filter and walks
    every live client instead of the index that fits the query."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA analysis_limit=0")  # sampled stats mislead the planner
    conn.exec_driver_sql("ANALYZE")


def stats_stale(conn: Connection) -> bool:
    """True when the clients table has grown (or shrunk) 2x since the statistics were
    taken, or has none and is big enough for plans to matter."""
    if conn.dialect.name != "sqlite":
        return False
    live = conn.exec_driver_sql("SELECT count(*) FROM clients").scalar() or 0
    has_stats = conn.exec_driver_sql(
        "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'").scalar()
    row = conn.exec_driver_sql(
        "SELECT stat FROM sqlite_stat1 WHERE tbl = 'clients' LIMIT 1").first() if has_stats else None
    if row is None:
        return live >= 1000
    counted = int(str(row[0]).split()[0])
    return live >= 1000 and not counted / 2 <= live <= counted * 2


def missing(conn: Connection) -> bool:
    """True when an index, FTS table or trigger is gone (e.g. a batch-mode table rebuild)."""
    if conn.dialect.name != "sqlite":
        return False
    names = {row[0] for row in conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger', 'index')")}
    wanted = set(TRIGGERS) | set(INDEXES) | {"client_search", "contact_search", "client_grams", "contact_grams",
                                             "ix_contacts_birthday_md"}
    return not wanted <= names


def ensure(conn: Connection) -> bool:
    """Re-install and rebuild when anything is missing; returns whether it did."""
    if not missing(conn):
        return False
    install(conn)
    rebuild(conn)
    return True


def drop(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":  # the FTS tables and their triggers are SQLite's only
        for name in TRIGGERS:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        for name in ("client_search", "contact_search", "client_grams", "contact_grams"):
            conn.exec_driver_sql(f"DROP TABLE IF EXISTS {name}")
    for name in (*INDEXES, "ix_contacts_birthday_md"):
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")
