"""Industry notes (行业说明) from resources/industries.toml: cycle and seasonality, price
sensitivity, the usual policy class and "two-high" status, typical financing needs and the
risk points to watch, per industry key of rmdesk.vocab.INDUSTRIES, in both languages.

The file is checked when it is read (every industry, both languages, known keys only);
a broken file is a PlaybookError naming the file and the place. The policy class and the
two-high flag are defaults: `apply_defaults` fills them when a client's industry is set and
the RM has not set them (never overwriting what the RM set)."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from rmdesk import i18n, vocab
from rmdesk.errors import PlaybookError
from rmdesk.paths import resources_dir
from rmdesk.store.models import Client, ClientEvent

LANGS = ("zh_CN", "en")
TEXTS = ("cycle", "seasonality", "price")
LISTS = ("needs", "risks")
PRICE_SENSITIVITIES = ("high", "medium", "low")
TOP_KEYS = {"policy_class", "two_high", "price_sensitivity", *LANGS}


@dataclass(frozen=True)
class Texts:
    cycle: str
    seasonality: str
    price: str
    needs: tuple[str, ...]
    risks: tuple[str, ...]


@dataclass(frozen=True)
class Note:
    key: str
    policy_class: str | None
    two_high: bool
    price_sensitivity: str
    texts: dict[str, Texts]

    def text(self, lang: str) -> Texts:
        return self.texts[lang if lang in self.texts else "zh_CN"]


def path() -> Path:
    return resources_dir() / "industries.toml"


_cache: dict[tuple[str, int, int], dict[str, Note]] = {}


def notes(file: Path | None = None) -> dict[str, Note]:
    """Every industry's note, read again when the file changed."""
    file = file or path()
    try:
        stat = file.stat()
    except OSError as exc:
        raise PlaybookError("playbook.broken", file=file.name, where="-", problem=str(exc)) from None
    key = (str(file), stat.st_mtime_ns, stat.st_size)
    if key not in _cache:
        _cache.clear()
        _cache[key] = parse(file)
    return _cache[key]


def parse(file: Path) -> dict[str, Note]:
    def broken(where: str, problem: str) -> PlaybookError:
        return PlaybookError("playbook.broken", file=file.name, where=where, problem=problem)

    try:
        with open(file, "rb") as fh:
            raw = tomllib.load(fh)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise broken("-", str(exc)) from None
    unknown = sorted(set(raw) - set(vocab.INDUSTRIES))
    if unknown:
        raise broken(unknown[0], "not an industry key (rmdesk.vocab.INDUSTRIES)")
    out: dict[str, Note] = {}
    for industry in vocab.INDUSTRIES:
        entry = raw.get(industry)
        if not isinstance(entry, dict):
            raise broken(industry, "missing")
        extra = sorted(set(entry) - TOP_KEYS)
        if extra:
            raise broken(f"{industry}.{extra[0]}", "unknown key")
        policy = entry.get("policy_class")
        if policy is not None and policy not in vocab.POLICY_CLASSES:
            raise broken(f"{industry}.policy_class", f"must be one of {', '.join(vocab.POLICY_CLASSES)}")
        two_high = entry.get("two_high", False)
        if not isinstance(two_high, bool):
            raise broken(f"{industry}.two_high", "must be true or false")
        price = entry.get("price_sensitivity")
        if price not in PRICE_SENSITIVITIES:
            raise broken(f"{industry}.price_sensitivity", f"must be one of {', '.join(PRICE_SENSITIVITIES)}")
        texts = {}
        for lang in LANGS:
            part = entry.get(lang)
            where = f"{industry}.{lang}"
            if not isinstance(part, dict):
                raise broken(where, "missing")
            extra = sorted(set(part) - set(TEXTS) - set(LISTS))
            if extra:
                raise broken(f"{where}.{extra[0]}", "unknown key")
            for name in TEXTS:
                if not isinstance(part.get(name), str) or not part[name].strip():
                    raise broken(f"{where}.{name}", "needs a line of text")
            for name in LISTS:
                items = part.get(name)
                if (not isinstance(items, list) or not items
                        or not all(isinstance(x, str) and x.strip() for x in items)):
                    raise broken(f"{where}.{name}", "needs a list of lines of text")
            texts[lang] = Texts(*(part[n].strip() for n in TEXTS), *(tuple(x.strip() for x in part[n]) for n in LISTS))
        out[industry] = Note(industry, policy, two_high, price, texts)
    return out


