"""What every import shares: matching a file's headers to fields, the plan a dry run
returns (rows to add or merge, rows skipped, problems by row), and cancelling."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from rmdesk import i18n
from rmdesk.errors import RmdeskError


def norm_header(text: str) -> str:
    return re.sub(r"[\s_:：*（）()]+", "", unicodedata.normalize("NFKC", text)).casefold()


def normalise_name(name: str) -> str:
    """Name key for duplicates: NFKC (full-width -> ASCII), no spaces, case-folded."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name)).casefold()


def map_headers(headers: list[str], index: Mapping[str, str]) -> dict[int, str]:
    """Column index -> field through `index` (normalised header -> field); a field is
    taken by its first column only."""
    mapping: dict[int, str] = {}
    used: set[str] = set()
    for i, h in enumerate(headers):
        f = index.get(norm_header(h))
        if f and f not in used:
            mapping[i] = f
            used.add(f)
    return mapping


@dataclass(frozen=True)
class RowProblem:
    row: int  # the spreadsheet's row number (the header is row 1)
    field: str | None
    message: str


@dataclass
class PlannedClient:
    row: int
    values: dict[str, object]
    contacts: list[dict[str, object]] = field(default_factory=list)
    existing_id: int | None = None  # a stored client it duplicates


@dataclass
class ImportPlan:
    policy: str
    total_rows: int
    kind: str = "clients"  # or visits / deals (rmdesk.services.records_import)
    new: list[PlannedClient] = field(default_factory=list)
    merge: list[PlannedClient] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)  # rows skipped as duplicates
    problems: list[RowProblem] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # headers of the columns not imported

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def contact_count(self) -> int:
        return sum(len(getattr(p, "contacts", ())) for p in self.new + self.merge)

    def summary(self, lang: str | None = None) -> str:
        if self.kind != "clients":
            return i18n.message("import.summary_records", lang, rows=self.total_rows, new=len(self.new),
                                merge=len(self.merge), skip=len(self.skipped), bad=len({p.row for p in self.problems}),
                                what=i18n.message(f"import.what_{self.kind}", lang))
        return i18n.message("import.summary", lang, rows=self.total_rows, new=len(self.new), merge=len(self.merge),
                            skip=len(self.skipped), contacts=self.contact_count,
                            bad=len({p.row for p in self.problems}))

    def report(self, lang: str | None = None, limit: int = 200) -> str:
        lines = [self.summary(lang)]
        if self.ignored:  # never dropped without a word
            lines.append(i18n.message("import.ignored", lang,
                                      columns=i18n.list_separator(lang).join(self.ignored)))
        for p in self.problems[:limit]:
            lines.append(i18n.message("import.problem", lang, row=p.row, message=p.message))
        if len(self.problems) > limit:
            lines.append(i18n.message("import.more_problems", lang, count=len(self.problems) - limit))
        return "\n".join(lines)


class Cancelled(RmdeskError):
    """The user cancelled; nothing was written."""

    def __init__(self) -> None:
        super().__init__("import.cancelled")


Progress = Callable[[int, int], bool | None]  # (done, total) -> False to cancel


def ignored_columns(headers: list[str], mapping: dict[int, str]) -> list[str]:
    """The named columns a mapping leaves out: a report names them, never drops them silently."""
    return [h for i, h in enumerate(headers) if i not in mapping and h.strip()]
