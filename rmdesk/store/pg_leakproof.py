"""Search indexes that row-level security can use (PostgreSQL team databases; migration 0027).

Under row-level security PostgreSQL tests a query's own conditions before the policy only
when they are LEAKPROOF (they cannot reveal anything about a row the policy hides, not even
by raising an error). Only then may such a condition be an index condition. The search's
sources — array containment `@>` on the 1–2 character pieces (pg_search.GRAM_COLUMNS) and
ILIKE/LIKE through pg_trgm for 3+ characters — are not marked leakproof, so as an RM every
search read the whole book (3.5–10 s at 100k clients). A superuser (the table owner is not
enough: LEAKPROOF, LANGUAGE internal and operator classes are superuser-only) therefore
creates here:

- `@>>`: text[] contains text[], LANGUAGE internal over PostgreSQL's own `arraycontains`.
  Leakproof: it compares elements with text equality (texteq, itself marked leakproof) and
  raises only when the two arrays' element types differ — a property of the types, fixed to
  text[] by the signature — or when memory runs out; nothing it does depends on which values
  a row holds beyond the boolean it returns.
- `~~~` / `~~~*`: LIKE / ILIKE with a pattern that ends in `%`, in PL/pgSQL (so the planner
  cannot inline it back into the plain operator, which is not leakproof). `textlike` itself
  is NOT leakproof: it raises "LIKE pattern must not end with escape character", and on
  raw SQL (`'x' ~~ name`) the pattern may be a hidden row's value. The wrapper returns NULL
  (no match) for a pattern that does not end in `%` before LIKE runs, and a pattern ending in
  `%` never ends with the escape character; that error is LIKE's only one that depends on
  its arguments' values (the others are about collations: a property of the column). The
  search's patterns always end in `%` (services.clients._like).
- GIN operator classes `rmdesk_lp_text_array_ops` (array_ops' support functions) and
  `rmdesk_lp_trgm_ops` (pg_trgm's, LIKE and ILIKE strategies) with those operators, and the
  search's indexes rebuilt with them (`LP_INDEXES`); the indexes they replace are dropped.

Without a superuser (a managed server) the same three operators are created over plain SQL
functions (`_FALLBACK`) that the planner inlines back into `@>`, LIKE and ILIKE: the search
writes one SQL on every server, and there it is today's — correct, served by pg_search's
indexes for the admin, but a full read of the book for an RM under row-level security;
`rmdesk check` says so (`installed()`). A superuser's later `rmdesk team init` or migration
replaces them with the leakproof ones.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

from rmdesk.store import pg_search

CONTAINS = "@>>"
LIKE = "~~~"
ILIKE = "~~~*"
ARRAY_OPS = "rmdesk_lp_text_array_ops"
TRIGRAM_OPS = "rmdesk_lp_trgm_ops"

_FUNCTIONS = [
    """CREATE OR REPLACE FUNCTION rmdesk_lp_arraycontains(a text[], b text[]) RETURNS boolean
        LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS 'arraycontains'""",
    # a pattern not ending in % might end in the escape character: no match, instead of LIKE's error
    """CREATE OR REPLACE FUNCTION rmdesk_lp_like(value text, pattern text) RETURNS boolean
        LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS $$
        BEGIN
            IF right(pattern, 1) <> '%' THEN RETURN NULL; END IF;
            RETURN value LIKE pattern;
        END $$""",
    """CREATE OR REPLACE FUNCTION rmdesk_lp_ilike(value text, pattern text) RETURNS boolean
        LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS $$
        BEGIN
            IF right(pattern, 1) <> '%' THEN RETURN NULL; END IF;
            RETURN value ILIKE pattern;
        END $$""",
]
# the same operators where no superuser can make them leakproof: inlined into the plain ones
_FALLBACK = {
    "rmdesk_lp_arraycontains": "(a text[], b text[]) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE "
                               "AS $$ SELECT a @> b $$",
    "rmdesk_lp_like": "(value text, pattern text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE "
                      "AS $$ SELECT value LIKE pattern $$",
    "rmdesk_lp_ilike": "(value text, pattern text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE "
                       "AS $$ SELECT value ILIKE pattern $$",
}
# name -> (function, left, right, restriction and join selectivity)
_OPERATORS = {
    CONTAINS: ("rmdesk_lp_arraycontains", "text[]", "text[]", "matchingsel", "matchingjoinsel"),
    LIKE: ("rmdesk_lp_like", "text", "text", "likesel", "likejoinsel"),
    ILIKE: ("rmdesk_lp_ilike", "text", "text", "iclikesel", "iclikejoinsel"),
}
# the search's indexes (pg_search.TRIGRAM_INDEXES, the GIN ones of GRAM_INDEXES) with these operators
LP_INDEXES = {
    "ix_clients_search_grams_lp": ("clients", "search_grams", ARRAY_OPS),
    "ix_contacts_search_grams_lp": ("contacts", "search_grams", ARRAY_OPS),
    "ix_clients_key_person_grams_lp": ("clients", pg_search.KEY_PERSON_GRAMS, ARRAY_OPS),  # from 0034
    **{name.removesuffix("_trgm") + "_lp": (table, column, TRIGRAM_OPS)
       for name, (table, column) in pg_search.TRIGRAM_INDEXES.items()},
}
REPLACED = [*pg_search.TRIGRAM_INDEXES, "ix_clients_search_grams", "ix_contacts_search_grams",
            "ix_clients_key_person_grams"]


def can_install(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql" and bool(conn.execute(text(
        "SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).scalar())


def _trigram_schema(conn: Connection) -> str | None:
    return conn.execute(text("SELECT extnamespace::regnamespace::text FROM pg_extension "
                             "WHERE extname = 'pg_trgm'")).scalar()


def install(conn: Connection) -> bool:
    """The search's operators (PostgreSQL; idempotent): leakproof, with their operator
    classes and indexes, when the role is a superuser and pg_trgm is there (True); else the
    plain fallback where they are missing (False). Nothing on SQLite."""
    if conn.dialect.name != "postgresql":
        return False
    trgm = _trigram_schema(conn)
    leakproof = trgm is not None and can_install(conn)
    if leakproof:
        for statement in _FUNCTIONS:
            conn.execute(text(statement))
        for function, (_f, left, right, _r, _j) in zip(_FALLBACK, _OPERATORS.values(), strict=True):
            # the admin who made the tables may own the fallback: the leakproof one is the superuser's
            conn.execute(text(f"ALTER FUNCTION {function}({left}, {right}) OWNER TO CURRENT_USER"))
    else:
        for function, definition in _FALLBACK.items():
            if conn.execute(text("SELECT 1 FROM pg_proc WHERE proname = :n"), {"n": function}).first() is None:
                conn.execute(text(f"CREATE FUNCTION {function}{definition}"))
    for name, (function, left, right, restrict, join) in _OPERATORS.items():
        if not _has_operator(conn, name, left, right):
            conn.execute(text(f"CREATE OPERATOR {name} (FUNCTION = {function}, LEFTARG = {left}, "
                              f"RIGHTARG = {right}, RESTRICT = {restrict}, JOIN = {join})"))
    if not leakproof:
        return False
    if not _has_opclass(conn, ARRAY_OPS):
        conn.execute(text(f"""CREATE OPERATOR CLASS {ARRAY_OPS} FOR TYPE text[] USING gin AS
            OPERATOR 2 {CONTAINS} (text[], text[]),
            FUNCTION 1 bttextcmp(text, text),
            FUNCTION 2 ginarrayextract(anyarray, internal, internal),
            FUNCTION 3 ginqueryarrayextract(anyarray, internal, int2, internal, internal, internal, internal),
            FUNCTION 4 ginarrayconsistent(internal, int2, anyarray, int4, internal, internal, internal, internal),
            FUNCTION 6 ginarraytriconsistent(internal, int2, anyarray, int4, internal, internal, internal),
            STORAGE text"""))
    if not _has_opclass(conn, TRIGRAM_OPS):
        s = conn.dialect.identifier_preparer.quote(trgm)
        conn.execute(text(f"""CREATE OPERATOR CLASS {TRIGRAM_OPS} FOR TYPE text USING gin AS
            OPERATOR 3 {LIKE} (text, text),
            OPERATOR 4 {ILIKE} (text, text),
            FUNCTION 1 btint4cmp(int4, int4),
            FUNCTION 2 {s}.gin_extract_value_trgm(text, internal),
            FUNCTION 3 {s}.gin_extract_query_trgm(text, internal, int2, internal, internal, internal, internal),
            FUNCTION 4 {s}.gin_trgm_consistent(internal, int2, text, int4, internal, internal, internal, internal),
            FUNCTION 6 {s}.gin_trgm_triconsistent(internal, int2, text, int4, internal, internal, internal),
            STORAGE int4"""))
    for name, (table, column, opclass) in LP_INDEXES.items():
        if _has_column(conn, table, column):  # run by 0027, before 0034 adds the key persons' pieces
            conn.execute(text(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({column} {opclass}) "
                              f"{pg_search.GIN_STORAGE}"))
    for name in REPLACED:
        conn.execute(text(f"DROP INDEX IF EXISTS {name}"))
    return True


def installed(conn: Connection) -> bool:
    """The search's operators are the leakproof ones, with their indexes (PostgreSQL)."""
    if conn.dialect.name != "postgresql":
        return False
    have = conn.execute(text("SELECT count(*) FROM pg_class WHERE relkind = 'i' AND relname = ANY(:names)"),
                        {"names": list(LP_INDEXES)}).scalar()
    sealed = conn.execute(text("SELECT count(*) FROM pg_proc WHERE proleakproof AND proname = ANY(:names)"),
                          {"names": list(_FALLBACK)}).scalar()
    return have == len(LP_INDEXES) and sealed == len(_FALLBACK)


