"""The API under threads and processes: the same results as one thread, caches included.

Every cache starts cold, so the threads race on filling them (tables, schemes, word evidence,
readings, keys, rendered names), then keep hitting them.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from typing import Any

from translit import table_layer
from translit.articles.document import normalize
from translit.names import reverse
from translit.names.keys import name_key as key_of
from translit.names.matching import match
from translit.schemes import registry
from translit.schemes.sources import transliterate
from translit.temporal import find_dates
from translit.text import rendering as names_render
from translit.text.conversion import convert

REF = "2021-10-04"
TEXTS = [
    "Julija Peressild und Klim Schipenko flogen am 5. Oktober 2021 um 10:55 Uhr MESZ zur ISS.",
    "On Oct. 5 Yulia Peresild and Tom Cruise met Anton Shkaplerov at 10:55 a.m. Swiss time.",
    "Юлия Пересильд и Клим Шипенко вернулись 17 октября. ДМИТРИЙ РОГОЗИН доволен.",
    "MOSCOW (Reuters) - Pjotr Dubrow and Oleg Nowizki stayed almost two weeks.",
]
NAMES = ["Julija Peressild", "Yulia Peresild", "Юлия Пересильд", "Anton Schkaplerow",
         "Y. GAGARIN", "Dmitri Rogosin", "Tom Cruise", "Pjotr Dubrow"]
TARGETS = ["en", "de", "iso9", "cyrillic"]


def _cold() -> None:
    table_layer.reset()
    reverse.clear_cache()
    table_layer.reset()
    names_render._cache.clear()


def _work(step: int) -> tuple[str, Any]:
    """One call of the API, chosen by ``step``, and its result (in comparable form)."""
    kind = step % 5
    if kind == 0:
        text = TEXTS[step // 5 % len(TEXTS)]
        document = normalize(text, ref=REF, names_to=TARGETS[step % 3])
        return f"normalize {step}", (document.normalized, document.spans)
    name = NAMES[step % len(NAMES)]
    if kind == 1:
        return f"convert {step}", convert(name, to=TARGETS[step // 5 % len(TARGETS)])
    if kind == 2:
        other = NAMES[(step // 5) % len(NAMES)]
        return f"match {step}", (match(name, other).as_dict(), key_of(name))
    if kind == 3:
        return f"transliterate {step}", transliterate(TEXTS[2] + name, TARGETS[step % 3])
    return f"find_dates {step}", find_dates(TEXTS[step // 5 % len(TEXTS)], ref=REF)


STEPS = 240


def _batch(seed: int) -> list[tuple[str, Any]]:
    return [_work((seed * 37 + i) % STEPS) for i in range(STEPS // 2)]


def test_threads_hammering_the_whole_api() -> None:
    _cold()
    expected = dict(_work(step) for step in range(STEPS))
    _cold()
    with ThreadPoolExecutor(max_workers=8) as pool:
        for results in pool.map(_batch, range(16)):
            for label, value in results:
                assert value == expected[label], label


def test_threads_share_one_scheme_object() -> None:
    _cold()
    scheme = registry.get_scheme("de")
    words = ["Юлия", "ПЕРЕСИЛЬД", "Ю. ГАГАРИН", "Хрущёв", "ёжик", "Звёздный городок"]
    expected = {w: scheme.transliterate(w) for w in words}
    scheme.clear_caches()

    def run(seed: int) -> list[tuple[str, str]]:
        out = []
        for i in range(500):
            word = words[(seed + i) % len(words)]
            if i % 97 == 0:
                scheme.clear_caches()  # a cache emptied under the other threads' feet
            out.append((word, scheme.transliterate(word)))
        return out

    with ThreadPoolExecutor(max_workers=8) as pool:
        for results in pool.map(run, range(16)):
            assert all(value == expected[word] for word, value in results)


def test_processes_with_spawn_give_the_same_results() -> None:
    expected = [_work(step) for step in range(0, 40)]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
        found = list(pool.map(_work, range(0, 40)))
    assert found == expected
