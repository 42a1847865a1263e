"""Clients and their key persons: create, edit, list, search, qualification."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    ARRAY,
    Boolean,
    Integer,
    Select,
    Text,
    and_,
    any_,
    case,
    cast,
    column,
    func,
    literal,
    literal_column,
    or_,
    select,
    table,
    text,
    union,
    update,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.base import Executable
from sqlalchemy.sql.elements import ClauseElement
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.sql.visitors import InternalTraversal

from rmdesk import clock, vocab
from rmdesk.errors import NotFound, ValidationError
from rmdesk.formatting import normalise_phone
from rmdesk.services import industry, versions
from rmdesk.services import validation as v
from rmdesk.services.client_row import ClientRow
from rmdesk.services.pinyin import search_keys
from rmdesk.store import pg_leakproof, pg_search, search_index
from rmdesk.store.engine import Store
from rmdesk.store.models import BankRelation, Client, ClientEvent, Contact, StepChange, Visit

_DROP = re.compile(r"[^a-z0-9]")  # what the pinyin keys keep (rmdesk.services.pinyin)
_GRAM_DROP = re.compile(r"[^\w]")  # separators of the 1–2 character token index (unicode61)

# field -> cleaner; the cleaner raises ValidationError naming the field.
CLIENT_FIELDS: dict[str, Callable[[object], object]] = {
    "name": lambda x: v.required_text(x, "name", 200),
    "short_name": lambda x: v.optional_text(x, "short_name", 60),
    "credit_code": lambda x: v.credit_code(x),
    "industry": lambda x: v.choice(x, vocab.INDUSTRIES, "industry"),
    "policy_class": lambda x: v.choice(x, vocab.POLICY_CLASSES, "policy_class"),
    "two_high": bool,
    "size": lambda x: v.choice(x, vocab.SIZES, "size"),
    "district": lambda x: v.optional_text(x, "district", 100),
    "address": lambda x: v.optional_text(x, "address", 300),
    "credit_rating": lambda x: v.optional_text(x, "credit_rating", 16),
    "annual_sales": lambda x: v.amount(x, "annual_sales"),
    "source_channel": lambda x: v.choice(x, vocab.SOURCE_CHANNELS, "source_channel"),
    "referrer": lambda x: v.optional_text(x, "referrer", 100),
    "tier": lambda x: v.choice(x, vocab.TIERS, "tier"),
    "owner": lambda x: v.optional_text(x, "owner", 64) or "",
    "next_action_date": lambda x: v.to_date(x, "next_action_date"),
    "intel_notes": lambda x: v.optional_text(x, "intel_notes", 20000),
    "proposal_agreed": bool,
}

CONTACT_FIELDS: dict[str, Callable[[object], object]] = {
    "name": lambda x: v.required_text(x, "contact_name", 60),
    "title": lambda x: v.optional_text(x, "title", 60),
    "role": lambda x: v.choice(x, vocab.CONTACT_ROLES, "role"),
    "decision_power": lambda x: v.choice(x, vocab.DECISION_POWERS, "decision_power") or "none",
    "attitude": lambda x: v.choice(x, vocab.ATTITUDES, "attitude") or "unknown",
    "phone": lambda x: v.phone(x),
    "email": lambda x: v.email(x),
    "birthday": lambda x: v.birthday(x, clock.today()),
    "birthday_is_lunar": bool,
    "preferences": lambda x: v.optional_text(x, "preferences", 5000),
}


def clean(data: Mapping[str, object], spec: Mapping[str, Callable[[object], object]]) -> dict[str, object]:
    unknown = set(data) - set(spec)
    if unknown:
        raise ValidationError("error.unknown_field", sorted(unknown)[0])
    return {key: spec[key](value) for key, value in data.items()}


@dataclass(frozen=True)
class ContactRow:
    id: int
    name: str
    title: str | None
    role: str | None
    decision_power: str
    attitude: str
    phone: str | None
    email: str | None
    birthday: date | None
    preferences: str | None
    birthday_is_lunar: bool = False
    version: int = 1  # pass it back to update_contact/delete_contact (no lost update)


@dataclass(frozen=True)
class BankRow:
    bank_name: str
    share_pct: int | None
    satisfaction: int | None
    notes: str | None


@dataclass(frozen=True)
class ClientDetail:
    id: int
    name: str
    short_name: str | None
    credit_code: str | None
    industry: str | None
    policy_class: str | None
    two_high: bool
    size: str | None
    district: str | None
    address: str | None
    credit_rating: str | None
    annual_sales: Decimal | None
    source_channel: str | None
    referrer: str | None
    tier: str | None
    owner: str
    step: int
    status: str
    status_reason: str | None
    lost_reason: str | None
    wake_up_date: date | None
    step_entered_at: datetime
    next_action_date: date | None
    qualification: dict[str, bool]
    qualification_score: int
    proposal_agreed: bool
    closing_strategy: str | None
    next_maintenance_date: date | None
    intel_notes: str | None
    created_at: datetime
    updated_at: datetime
    contacts: list[ContactRow] = field(default_factory=list)
    banks: list[BankRow] = field(default_factory=list)
    # keeping clients (step 6)
    tier_override_reason: str | None = None
    cadence_rule: str | None = None
    founded_date: date | None = None
    # team mode: the row's version (pass it back to update_client) and who saved it last
    version: int = 1
    changed_by: str | None = None
    banks_version: int = 1  # the bank list's own version: pass it back to set_banks

    def days_in_step(self, today: date | None = None) -> int:
        return ((today or clock.today()) - self.step_entered_at.date()).days


def _set_name(client: Client, name: str) -> None:
    client.name = name
    client.pinyin_initials, client.pinyin_full = search_keys(name)


def _unique_credit_code(session: Session, code: str | None, exclude_id: int | None = None) -> None:
    if code is None:
        return
    query = select(Client.id).where(Client.credit_code == code)
    if exclude_id is not None:
        query = query.where(Client.id != exclude_id)
    if session.scalar(query) is not None:
        raise ValidationError("error.credit_code_taken", "credit_code")


def create_client(store: Store, data: Mapping[str, object]) -> int:
    """Validate and insert a new prospect at step 1; returns its id."""
    values = clean(data, CLIENT_FIELDS)
    if "name" not in values:
        raise ValidationError("error.required", "name")
    now = clock.now()
    with store.write() as s:
        _unique_credit_code(s, values.get("credit_code"))  # type: ignore[arg-type]
        client = Client(step=1, status="active", step_entered_at=now, created_at=now, updated_at=now)
        for key, value in {**values, **industry.defaults_for_new(values)}.items():  # issue 19: industry notes
            if key != "name":
                setattr(client, key, value)
        _set_name(client, values["name"])  # type: ignore[arg-type]
        s.add(client)
        s.flush()
        s.add(StepChange(client_id=client.id, at=now, from_step=None, to_step=1, from_status=None,
                         to_status="active", reason=None))
        return client.id


# Edits of these fields show on the client's timeline with before and after.
KEY_FIELDS = ("name", "credit_code", "industry", "policy_class", "tier", "owner", "next_action_date",
              "proposal_agreed", "annual_sales", "credit_rating")


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def who_am_i(store: Store) -> str | None:
    """Who this store's changes are recorded as: the server login of a team database, else the
    RM profile's name or the operating-system login (rmdesk.services.versions)."""
    return versions.who_am_i(store)


