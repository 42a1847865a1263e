"""Related parties (关联方) of a client and the guarantee risk they show.

A link is recorded on one client (`client_id`) and names the other side: another client
(`other_client_id`) or a company that is not a client yet (`other_name` alone). Kinds, as
seen from the recording client: parent (the other is its group parent), subsidiary,
affiliate (same group), supplier (the other is a main supplier), buyer (a main buyer),
guarantor (the other guarantees this client's debts) and guaranteed (this client guarantees
the other's). The other client sees the same link the other way round (REVERSE).

Guarantee risk: the guarantee links of the book form a directed graph, guarantor ->
guaranteed (companies that are not clients are nodes by their normalised name, so a chain
through them is found too). A client on a chain of two or more links, or in a circle of
guarantees (mutual guarantees, any length), is flagged; `guarantee_suggestions` turns the
flags into early-warning suggestions (rmdesk.services.early_warnings).

Team mode: a link belongs to the client it was recorded on; that client's owner (and whoever
sees that client) reads and changes it. The other client's RM sees it when they see the
recording client too; the guarantee graph of an RM is what the server lets them see.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import or_, select

from rmdesk import clock, i18n
from rmdesk.errors import NotFound, ValidationError
from rmdesk.services import clients
from rmdesk.services import validation as v
from rmdesk.services.import_plan import normalise_name
from rmdesk.store.engine import Store
from rmdesk.store.models import Client, RelatedParty, StepChange

KINDS = ("parent", "subsidiary", "affiliate", "supplier", "buyer", "guarantor", "guaranteed")
REVERSE = {"parent": "subsidiary", "subsidiary": "parent", "affiliate": "affiliate", "supplier": "buyer",
           "buyer": "supplier", "guarantor": "guaranteed", "guaranteed": "guarantor"}
PROSPECT_KINDS = ("supplier", "buyer")  # 关系法: up- and downstream companies become prospects
NETWORK_CHANNEL = "network"  # vocab.SOURCE_CHANNELS: 关系法 / relationship network


def kind_label(kind: str, lang: str | None = None) -> str:
    return i18n.message(f"related.kind.{kind}", lang)


@dataclass(frozen=True)
class LinkRow:
    id: int
    kind: str  # as seen from the client asked about
    other_client_id: int | None
    other_name: str
    amount: Decimal | None
    note: str | None
    recorded_here: bool  # False: recorded on the other client, shown the other way round

    @property
    def can_become_prospect(self) -> bool:
        return self.recorded_here and self.other_client_id is None and self.kind in PROSPECT_KINDS


def _clean_kind(value: object) -> str:
    kind = v.choice(value, KINDS, "related.field.kind", required=True)
    assert kind is not None
    return kind


def add_link(store: Store, client_id: int, data: Mapping[str, object]) -> int:
    """Record a related party of `client_id`: data kind, and other_client_id (a client) or
    other_name (a company not yet a client); amount and note optional. Refused: a link to
    itself, and the same link twice (also when recorded from the other client's side)."""
    kind = _clean_kind(data.get("kind"))
    other_id = data.get("other_client_id")
    amount = v.amount(data.get("amount"), "related.field.amount")
    note = v.optional_text(data.get("note"), "related.field.note", 2000)
    with store.write() as s:
        me = clients.fetch_client(s, client_id)
        if other_id not in (None, ""):
            try:
                other_id = int(str(other_id))
            except ValueError:
                raise ValidationError("related.bad_client", "related.field.other") from None
            if other_id == client_id:
                raise ValidationError("related.self", "related.field.other")
            other = s.get(Client, other_id)
            if other is None or other.deleted_at is not None:
                raise ValidationError("related.bad_client", "related.field.other")
            name, key = other.name, normalise_name(other.name)
            same = s.scalar(select(RelatedParty.id).where(
                or_((RelatedParty.client_id == client_id) & (RelatedParty.kind == kind)
                    & (RelatedParty.other_client_id == other_id),
                    (RelatedParty.client_id == other_id) & (RelatedParty.kind == REVERSE[kind])
                    & (RelatedParty.other_client_id == client_id))))
        else:
            other_id = None
            name = v.required_text(data.get("other_name"), "related.field.other", 200)
            key = normalise_name(name)
            if key == normalise_name(me.name):
                raise ValidationError("related.self", "related.field.other")
            same = s.scalar(select(RelatedParty.id).where(
                RelatedParty.client_id == client_id, RelatedParty.kind == kind,
                RelatedParty.other_client_id.is_(None), RelatedParty.other_key == key))
        if same is not None:
            raise ValidationError("related.duplicate", None, kind=kind_label(kind), name=name)
        row = RelatedParty(client_id=client_id, kind=kind, other_client_id=other_id, other_name=name,
                           other_key=key, amount=amount, note=note, created_at=clock.now())
        s.add(row)
        s.flush()
        return row.id


def remove_link(store: Store, link_id: int) -> None:
    with store.write() as s:
        row = s.get(RelatedParty, link_id)
        if row is None:
            raise NotFound("related.not_found", id=link_id)
        s.delete(row)


def links_of(store: Store, client_id: int) -> list[LinkRow]:
    """The client's related parties, both those recorded on it and those recorded on another
    live client that name it (shown the other way round)."""
    with store.read() as s:
        clients.fetch_client(s, client_id)
        names = dict(s.execute(select(Client.id, Client.name).join(
            RelatedParty, RelatedParty.other_client_id == Client.id).where(
            RelatedParty.client_id == client_id, Client.deleted_at.is_(None))).all())
        out = [LinkRow(r.id, r.kind, r.other_client_id if r.other_client_id in names else None,
                       names.get(r.other_client_id, r.other_name), r.amount, r.note, True)
               for r in s.scalars(select(RelatedParty).where(RelatedParty.client_id == client_id)
                                  .order_by(RelatedParty.kind, RelatedParty.id))]
        for r, name in s.execute(select(RelatedParty, Client.name).join(Client, Client.id == RelatedParty.client_id)
                                 .where(RelatedParty.other_client_id == client_id, Client.deleted_at.is_(None))
                                 .order_by(RelatedParty.id)):
            out.append(LinkRow(r.id, REVERSE[r.kind], r.client_id, name, r.amount, r.note, False))
    order = {k: i for i, k in enumerate(KINDS)}
    return sorted(out, key=lambda x: (order[x.kind], not x.recorded_here, x.id))


def create_prospect(store: Store, link_id: int, data: Mapping[str, object] | None = None) -> int:
    """A new prospect (step 1) from a supplier or buyer that is not a client yet (关系法): named
    as in the link, source channel "network", the recording client as its referrer; the link
    then joins the two clients. `data`: more client fields (credit code, industry, ...). One
    transaction; returns the new client's id."""
    extra = clients.clean(dict(data or {}), clients.CLIENT_FIELDS)
    now = clock.now()
    with store.write() as s:
        link = s.get(RelatedParty, link_id)
        if link is None:
            raise NotFound("related.not_found", id=link_id)
        if link.kind not in PROSPECT_KINDS:
            raise ValidationError("related.not_upstream", None, kind=kind_label(link.kind))
        if link.other_client_id is not None:
            raise ValidationError("related.already_client", None, name=link.other_name)
        source = clients.fetch_client(s, link.client_id)
        clients._unique_credit_code(s, extra.get("credit_code"))  # type: ignore[arg-type]
        values = {"source_channel": NETWORK_CHANNEL, "referrer": source.name[:100],
                  "owner": clients.who_am_i(store) or source.owner, **extra}
        values["name"] = extra.get("name") or link.other_name
        client = Client(step=1, status="active", step_entered_at=now, created_at=now, updated_at=now)
        for key, value in values.items():
            if key != "name":
                setattr(client, key, value)
        clients._set_name(client, str(values["name"]))
        s.add(client)
        s.flush()
        s.add(StepChange(client_id=client.id, at=now, from_step=None, to_step=1, from_status=None,
                         to_status="active", reason=i18n.message("related.prospect_reason", None,
                                                                 kind=kind_label(link.kind), name=source.name)))
        link.other_client_id = client.id
        link.other_name = client.name
        link.other_key = normalise_name(client.name)
        return client.id


# ---- guarantee risk ------------------------------------------------------------------------

Node = Hashable


@dataclass(frozen=True)
class NodeRisk:
    chain: tuple[Node, ...] | None  # a guarantee chain of 2+ links through the node (guarantor first)
    cycle: tuple[Node, ...] | None  # a circle of guarantees through the node (first = the node)


def _sccs(nodes: list[Node], succ: Mapping[Node, list[Node]]) -> list[list[Node]]:
    """Strongly connected components (Tarjan, iterative: no recursion limit)."""
    index: dict[Node, int] = {}
    low: dict[Node, int] = {}
    on_stack: set[Node] = set()
    stack: list[Node] = []
    out: list[list[Node]] = []
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(succ.get(root, ())))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(succ.get(child, ()))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    component.append(top)
                    if top == node:
                        break
                out.append(component)
    return out


