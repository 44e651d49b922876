"""align groups people, places and organizations that are not Russian (GitHub issue 15, item 9).

Two short articles about the Soyuz film launch, one in English and one in German, share Tom
Cruise, Doug Liman, Elon Musk, NASA, SpaceX, Kazakhstan / Kasachstan, Switzerland / Schweiz and
the United States / USA besides their Russian names; headline words, sentence-initial "The" and
"Die", months and weekdays are no entities.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from translit.articles.align import Group, align, format_table
from translit.articles.document import Document, normalize
from translit.cli.main import main
from translit.names.exonyms import fold, place_key

ENGLISH = """\
Russia Races Hollywood Into Orbit With Soyuz Film

MOSCOW, Oct. 4, 2021 — The actress Yulia Peresild and the director Klim Shipenko will fly to the
space station on Tuesday from Baikonur in Kazakhstan. The crew trained for months in September
and in Switzerland, where Peresild practised in the mountains.

Hollywood is not far behind. NASA and Tom Cruise plan a film in orbit with Doug Liman directing,
and Elon Musk's SpaceX is to fly them. Cruise has not yet set a date, and the United States
has not picked a launch. George Clooney, who played an astronaut, wished both crews luck.
"""

GERMAN = """\
date 2021-10-04

Russland will Hollywood beim ersten Film im All schlagen

Die Schauspielerin Julija Peressild und der Regisseur Klim Schipenko fliegen am Dienstag vom
Weltraumbahnhof Baikonur in Kasachstan zur Raumstation. Im September übte die Crew in der
Schweiz, wo Peressild in den Bergen trainierte.