def note(industry: str | None) -> Note | None:
    return notes().get(industry) if industry else None


# ---------------------------------------------------------------- defaults


def defaults_for_new(values: Mapping[str, object]) -> dict[str, object]:
    """The fields a new client (or an imported row) takes from its industry: the policy class
    when none is given, two-high when the flag is not given at all."""
    n = note(values.get("industry"))  # type: ignore[arg-type]
    if n is None:
        return {}
    out: dict[str, object] = {}
    if n.policy_class and not values.get("policy_class"):
        out["policy_class"] = n.policy_class
    if n.two_high and "two_high" not in values:
        out["two_high"] = True
    return out


def snapshot(client: Client) -> tuple[str | None, bool]:
    """What apply_defaults compares with: the client's industry and two-high flag before a save."""
    return client.industry, bool(client.two_high)


def apply_defaults(session, client: Client, values: Mapping[str, object], before: tuple[str | None, bool],
                   now: datetime) -> list[str]:
    """After a save that set or changed the client's industry: an empty policy class takes
    the industry's usual one, and an unticked two-high flag that the same save left unticked
    is ticked for a two-high industry. What the RM set (a policy class, a ticked flag) stays;
    each default is on the timeline. Returns the fields filled."""
    industry_before, two_high_before = before
    if "industry" not in values or client.industry == industry_before:
        return []
    n = note(client.industry)
    if n is None:
        return []
    filled = []
    if n.policy_class and not client.policy_class:
        client.policy_class = n.policy_class
        filled.append("policy_class")
    if n.two_high and not client.two_high and not two_high_before:  # never undo an untick of this save
        client.two_high = True
        filled.append("two_high")
    for field in filled:
        new = getattr(client, field)
        session.add(ClientEvent(client_id=client.id, at=now, kind="edit", field=field,
                                old=None if field == "policy_class" else "0",
                                new=new if isinstance(new, str) else "1"))
    return filled


# ---------------------------------------------------------------- texts


def lines(industry: str | None, lang: str) -> list[tuple[str, str]]:
    """(label, text) rows of the note for display; [] without an industry."""
    n = note(industry)
    if n is None:
        return []
    t = n.text(lang)
    sep = "；" if lang == "zh_CN" else "; "

    def m(key: str, **params: object) -> str:
        return i18n.message(f"industry.{key}", lang, **params)

    policy = i18n.label("policy", n.policy_class, lang) if n.policy_class else m("no_policy")
    usual = policy + (sep + i18n.message("field.two_high", lang) if n.two_high else "")
    return [
        (m("cycle"), t.cycle),
        (m("seasonality"), t.seasonality),
        (m("price"), f"{m('sensitivity.' + n.price_sensitivity)} — {t.price}"),
        (m("policy"), usual),
        (m("needs"), sep.join(t.needs)),
        (m("risks"), sep.join(t.risks)),
    ]


def plan_section(industry: str | None, lang: str):
    """The call plan's industry block; None without an industry."""
    from rmdesk.formats.callplan_pdf import PlanSection

    rows = lines(industry, lang)
    if not rows:
        return None
    colon = "：" if lang == "zh_CN" else ": "
    title = i18n.message("industry.title", lang, industry=i18n.label("industry", industry, lang))
    return PlanSection(title, tuple(f"{k}{colon}{v}" for k, v in rows))
