"""The language tables (``tables/languages/``) load, hold what the code used to write in Python,
and reach every reader: a user folder that changes a fact changes the result."""

from __future__ import annotations

from pathlib import Path

import pytest

import translit
from translit.errors import TableError
from translit.names.places import conventional_spelling, is_accepted, known_name
from translit.names.spelling import LetterModel, read_rules
from translit.names.style import detect_style, profiles
from translit.schemes import languages
from translit.schemes.languages import KEYS, language, letter_classes, read_language_table
from translit.schemes.loader import read_table
from translit.schemes.registry import get_scheme, scheme_ids
from translit.table_layer import builtin_dir
from translit.temporal.context import Context
from translit.temporal.lexer import sentence_start, tokenize
from translit.text.evidence import word_info
from translit.text.runs import run_shapes

TABLES = builtin_dir()
LANGUAGE_FILES = sorted((TABLES / "languages").glob("*.toml"))
RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"


def _user(root: Path, files: dict[str, str]) -> Path:
    """A user folder with ``files`` (relative path → text), added to the table layer."""
    folder = root / "user"
    for relative, text in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    translit.add_tables(folder)
    return folder


# The tables load, and every fact is there.

def test_there_is_a_table_for_each_language_the_code_reads() -> None:
    assert {p.stem for p in LANGUAGE_FILES} == {"common", "ru", "uk", "be", "en", "de"}
    assert languages.codes() == ("be", "de", "en", "ru", "uk")


@pytest.mark.parametrize("path", LANGUAGE_FILES, ids=lambda p: p.name)
def test_each_table_loads_and_no_section_is_empty(path: Path) -> None:
    data = read_language_table(path)
    assert data, path.name
    for section, values in data.items():
        assert section in KEYS and values, f"{path.name}: [{section}] is empty"
        for key, value in values.items():
            assert value or value == 0, f"{path.name}: {section}.{key} is empty"


@pytest.mark.parametrize("code", ["ru", "uk", "be"])
def test_each_alphabet_is_lowercase_letters_without_repeats(code: str) -> None:
    alphabet = language(code).alphabet
    assert alphabet and alphabet.isalpha() and alphabet == alphabet.lower()
    assert len(set(alphabet)) == len(alphabet)


def test_the_russian_classes_are_non_empty_and_split_the_alphabet() -> None:
    facts = language("ru")
    assert facts.alphabet == RUSSIAN
    classes = facts.classes
    assert set(classes) == {"vowel", "consonant", "sign", "hushing"}
    for name, letters in classes.items():
        assert letters and set(letters) <= set(RUSSIAN), name
    assert sorted(classes["vowel"] + classes["consonant"] + classes["sign"]) == sorted(RUSSIAN)
    assert set(classes["hushing"]) <= set(classes["consonant"])


def test_name_letters_are_the_east_slavic_alphabets_in_both_cases() -> None:
    letters = language("ru").name_letters
    extra = "іїєґў"
    assert letters == frozenset(RUSSIAN + extra + (RUSSIAN + extra).upper())
    assert "ђ" not in letters and "ѐ" not in letters


def test_the_word_facts_of_english_german_and_the_rest() -> None:
    assert languages.possessives() == ("'s", "’s", "'", "’")
    assert language("de").genitive == ("s",) and language("en").genitive == ()
    assert language("de").feminine_endings == ("in",) and language("en").feminine_endings == ()
    assert [languages.words_language(c) for c in ("en", "de", "ru", "fr")] == ["en", "de", "de",
                                                                               "de"]
    assert (language("en").am, language("en").pm) == (("a.m.",), ("p.m.",))
    assert language("de").am == () and language("en").ordinal_suffixes == ("st", "nd", "rd", "th")


def test_the_sentence_marks_of_each_reader() -> None:
    for code in ("en", "de", "ru", "fr"):
        facts = language(code)
        assert facts.name_sentence_marks == frozenset(".!?\n:\"“„«(")
        assert facts.date_sentence_marks == frozenset(".!?:\n\"«„—")
        assert facts.sentence_ends == (".", "!", "?") and facts.sentence_breaks == ("\n",)


def test_every_scheme_has_a_preference_and_no_two_of_one_language_share_one() -> None:
    ranks = {s: get_scheme(s).spec.preference for s in scheme_ids()}
    assert all(rank is not None for rank in ranks.values()), ranks
    by_source: dict[str, list[str]] = {}
    for scheme in ranks:
        by_source.setdefault(get_scheme(scheme).spec.source, []).append(scheme)
    for schemes in by_source.values():
        assert len({ranks[s] for s in schemes}) == len(schemes), schemes
    assert sorted(by_source["ru"], key=lambda s: ranks[s]) == [
        "en", "de", "fr", "bgn", "icao", "alalc", "scientific", "iso9"]
    assert sorted(by_source) == ["be", "ru", "uk"]


# The code reads them: the default classes of the scheme and spelling tables.