def update_client(store: Store, client_id: int, changes: Mapping[str, object],
                  expected_version: int | None = None) -> None:
    """Save changes to a client. With `expected_version` (the ClientDetail.version the form was
    filled from) a save from a stale copy is refused with Conflict, nothing written; a save racing
    another one at the same moment is refused the same way (the version column in the UPDATE)."""
    values = clean(changes, CLIENT_FIELDS)
    now = clock.now()
    with versions.editing(store, Client, client_id, expected_version, "error.client_not_found") as (s, client):
        _apply_update(s, client, client_id, values, now)


def _apply_update(s: Session, client: Client, client_id: int, values: dict, now) -> None:
    industry_before = industry.snapshot(client)  # issue 19: for the industry's defaults below
    if "credit_code" in values:
        _unique_credit_code(s, values["credit_code"], client_id)  # type: ignore[arg-type]
    for key, value in values.items():
        before = getattr(client, key)
        if before == value:
            continue
        if key in KEY_FIELDS:
            s.add(ClientEvent(client_id=client_id, at=now, kind="edit", field=key, old=_text(before),
                              new=_text(value)))
        if key == "name":
            _set_name(client, value)  # type: ignore[arg-type]
        else:
            setattr(client, key, value)
    industry.apply_defaults(s, client, values, industry_before, now)  # issue 19: the industry's usual values
    client.updated_at = now


def set_qualification(store: Store, client_id: int, criteria: Mapping[str, bool],
                      expected_version: int | None = None) -> int:
    """Set some of the five qualification criteria; returns the new score (0-5)."""
    for key in criteria:
        if key not in vocab.QUALIFICATION_CRITERIA:
            raise ValidationError("error.unknown_field", key)
    with versions.editing(store, Client, client_id, expected_version, "error.client_not_found") as (s, client):
        for key, value in criteria.items():
            setattr(client, f"q_{key}", bool(value))
        client.qualification_score = sum(getattr(client, f"q_{k}") for k in vocab.QUALIFICATION_CRITERIA)
        client.updated_at = clock.now()
        return client.qualification_score


def fetch_client(session: Session, client_id: int) -> Client:
    client = session.get(Client, client_id)
    if client is None or client.deleted_at is not None:
        raise NotFound("error.client_not_found", id=client_id)
    return client


def get_client(store: Store, client_id: int) -> ClientDetail:
    with store.read() as s:
        c = fetch_client(s, client_id)
        return ClientDetail(
            id=c.id, name=c.name, short_name=c.short_name, credit_code=c.credit_code,
            industry=c.industry, policy_class=c.policy_class, two_high=c.two_high, size=c.size,
            district=c.district, address=c.address, credit_rating=c.credit_rating,
            annual_sales=c.annual_sales, source_channel=c.source_channel, referrer=c.referrer,
            tier=c.tier, owner=c.owner, step=c.step, status=c.status, status_reason=c.status_reason,
            lost_reason=c.lost_reason, wake_up_date=c.wake_up_date, step_entered_at=c.step_entered_at,
            next_action_date=c.next_action_date,
            qualification={k: getattr(c, f"q_{k}") for k in vocab.QUALIFICATION_CRITERIA},
            qualification_score=c.qualification_score, proposal_agreed=c.proposal_agreed,
            closing_strategy=c.closing_strategy, next_maintenance_date=c.next_maintenance_date,
            intel_notes=c.intel_notes, created_at=c.created_at, updated_at=c.updated_at,
            contacts=[_contact_row(p) for p in c.contacts],
            banks=[BankRow(b.bank_name, b.share_pct, b.satisfaction, b.notes) for b in c.banks],
            tier_override_reason=c.tier_override_reason, cadence_rule=c.cadence_rule, founded_date=c.founded_date,
            version=c.version, changed_by=c.changed_by, banks_version=c.banks_version,
        )


def _contact_row(p: Contact) -> ContactRow:
    return ContactRow(p.id, p.name, p.title, p.role, p.decision_power, p.attitude, p.phone, p.email,
                      p.birthday, p.preferences, bool(p.birthday_is_lunar), p.version)


@dataclass(frozen=True)
class ClientQuery:
    """Filters of the client list; all optional."""

    step: int | None = None
    status: str | None = None
    search: str | None = None
    owner: str | None = None
    tier: str | None = None
    include_closed: bool = True  # False hides nurture and lost


SORT_COLUMNS = {
    "name": Client.pinyin_full,
    "industry": Client.industry,
    "tier": Client.tier,
    "step": Client.step,
    "status": Client.status,
    "owner": Client.owner,
    "district": Client.district,
    "next_action_date": Client.next_action_date,
    "updated_at": Client.updated_at,
}


# The FTS5 tables of migration 0006 (SQLite only; see rmdesk.store.search_index).
_client_search = table("client_search", column("rowid"), column("client_search"))
_contact_search = table("contact_search", column("rowid"), column("contact_search"))
_client_grams = table("client_grams", column("rowid"), column("client_grams"))
_contact_grams = table("contact_grams", column("rowid"), column("contact_grams"))
_TRIGRAM = 3


def _phrase(text: str) -> str:
    """An FTS5 string literal: the text matched as it is (quotes doubled)."""
    return '"' + text.replace('"', '""') + '"'


def _prefix(col, text: str):
    """`col` starts with `text`, as an index range (LIKE would not use the index)."""
    return and_(col >= text, col < text[:-1] + chr(ord(text[-1]) + 1))


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_condition(term: str, fts: bool):
    """Where-clause for the search box: `term` found in the name, short name, pinyin
    (initials or full, spaces ignored), credit code or a contact's name.

    On SQLite (fts=True): 3+ characters are substring matches through the trigram
    index; 1–2 characters are substring matches of the names (and 2 letters of the pinyin
    initials) through the 1–2 character token index, and prefix matches of the full
    pinyin and credit code (B-tree ranges); one letter also matches the start of the
    initials.
    On PostgreSQL the same meaning from its own indexes (server_search_parts)."""
    parts = search_parts(term) if fts else server_search_parts(term)
    ids = _union(parts)
    return Client.id.in_(ids) if ids is not None else Client.id.is_(None)


@dataclass(frozen=True)
class SearchPart:
    """One source of a search's matches: `ids` selects client ids (read off an FTS table —
    a client may come more than once — or an index range); `on_row`, for a range, is the
    same match as a condition on the clients row, `column` the column it ranges over and
    `start` the text the column starts with."""

    ids: Select
    on_row: object | None = None
    column: object | None = None
    start: str | None = None


def search_parts(term: str) -> list[SearchPart]:
    """Where the clients matching `term` come from (SQLite with the search index); empty
    when nothing can match."""
    term = term.strip()
    keys = _DROP.sub("", term.lower())
    code = term.upper()
    if len(term) >= _TRIGRAM:
        expr = "{name short_name credit_code} : " + _phrase(term)
        if len(keys) >= _TRIGRAM:
            expr += " OR {pinyin_full pinyin_initials} : " + _phrase(keys)
        clients_hit = select(_client_search.c.rowid).where(_client_search.c.client_search.op("MATCH")(expr))
        contacts_hit = select(_contact_search.c.rowid).where(_contact_search.c.contact_search.op("MATCH")(
            _phrase(term)))
        return [SearchPart(clients_hit), SearchPart(select(Contact.client_id).where(Contact.id.in_(contacts_hit)))]
    grams = _GRAM_DROP.sub(" ", term.lower()).split()
    parts = []
    if grams:
        match = " ".join(_phrase(g) for g in grams)
        # one letter: names only (a letter somewhere in the initials matches half the book;
        # the start of the initials is matched below)
        client_match = ("{g} : " + match) if len(term) == 1 else match
        parts.append(SearchPart(select(_client_grams.c.rowid).where(
            _client_grams.c.client_grams.op("MATCH")(client_match))))
        # key persons: the client id is the high part of the row key (search_index.CONTACT_KEY_SHIFT)
        parts.append(SearchPart(
            select(literal_column(f"contact_grams.rowid >> {search_index.CONTACT_KEY_SHIFT}").label("id"))
            .select_from(_contact_grams).where(_contact_grams.c.contact_grams.op("MATCH")(match))))
    # The start of the full pinyin — and so of the initials, which start with the same
    # letter — through the live partial index on pinyin_full (the name order itself).
    return parts + _prefix_parts(keys, code, _prefix)


