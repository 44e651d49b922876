"""Shared schemes and caches under many threads give the same results as one thread."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from translit import get_scheme, table_layer, transliterate

NAMES = ["Юлия Пересильд", "ЮЛИЯ ПЕРЕСИЛЬД", "Ю. ГАГАРИН", "Ю. Гагарин", "Пётр Дубров",
         "Олег Новицкий", "Хрущёв", "Звёздный городок", "Tom Cruise"]


def test_threads_hammering_shared_schemes() -> None:
    expected = {(s, n): get_scheme(s).transliterate(n) for s in ("de", "iso9") for n in NAMES}
    table_layer.reset()

    def work(seed: int) -> list[tuple[tuple[str, str], str]]:
        out = []
        for step in range(400):
            scheme = ("de", "iso9")[(seed + step) % 2]
            name = NAMES[(seed * 7 + step) % len(NAMES)]
            out.append(((scheme, name), transliterate(name, scheme)))
        return out

    with ThreadPoolExecutor(max_workers=8) as pool:
        for results in pool.map(work, range(32)):
            for key, value in results:
                assert value == expected[key]
