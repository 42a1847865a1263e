"""Loads and validates the playbook (resources/playbook/<lang>.toml).

A broken file is a PlaybookError naming the file and the key, never a crash deep in
the GUI. See resources/playbook/README.md for the schema."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rmdesk import vocab
from rmdesk.errors import PlaybookError
from rmdesk.paths import resources_dir

STEP_KEYS = ("prospecting", "intelligence", "meeting", "objections", "closing", "maintenance")
CLOSING_STRATEGIES = ("ask_directly", "assume_close", "choice_of_two", "summarize_benefits", "time_limited",
                      "start_small")
MAINTENANCE_WAYS = ("onsite", "extra_value", "knowledge", "personal_care", "advisory", "cross_selling")
COMPLAINT_STEPS = ("listen", "apologise", "reassure", "solve", "follow_up", "close_loop")


@dataclass(frozen=True)
class Item:
    """An entry with an id and a text (checklist item, closing signal, pitfall)."""

    id: str
    text: str


@dataclass(frozen=True)
class Named:
    """An entry with an id, a name and a text (script, strategy, way, complaint step)."""

    id: str
    name: str
    text: str


@dataclass(frozen=True)
class StepGuide:
    number: int
    key: str
    name: str
    short: str
    purpose: str
    exit_rule: str
    tips: tuple[str, ...]
    checklist: tuple[Item, ...]
    needs: tuple[str, ...]
    scripts: tuple[Named, ...]
    visit_objective: str  # prefills a visit planned at this step
    questions: tuple[str, ...]  # questions to ask at a visit in this step
    agenda: tuple[str, ...]  # the meeting's agenda at a visit in this step


@dataclass(frozen=True)
class ObjectionGuide:
    type: str
    name: str
    hint: str
    answers: tuple[str, ...]


@dataclass(frozen=True)
class Material:
    """Something to bring to a visit, and the kinds of visit it is for."""

    id: str
    name: str
    kinds: tuple[str, ...]


@dataclass(frozen=True)
class Playbook:
    language: str
    steps: tuple[StepGuide, ...]
    objections: dict[str, ObjectionGuide]
    closing_signals: tuple[Item, ...]
    closing_strategies: tuple[Named, ...]
    closing_pitfalls: tuple[Item, ...]
    maintenance_ways: tuple[Named, ...]
    complaint_steps: tuple[Named, ...]
    materials: tuple[Material, ...]

    def step(self, number: int) -> StepGuide:
        return self.steps[number - 1]


class _Reader:
    """Typed access to a parsed TOML document that reports file and key on failure."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, key: str, problem: str) -> PlaybookError:
        return PlaybookError("playbook.broken", file=self.path.name, where=key, problem=problem)

    def get(self, node: dict, key: str, where: str, kind: type):
        if not isinstance(node, dict) or key not in node:
            raise self.fail(f"{where}.{key}".lstrip("."), "missing")
        value = node[key]
        if not isinstance(value, kind) or (kind is str and not value.strip()):
            raise self.fail(f"{where}.{key}".lstrip("."), f"expected {kind.__name__}")
        return value

    def strings(self, node: dict, key: str, where: str) -> tuple[str, ...]:
        values = self.get(node, key, where, list)
        for i, value in enumerate(values):
            if not isinstance(value, str) or not value.strip():
                raise self.fail(f"{where}.{key}[{i}]", "expected text")
        if not values:
            raise self.fail(f"{where}.{key}", "empty")
        return tuple(values)

    def items(self, node: dict, key: str, where: str) -> tuple[Item, ...]:
        entries = self.get(node, key, where, list)
        out = []
        for i, entry in enumerate(entries):
            here = f"{where}.{key}[{i}]".lstrip(".")
            out.append(Item(self.get(entry, "id", here, str), self.get(entry, "text", here, str)))
        if not out:
            raise self.fail(f"{where}.{key}".lstrip("."), "empty")
        return tuple(out)

    def named(self, node: dict, key: str, where: str, ids: tuple[str, ...] | None = None) -> tuple[Named, ...]:
        entries = self.get(node, key, where, list)
        out = []
        for i, entry in enumerate(entries):
            here = f"{where}.{key}[{i}]".lstrip(".")
            name = entry.get("title", entry.get("name")) if isinstance(entry, dict) else None
            if not isinstance(name, str) or not name.strip():
                raise self.fail(f"{here}.name", "missing")
            out.append(Named(self.get(entry, "id", here, str), name, self.get(entry, "text", here, str)))
        if ids is not None and tuple(n.id for n in out) != ids:
            raise self.fail(f"{where}.{key}".lstrip("."), "expected ids " + ", ".join(ids))
        if not out:
            raise self.fail(f"{where}.{key}".lstrip("."), "empty")
        return tuple(out)