def _prefix_parts(keys: str, code: str, prefix) -> list[SearchPart]:
    """The sources that match a start: of the full pinyin (`keys`) and of the credit code,
    with `prefix(col, text)` the engine's indexable "starts with"."""
    parts = []
    if keys:
        on_row = prefix(Client.pinyin_full, keys)
        parts.append(SearchPart(select(Client.id).where(Client.deleted_at.is_(None), on_row).correlate(None), on_row,
                                Client.pinyin_full, keys))
    if code.isascii() and code.isalnum():
        on_row = prefix(Client.credit_code, code)
        parts.append(SearchPart(select(Client.id).where(on_row).correlate(None), on_row, Client.credit_code, code))
    return parts


def _like(text: str, *, before: bool = True) -> str:
    """A LIKE pattern: `text` anywhere (or, before=False, at the start), its own % _ escaped."""
    return ("%" if before else "") + _like_escape(text) + "%"


def _long_term_on_client(term: str, keys: str, code: str, row: bool = False) -> tuple[str, list]:
    """A 3+ character term's LIKE pattern and its conditions on a clients row (the trigram
    indexes): anywhere in the names and the code, and in the pinyin when it has 3+ letters.
    `row`: tested row by row (a walk along the sort order), not off an index: PostgreSQL's own
    LIKE / ILIKE then, the credit code first (a digit term matches there or nowhere), instead
    of the leakproof wrappers, which are PL/pgSQL calls (pg_leakproof) and cost ~20 µs a row."""
    like = _like(term)
    if row:
        ilike, like_op = (lambda c, p: c.ilike(p, escape="\\")), (lambda c, p: c.like(p, escape="\\"))
    else:
        ilike, like_op = _ilike, _like_op
    on_code = [like_op(Client.credit_code, _like(code))]
    on_names = [ilike(Client.name, like), ilike(Client.short_name, like)]
    on_pinyin = [like_op(Client.pinyin_full, _like(keys)), like_op(Client.pinyin_initials, _like(keys))] \
        if len(keys) >= _TRIGRAM else []
    # The trigram indexes' candidates are all tested again row by row, through the OR in this
    # order, which stops at the first condition that holds: the columns such a term most likely
    # matches come first (dianli gathered: 3,500 candidates, four PL/pgSQL tests each before
    # its pinyin matched). A digit term matches the code or nowhere.
    if row or any(c.isdigit() for c in term):
        return like, on_code + on_names + on_pinyin
    if term.isascii():
        return like, on_pinyin + on_names + on_code
    return like, on_names + on_pinyin + on_code


# PostgreSQL: the search's operators (rmdesk.store.pg_leakproof): leakproof, so that their
# indexes serve an RM under row-level security, where a superuser could create them; else the
# same as @>, LIKE and ILIKE (their escape character is the default one, backslash). Other
# engines (the LIKE fallback the tests compare SQLite's index with) get LIKE and ILIKE.
class _Match(FunctionElement):
    inherit_cache = True
    type = Boolean()
    operator = ""
    plain = staticmethod(lambda left, right: left.op("@>", is_comparison=True)(right))


class _Contains(_Match):
    inherit_cache = True
    name = "rmdesk_contains"
    operator = pg_leakproof.CONTAINS


class _ILike(_Match):
    inherit_cache = True
    name = "rmdesk_ilike"
    operator = pg_leakproof.ILIKE
    plain = staticmethod(lambda left, right: left.ilike(right, escape="\\"))


class _LikeOp(_Match):
    inherit_cache = True
    name = "rmdesk_like"
    operator = pg_leakproof.LIKE
    plain = staticmethod(lambda left, right: left.like(right, escape="\\"))


@compiles(_Match)
def _plain_match(element, compiler, **kw):
    left, right = element.clauses
    return f"({compiler.process(element.plain(left, right), **kw)})"


@compiles(_Match, "postgresql")
def _server_match(element, compiler, **kw):
    left, right = element.clauses
    return f"({compiler.process(left, **kw)} {element.operator} {compiler.process(right, **kw)})"


def _contains(col, values: list[str]):
    return _Contains(col, _text_array(values))


def _ilike(col, pattern: str):
    return _ILike(col, literal(pattern, Text))


def _like_op(col, pattern: str):
    return _LikeOp(col, literal(pattern, Text))


def server_search_parts(term: str) -> list[SearchPart]:
    """search_parts on PostgreSQL (rmdesk.store.pg_search): each source one index — the
    trigram GIN indexes for 3+ characters, the 1–2 character pieces' GIN expression
    indexes, text_pattern_ops ranges for the prefixes. Their UNION instead of one OR over
    columns and key persons, which the planner can only answer by reading every client."""
    term = term.strip()
    keys = _DROP.sub("", term.lower())
    code = term.upper()
    if len(term) >= _TRIGRAM:
        like, on_client = _long_term_on_client(term, keys, code)
        on_row = or_(*on_client)
        return [SearchPart(select(Client.id).where(on_row).correlate(None), on_row),
                SearchPart(select(Contact.client_id).where(_ilike(Contact.name, like)).correlate(None))]
    grams = _GRAM_DROP.sub(" ", term.lower()).split()
    parts = []
    if grams:
        pieces = _CLIENT_GRAMS
        in_names = _contains(pieces, grams)
        # one letter: names only (the start of the initials is matched below), as on SQLite
        match = in_names if len(term) == 1 else or_(
            in_names, _contains(pieces, [pg_search.INITIALS_TAG + g for g in grams]))
        # the key persons' pieces are on their client's row too (pg_search.KEY_PERSON_GRAMS):
        # one source, its two GIN indexes OR-ed in one bitmap
        match = or_(match, _contains(_KEY_PERSON_GRAMS, grams))
        parts.append(SearchPart(select(Client.id).where(match).correlate(None), match))
    return parts + _prefix_parts(keys, code, _pattern_prefix)


def _pattern_prefix(col, text: str):
    """PostgreSQL: `col` starts with `text`, as a range of the text_pattern_ops index
    (byte order, whatever the collation). Its operators are leakproof, so the index is used
    under row-level security too, where a LIKE is only tested row by row after the policy."""
    return and_(col.op("~>=~")(text), col.op("~<~")(text[:-1] + chr(ord(text[-1]) + 1)))


def server_search_row(term: str, fence: bool = True):
    """PostgreSQL: server_search_parts' match as a condition on one clients row (key persons
    through their client_id index), for a broad search walking the sort order: it stops once
    the page is full, where gathering every match first would read most of the book."""
    term = term.strip()
    keys = _DROP.sub("", term.lower())
    code = term.upper()
    if len(term) >= _TRIGRAM:
        like, on_client = _long_term_on_client(term, keys, code, row=True)
        # looked up by client_id (fence): the row's own test; else read off the trigram index
        on_contact = Contact.name.ilike(like, escape="\\") if fence else _ilike(Contact.name, like)
    else:
        on_client, on_contact = [], None
        grams = _GRAM_DROP.sub(" ", term.lower()).split()
        if grams:
            on_client.append(_contains(_CLIENT_GRAMS, grams))
            if len(term) > 1:
                on_client.append(_contains(_CLIENT_GRAMS, [pg_search.INITIALS_TAG + g for g in grams]))
            on_client.append(_contains(_KEY_PERSON_GRAMS, grams))
        if keys:
            on_client.append(_pattern_prefix(Client.pinyin_full, keys))
        if code.isascii() and code.isalnum():
            on_client.append(_pattern_prefix(Client.credit_code, code))
    if on_contact is not None:
        # `fence`, OFFSET 0: keeps the planner from turning the EXISTS into one hashed set of
        # every matching key person (67,770 rows for 华 in a 1M book, read before the first
        # row); each client the walk passes looks up its own key persons by client_id instead.
        # Without it (few matching key persons: 电力) the set is read once.
        exists = select(Contact.id).where(Contact.client_id == Client.id, on_contact)
        on_client.append((exists.offset(literal_column("0")) if fence else exists).exists())
    return or_(*on_client) if on_client else Client.id.is_(None)