def _cycle_through(node: Node, members: set[Node], succ: Mapping[Node, list[Node]]) -> tuple[Node, ...]:
    """The shortest circle from `node` back to itself inside its component (BFS)."""
    came: dict[Node, Node] = {}
    queue = deque([node])
    while queue:
        current = queue.popleft()
        for child in succ.get(current, ()):
            if child == node:
                path = [current]
                while path[-1] != node:
                    path.append(came[path[-1]])
                return tuple(reversed(path))
            if child in members and child not in came:
                came[child] = current
                queue.append(child)
    return (node,)  # pragma: no cover - a component of 2+ nodes always has a circle


def guarantee_risk(edges: Iterable[tuple[Node, Node]]) -> dict[Node, NodeRisk]:
    """Flags of a guarantee graph given as (guarantor, guaranteed) pairs: every node on a
    chain of two or more links (its longest chain through it), and every node in a circle
    (mutual guarantees of any length). Nodes with neither are left out."""
    succ: dict[Node, list[Node]] = {}
    nodes: list[Node] = []
    seen_edges: set[tuple[Node, Node]] = set()
    for a, b in edges:
        for n in (a, b):
            if n not in succ:
                succ[n] = []
                nodes.append(n)
        if a != b and (a, b) not in seen_edges:
            seen_edges.add((a, b))
            succ[a].append(b)
    components = _sccs(nodes, succ)
    comp_of = {n: i for i, comp in enumerate(components) for n in comp}
    # The condensation is a DAG; Tarjan lists components in reverse topological order.
    csucc: dict[int, set[int]] = {i: set() for i in range(len(components))}
    for a, b in seen_edges:
        if comp_of[a] != comp_of[b]:
            csucc[comp_of[a]].add(comp_of[b])
    cpred: dict[int, set[int]] = {i: set() for i in range(len(components))}
    for a, bs in csucc.items():
        for b in bs:
            cpred[b].add(a)
    down: dict[int, tuple[int, int | None]] = {}  # component -> (links below, next component)
    for i in range(len(components)):  # successors come first in Tarjan's order
        best = max(((down[j][0] + 1, j) for j in csucc[i]), default=(0, None), key=lambda x: (x[0], -(x[1] or 0)))
        down[i] = best
    up: dict[int, tuple[int, int | None]] = {}
    for i in reversed(range(len(components))):
        best = max(((up[j][0] + 1, j) for j in cpred[i]), default=(0, None), key=lambda x: (x[0], -(x[1] or 0)))
        up[i] = best

    def rep(i: int) -> Node:
        return components[i][-1]

    out: dict[Node, NodeRisk] = {}
    for n in nodes:
        c = comp_of[n]
        cycle = _cycle_through(n, set(components[c]), succ) if len(components[c]) > 1 else None
        chain = None
        if up[c][0] + down[c][0] >= 2:
            above: list[Node] = []
            j = up[c][1]
            while j is not None:
                above.append(rep(j))
                j = up[j][1]
            below: list[Node] = []
            j = down[c][1]
            while j is not None:
                below.append(rep(j))
                j = down[j][1]
            chain = (*reversed(above), n, *below)
        if chain or cycle:
            out[n] = NodeRisk(chain, cycle)
    return out