def load_file(path: Path) -> Playbook:
    r = _Reader(path)
    try:
        with open(path, "rb") as fh:
            doc = tomllib.load(fh)
    except FileNotFoundError:
        raise r.fail("-", "file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise r.fail("-", str(exc)) from None

    raw_steps = r.get(doc, "steps", "", list)
    if len(raw_steps) != len(vocab.STEPS):
        raise r.fail("steps", f"expected {len(vocab.STEPS)} steps")
    steps = []
    for i, raw in enumerate(raw_steps):
        where = f"steps[{i}]"
        number = r.get(raw, "number", where, int)
        key = r.get(raw, "key", where, str)
        if number != i + 1 or key != STEP_KEYS[i]:
            raise r.fail(f"{where}.number", f"expected step {i + 1} ({STEP_KEYS[i]})")
        steps.append(StepGuide(
            number=number, key=key,
            name=r.get(raw, "name", where, str), short=r.get(raw, "short", where, str),
            purpose=r.get(raw, "purpose", where, str), exit_rule=r.get(raw, "exit_rule", where, str),
            tips=r.strings(raw, "tips", where), checklist=r.items(raw, "checklist", where),
            needs=r.strings(raw, "needs", where), scripts=r.named(raw, "scripts", where),
            visit_objective=r.get(raw, "visit_objective", where, str), questions=r.strings(raw, "questions", where),
            agenda=r.strings(raw, "agenda", where),
        ))

    raw_objections = r.get(doc, "objections", "", dict)
    objections = {}
    for kind in vocab.OBJECTION_TYPES:
        node = r.get(raw_objections, kind, "objections", dict)
        where = f"objections.{kind}"
        objections[kind] = ObjectionGuide(kind, r.get(node, "name", where, str), r.get(node, "hint", where, str),
                                          r.strings(node, "answers", where))
    playbook = Playbook(
        language=r.get(doc, "language", "", str),
        steps=tuple(steps),
        objections=objections,
        closing_signals=r.items(doc, "closing_signals", ""),
        closing_strategies=r.named(doc, "closing_strategies", "", CLOSING_STRATEGIES),
        closing_pitfalls=r.items(doc, "closing_pitfalls", ""),
        maintenance_ways=r.named(doc, "maintenance_ways", "", MAINTENANCE_WAYS),
        complaint_steps=r.named(doc, "complaint_steps", "", COMPLAINT_STEPS),
        materials=_materials(r, doc),
    )
    _check_unique_ids(r, playbook)
    return playbook


def _materials(r: _Reader, doc: dict) -> tuple[Material, ...]:
    out = []
    for i, entry in enumerate(r.get(doc, "materials", "", list)):
        where = f"materials[{i}]"
        kinds = r.strings(entry, "kinds", where)
        bad = [k for k in kinds if k not in vocab.VISIT_KINDS]
        if bad:
            raise r.fail(f"{where}.kinds", "unknown kind " + bad[0])
        out.append(Material(r.get(entry, "id", where, str), r.get(entry, "name", where, str), kinds))
    return tuple(out)


def _check_unique_ids(r: _Reader, pb: Playbook) -> None:
    """Checklist ids (ticks are stored by them) and script ids are each unique in the file."""
    for kind in ("checklist", "scripts"):
        seen: set[str] = set()
        for step in pb.steps:
            for entry in getattr(step, kind):
                if entry.id in seen:
                    raise r.fail(f"steps[{step.number - 1}].{kind}", f"duplicate id {entry.id}")
                seen.add(entry.id)


def ids_of(pb: Playbook) -> dict[str, tuple[str, ...]]:
    """Every id by place, to compare the language files with each other."""
    out = {f"step{s.number}.checklist": tuple(i.id for i in s.checklist) for s in pb.steps}
    out.update({f"step{s.number}.scripts": tuple(i.id for i in s.scripts) for s in pb.steps})
    out["closing_signals"] = tuple(i.id for i in pb.closing_signals)
    out["closing_pitfalls"] = tuple(i.id for i in pb.closing_pitfalls)
    out["materials"] = tuple(m.id for m in pb.materials)
    return out


def playbook_dir() -> Path:
    return resources_dir() / "playbook"


@cache
def load(lang: str) -> Playbook:
    """The playbook in `lang` (zh_CN or en)."""
    return load_file(playbook_dir() / f"{lang}.toml")


def check_all() -> list[Playbook]:
    """Load every language and require that they share the same ids in the same places."""
    books = [load_file(playbook_dir() / f"{lang}.toml") for lang in ("zh_CN", "en")]
    reference = ids_of(books[0])
    for book in books[1:]:
        for place, ids in ids_of(book).items():
            if ids != reference.get(place):
                raise PlaybookError("playbook.broken", file=f"{book.language}.toml", where=place,
                                    problem="ids differ from zh_CN.toml")
    return books


@cache
def rule_params() -> dict[str, int]:
    path = playbook_dir() / "rules.toml"
    r = _Reader(path)
    try:
        with open(path, "rb") as fh:
            doc = tomllib.load(fh)
    except (FileNotFoundError, tomllib.TOMLDecodeError) as exc:
        raise r.fail("-", str(exc)) from None
    exit_ = r.get(doc, "exit", "", dict)
    score = r.get(exit_, "min_qualification_score", "exit", int)
    if not 0 <= score <= 5:
        raise r.fail("exit.min_qualification_score", "expected 0..5")
    return {"min_qualification_score": score}