# PostgreSQL's generated columns of the 1–2 character pieces (rmdesk.store.pg_search). The
# generic ARRAY type, not sqlalchemy.dialects.postgresql's: that package costs every start of
# the app ~50 ms to import, also with the local SQLite book, where these are never used.
_CLIENT_GRAMS = literal_column("clients.search_grams", ARRAY(Text))
_KEY_PERSON_GRAMS = literal_column("clients." + pg_search.KEY_PERSON_GRAMS, ARRAY(Text))


def _text_array(values: list[str]):
    """A text[] parameter (psycopg sends the list as one array)."""
    return cast(literal(values, ARRAY(Text)), ARRAY(Text))


def search_ids(term: str):
    """SQLite: the ids of the clients matching `term` (one UNION of index lookups), or
    None when nothing can match. The database materialises the set once and probes it."""
    return _union(search_parts(term))


def _union(parts: list[SearchPart]):
    return union(*(part.ids for part in parts)) if parts else None


# Sort keys whose live partial index is ordered exactly like the list (key, then id).
SORT_INDEXES = {"name": "ix_clients_live_pinyin_full", "industry": "ix_clients_live_industry",
                "tier": "ix_clients_live_tier", "status": "ix_clients_live_status", "owner": "ix_clients_live_owner",
                "district": "ix_clients_live_district", "next_action_date": "ix_clients_live_next_action_date",
                "updated_at": "ix_clients_live_updated_at"}
# A search matching more clients than this reads its page in the sort order instead of
# sorting every match.
BROAD_SEARCH = 3000
# A broad search's pages down to this row merge the first rows of each source of
# matches (search_parts) in sort order; deeper pages walk the sort index against the
# whole match set.
MERGE_DEPTH = 2000
# A source of up to this many matches may be sorted (its rows looked up by id); a larger
# one is always read walking the sort index, which stops once the page is full.
SORT_LIMIT = 20_000
# Looking a row up by id to sort it costs about this many steps of a walk along an index.
LOOKUP_STEPS = 6
# PostgreSQL: a 3+ character term the planner expects in at least 1/DENSE_SHARE of the book
# is counted row by row (its matches come soon) rather than off the trigram index.
DENSE_SHARE = 8
# PostgreSQL: gathering a match to sort it costs about this many steps of a walk along the
# sort index (its key persons' rows with the policy's lookup each, the rows an RM may not see).
GATHER_STEPS = 4
# The same for a 3+ character term's match on the clients row (a trigram candidate, rechecked):
# measured at 100k, about 7.5 µs a match gathered (dianli: 3,089), 7–9 µs a row the walk passes.
TRIGRAM_GATHER_STEPS = 1
# The same where every source is a condition on the clients row (1–2 characters: the key
# persons' pieces are on it): one bitmap scan with the sort key, then a top-N sort. Measured at
# 100k: 3 µs a match gathered (华, 10,659 matches: 35 ms), 8 µs a row the walk passes, so 0.4;
# counted as a quarter of that, because a walk's cost depends on where the matches sit in the
# order and a gather's does not (重庆, 4,212 matches bunched under "chongqing": walk 73 ms,
# gather 26). Only dense terms walk (华 at 1M). The price: at 1M, 王 and 电力 are gathered
# (176 and 137 ms) where a walk takes 35 and 69 — but 重庆 walks 618 ms there, gathers 195.
ROW_GATHER_STEPS = 0.1
# The list's count of a search stops here when one source of its matches has more: counting
# further reads more rows than the page needs (a one-character search matches one client in
# ten); the list then says "More than 1000" and counts the rest when scrolled to the end. A
# page of such a search is read as a broad one (list_clients, total_exact=False).
COUNT_CAP = 1_000


def apply_filters(query: Select, q: ClientQuery, fts: bool = False) -> Select:
    """Add the filters of `q`; `fts`: the store is SQLite with the search index."""
    query = _apply_fields(query, q).where(Client.deleted_at.is_(None))
    if q.search and q.search.strip():
        query = query.where(search_condition(q.search, fts))
    return query


def _apply_fields(query: Select, q: ClientQuery) -> Select:
    """The filters of `q` other than the search and the trash."""
    if q.step is not None:
        query = query.where(Client.step == q.step)
    if q.status:
        query = query.where(Client.status == q.status)
    if not q.include_closed:
        query = query.where(Client.status.in_(("active", "won")))
    if q.owner:
        query = query.where(Client.owner == q.owner)
    if q.tier:
        query = query.where(Client.tier == q.tier)
    return query


def list_clients(store: Store, q: ClientQuery = ClientQuery(), *, sort: str = "name",
                 descending: bool = False, offset: int = 0, limit: int | None = None,
                 total: int | None = None, total_exact: bool = True) -> list[ClientRow]:
    """One page of the list. `total`: the query's count when the caller has it (the list
    model does), `total_exact` False when it is a capped count (more than `total` match) —
    a broad search then reads the page in index order."""
    order = _list_order(sort, descending)
    if limit is None:
        query = apply_filters(select(*_LIST_FIELDS), q, store.is_sqlite).order_by(*order).offset(offset)
        with store.read() as s:
            return [ClientRow(*row) for row in s.execute(query)]
    with store.read(quick=True) as s:
        return _list_page(s, store, q, sort, descending, offset, limit, total, total_exact)


def first_page(store: Store, q: ClientQuery = ClientQuery(), *, sort: str = "name", descending: bool = False,
               limit: int = 200, cap: int | None = COUNT_CAP) -> tuple[int, bool, list[ClientRow]]:
    """What the list shows first, read together: (count, exact) as count_clients_capped gives
    them, and the first `limit` rows as list_clients gives them knowing that count. On
    PostgreSQL a search's page that reads its matches whole also counts them, and the capped
    count that would read the same matches first is not run (dianli: 22 of 52 ms)."""
    with store.read(quick=True) as s:
        if not store.is_sqlite and cap is not None and q.search and q.search.strip():
            return _server_first_page(s, store, q, sort, descending, limit, cap)
        total, exact = _count_capped(s, store, q, cap)
        return total, exact, _list_page(s, store, q, sort, descending, 0, limit, total, exact)


