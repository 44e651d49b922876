"""Whole-article normalization: names and moments together, folders, pieces, processes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from translit.articles.batch import Options, normalize_file, normalize_paths
from translit.articles.document import normalize
from translit.cli.main import main

STORY_DE = ("date 2021-10-04\n\nJulija Peressild und Klim Schipenko starten am Dienstag um "
            "10.55 Uhr Schweizer Zeit mit Anton Schkaplerow. Tom Cruise wartet.\n")


def test_names_and_moments_in_one_document() -> None:
    document = normalize(STORY_DE, names_to="en", lang="de")
    assert document.normalized == (
        "date 2021-10-04\n\nYulia Peresild und Klim Shipenko starten am 2021-10-05T08:55Z "
        "mit Anton Shkaplerov. Tom Cruise wartet.\n")
    kinds = [s["kind"] for s in document.spans]
    assert kinds.count("name") == 3 and "time" in kinds
    assert document.restore() == STORY_DE


@pytest.mark.parametrize("names_to", ["de", "cyrillic", "fr"])
def test_names_to_other_schemes(names_to: str) -> None:
    document = normalize("Yulia Peresild met Dmitry Rogozin.", names_to=names_to, lang="en")
    expected = {"de": "Julija Peressild met Dmitri Rogosin.",
                "cyrillic": "Юлия Пересильд met Дмитрий Рогозин.",
                "fr": "Ioulia Peressild met Dmitri Rogozine."}[names_to]
    assert document.normalized == expected


def test_kinds_limit_what_changes() -> None:
    document = normalize(STORY_DE, lang="de", kinds=["date", "time"])
    assert "Julija Peressild" in document.normalized
    assert "2021-10-05T08:55Z" in document.normalized


def test_possessive_and_genitive_are_written_the_targets_way() -> None:
    assert normalize("Peresild's role", names_to="de", lang="en").normalized == \
        "Peressilds role"  # German writes the genitive -s (Duden), whatever the text's language
    assert normalize("Peresild's role", names_to="en", lang="en").normalized == \
        "Peresild's role"
    assert normalize("Laut Putins Sprecher", names_to="en", lang="de").normalized == \
        "Laut Putin's Sprecher"
    assert normalize("Laut Putins Sprecher", names_to="de", lang="de").normalized == \
        "Laut Putins Sprecher"
    assert normalize("Rogosins Nachfolger", names_to="en", lang="de").normalized == \
        "Rogozin's Nachfolger"


def test_all_caps_and_headlines_do_not_invent_names() -> None:
    text = "Slow Progress At The Far Eastern Cosmodrome\nBy JOHN SMITH\nMir ist kalt."
    assert [s for s in normalize(text, lang="en").spans if s["kind"] == "name"] == []
    assert normalize("YURI GAGARIN FLEW", lang="en", names_to="de").normalized == \
        "JURI GAGARIN FLEW"


@pytest.mark.parametrize(("text", "expected", "entities"), [
    ("Training in Звёздный городок.", "Training in Star City.", ["place"]),
    ("Байконур, Звёздный городок", "Baikonur, Star City", ["place", "place"]),
    ("Москва", "Moscow", ["place"]),
    ("Красная площадь и Кремль", "Red Square и Kremlin", ["place", "organization"]),
    ("Из Москвы. Роскосмос", "Из Moscow. Roscosmos", ["place", "organization"]),
    ("Roskosmos in Moskau", "Roscosmos in Moscow", ["organization", "place"]),
])
def test_cyrillic_places_with_lowercase_words_and_entity_kinds(
        text: str, expected: str, entities: list[str]) -> None:
    document = normalize(text, names_to="en", lang="en")
    assert document.normalized == expected
    assert [s["entity"] for s in document.spans if s["kind"] == "name"] == entities


@pytest.mark.parametrize(("text", "lang", "names"), [
    ("Der Physiker Konstantin Nowosjolow stammt aus Nischni Tagil.", "de",
     ["Konstantin Nowosjolow", "Nischni Tagil"]),
    ("Boris Becker und David Haye kamen auch.", "de", []),
])
def test_a_surname_shaped_word_after_a_russian_given_name(text: str, lang: str,
                                                          names: list[str]) -> None:
    from translit.text.finder import find_names

    assert [m.text for m in find_names(text, lang=lang)] == names


@pytest.mark.parametrize(("text", "lang"), [
    ("the Ukrainian grandmaster Vassily Ivanchuk; Boris Gelfand, Minsk-born, and "
     "Anna Ushenina, Ukraine. (Ukrainian) Kateryna Lagno from Lviv, Moscow, Idaho.", "en"),
    ("Der Ukrainer Wassyl Iwantschuk; die ukrainische Spielerin Anna Muzytschuk, Polen; "
     "„Bulgaren\" Wesselin Topalow. Sankt Petersburg, Florida.", "de"),
])
def test_the_quick_cue_check_agrees_with_the_full_one(text: str, lang: str) -> None:
    """foreign_cue_at's shortcuts give what foreign_cue gives on the sentence's words
    before the name (within 40 characters) and the 24 characters after it."""
    from translit.names.places import cues_before, foreign_cue, foreign_cue_at

    def full(first: int, last: int) -> bool:
        before = text[max(0, first - 40):first]
        cut = max(before.rfind("\n"), before.rfind(". "), before.rfind(";"))
        return foreign_cue(before[cut + 1:], text[last:last + 24], lang)

    cues = cues_before(lang)
    starts = [i for i, c in enumerate(text)
              if c.isupper() and (i == 0 or not text[i - 1].isalpha())]
    for first in starts:
        for last in range(first + 1, min(len(text), first + 30) + 1):
            assert foreign_cue_at(text, first, last, lang, cues) == full(first, last), \
                (first, last)


def test_a_known_head_word_alone_is_not_taken_on_over_other_words() -> None:
    document = normalize("Звёздный путь", names_to="en", lang="en")
    # Not "Звёздный путь" as one name; and the adjective alone is a common word (issue 16).
    assert [s["text"] for s in document.spans] == []
    document = normalize("Звёздный Путин", names_to="en", lang="en")
    assert [s["text"] for s in document.spans][-1:] == ["Путин"]


def test_normalize_is_idempotent() -> None:
    once = normalize(STORY_DE, names_to="en", lang="de").normalized
    assert normalize(once, names_to="en", lang="de").normalized == once


def test_folders_and_pieces(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(STORY_DE, encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_text("Pjotr Dubrow.", encoding="utf-8")
    (tmp_path / "skip.bin").write_bytes(b"\xff\x00")
    documents = list(normalize_paths([str(tmp_path)], Options(lang="de")))
    assert [Path(d.source).name for d in documents] == ["a.txt", "b.txt"]
    big = tmp_path / "big.txt"
    big.write_text((STORY_DE + "\n") * 200, encoding="utf-8")
    pieces = list(normalize_file(str(big), Options(lang="de", chunk_bytes=4000)))
    assert len(pieces) > 5
    assert "".join(p.text for p in pieces) == big.read_text(encoding="utf-8")
    assert all(p.ref is not None and p.ref.isoformat() == "2021-10-04" for p in pieces)
    assert pieces[1].source.startswith(f"{big}@")


def test_jobs_give_the_same_output_as_one_process(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    for index in range(4):
        (tmp_path / f"{index}.txt").write_text(STORY_DE.replace("Tom", f"Tom {index}"),
                                               encoding="utf-8")
    assert main(["normalize", "--format", "jsonl", str(tmp_path)]) == 0
    single = capsys.readouterr().out
    assert main(["normalize", "--format", "jsonl", "--jobs", "2", str(tmp_path)]) == 0
    assert capsys.readouterr().out == single
    assert len(single.splitlines()) == 4


def test_annotated_and_text_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "story.txt"
    source.write_text(STORY_DE, encoding="utf-8")
    assert main(["normalize", "--format", "annotated", "--lang", "de", str(source)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"== {source} (lang de, ref 2021-10-04, 5 spans)"
    assert out[1].startswith("    3 - Julija Peressild und Klim Schipenko")
    assert out[2].startswith("      + Yulia Peresild und Klim Shipenko")
    assert main(["normalize", "--format", "text", "--names-to", "cyrillic", str(source)]) == 0
    assert "Юлия Пересильд" in capsys.readouterr().out


def test_json_format_is_one_array(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "story.txt"
    source.write_text(STORY_DE, encoding="utf-8")
    assert main(["normalize", "--format", "json", str(source), str(source)]) == 0
    records = json.loads(capsys.readouterr().out)
    assert len(records) == 2 and records[0] == records[1]


@pytest.mark.parametrize(("argv", "message"), [
    (["normalize", "--kinds", "name,weather"], "unknown span kind 'weather'"),
    (["normalize", "--names-to", "klingon"], "unknown scheme 'klingon'"),
    (["normalize", "--jobs", "0"], "--jobs must be at least 1"),
])
def test_usage_errors(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_bad_input_file_leaves_the_output_intact(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    good, bad, target = tmp_path / "good.txt", tmp_path / "bad.txt", tmp_path / "out.jsonl"
    good.write_text(STORY_DE, encoding="utf-8")
    bad.write_bytes(b"ok\n\xc3\x28 broken")
    target.write_text("previous\n", encoding="utf-8")
    assert main(["normalize", str(good), str(bad), "-o", str(target)]) == 1
    assert f"{bad}: byte 3: invalid UTF-8" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "previous\n"
    assert good.read_text(encoding="utf-8") == STORY_DE