def test_scheme_tables_take_their_default_classes_from_ru_toml() -> None:
    spec = read_table(TABLES / "schemes" / "iso9.toml")
    assert {k: spec.classes[k] for k in letter_classes()} == language("ru").classes


def test_a_user_ru_toml_changes_the_classes_of_schemes_and_spelling_rules(tmp_path: Path
                                                                          ) -> None:
    _user(tmp_path, {"languages/ru.toml": '[classes]\nhushing = "жш"\nvelar = "гкх"\n'})
    classes = get_scheme("en").spec.classes
    assert classes["hushing"] == "жш" and classes["velar"] == "гкх"
    assert classes["vowel"] == "аеёиоуыэюя"  # the built-in table keeps what the user's lacks
    rules = read_rules(str(TABLES / "names" / "spelling.toml"))
    ya_after_hushing = next(r for r in rules if "я" in r.letters and r.after is not None)
    assert "ч" not in ya_after_hushing.after[0]


def test_the_letter_model_counts_letters_of_the_alphabet_only() -> None:
    model = LetterModel(["абаб"], alphabet="аб")
    assert model.step("^^^", "в") == -9.0 and model.step("^^^", "а") > -9.0


# The name finder's facts: genitive, nouns, possessives, letters, sentence marks, places.

def test_the_german_genitive_comes_from_de_toml(tmp_path: Path) -> None:
    assert word_info("Schkaplerows", "de").suffix == "s"
    assert word_info("Schkaplerowx", "de").suffix == ""
    _user(tmp_path, {"languages/de.toml": '[names]\ngenitive = ["x"]\n'})
    assert word_info("Schkaplerowx", "de").suffix == "x"
    assert word_info("Schkaplerows", "de").suffix == ""
    assert word_info("Schkaplerowx", "ru").suffix == "x"  # Latin words of ru text: German ones
    assert word_info("Schkaplerowx", "en").suffix == ""


def test_german_nouns_in_in_come_from_de_toml(tmp_path: Path) -> None:
    from translit.text.evidence import _noun

    assert _noun("Ministerin", "de") and not _noun("Ministerin", "en")
    _user(tmp_path, {"languages/de.toml": '[nouns]\nfeminine_endings = []\ncompound_last = 0\n'})
    assert not _noun("Ministerin", "de")


def test_possessives_come_from_the_language_tables(tmp_path: Path) -> None:
    def units(run: str) -> list[list[str]]:
        return [[w.text for w in s.units] for s in run_shapes(run, "en", True)]

    assert units("Yulia Peresild's") == [["Yulia", "Peresild"]]
    assert units("Yulia Peresildz") != [["Yulia", "Peresild"]]
    _user(tmp_path, {"languages/en.toml": '[names]\npossessives = ["\'s", "z"]\n'})
    assert units("Yulia Peresildz") == [["Yulia", "Peresild"]]
    assert languages.possessives() == ("'s", "'", "’", "z")  # de.toml keeps its own


def test_the_letters_of_a_cyrillic_name_come_from_the_alphabets(tmp_path: Path) -> None:
    assert word_info("Ђорђе", "en").role == "unknown"
    serbian = "абвгдђежзијклљмнњопрстћуфхцчџш"
    _user(tmp_path, {"languages/ru.toml": '[names]\nalphabets = ["ru", "sr"]\n',
                     "languages/sr.toml": f'[letters]\nalphabet = "{serbian}"\n'})
    assert word_info("Ђорђе", "en").role != "unknown"
    assert word_info("Їжак", "en").role == "unknown"  # Ukrainian is no longer listed


def test_the_sentence_marks_reach_the_name_finder(tmp_path: Path) -> None:
    text = "Er sagte (Mir gefällt das)."  # after a bracket, Mir is a common word: no name
    assert [m.text for m in translit.find_names(text, lang="de")] == []
    _user(tmp_path, {"languages/common.toml": '[sentence]\nnames_also_after = ["“"]\n'})
    assert language("de").name_sentence_marks == frozenset(".!?\n:\"“„«")
    assert [m.text for m in translit.find_names(text, lang="de")] == ["Mir"]


def test_the_sentence_marks_reach_the_date_words(tmp_path: Path) -> None:
    text = "Sie sagte — Morgen"
    assert sentence_start(text, 12, "de")
    assert [t.text for t in tokenize(text, "de")] == ["Morgen"]
    _user(tmp_path, {"languages/common.toml": '[sentence]\ndates_also_after = []\n'})
    assert not sentence_start(text, 12, "de")
    assert [t.text for t in tokenize(text, "de")] == []


def test_the_sentence_ends_reach_the_context(tmp_path: Path) -> None:
    text = "Er kam; Dann ging er"
    assert Context(text, "de").sentence(15) == (0, len(text))
    _user(tmp_path, {"languages/de.toml": '[sentence]\nends = [".", ";"]\n'})
    assert Context(text, "de").sentence(15) == (8, len(text))