def _server_first_page(s: Session, store: Store, q: ClientQuery, sort: str, descending: bool, limit: int,
                       cap: int) -> tuple[int, bool, list[ClientRow]]:
    """first_page of a search on PostgreSQL, the page read the way list_clients reads it after
    a capped count:
    - a source ranging over the sort column (the pinyin's start, by name): each source's first
      rows merged (_merged_page). A source it reads whole (the initials hn: 8,771 at 100k)
      with more than cap matches is that capped count; the range is read up to cap + 1 rows
      for it (h: the count's own read of them cost 10 of an RM's 49 ms, with its round trips
      18).
    - otherwise, when the planner's estimate (at least the cap) is too small for a walk: every
      match gathered with its sort key (_server_search_page), their number beside the page —
      an exact count.
    - a walk: the capped count first, as list_clients has it."""
    order = _list_order(sort, descending)
    parts = server_search_parts(q.search)
    if not parts:
        return 0, True, []
    if sort in SORT_INDEXES and _in_order(parts, SORT_COLUMNS[sort]):
        sizes: list[int] = []
        page = _merged_page(s, parts, q, sort, order, 0, limit, server=True, descending=descending, sizes=sizes,
                            count_to=cap + 1, store=store)
        rows = [ClientRow(*row) for row in s.execute(select(*_LIST_FIELDS).where(Client.id.in_(page)).order_by(*order))]
        if any(size > cap for size in sizes):
            return cap, False, rows
        return (*_count_capped(s, store, q, cap), rows)
    walks = _server_walks(s, q, cap, False, limit, store)
    if not walks:
        page = _server_search_page(q, sort, descending, 0, limit, counted=True).subquery("page")
        found = s.execute(select(*_LIST_FIELDS, page.c.total).join(page, page.c.id == Client.id).order_by(*order)).all()
        return (found[0].total if found else 0), True, [ClientRow(*row[:-1]) for row in found]
    total, exact = _count_capped(s, store, q, cap)
    # a capped count is what `walks` was asked for: the same answer, not asked again
    return total, exact, _list_page(s, store, q, sort, descending, 0, limit, total, exact, walks if not exact else None)


_LIST_FIELDS = (Client.id, Client.name, Client.short_name, Client.industry, Client.tier, Client.step,
                Client.status, Client.owner, Client.district, Client.next_action_date,
                Client.step_entered_at, Client.updated_at, Client.version)


def _list_order(sort: str, descending: bool) -> tuple:
    column = SORT_COLUMNS.get(sort)
    if column is None:
        raise ValidationError("error.not_in_list", "sort", value=sort)
    return (column.desc(), Client.id.desc()) if descending else (column.asc(), Client.id.asc())


def _list_page(s: Session, store: Store, q: ClientQuery, sort: str, descending: bool, offset: int, limit: int,
               total: int | None, total_exact: bool, walks: bool | None = None) -> list[ClientRow]:
    """list_clients' page with a limit, in the caller's transaction; `walks`: _server_walks'
    answer for this count when the caller has it."""
    order = _list_order(sort, descending)  # refuses an unknown sort
    column = SORT_COLUMNS[sort]
    parts = search_parts(q.search) if store.is_sqlite and q.search and q.search.strip() else []
    many = total is not None and (not total_exact or total > BROAD_SEARCH)
    broad = parts and many and sort in SORT_INDEXES
    if broad and offset + limit <= MERGE_DEPTH:
        page = _merged_page(s, parts, q, sort, order, offset, limit)
        query = select(*_LIST_FIELDS).where(Client.id.in_(page)).order_by(*order)
    elif broad:
        # A deep page: walk the sort column's index and keep the ids in the match set
        # until the page is full. `+id` keeps SQLite from turning the match set into
        # rowid lookups; the page's ids come first.
        page = (_apply_fields(select(Client.id), q)
                .where(Client.deleted_at.is_(None), literal_column("+clients.id").in_(_union(parts)))
                .order_by(*order).offset(offset).limit(limit))
        query = select(*_LIST_FIELDS).where(Client.id.in_(list(s.scalars(page)))).order_by(*order)
    elif (not store.is_sqlite and q.search and q.search.strip() and many and sort in SORT_INDEXES
          and offset + limit <= MERGE_DEPTH and _in_order(server_parts := server_search_parts(q.search), column)):
        # A source ranging over the sort column itself (the pinyin's start, by name): its
        # matches bunch up in that order, where one walk of the whole order passes every
        # name before them (h, hn: 29,000 names before the 200th match). Each source's first
        # rows in sort order instead, the range's read in order. (Matches spread along the
        # order, as for 华, are found soonest by the walk below.)
        page = _merged_page(s, server_parts, q, sort, order, offset, limit, server=True, descending=descending,
                            store=store)
        query = select(*_LIST_FIELDS).where(Client.id.in_(page)).order_by(*order)
    elif not store.is_sqlite and q.search and q.search.strip():
        if walks is None:
            walks = _server_walks(s, q, total, total_exact, offset + limit, store)
        if walks:  # walk the sort order until the page is full
            page = (_apply_fields(select(Client.id), q)
                    .where(Client.deleted_at.is_(None),
                           server_search_row(q.search, _fence_key_persons(s, q.search, total, offset + limit)))
                    .order_by(*order).offset(offset).limit(limit))
        else:
            page = _server_search_page(q, sort, descending, offset, limit)
        query = select(*_LIST_FIELDS).where(Client.id.in_(page)).order_by(*order)
    else:
        # The page's ids first: the offset is skipped in the (partial) index of the sort
        # column without touching the rows, so a deep page costs about the first one.
        page = apply_filters(select(Client.id), q, store.is_sqlite).order_by(*order).offset(offset).limit(limit)
        query = select(*_LIST_FIELDS).where(Client.id.in_(page)).order_by(*order)
    return [ClientRow(*row) for row in s.execute(query)]


def _server_walks(s: Session, q: ClientQuery, total: int | None, exact: bool, wanted: int,
                  store: Store | None = None) -> bool:
    """PostgreSQL: whether a search's page is read walking the sort order (stopping once
    `wanted` matches are passed) rather than gathering every match and sorting them. A walk
    passes about wanted * book / total rows; gathering reads about total matches, each
    costing about GATHER_STEPS (ROW_GATHER_STEPS) steps of the walk. A walk also passes every
    row before the first match, so matches bunched in the order (重庆 at the start of names,
    under "chongqing") are gathered whenever the cost allows. A capped count (not exact: more
    than that many) stands for the planner's estimate of the matches (on the row, plus a key
    persons' source of its own for 3+ characters), when that is more.

    Under row-level security (`store` given) the planner's estimates carry its guess of the
    policy's share, not the RM's real one (83 % against 33 % in the bench's book): a gather
    reads every match whoever owns it, a walk passes wanted * book / (the RM's matches) rows,
    and both are worked out from the shares (_policy_shares)."""
    if total is None:
        return False
    parts = server_search_parts(q.search)
    on_row = [part.on_row for part in parts if part.on_row is not None]
    steps = ROW_GATHER_STEPS if len(on_row) == len(parts) else GATHER_STEPS
    if not exact:
        live = _apply_fields(select(Client.id), q).where(Client.deleted_at.is_(None), or_(*on_row))
        on_client = _estimated_rows(s, live) if on_row else 0
        # the key persons' own source (3+ characters): as many more as the planner expects there
        of_key_persons = sum(_estimated_rows(s, part.ids) for part in parts if part.on_row is None)
        estimate = on_client + of_key_persons
        if len(on_row) < len(parts) and estimate:
            # 3+ characters: each source at its own cost per match, the clients row's trigram
            # match about one step of the walk, a key person GATHER_STEPS (dianli as an RM
            # walked 78 ms where its gather takes 30: its 3,397 expected matches, nearly all on
            # the row, were costed four steps each)
            steps = (TRIGRAM_GATHER_STEPS * on_client + GATHER_STEPS * of_key_persons) / estimate
        guessed, real = _policy_shares(s, store)
        # every owner's matches, as the planner expects them; the role's are the real share of those
        everyone = max(estimate / guessed, total / real)
        return steps * everyone * everyone * real > wanted * _book_size(s)
    elif total <= BROAD_SEARCH:
        return False
    return steps * total * total > wanted * _book_size(s)


