"""Names the tables list, in Russian sentences (issue 16): foreign people in Cyrillic, places
that CLDR names, abbreviations and short forms, read back from their case and written in the
target's usual form; their Latin forms in English text stay no Russian names."""

from __future__ import annotations

from pathlib import Path

import pytest

from translit.articles.align import align
from translit.articles.document import normalize
from translit.errors import TableError
from translit.names.keys import name_key
from translit.names.lexicon import Lexicon, read_lexicon_file
from translit.table_layer import read_toml
from translit.text.listed_forms import listed_form

ROOT = Path(__file__).resolve().parents[2]


def _names(text: str, to: str) -> list[tuple[str, str, str]]:
    spans = normalize(text, lang="ru", names_to=to).spans
    return [(s["text"], s["value"], s["entity"]) for s in spans if s["kind"] == "name"]


def test_every_sample_of_the_case_endings_table() -> None:
    data, _ = read_toml(ROOT / "tables" / "names" / "case_endings.toml")
    assert len(data["samples"]) >= 5
    for inflected, listed in data["samples"].items():
        assert listed_form(tuple(inflected.split())) == tuple(listed.split()), inflected


def test_a_word_no_table_lists_is_not_read_back() -> None:
    assert listed_form(("Мечта",)) is None
    assert listed_form(("Москве",)) == ("Москва",)


@pytest.mark.parametrize(("text", "english", "german"), [
    ("Фильм с Томом Крузом сняли быстро.", "Tom Cruise", "Tom Cruise"),
    ("Ракета компании Илона Маска взлетела.", "Elon Musk", "Elon Musk"),
    ("Слова Олафа Шольца обсуждали.", "Olaf Scholz", "Olaf Scholz"),
    ("Встреча с Эмманюэлем Макроном прошла.", "Emmanuel Macron", "Emmanuel Macron"),
    ("Космонавты вернулись в Казахстан.", "Kazakhstan", "Kasachstan"),
    ("Экипаж приземлился в Казахстане.", "Kazakhstan", "Kasachstan"),
    ("Он уехал в Германию.", "Germany", "Deutschland"),
    ("Распад СССР изменил мир.", "USSR", "UdSSR"),
    ("В 1985 году ЦК КПСС собрался.", "CPSU Central Committee", "ZK der KPdSU"),
    ("Делегация уехала в Петербург.", "Saint Petersburg", "Sankt Petersburg"),
    ("Они жили в Париже.", "Paris", "Paris"),  # a foreign place over the gazetteer's village
    ("Учения прошли в Балтийском море.", "Baltic Sea", "Ostsee"),  # a lowercase word, inflected
    ("Танкер вышел из Персидского залива.", "Persian Gulf", "Persischer Golf"),
])
def test_listed_names_in_the_targets_usual_form(text: str, english: str, german: str) -> None:
    assert english in [value for _, value, _ in _names(text, "en")]
    assert german in [value for _, value, _ in _names(text, "de")]


def test_an_abbreviation_keeps_the_case_the_tables_give_its_translation() -> None:
    assert _names("Официальный представитель МИД Мария Захарова сказала.", "en") == [
        ("МИД", "Foreign Ministry", "organization"),
        ("Мария Захарова", "Maria Zakharova", "person")]
    assert _names("ГАЗПРОМ И РОСКОСМОС", "en") == [
        ("ГАЗПРОМ", "GAZPROM", "organization"), ("РОСКОСМОС", "ROSCOSMOS", "organization")]


def test_a_short_form_has_the_key_of_the_full_name() -> None:
    assert name_key("Петербург") == name_key("Saint Petersburg") == name_key("Санкт-Петербург")
    assert name_key("СССР") == name_key("USSR") == name_key("Sowjetunion") \
        == name_key("Советский Союз")


def test_foreign_names_in_latin_text_stay_as_written() -> None:
    document = normalize("Tom Cruise and Elon Musk met Magnus Carlsen in Moscow.", lang="en",
                         names_to="de")
    assert [s["text"] for s in document.spans if s["kind"] == "name"] == ["Moscow"]


def test_align_joins_foreign_people_and_places_across_languages() -> None:
    documents = [
        normalize("Фильм с Томом Крузом снимали в Казахстане. Крузу помогал NASA.", lang="ru",
                  source="ru"),
        normalize("Tom Cruise filmed in Kazakhstan with NASA.", lang="en", source="en"),
        normalize("Tom Cruise drehte in Kasachstan.", lang="de", source="de")]
    groups = {g.label: sorted(m.text for m in g.mentions) for g in align(documents)}
    cruise = next(texts for label, texts in groups.items() if "Томом Крузом" in texts)
    assert cruise.count("Tom Cruise") == 2
    kazakhstan = next(texts for label, texts in groups.items() if "Казахстане" in texts)
    assert sorted(kazakhstan) == ["Kasachstan", "Kazakhstan", "Казахстане"]


def test_origin_and_same_as_must_be_strings(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[[entry]]\nkind = "person"\ncyrillic = "Том Круз"\norigin = 1\n',
                    encoding="utf-8")
    with pytest.raises(TableError, match=r"entry\[0\]\.origin: origin must be a string"):
        read_lexicon_file(path, Lexicon())


def test_a_short_form_without_spellings_is_written_as_the_full_name(tmp_path: Path) -> None:
    path = tmp_path / "short.toml"
    path.write_text('[[entry]]\nkind = "place"\ncyrillic = "Нижний Новгород"\nen = "Nizhny '
                    'Novgorod"\n\n[[entry]]\nkind = "place"\ncyrillic = "Нижний"\n'
                    'same_as = "Нижний Новгород"\n', encoding="utf-8")
    table = Lexicon()
    read_lexicon_file(path, table)
    assert table.spelling("Нижний", "en") == "Nizhny Novgorod"
    assert table.key_name("нижний") == "Нижний Новгород"
    assert "nizhny novgorod" not in table.foreign


