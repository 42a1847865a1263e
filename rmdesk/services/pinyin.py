"""Pinyin search keys, computed once when a name is written (not at query time)."""

from __future__ import annotations

import re

_KEEP = re.compile(r"[a-z0-9]")


def search_keys(text: str) -> tuple[str, str]:
    """(initials, full pinyin) of a name, phrase-aware: 重庆钢铁 -> ('cqgt', 'chongqinggangtie').
    Latin letters and digits are kept, lower-cased; other symbols are dropped."""
    from pypinyin import Style, lazy_pinyin  # ~0.4 s import: only when a name is written

    initials = lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default")
    full = lazy_pinyin(text, style=Style.NORMAL, errors="default")

    def squash(parts: list[str]) -> str:
        return "".join(ch for ch in "".join(parts).lower() if _KEEP.match(ch))

    return squash(initials), squash(full)