def _policy_shares(s: Session, store: Store | None) -> tuple[float, float]:
    """PostgreSQL: (the planner's estimate of the share of the book's live clients the role
    sees, the real share), (1, 1) where no policy applies. Counted once for the store (the RM's
    share moves only with reassignments; a stale one only weighs a plan choice)."""
    if store is None or not store.under_policies:
        return 1.0, 1.0
    if "shares" not in store.planning:
        live = select(Client.id).where(Client.deleted_at.is_(None))
        book = max(_book_size(s), 1)
        seen = s.scalar(select(func.count()).select_from(live.subquery())) or 0
        store.planning["shares"] = (min(max(_estimated_rows(s, live) / book, 1e-3), 1.0),
                                    min(max(seen / book, 1e-3), 1.0))
    return store.planning["shares"]


def _fence_key_persons(s: Session, term: str, total: int, wanted: int) -> bool:
    """PostgreSQL, a walk: whether each client passed looks up its own key persons (more
    matching key persons than the walk passes clients, by the planner's estimate) rather than
    reading every matching key person once first."""
    walked = wanted * _book_size(s) / max(total, 1)
    contacts = [part for part in server_search_parts(term) if part.on_row is None]
    return any(_estimated_rows(s, part.ids) > walked for part in contacts)


def _book_size(s: Session) -> int:
    """PostgreSQL: about how many rows the clients table holds (the planner's own estimate,
    whatever the signed-in role sees: a walk passes the rows hidden from it too), else the
    largest id. Asked once a transaction (a search's choices ask it up to three times)."""
    if "book_size" not in s.info:
        rows = s.scalar(text("SELECT reltuples FROM pg_class WHERE oid = 'clients'::regclass"))
        s.info["book_size"] = int(rows) if rows and rows > 0 else (s.scalar(select(func.max(Client.id))) or 0)
    return s.info["book_size"]


def _orders_by_bytes(s: Session, store: Store) -> bool:
    """PostgreSQL: whether the database's collation orders text as its bytes (C, POSIX,
    C.UTF-8 with the libc provider), so that a prefix's range under the text_pattern_ops
    operators and under the sort indexes' own ones are the same rows. Asked once per store.
    Elsewhere (en_US, zh_CN, ICU) they may differ: a Czech collation puts "ch" after "h"."""
    if "bytes" not in store.planning:
        # datlocprovider is PostgreSQL 15's: before it every database's collation was libc's
        provider = "datlocprovider" if s.get_bind().dialect.server_version_info >= (15,) else "'c'"
        provider, collation = s.execute(text(f"SELECT {provider}, datcollate FROM pg_database "
                                             "WHERE datname = current_database()")).one()
        store.planning["bytes"] = provider == "c" and (collation in ("C", "POSIX") or collation.startswith("C."))
    return bool(store.planning["bytes"])


def _in_order(parts: list[SearchPart], column) -> bool:
    return any(part.column is column for part in parts)


def _server_search_page(q: ClientQuery, sort: str, descending: bool, offset: int, limit: int,
                        counted: bool = False) -> Select:
    """PostgreSQL: a search's page of ids, its matches gathered once (MATERIALIZED: each source
    off its own index) and sorted. Left to itself the planner walks the sort order testing
    clients one by one, or hashes every client of the book to join the matches (200 ms for
    4,212 matches of 重庆 at 100k). Sources all on the clients row (1–2 characters, key persons'
    pieces included) are read with their sort key in one scan, then cut: 30 ms for the same.
    `counted`: a column `total` beside each id holds the number of matches."""
    parts = server_search_parts(q.search)
    if not parts:
        return select(Client.id).where(Client.id.is_(None))
    # The sources on the clients row (1–2 characters: all of them) in one scan with their sort
    # key; a key persons' source (3+ characters) has its clients looked up by id (= ANY of the
    # array: a join would hash every client of the book first). Their union is then cut.
    # (Looking every match up again by id instead cost 20 of dianli's 67 ms: 3,089 lookups.)
    live = _apply_fields(select(Client.id, SORT_COLUMNS[sort].label("key")), q).where(Client.deleted_at.is_(None))
    on_row = [part.on_row for part in parts if part.on_row is not None]
    key_persons = _union([part for part in parts if part.on_row is None])
    sources = [live.where(or_(*on_row))] if on_row else []
    if key_persons is not None:
        sources.append(live.where(Client.id == any_(func.array(key_persons.scalar_subquery()))))
    rows = (union(*sources) if len(sources) > 1 else sources[0]).cte("matches").prefix_with("MATERIALIZED")
    keys = (rows.c.key.desc(), rows.c.id.desc()) if descending else (rows.c.key.asc(), rows.c.id.asc())
    page = select(rows.c.id)
    if counted:  # every match is in `matches`: their count, beside each id of the page
        page = page.add_columns(select(func.count()).select_from(rows).scalar_subquery().label("total"))
    return page.order_by(*keys).offset(offset).limit(limit)


def _merged_page(s: Session, parts: list[SearchPart], q: ClientQuery, sort: str, order, offset: int,
                 limit: int, server: bool = False, descending: bool = False,
                 sizes: list[int] | None = None, count_to: int = 0, store: Store | None = None) -> Select:
    """The ids of rows offset..offset+limit of a search in sort order (a select): the first
    offset + limit of each source, then the page of those (the page of the whole match
    is among them). Each source is read the cheap way for its size: a few matches are
    looked up and sorted; many are found walking the sort index, which soon fills the page
    (a range over the sort column itself is read in order straight away). `sizes`: the
    number of live matches of each source read whole (PostgreSQL) is appended to it, and of
    each range read in order, which is then read up to `count_to` rows (at most that many are
    counted)."""
    wanted = offset + limit
    book = s.scalar(select(func.max(Client.id))) or 0  # about the book's size, for free
    tops: set[int] = set()
    for part in parts:
        in_order = part.column is not None and part.column is SORT_COLUMNS[sort]
        top = _apply_fields(select(Client.id), q).where(Client.deleted_at.is_(None))
        if server and part.on_row is not None and not in_order:
            # PostgreSQL, a source on the clients row: sorted unless the planner expects more
            # than SORT_LIMIT — its bitmap scan reads it at a steady cost, where a walk depends
            # on where the matches sit in the order (counting it first costs as much as sorting)
            if _estimated_rows(s, part.ids) <= SORT_LIMIT:
                ids, size = _server_top(s, top, part, sort, descending, wanted)
                tops.update(ids)
                if sizes is not None:
                    sizes.append(size)
                continue
            # more than SORT_LIMIT expected: walked, not counted first (a bitmap scan of
            # SORT_LIMIT + 1 rows costs what gathering them does: the initials hn at 1M, 250 ms)
            size = SORT_LIMIT + 1
        # a range over the sort column is read in order whatever its size: not counted first
        elif in_order:
            size = 1
        else:
            size = s.scalar(select(func.count()).select_from(part.ids.limit(SORT_LIMIT + 1).subquery()))
        if not size:
            continue
        # sorting costs `size` lookups; a walk passes about wanted * book / size entries
        sorted_ = size * LOOKUP_STEPS * size <= wanted * book
        if not in_order and size <= SORT_LIMIT and sorted_:
            top = top.where(Client.id.in_(part.ids))
        else:
            match = part.on_row if part.on_row is not None else literal_column("+clients.id").in_(part.ids)
            top = top.where(match)
        if in_order and server and part.start and store is not None and _orders_by_bytes(s, store):
            # the same range in the sort index's own terms, which it can seek to: the planner
            # otherwise walks that index from its start filtering the pattern range (it takes
            # the matches for spread evenly), 26,000 rows before the first h at 100k (29 ms,
            # not 1)
            top = top.where(_prefix(part.column, part.start))
        if in_order and sizes is not None:
            found = list(s.scalars(top.order_by(*order).limit(max(wanted, count_to))))
            sizes.append(len(found))
            tops.update(found)
            continue
        tops.update(s.scalars(top.order_by(*order).limit(wanted)))
    # the page's ids as a subquery of the caller's statement (no round trip of its own); on
    # PostgreSQL the candidates go as one int[] parameter: a 400-item IN list cost more to
    # render, send and parse than the page's read
    among = Client.id == any_(literal(sorted(tops), ARRAY(Integer))) if server else Client.id.in_(tops)
    return select(Client.id).where(among).order_by(*order).offset(offset).limit(limit)