Die Konkurrenz kommt aus den USA. Dort plant Tom Cruise mit der NASA und dem Regisseur Doug Liman
einen Film im All; fliegen soll die Firma SpaceX von Elon Musk. Musks Raumschiff ist bereit,
doch Cruise hat noch keinen Termin.
"""


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    return [normalize(ENGLISH, lang="en", source="en"),
            normalize(GERMAN, lang="de", source="de")]


@pytest.fixture(scope="module")
def groups(documents: list[Document]) -> dict[str, Group]:
    return {g.label: g for g in align(documents)}


def _forms(group: Group, source: str) -> list[str]:
    return [m.text for m in group.mentions if m.source == source]


@pytest.mark.parametrize(("label", "entity", "english", "german"), [
    ("Tom Cruise", "person", ["Tom Cruise", "Cruise"], ["Tom Cruise", "Cruise"]),
    ("Doug Liman", "person", ["Doug Liman"], ["Doug Liman"]),
    ("Elon Musk", "person", ["Elon Musk's"], ["Elon Musk", "Musks"]),
    ("NASA", "organization", ["NASA"], ["NASA"]),
    ("SpaceX", "organization", ["SpaceX"], ["SpaceX"]),
    ("Kazakhstan", "place", ["Kazakhstan"], ["Kasachstan"]),
    ("Switzerland", "place", ["Switzerland"], ["Schweiz"]),
    ("United States", "place", ["United States"], ["USA"]),
])
def test_entities_that_are_not_russian(groups: dict[str, Group], label: str, entity: str,
                                       english: list[str], german: list[str]) -> None:
    group = groups[label]
    assert (group.kind, group.entity, group.russian) == ("name", entity, False)
    assert _forms(group, "en") == english
    assert _forms(group, "de") == german


def test_russian_names_are_grouped_as_before(groups: dict[str, Group]) -> None:
    peresild = groups["Yulia Peresild"]
    assert peresild.russian and peresild.entity is None
    assert _forms(peresild, "de") == ["Julija Peressild", "Peressild"]
    assert _forms(groups["Klim Shipenko"], "de") == ["Klim Schipenko"]
    assert "Baikonur" in groups


def test_no_entities_from_common_words(groups: dict[str, Group],
                                       documents: list[Document]) -> None:
    """Sentence-initial The/Die, months, weekdays and headline words are no entities."""
    everything = align(documents, shared_only=False)
    labels = {fold(g.label) for g in everything if not g.russian}
    for word in ("the", "die", "september", "tuesday", "dienstag", "races", "into", "orbit",
                 "film", "soyuz film", "schauspielerin", "regisseur", "crew", "konkurrenz",
                 "dort", "raumstation", "termin", "firma", "raumschiff", "bergen"):
        assert word not in labels, word
    mentioned = {m.text for g in everything for m in g.mentions if not g.russian}
    assert not mentioned & {"The", "Die", "Races", "Into", "September", "Tuesday"}


def test_one_article_only_without_all(groups: dict[str, Group],
                                      documents: list[Document]) -> None:
    assert "George Clooney" not in groups
    everything = {g.label: g for g in align(documents, shared_only=False)}
    clooney = everything["George Clooney"]
    assert (clooney.entity, clooney.sources) == ("person", ["en"])


def test_table_and_json_say_not_russian(documents: list[Document]) -> None:
    table = format_table(align(documents))
    assert "name    Tom Cruise  (person, not Russian)\n" \
           '        en: "Tom Cruise" @' in table
    assert "name    Yulia Peresild\n" in table
    as_json = {g["label"]: g for g in (group.as_dict() for group in align(documents))}
    assert as_json["Kazakhstan"]["entity"] == "place"
    assert as_json["Kazakhstan"]["russian"] is False
    assert "russian" not in as_json["Yulia Peresild"]


def test_cli_json_and_all(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    english, german = tmp_path / "a.en.txt", tmp_path / "a.de.txt"
    english.write_text(ENGLISH, encoding="utf-8")
    german.write_text(GERMAN, encoding="utf-8")
    assert main(["align", "--format", "json", str(english), str(german)]) == 0
    groups = {g["label"]: g for g in json.loads(capsys.readouterr().out)["groups"]}
    assert groups["Doug Liman"]["russian"] is False
    assert [m["text"] for m in groups["Switzerland"]["mentions"]] == ["Switzerland", "Schweiz"]
    assert "George Clooney" not in groups
    assert main(["align", "--all", str(english), str(german)]) == 0
    assert "name    George Clooney  (person, not Russian)" in capsys.readouterr().out


def test_exonyms_from_cldr() -> None:
    assert place_key("Kasachstan") == place_key("Kazakhstan") == "territory:KZ"
    assert place_key("Schweiz") == place_key("Switzerland") == place_key("Suisse")
    assert place_key("Vereinigte Staaten") == place_key("United States") == place_key("USA")
    assert place_key("Deutschland") == place_key("Germany") == "territory:DE"
    assert place_key("Moskau") == place_key("Moscow") == place_key("Moscou")
    assert place_key("usa") is None and place_key("Tom Cruise") is None


def test_a_german_place_the_finder_takes_as_russian_stays_one_group() -> None:
    """Moskau is a Russian name to the finder; Moscow too: one group, Russian."""
    a = normalize("Tom Cruise flew to Moscow.", lang="en", source="a")
    b = normalize("Tom Cruise flog nach Moskau.", lang="de", source="b")
    groups = {g.label: g for g in align([a, b])}
    assert groups["Moscow"].russian and _forms(groups["Moscow"], "b") == ["Moskau"]
    assert not groups["Tom Cruise"].russian


def test_a_surname_the_german_news_writes_often_stays_with_its_given_name() -> None:
    """Merz and Macron are frequent words of German news (wordfreq), yet after a given name
    they are surnames, not nouns."""
    a = normalize("Chancellor Friedrich Merz and Emmanuel Macron met.", lang="en", source="a")
    b = normalize("Bundeskanzler Friedrich Merz und Emmanuel Macron trafen sich.", lang="de",
                  source="b")
    groups = {g.label: g for g in align([a, b])}
    assert _forms(groups["Friedrich Merz"], "b") == ["Friedrich Merz"]
    assert _forms(groups["Emmanuel Macron"], "b") == ["Emmanuel Macron"]
    assert "Friedrich" not in groups and "Emmanuel" not in groups


def test_import_builds_no_index() -> None:
    """Importing the modules reads no CLDR data and compiles no pattern."""
    import subprocess
    import sys

    code = ("import translit.articles.entities as e, translit.names.exonyms as x; "
            "print(x._places.peek() is None, e.WORD.peek() is None, e.ACRONYM.peek() is None)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.split() == ["True", "True", "True"]