def test_places_take_a_column_for_every_scheme(tmp_path: Path) -> None:
    assert conventional_spelling("Сочи", "en") == "Sochi"
    assert conventional_spelling("Сочи", "de") == "Sotschi"
    assert conventional_spelling("Сочи", "fr") is None
    _user(tmp_path, {"names/places.tsv": "cyrillic\ten\tfr\tnote\tkind\n"
                                         "Сочи\tSochi\tSotchi\tresort\tcity\n"})
    assert conventional_spelling("Сочи", "fr") == "Sotchi"
    assert is_accepted("sotchi", "сочи", "fr") and known_name("sotchi") == ("сочи", "place")
    assert known_name("resort") is None  # a column that names no scheme is no spelling


# The clock: a.m. and ordinals.

def test_am_pm_and_ordinals_come_from_en_toml(tmp_path: Path) -> None:
    assert [(t.kind, t.text) for t in tokenize("at 10:55 a.m. on the 5th", "en")] == [
        ("hhmm", "10:55 a.m."), ("ordinal", "5th")]
    assert [t.text for t in tokenize("um 10:55 a.m. am 5th", "de")] == ["10:55"]
    _user(tmp_path, {"languages/de.toml": '[clock]\nam = ["a.m."]\npm = ["p.m."]\n'
                                          '[numbers]\nordinal_suffixes = ["th"]\n'})
    tokens = tokenize("um 10:55 a.m. am 5th", "de")
    assert [(t.kind, t.text) for t in tokens] == [("hhmm", "10:55 a.m."), ("ordinal", "5th")]
    assert tokens[-1].value == 5
    assert languages.day_half("10:55 a.m.", "de") == "am"


# The style order: a preference in each scheme table.

def test_a_user_scheme_is_ranked_by_its_preference(tmp_path: Path) -> None:
    assert detect_style("Anton Shkaplerov")[0] == "en"
    scheme = '[scheme]\ntitle = "Mine"\nextends = "en"\n'
    _user(tmp_path, {"schemes/mine.toml": scheme + "preference = 0.5\n"})
    assert [p.scheme for p in profiles()][:2] == ["mine", "en"]
    assert detect_style("Anton Shkaplerov")[0] == "mine"  # the same letters: the rank decides


def test_a_user_scheme_inherits_the_preference_it_extends(tmp_path: Path) -> None:
    _user(tmp_path, {"schemes/mine.toml": '[scheme]\ntitle = "Mine"\nextends = "iso9"\n',
                     "schemes/plain.toml": '[scheme]\ntitle = "Plain"\n[letters]\n"а" = "a"\n'})
    order = [p.scheme for p in profiles()]
    assert order.index("mine") == order.index("iso9") + 1  # same rank, then by id
    assert order[-1] == "plain"  # no preference at all: last


# Errors name the file, the line and the key.

@pytest.mark.parametrize(("text", "key", "line", "reason"), [
    ('[names]\ngenitive = "s"\n', "names.genitive", 2, "must be a list of non-empty strings"),
    ('# x\n[names]\ngenitiv = ["s"]\n', "names.genitiv", 3, "unknown key"),
    ('[sentense]\nends = ["."]\n', "sentense", 1, "unknown section"),
    ('[sentence]\nends = [".."]\n', "sentence.ends", 2, "each mark must be one character"),
    ('[nouns]\ncompound_last = -1\n', "nouns.compound_last", 2, "must be a whole number"),
    ('[letters]\nalphabet = "АБВ"\n', "letters.alphabet", 2, "must be lowercase letters"),
    ('[words]\nread_as = "German"\n', "words.read_as", 2, "must be a language code"),
])
def test_a_bad_language_table_names_file_line_and_key(tmp_path: Path, text: str, key: str,
                                                      line: int, reason: str) -> None:
    folder = _user(tmp_path, {"languages/de.toml": text})
    with pytest.raises(TableError) as caught:
        word_info("Schkaplerows", "de")
    error = caught.value
    assert (error.path, error.line, error.key) == (str(folder / "languages" / "de.toml"), line,
                                                   key)
    assert error.reason.startswith(reason)


def test_a_preference_must_be_a_number(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('[scheme]\ntitle = "Mine"\nextends = "en"\npreference = "1"\n',
                    encoding="utf-8")
    with pytest.raises(TableError, match=r"mine\.toml:4: scheme\.preference: must be a number"):
        read_table(path)


def test_the_readme_documents_every_table_folder_and_file() -> None:
    readme = (TABLES / "README.md").read_text(encoding="utf-8")
    for path in sorted(TABLES.iterdir()):
        if path.name != "README.md":
            assert f"`{path.name}{'/' if path.is_dir() else ''}" in readme, path.name
    for path in LANGUAGE_FILES:
        assert f"`{path.name}`" in readme, path.name
    for folder in ("names/lexicon/", "dates/<lang>.toml", "languages/<code>.toml"):
        assert folder in readme, folder
