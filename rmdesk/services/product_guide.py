"""What an RM needs to sell each product (resources/product_guide.toml), and the products
that fit a client's confirmed needs and industry, ranked, each with its one-line pitch.

The ranking, so an RM can redo it by hand: for each distinct confirmed need area the
product serves, 3 points when it is the product's first listed area, 2 when second, 1
when later; +1 when the client's industry is among the product's industries. Only
products that serve at least one confirmed area are suggested. Ties keep the catalogue's
order (resources/products.toml)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rmdesk import i18n, vocab
from rmdesk.errors import PlaybookError
from rmdesk.formats.callplan_products import PlanSuggestion
from rmdesk.paths import resources_dir
from rmdesk.services import engagement
from rmdesk.store.engine import Store
from rmdesk.store.products import shipped_products

GUIDE_FILE = "product_guide.toml"
TEXT_FIELDS = ("what", "suits", "documents", "conditions", "pitfalls", "pitch")
LANGS = ("zh_CN", "en")
AREA_POINTS = (3, 2)  # first and second listed area; any later one scores 1
INDUSTRY_POINTS = 1
MAX_TEXT = 600


@dataclass(frozen=True)
class ProductGuide:
    key: str
    category: str
    names: dict[str, str]
    need_areas: tuple[str, ...]
    industries: tuple[str, ...]
    texts: dict[str, dict[str, str]]  # lang -> field -> text

    def name(self, lang: str) -> str:
        return self.names[lang]

    def text(self, field: str, lang: str) -> str:
        return self.texts[lang][field]


@dataclass(frozen=True)
class Suggestion:
    key: str
    name: str
    score: int
    areas: tuple[str, ...]  # the confirmed need areas it serves, in the product's order
    industry_fit: bool
    pitch: str

    def reason(self, lang: str) -> str:
        """Why it is suggested: the areas it serves and the industry fit, in words."""
        sep = "、" if lang == "zh_CN" else ", "
        text = i18n.message("guide.serves", lang, areas=sep.join(i18n.label("need_area", a, lang)
                                                                for a in self.areas))
        if self.industry_fit:
            text += ("；" if lang == "zh_CN" else "; ") + i18n.message("guide.industry_fit", lang)
        return text


class GuideError(PlaybookError):
    """The guide file is broken: names the file, the entry and the problem, each shown in
    the language asked for."""

    def __init__(self, path: Path, where: str, problem: str, **params: object) -> None:
        super().__init__("guide.broken", file=str(path), where=where, problem=problem)
        self.problem = problem
        self.problem_params = params

    def message(self, lang: str | None = None) -> str:
        problem = i18n.message(f"guide.{self.problem}", lang, **self.problem_params)
        text = i18n.message(self.key, lang, file=self.params["file"], where=self.params["where"], problem=problem)
        return text[:1].upper() + text[1:]


def _broken(path: Path, where: str, problem: str, **params: object) -> GuideError:
    return GuideError(path, where, problem, **params)


def parse_guide(path: Path) -> dict[str, ProductGuide]:
    """The guide in `path`, checked entry by entry; a PlaybookError names the file, the
    entry and what is wrong. Keys are products of resources/products.toml."""
    try:
        with open(path, "rb") as fh:
            raw = tomllib.load(fh)
    except FileNotFoundError:
        raise _broken(path, "-", "missing_file") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise _broken(path, "-", "bad_toml", detail=str(exc)) from None
    products = {p["key"]: p for p in shipped_products()}
    entries = raw.get("guide")
    if not isinstance(entries, list) or not entries:
        raise _broken(path, "guide", "no_entries")
    out: dict[str, ProductGuide] = {}
    for i, entry in enumerate(entries, 1):
        key = entry.get("key") if isinstance(entry, dict) else None
        where = f"[[guide]] #{i}" + (f" ({key})" if isinstance(key, str) else "")
        if not isinstance(key, str) or key not in products:
            raise _broken(path, where, "unknown_product", entry=key)
        if key in out:
            raise _broken(path, where, "duplicate", entry=key)
        areas = entry.get("need_areas")
        if (not isinstance(areas, list) or not areas or len(set(areas)) != len(areas)
                or any(a not in vocab.NEED_AREAS for a in areas)):
            raise _broken(path, f"{where}.need_areas", "bad_list", allowed=", ".join(vocab.NEED_AREAS))
        industries = entry.get("industries", [])
        if not isinstance(industries, list) or any(x not in vocab.INDUSTRIES for x in industries):
            raise _broken(path, f"{where}.industries", "bad_list", allowed=", ".join(vocab.INDUSTRIES))
        texts: dict[str, dict[str, str]] = {}
        for lang in LANGS:
            block = entry.get(lang)
            if not isinstance(block, dict):
                raise _broken(path, f"{where}.{lang}", "missing_language")
            for field in TEXT_FIELDS:
                value = block.get(field)
                if not isinstance(value, str) or not value.strip():
                    raise _broken(path, f"{where}.{lang}.{field}", "missing_text")
                if len(value) > MAX_TEXT:
                    raise _broken(path, f"{where}.{lang}.{field}", "too_long", max=MAX_TEXT)
            texts[lang] = {f: " ".join(block[f].split()) for f in TEXT_FIELDS}
        p = products[key]
        out[key] = ProductGuide(key, p["category"], {"zh_CN": p["zh_CN"], "en": p["en"]}, tuple(areas),
                                tuple(industries), texts)
    # the catalogue's order, whatever the file's
    return {k: out[k] for k in products if k in out}


@cache
def _load(path: str) -> dict[str, ProductGuide]:
    return parse_guide(Path(path))


def guides() -> dict[str, ProductGuide]:
    """The shipped guide (read once per process), keyed by product key in catalogue order."""
    return _load(str(resources_dir() / GUIDE_FILE))


def rank(areas: list[str], industry: str | None, lang: str, limit: int | None = 5,
         catalogue: dict[str, ProductGuide] | None = None) -> list[Suggestion]:
    """The products that fit these confirmed need areas and this industry, best first."""
    catalogue = guides() if catalogue is None else catalogue
    wanted = set(areas)
    found = []
    for order, g in enumerate(catalogue.values()):
        served = tuple(a for a in g.need_areas if a in wanted)
        if not served:
            continue
        score = sum(AREA_POINTS[i] if i < len(AREA_POINTS) else 1
                    for i, a in enumerate(g.need_areas) if a in wanted)
        fit = industry is not None and industry in g.industries
        score += INDUSTRY_POINTS if fit else 0
        found.append((-score, order, Suggestion(g.key, g.name(lang), score, served, fit, g.text("pitch", lang))))
    found.sort(key=lambda t: (t[0], t[1]))
    chosen = [s for *_, s in found]
    return chosen if limit is None else chosen[:limit]


def suggest_for_client(store: Store, client_id: int, industry: str | None, lang: str,
                       limit: int | None = 5) -> list[Suggestion]:
    """The products that fit the client's confirmed needs (and its industry)."""
    areas = [n.area for n in engagement.needs_of(store, client_id) if n.confirmed]
    return rank(areas, industry, lang, limit) if areas else []


def plan_suggestions(store: Store, client_id: int, industry: str | None, lang: str) -> list[PlanSuggestion]:
    """The call plan's block: the top suggestions as plain data."""
    return [PlanSuggestion(s.name, s.reason(lang), s.pitch)
            for s in suggest_for_client(store, client_id, industry, lang, limit=4)]