def drop(conn: Connection) -> None:
    """Back to pg_search's operators and indexes (the downgrade of 0027)."""
    if conn.dialect.name != "postgresql":
        return
    for name in LP_INDEXES:
        conn.execute(text(f"DROP INDEX IF EXISTS {name}"))
    if can_install(conn):
        for opclass in (ARRAY_OPS, TRIGRAM_OPS):
            conn.execute(text(f"DROP OPERATOR FAMILY IF EXISTS {opclass} USING gin"))
    for name, (function, left, right, _r, _j) in _OPERATORS.items():
        conn.execute(text(f"DROP OPERATOR IF EXISTS {name} ({left}, {right})"))
        conn.execute(text(f"DROP FUNCTION IF EXISTS {function}({left}, {right})"))
    pg_search.install(conn)
    for name, target in pg_search.GRAM_INDEXES.items():
        conn.execute(text(f"CREATE INDEX IF NOT EXISTS {name} ON {target}"))
    if _has_column(conn, "clients", pg_search.KEY_PERSON_GRAMS):
        pg_search.install_key_person_grams(conn)  # its plain index again


def _has_operator(conn: Connection, name: str, left: str, right: str) -> bool:
    return conn.execute(text("SELECT 1 FROM pg_operator WHERE oprname = :n AND oprleft = CAST(:l AS regtype) "
                             "AND oprright = CAST(:r AS regtype)"), {"n": name, "l": left, "r": right}).first() is not None


def _has_column(conn: Connection, table: str, column: str) -> bool:
    return conn.execute(text("SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() "
                             "AND table_name = :t AND column_name = :c"), {"t": table, "c": column}).first() is not None


def _has_opclass(conn: Connection, name: str) -> bool:
    return conn.execute(text("SELECT 1 FROM pg_opclass WHERE opcname = :n"), {"n": name}).first() is not None