@pytest.mark.parametrize(("text", "names"), [
    ("Их встретил канцлер Германии Олаф Шольц.", ["Германии", "Олаф Шольц"]),
    ("Вдова Бориса Ельцина Наина Ельцина приехала.", ["Бориса Ельцина", "Наина Ельцина"]),
    ("Глава Сбербанка Герман Греф выступил.", ["Сбербанка", "Герман Греф"]),
    ("Официальный представитель МИД Мария Захарова ответила.", ["МИД", "Мария Захарова"]),
    ("С ним встретился Сергей Павлович Королёв.", ["Сергей Павлович Королёв"]),
    ("Письмо подписал В. В. Путин.", ["В. В. Путин"]),
    ("Мировой рекорд Юрия Седых стоит.", ["Юрия Седых"]),
    ("Комбинатом руководил Владимир Долгих.", ["Владимир Долгих"]),
])
def test_a_given_name_after_another_name_starts_a_new_one(text: str, names: list[str]) -> None:
    from translit.text.finder import find_names

    assert [m.text for m in find_names(text, lang="ru")] == names


def test_a_listed_place_inside_a_persons_name_is_no_place() -> None:
    english = _names("Милан Кундера и Лион Фейхтвангер жили в Париже.", "en")
    german = _names("Милан Кундера и Лион Фейхтвангер жили в Париже.", "de")
    assert [v for _, v, _ in english][:2] == ["Milan Kundera", "Lion Feykhtvanger"]
    assert [v for _, v, _ in german][:2] == ["Milan Kundera", "Lion Feichtwanger"]  # no Mailand


def test_yo_comes_back_in_names_only() -> None:
    from translit.text.morphology import dictionary_forms

    assert dictionary_forms(("Кундеры",)) != ("Кундёр",)
    assert dictionary_forms(("Кундера",)) == ("Кундера",)  # the dictionary's common noun кундёра
    assert dictionary_forms(("Сергея", "Королева")) == ("Сергей", "Королёв")


@pytest.mark.parametrize(("text", "expected"), [
    ("Сборная сыграет с Москвой в среду.", ("Москвой", "Moscow", "place")),
    ("Договор с Тулой подписали вчера.", ("Тулой", "Tula", "place")),
    ("Переговоры с Кремлем шли долго.", ("Кремлем", "Kremlin", "organization")),
    ("Встреча с Ивановой прошла вчера.", ("Ивановой", "Ivanova", "person")),
])
def test_a_listed_place_in_the_instrumental_is_no_surname(
        text: str, expected: tuple[str, str, str]) -> None:
    assert _names(text, "en") == [expected]


@pytest.mark.parametrize(("text", "names"), [
    ("Переписка Хрущёва Кеннеди известна.", ["Хрущёва", "Кеннеди"]),
    ("Встреча с Шеварднадзе Горбачев отложил.", ["Шеварднадзе", "Горбачев"]),
    ("В Штутгарте Седых победил.", ["Штутгарте", "Седых"]),
])
def test_a_name_that_stands_alone_takes_no_second_surname(text: str, names: list[str]) -> None:
    from translit.text.finder import find_names

    assert [m.text for m in find_names(text, lang="ru")] == names


def test_a_sentence_after_an_initial_is_no_part_of_the_name() -> None:
    from translit.text.finder import find_names

    texts = [m.text for m in find_names("Прилетел Ван И. Позже Шойгу уехал.", lang="ru")]
    assert "Позже" not in " ".join(texts)
    assert texts[-1] == "Шойгу"


def test_initials_are_kept_and_the_surname_read_back() -> None:
    english = _names("Памятник Ф. М. Достоевскому открыли.", "en")
    german = _names("Памятник Ф. М. Достоевскому открыли.", "de")
    assert english == [("Ф. М. Достоевскому", "F. M. Dostoevsky", "person")]
    assert german[0][1].startswith("F. M. Dost")


def test_a_russian_name_never_crosses_a_line_break() -> None:
    from translit.text.finder import find_names

    texts = [m.text for m in find_names("Встречали Юрий\nГагарин и Герман Титов.", lang="ru")]
    assert "Юрий\nГагарин" not in texts
    assert "Герман Титов" in texts


def test_names_in_title_quotes_are_the_titles_not_people() -> None:
    spans = _names("Газета «Коммерсантъ» пишет, что фильм «Вызов» снят.", "en")
    assert ("Коммерсантъ", "Kommersant", "organization") in spans
    assert all(text != "Вызов" for text, _, _ in spans)


@pytest.mark.parametrize(("text", "value"), [
    ("Как сообщили «Известиям» в компании.", "Izvestia"),
    ("По данным «Коммерсанта», сделка сорвалась.", "Kommersant"),
])
def test_a_listed_newspaper_is_read_back_from_its_case(text: str, value: str) -> None:
    assert [(v, e) for _, v, e in _names(text, "en")] == [(value, "organization")]


def test_title_quotes_must_be_pairs(tmp_path: Path) -> None:
    from translit.schemes.languages import read_language_table

    path = tmp_path / "xx.toml"
    path.write_text('[names]\ntitle_quotes = ["«»", "„"]\n', encoding="utf-8")
    with pytest.raises(TableError, match="title_quotes"):
        read_language_table(path)
