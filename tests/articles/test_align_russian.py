"""align of a Russian-language article with the English and German reports of the same story
(issue 16): each Russian person and organization is one group, its inflected Russian mentions
included."""

from __future__ import annotations

from pathlib import Path

from translit.articles.align import align
from translit.articles.document import normalize

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_russian_mentions_join_the_english_and_german_groups() -> None:
    documents = [normalize((SAMPLES / f"soyuz-film.{lang}.txt").read_text(encoding="utf-8"),
                           source=f"soyuz-film.{lang}.txt")
                 for lang in ("en", "de", "ru")]
    groups = {g.label: g for g in align(documents) if g.kind == "name"}
    russian = {value: sorted(m.text for m in g.mentions if m.source.endswith("ru.txt"))
               for value, g in groups.items()}
    assert russian["Yulia Peresild"] == ["Пересильд", "Пересильд", "Юлия Пересильд"]
    assert russian["Anton Shkaplerov"] == ["Антон Шкаплеров", "Шкаплеров"]
    assert russian["Oleg Novitsky"] == ["Новицкому", "Олег Новицкий"]
    assert russian["Roscosmos"] == ["Роскосмос", "Роскосмоса"]
    for value in ("Klim Shipenko", "Yuri Gagarin", "Pyotr Dubrov", "Dmitry Rogozin",
                  "Konstantin Ernst", "Baikonur Cosmodrome", "Channel One"):
        assert russian[value], value
    for value in ("Klim Shipenko", "Anton Shkaplerov", "Yulia Peresild"):
        assert {m.source for m in groups[value].mentions} == \
            {"soyuz-film.en.txt", "soyuz-film.de.txt", "soyuz-film.ru.txt"}