def _server_top(s: Session, top: Select, part: SearchPart, sort: str, descending: bool,
                wanted: int) -> tuple[list[int], int]:
    """PostgreSQL: the first `wanted` of a source on the clients row, in sort order, and how
    many rows the source has: its rows gathered first (MATERIALIZED: off its own index), then
    sorted. Left to itself the planner walks the sort order, which passes tens of thousands of
    rows where the matches bunch up in it (the initials hn: most of them under h)."""
    rows = top.add_columns(SORT_COLUMNS[sort].label("key")).where(part.on_row).cte("source").prefix_with(
        "MATERIALIZED")
    keys = (rows.c.key.desc(), rows.c.id.desc()) if descending else (rows.c.key.asc(), rows.c.id.asc())
    size = select(func.count()).select_from(rows).scalar_subquery()
    found = s.execute(select(rows.c.id, size).order_by(*keys).limit(wanted)).all()
    return [row[0] for row in found], (found[0][1] if found else 0)


def count_clients(store: Store, q: ClientQuery = ClientQuery()) -> int:
    with store.read() as s:
        return _count(s, q, store.is_sqlite)


def _count(s: Session, q: ClientQuery, fts: bool) -> int:
    if q.search and q.search.strip() and q == ClientQuery(search=q.search):
        # Search alone: the matching ids counted once, less those in the trash
        # (no lookup of every match in the clients table).
        ids = search_ids(q.search) if fts else _union(server_search_parts(q.search))
        if ids is None:
            return 0
        matches = ids.cte("matches").prefix_with("MATERIALIZED")
        matched = select(func.count()).select_from(matches).scalar_subquery()
        # SQLite: `+id` keeps it from probing the trash by rowid; PostgreSQL reads its trash index
        key = literal_column("+clients.id") if fts else Client.id
        trashed = (select(func.count()).select_from(Client)
                   .where(Client.deleted_at.is_not(None), key.in_(select(matches.c[0])))
                   .scalar_subquery())
        return s.scalar(select(matched - trashed)) or 0
    return s.scalar(apply_filters(select(func.count(Client.id)), q, fts)) or 0


def count_clients_capped(store: Store, q: ClientQuery = ClientQuery(),
                         cap: int | None = COUNT_CAP) -> tuple[int, bool]:
    """(count, exact). A search some single source of which (the names' index, the key
    persons', a pinyin or credit-code range) matches more than `cap` live clients gives
    (cap, False): "more than cap", found after reading cap + 1 matches of that source
    instead of all of them. Any other query (or cap None) is counted exactly."""
    with store.read(quick=cap is not None) as s:
        return _count_capped(s, store, q, cap)


def _count_capped(s: Session, store: Store, q: ClientQuery, cap: int | None) -> tuple[int, bool]:
    searched = cap is not None and q.search and q.search.strip()
    if searched and not store.is_sqlite:
        return _server_count_capped(s, q, cap)
    parts = search_parts(q.search) if searched else []
    for part in parts:
        # the source's own entries first (index only): at most cap of them, at most cap clients
        if s.scalar(select(func.count()).select_from(part.ids.limit(cap + 1).subquery())) <= cap:
            continue
        if part.on_row is not None:
            live = _apply_fields(select(Client.id), q).where(Client.deleted_at.is_(None), part.on_row)
        else:
            matched = part.ids.subquery("matched")
            live = (_apply_fields(select(Client.id), q).distinct()
                    .join_from(matched, Client, Client.id == matched.c[0]).where(Client.deleted_at.is_(None)))
        if s.scalar(select(func.count()).select_from(live.limit(cap + 1).subquery())) > cap:
            return cap, False
    return _count(s, q, store.is_sqlite), True


# A key persons' source is first read this many times the cap, its clients' ids collected
# (a client with several matching key persons comes more than once).
_STREAM_FACTOR = 3
_STREAM_BATCH = 2000


def _server_count_capped(s: Session, q: ClientQuery, cap: int) -> tuple[int, bool]:
    """PostgreSQL: count_clients_capped of a search, each source read once. The live clients'
    ids of each source (at most cap + 1 of them: more is "more than cap") are collected and
    their union counted, instead of counting each source and then the union of them all
    (which read the key persons twice: under row-level security each one is a lookup of its
    client for the policy)."""
    found: set[int] = set()
    live = _apply_fields(select(Client.id), q).where(Client.deleted_at.is_(None))
    term = q.search.strip()
    code = term.upper()
    if len(term) >= _TRIGRAM and code.isascii() and code.isalnum():
        # A credit code's start (911…: most of the book) first, off the B-tree range, which
        # stops after cap + 1; the trigram index of the substring match below would first
        # gather every code containing it. The same clients are among that match: the count
        # is unchanged.
        if _capped_ids(s, live.where(_pattern_prefix(Client.credit_code, code)), cap) is None:
            return cap, False
    dense = None
    if len(term) >= _TRIGRAM:
        # A 3+ character term the planner expects in a large share of the book (集团有限: one
        # client in four) is tested row by row with PostgreSQL's own ILIKE, stopping after
        # cap + 1: off the trigram index every candidate is first gathered, then checked again
        # through the leakproof wrapper (a PL/pgSQL call each). Read to the end, it is that
        # source's whole match.
        names = server_search_parts(q.search)[0].on_row
        if DENSE_SHARE * _estimated_rows(s, live.where(names)) >= _book_size(s):
            _like_text, on_row = _long_term_on_client(term, _DROP.sub("", term.lower()), code, row=True)
            dense = _capped_ids(s, live.where(or_(*on_row)), cap)
            if dense is None:
                return cap, False
    # Each source off its index, never a scan of the table that stops after cap + 1: the planner
    # expects the matches spread evenly over the table, and where they sit together (华 in the
    # bench's book) such a scan read 25,000 rows, 75 ms, for the bitmap's 20. (The dense term's
    # row by row test above is such a scan on purpose: its matches come soon.)
    s.execute(text("SET LOCAL enable_seqscan = off"))
    for part in server_search_parts(q.search):
        if part.on_row is not None and dense is not None:
            ids, dense = dense, None
        elif part.on_row is not None:
            ids = _capped_ids(s, live.where(part.on_row), cap)
        else:
            ids = _live_ids_of(s, live, part, cap)
        if ids is None or len(ids) > cap:
            return cap, False
        found.update(ids)
    return (cap, False) if len(found) > cap else (len(found), True)


def _capped_ids(s: Session, query: Select, cap: int) -> list[int] | None:
    """The ids `query` gives, or None when there are more than cap: counted on the server,
    the ids sent (as one array) only when they are needed (sending 10,000 ids row by row
    costs more than finding them)."""
    rows = query.limit(cap + 1).subquery("capped")
    ids = func.array_agg(rows.c[0])
    return s.scalar(select(case((func.count() > cap, None), else_=func.coalesce(ids, literal_column("'{}'::int[]"))))
                    .select_from(rows))


