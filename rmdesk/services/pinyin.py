"""Pinyin search keys, computed once when a name is written (not at query time).

`search_keys` serves one name (a service write); `search_keys_many` serves bulk paths
(the demo generator, importers): the same keys, spread over the CPU cores when the batch
is large enough to pay for the worker processes.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Sequence
from functools import lru_cache

_DROP = re.compile(r"[^a-z0-9]")
# Starting worker processes and shipping the names costs ~0.4 s: go parallel only when
# the batch would take longer than this in one process (estimated on a first sample).
PARALLEL_WORTH_S = 1.5
SAMPLE = 2000


@lru_cache(maxsize=1)
def _engine():
    # ~0.4 s import: only when a name is written, never at start-up.
    from pypinyin import Style
    from pypinyin.constants import RE_HANS
    from pypinyin.converter import DefaultConverter
    from pypinyin.seg.simpleseg import seg

    converter = DefaultConverter()

    def syllables(word: str) -> list[str]:
        return [p[0] for p in converter.convert(word, Style.NORMAL, False, "default", strict=True)]

    return seg, RE_HANS, syllables


@lru_cache(maxsize=200_000)
def _word_keys(word: str) -> tuple[str, str]:
    """Keys of one segment: a phrase of Chinese characters (as pypinyin's phrase-aware
    segmenter cut it) or a run of other characters (kept as it is)."""
    _seg, hans, syllables = _engine()
    if hans.match(word):
        parts = syllables(word)
        return "".join(p[:1] for p in parts), "".join(parts)
    return word, word


def search_keys(text: str) -> tuple[str, str]:
    """(initials, full pinyin) of a name, phrase-aware: 重庆钢铁 -> ('cqgt', 'chongqinggangtie').
    Latin letters and digits are kept, lower-cased; other symbols are dropped.

    Same result as pypinyin.lazy_pinyin with Style.FIRST_LETTER / Style.NORMAL, but each
    segment's pinyin is cached: company names reuse few words (cities, trades, 有限公司),
    which makes this ~10x faster in bulk."""
    seg, _hans, _syllables = _engine()
    initials: list[str] = []
    full: list[str] = []
    for word in seg(text):
        i, f = _word_keys(word)
        initials.append(i)
        full.append(f)
    return _DROP.sub("", "".join(initials).lower()), _DROP.sub("", "".join(full).lower())


def _keys_chunk(names: Sequence[str]) -> list[tuple[str, str]]:
    return [search_keys(name) for name in names]


def search_keys_many(names: Sequence[str], processes: int | None = None) -> list[tuple[str, str]]:
    """search_keys of every name, in order. Large batches are split over `processes`
    worker processes (default: the CPU count, and only when the batch is slow enough to pay for them);
    small ones stay in this process. A given `processes` forces the split."""
    workers = processes if processes is not None else (os.cpu_count() or 1)
    if workers <= 1 or len(names) <= SAMPLE:
        return _keys_chunk(names)
    start = time.perf_counter()
    head = _keys_chunk(names[:SAMPLE])
    rest = names[SAMPLE:]
    if processes is None and (time.perf_counter() - start) / SAMPLE * len(rest) < PARALLEL_WORTH_S:
        return head + _keys_chunk(rest)
    import multiprocessing
    import threading

    # fork is cheap (pypinyin is already loaded) but unsafe once other threads run (a GUI
    # import worker; Qt's own threads are invisible to `threading`): then start clean
    # interpreters instead.
    forkable = threading.active_count() == 1 and "PySide6.QtCore" not in sys.modules
    method = "fork" if forkable and "fork" in multiprocessing.get_all_start_methods() else "spawn"
    _engine()
    size = -(-len(rest) // (workers * 4))
    chunks = [rest[i:i + size] for i in range(0, len(rest), size)]
    with multiprocessing.get_context(method).Pool(workers) as pool:
        parts = pool.map(_keys_chunk, chunks)
    return head + [keys for part in parts for keys in part]