@dataclass(frozen=True)
class GuaranteeRisk:
    chain: list[str]  # names along the chain, guarantor first ([] when none)
    cycle: list[str]  # names around the circle, the client first ([] when none)


def _book_graph(store: Store) -> tuple[list[tuple[Node, Node]], dict[Node, str]]:
    edges: list[tuple[Node, Node]] = []
    names: dict[Node, str] = {}
    with store.read() as s:
        live = dict(s.execute(select(Client.id, Client.name).where(Client.deleted_at.is_(None))).all())
        rows = s.execute(select(RelatedParty.client_id, RelatedParty.kind, RelatedParty.other_client_id,
                                RelatedParty.other_name, RelatedParty.other_key)
                         .where(RelatedParty.kind.in_(("guarantor", "guaranteed")))).all()
    for client_id, kind, other_id, other_name, other_key in rows:
        if client_id not in live:
            continue
        me: Node = ("c", client_id)
        names[me] = live[client_id]
        other: Node = ("c", other_id) if other_id in live else ("n", other_key)
        names.setdefault(other, live.get(other_id) or other_name)
        edges.append((other, me) if kind == "guarantor" else (me, other))
    return edges, names


def book_guarantee_risks(store: Store) -> dict[int, GuaranteeRisk]:
    """Every live client on a guarantee chain of 2+ links or in a guarantee circle."""
    edges, names = _book_graph(store)
    out = {}
    for node, risk in guarantee_risk(edges).items():
        if node[0] == "c":
            out[node[1]] = GuaranteeRisk([names[n] for n in risk.chain or ()], [names[n] for n in risk.cycle or ()])
    return out


def guarantee_risk_of(store: Store, client_id: int) -> GuaranteeRisk:
    return book_guarantee_risks(store).get(client_id, GuaranteeRisk([], []))


def risk_text(risk: GuaranteeRisk, lang: str | None = None) -> list[str]:
    """The flags as sentences (empty when the client shows no guarantee risk)."""
    out = []
    if risk.cycle:
        out.append(i18n.message("related.cycle", lang, path=" → ".join([*risk.cycle, risk.cycle[0]]),
                                n=len(risk.cycle)))
    if risk.chain:
        out.append(i18n.message("related.chain", lang, path=" → ".join(risk.chain), n=len(risk.chain) - 1))
    return out