class _Explain(Executable, ClauseElement):
    """EXPLAIN (FORMAT JSON) of a select, compiled once and cached like the select itself (a
    search asks for two or three estimates: compiled each time, they cost about as much as
    the server's answer)."""

    inherit_cache = True
    _traverse_internals = [("element", InternalTraversal.dp_clauseelement)]

    def __init__(self, element: Select) -> None:
        self.element = element


@compiles(_Explain, "postgresql")
def _explain(element, compiler, **kw):
    # the select's columns are not this statement's (its one row is the plan): the result
    # takes its columns from the cursor, as for a text()
    columns = compiler._result_columns, compiler._ordered_columns
    compiler._result_columns = []
    sql = "EXPLAIN (FORMAT JSON) " + compiler.process(element.element, **kw)
    compiler._result_columns, compiler._ordered_columns = columns
    return sql


def _estimated_rows(s: Session, query: Select) -> float:
    """PostgreSQL: the planner's estimate of how many rows `query` gives (as the signed-in
    role: the policy's share is in it), without running it."""
    plan = s.execute(_Explain(query)).scalar()
    if isinstance(plan, str):
        import json

        plan = json.loads(plan)
    return float(plan[0]["Plan"]["Plan Rows"])


def _live_ids_of(s: Session, live: Select, part: SearchPart, cap: int) -> list[int] | None:
    """The distinct live clients of a source read off the key persons (their client_id), or
    None when there are more than cap of them. The key persons are read in one stream, each
    one's client looked up by id (OFFSET 0 keeps the planner from hashing every live client
    instead), and stopped once more than cap clients came, or after a few times cap rows."""
    client_id = part.ids.selected_columns[0]
    alive = live.where(Client.id == client_id).offset(literal_column("0")).correlate_except(Client).exists()
    stream = (cap + 1) * _STREAM_FACTOR
    ids: set[int] = set()
    rows = 0
    # a server-side cursor: the server stops reading once cap + 1 clients have come
    for client in s.scalars(part.ids.where(alive).limit(stream).execution_options(yield_per=_STREAM_BATCH)):
        rows += 1
        ids.add(client)
        if len(ids) > cap:
            return None
    if rows < stream:
        return list(ids)
    matched = part.ids.subquery("matched")  # repeats beyond the stream (rare): all of it, distinct
    ids = list(s.scalars(live.join_from(matched, Client, Client.id == matched.c[0]).distinct().limit(cap + 1)))
    return None if len(ids) > cap else ids


def with_normalised_phone(values: dict[str, object]) -> dict[str, object]:
    """The contact values with the phone's normalised form beside the typed one."""
    if "phone" in values:
        values["phone_normalized"] = normalise_phone(values["phone"])  # type: ignore[arg-type]
    return values


def add_contact(store: Store, client_id: int, data: Mapping[str, object]) -> int:
    values = with_normalised_phone(clean(data, CONTACT_FIELDS))
    if "name" not in values:
        raise ValidationError("error.required", "contact_name")
    with store.write() as s:
        client = fetch_client(s, client_id)
        contact = Contact(client_id=client.id, **values)
        s.add(contact)
        client.updated_at = clock.now()
        s.flush()
        s.add(ClientEvent(client_id=client.id, at=client.updated_at, kind="contact_added", field="contact",
                          new=contact.name, note=values.get("title") or values.get("role")))
        return contact.id


def update_contact(store: Store, contact_id: int, changes: Mapping[str, object],
                   expected_version: int | None = None) -> None:
    """Save changes to a key person; with `expected_version` (ContactRow.version) a save from a
    stale copy is refused with Conflict (rmdesk.services.versions)."""
    values = with_normalised_phone(clean(changes, CONTACT_FIELDS))
    with versions.editing(store, Contact, contact_id, expected_version, "error.contact_not_found") as (s, contact):
        for key, value in values.items():
            setattr(contact, key, value)
        fetch_client(s, contact.client_id).updated_at = clock.now()


def delete_contact(store: Store, contact_id: int, expected_version: int | None = None) -> None:
    """Delete a key person; with `expected_version` not one someone changed since it was loaded."""
    with versions.editing(store, Contact, contact_id, expected_version, "error.contact_not_found") as (s, contact):
        s.delete(contact)


def set_banks(store: Store, client_id: int, banks: list[Mapping[str, object]],
              expected_version: int | None = None) -> int:
    """Replace the list of banks the client uses. `expected_version`: the bank list's version
    the caller loaded (ClientDetail.banks_version; None = no check): a list someone saved since
    is refused with Conflict saying who and when. The list has its own version, so a bank save
    and a profile save by two RMs do not refuse each other. Returns the list's new version."""
    rows = []
    for bank in banks:
        rows.append(BankRelation(
            bank_name=v.required_text(bank.get("bank_name"), "bank_name", 100),
            share_pct=v.int_range(bank.get("share_pct"), 0, 100, "share_pct"),
            satisfaction=v.int_range(bank.get("satisfaction"), 1, 5, "satisfaction"),
            notes=v.optional_text(bank.get("notes"), "notes", 2000),
        ))
    with versions.saving_list(store, client_id, "banks", expected_version) as (_s, client):
        loaded = client.banks_version
        client.banks = rows
    return loaded + 1


def is_empty(store: Store) -> bool:
    with store.read() as s:
        return s.scalar(select(Client.id).limit(1)) is None



@dataclass(frozen=True)
class TrashRow:
    id: int
    name: str
    deleted_at: datetime


def trash_client(store: Store, client_id: int, expected_version: int | None = None) -> int:
    """Move a client to the trash (restorable; nothing is destroyed). `expected_version`: the
    copy the caller saw (ClientRow.version; someone's later change is a Conflict). Returns the
    version in the trash (pass it to restore_client to undo)."""
    with versions.editing(store, Client, client_id, expected_version, "error.client_not_found",
                          versions.CLIENT_ACTION) as (s, client):
        client.deleted_at = clock.now()
        s.add(ClientEvent(client_id=client_id, at=client.deleted_at, kind="trash"))
        _new_calendar_version(s, client_id)  # its visits leave the calendars as cancelled
        s.flush()
        return client.version


def restore_client(store: Store, client_id: int, expected_version: int | None = None) -> None:
    """Bring a client back from the trash; `expected_version`: the version it had there when
    the caller saw it (someone restored and changed it since: Conflict)."""
    with versions.editing(store, Client, client_id, expected_version, "error.client_not_found",
                          versions.CLIENT_ACTION, trashed=True) as (s, client):
        client.deleted_at = None
        s.add(ClientEvent(client_id=client_id, at=clock.now(), kind="restore"))
        _new_calendar_version(s, client_id)  # and come back


def _new_calendar_version(s, client_id: int) -> None:
    """A new iCalendar version (SEQUENCE, LAST-MODIFIED) of every live visit of the client."""
    s.execute(update(Visit).where(Visit.client_id == client_id, Visit.deleted_at.is_(None))
              .values(sequence=Visit.sequence + 1, updated_at=clock.now()))


def trash(store: Store) -> list[TrashRow]:
    with store.read() as s:
        rows = s.execute(select(Client.id, Client.name, Client.deleted_at).where(Client.deleted_at.is_not(None))
                         .order_by(Client.deleted_at.desc()))
        return [TrashRow(*row) for row in rows]


def empty_trash(store: Store) -> int:
    """Destroy the clients in the trash with everything they hold; returns how many.
    The GUI asks twice before calling this."""
    with store.write() as s:
        doomed = list(s.scalars(select(Client).where(Client.deleted_at.is_not(None))))
        for client in doomed:
            s.delete(client)
        return len(doomed)
