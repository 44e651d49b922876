"""ISO 9 round trip: every letter in every case, ъ ь э ё й included, and ``--from iso9`` as the
exact inverse (one reading, not ranked candidates)."""

from __future__ import annotations

import json
import unicodedata

import pytest
from cli_runner import run_cli
from hypothesis import given, settings
from hypothesis import strategies as st

from translit import TranslitError, get_scheme
from translit.names.reverse import to_cyrillic
from translit.schemes.inverse import has_exact_inverse, invert
from translit.schemes.loader import read_table
from translit.table_layer import builtin_dir
from translit.text.conversion import convert

RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
SIGNS = "ъьЪЬ"
CASES = {"lower": str.lower, "Title": lambda word: word[:1].upper() + word[1:].lower(),
         "UPPER": str.upper}


def _back(cyrillic: str) -> str:
    """``cyrillic`` to ISO 9 and back through the exact inverse."""
    iso9 = get_scheme("iso9")
    return invert(iso9, iso9.transliterate(cyrillic))


def _shows_case(word: str) -> bool:
    """Whether a lower, Title or UPPER word alone shows the case of its signs (the inverse
    module's rules): not signs alone in capitals (Ъ), not one letter and signs in ALL CAPS (СЪ,
    ЪГ, which read Съ, Ъг)."""
    letters = [c for c in word if c not in SIGNS]
    if not letters:
        return word.islower()
    return not (len(letters) == 1 and len(word) > 1 and word.isupper())


PAIRS = [
    # The words.
    ("ОБЪЁМ", "OBʺËM"), ("Объём", "Obʺëm"), ("объём", "obʺëm"),
    ("Мэр", "Mèr"), ("МЭР", "MÈR"), ("мэр", "mèr"),
    # ъ and ь at the start, in the middle and at the end, in each case.
    ("ЪЕЛ", "ʺEL"), ("ЬЕЛ", "ʹEL"), ("ъел", "ʺel"), ("ьел", "ʹel"), ("Ъел", "ʺEl"),
    ("Ъгъл", "ʺGʺl"), ("Ьъгъл", "ʹʺGʺl"), ("Ъг", "ʺG"), ("Ъгъ", "ʺGʺ"),
    ("ПОДЪЕЗД", "PODʺEZD"), ("Подъезд", "Podʺezd"), ("подъезд", "podʺezd"),
    ("ВЬЮГА", "VʹÛGA"), ("Вьюга", "Vʹûga"), ("вьюга", "vʹûga"),
    ("СЕМЬ", "SEMʹ"), ("Семь", "Semʹ"), ("семь", "semʹ"),
    ("СЪЕЗДЪ", "SʺEZDʺ"), ("Съездъ", "Sʺezdʺ"), ("съездъ", "sʺezdʺ"),
    ("ОБЪЬЯ", "OBʺʹÂ"), ("Объья", "Obʺʹâ"), ("ТВЕРЬЪ", "TVERʹʺ"), ("Тверьъ", "Tverʹʺ"),
    # э, ё, й at the start, in the middle and at the end, in each case.
    ("ЭХО", "ÈHO"), ("Эхо", "Èho"), ("эхо", "èho"),
    ("ПОЭТ", "POÈT"), ("Поэт", "Poèt"), ("алоэ", "aloè"), ("АЛОЭ", "ALOÈ"),
    ("ЁЖ", "ËŽ"), ("Ёж", "Ëž"), ("ёж", "ëž"), ("ЛЁД", "LËD"), ("Лёд", "Lëd"), ("ВСЁ", "VSË"),
    ("ЙОД", "JOD"), ("Йод", "Jod"), ("йод", "jod"), ("МАЙКА", "MAJKA"), ("Чай", "Čaj"),
    ("ЧАЙ", "ČAJ"),
    # Every other letter with a mark, and a capital whose mark has no precomposed form.
    ("ЖЧШЩЮЯ", "ŽČŠŜÛÂ"), ("жчшщюя", "žčšŝûâ"), ("ЦХЫ", "CHY"), ("СКОПЈЕ", "SKOPJ̌E"),
    # Mixed case: every letter but ъ ь keeps its own case (the capital does not move on).
    ("ПодЪЕзд", "PodʺEzd"), ("аЬБв", "aʹBv"),
    # Words of one letter and signs take the case of the words around them.
    ("ВЪ ОБЩЕСТВѢ", "Vʺ OBŜESTVĚ"), ("Въ обществѣ", "Vʺ obŝestvě"),
    ("БУКВА Ъ", "BUKVA ʺ"), ("буква ъ", "bukva ʺ"), ("Буква ъ", "Bukva ʺ"),
    ("ПИСЬМО, ЪЬ, СЪ", "PISʹMO, ʺʹ, Sʺ"),
]


@pytest.mark.parametrize(("cyrillic", "latin"), PAIRS, ids=[c for c, _ in PAIRS])
def test_both_ways(cyrillic: str, latin: str) -> None:
    iso9 = get_scheme("iso9")
    assert iso9.transliterate(cyrillic) == unicodedata.normalize("NFC", latin)
    assert invert(iso9, latin) == cyrillic
    assert convert(latin, to="cyrillic", source="iso9") == cyrillic


@pytest.mark.parametrize(("latin", "cyrillic"), [
    ("ʺ", "ъ"), ("ʹʺ", "ьъ"),  # Ъ and ъ are both ʺ: lowercase, with no ALL-CAPS word around
    ("Sʺ", "Съ"), ("ʺG", "Ъг"),  # СЪ and Съ are both Sʺ, ЪГ and Ъг ʺG: the first letter capital
    ("Sʺ Sʺ OBʺËM", "СЪ СЪ ОБЪЁМ"), ("OBʺËM ʹ", "ОБЪЁМ Ь"), ("Sʺ obʺëm", "Съ объём"),
    ("ʺG OBʺËM", "ЪГ ОБЪЁМ"), ("ʺG obʺëm", "Ъг объём"),
    ("aʹb", "аьб"), ("aʹB", "аЬБ"),  # mixed: the sign takes the case of the next cased letter
    ("ʺGL", "ЪГЛ"), ("ʺgL", "ъгЛ"),
])
def test_the_case_of_signs_that_their_word_cannot_show(latin: str, cyrillic: str) -> None:
    assert invert(get_scheme("iso9"), latin) == cyrillic


def test_the_capital_of_a_sign_goes_on_to_the_next_letter() -> None:
    """As in every table, outside ALL CAPS: Ъгъл and ЪГъл are both ʺGʺl, аЬб and аЬБ aʹB; the
    inverse reads the Title word (and the mixed one with a capital Б)."""
    iso9 = get_scheme("iso9")
    assert [iso9.transliterate(w) for w in ("Ъгъл", "ЪГъл", "ъгъл", "аЬб", "аЬБ")] == [
        "ʺGʺl", "ʺGʺl", "ʺgʺl", "aʹB", "aʹB"]


SAMPLES = read_table(builtin_dir() / "schemes" / "iso9.toml").samples


@pytest.mark.parametrize("source", sorted(SAMPLES))
def test_every_table_sample_reads_back(source: str) -> None:
    iso9 = get_scheme("iso9")
    for latin in SAMPLES[source]:
        assert invert(iso9, latin) == source


def test_mer_is_one_exact_answer_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["convert", "--from", "iso9", "--to", "cyrillic", "Mèr"], capsys)
    assert (code, out) == (0, "Мэр\n")
    code, out, _ = run_cli(["convert", "--from", "iso9", "--to", "cyrillic", "--candidates", "5",
                            "OBʺËM Mèr"], capsys)
    assert code == 0
    assert json.loads(out)["candidates"] == [
        {"text": "ОБЪЁМ Мэр", "score": 1.0, "schemes": ["iso9"]}]
    code, out, _ = run_cli(["convert", "--from", "iso9", "--to", "de", "Ûliâ Peresilʹd"], capsys)
    assert (code, out) == (0, "Julija Peressild\n")


def test_to_cyrillic_from_iso9_is_one_candidate() -> None:
    assert to_cyrillic("Mèr", source="iso9", n=5) == to_cyrillic("Mèr", source="iso9", n=1)
    (only,) = to_cyrillic("Mèr", source="iso9", n=5)
    assert (only.text, only.score, only.schemes) == ("Мэр", 1.0, ("iso9",))
    # A word ISO 9 never writes is kept, and the reading is then no ISO 9 spelling of the input.
    assert to_cyrillic("Mèr Moskvy", source="iso9")[0].text == "Мэр Москвы"
    (kept,) = to_cyrillic("Mèr Москва", source="iso9")
    assert (kept.text, kept.schemes) == ("Мэр Москва", ())


@pytest.mark.parametrize(("latin", "cyrillic"), [
    ("Wikipedia", "Wikipedia"), ("Moskwa", "Moskwa"), ("Xerox", "Xerox"), ("QIWI", "QIWI"),
    ("café", "café"), ("Moskva Wikipedia", "Москва Wikipedia"), ("Москва", "Москва"),
    ("Moskva, 12 oktâbrâ (Wired)", "Москва, 12 октября (Wired)"),
    ("Mèr-Wikipedia", "Мэр-Wikipedia"),
])
def test_a_word_that_is_not_iso9_stays_whole(latin: str, cyrillic: str) -> None:
    assert invert(get_scheme("iso9"), latin) == cyrillic
    assert convert(latin, to="cyrillic", source="iso9") == cyrillic


def test_only_one_letter_to_one_letter_schemes_have_an_exact_inverse() -> None:
    assert has_exact_inverse(get_scheme("iso9"))
    assert not has_exact_inverse(get_scheme("alalc"))  # х kh = к k + h: not one letter each
    assert not has_exact_inverse(get_scheme("de"))
    with pytest.raises(TranslitError, match="no exact inverse"):
        invert(get_scheme("alalc"), "Khrushchev")
    # Those are read back ranked, as before.
    assert convert("Peresilʹd", to="cyrillic", source="alalc") == "Пересильд"


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_two_letter_word(case: str) -> None:
    words = [CASES[case](a + b) for a in RUSSIAN for b in RUSSIAN]
    wrong = [w for w in words if _shows_case(w) and _back(w) != w]
    assert wrong == []
    # The rest differ only in the case of a sign.
    assert all(_back(w).lower() == w.lower() for w in words)


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("letter", list(RUSSIAN))
def test_each_letter_at_every_position(case: str, letter: str) -> None:
    for word in (letter + "ба", "б" + letter + "а", "ба" + letter, letter * 3):
        cased = CASES[case](word)
        if _shows_case(cased):
            assert _back(cased) == cased


words = st.text(alphabet=RUSSIAN, min_size=1, max_size=12)
separators = st.sampled_from([" ", "-", ", ", ". ", "\n", " 12 ", "; ", " (", ") "])


@settings(max_examples=400, deadline=None)
@given(word=words, case=st.sampled_from(sorted(CASES)))
def test_any_word_alone(word: str, case: str) -> None:
    cased = CASES[case](word)
    back = _back(cased)
    assert back.lower() == cased.lower()
    if _shows_case(cased):
        assert back == cased


def _text(pairs: list[tuple[str, str]]) -> str:
    return "".join(word + separator for word, separator in pairs)


@settings(max_examples=300, deadline=None)
@given(pairs=st.lists(st.tuples(words, separators), min_size=1, max_size=6),
       case=st.sampled_from(sorted(CASES)))
def test_texts_in_one_case(pairs: list[tuple[str, str]], case: str) -> None:
    """A text whose words are all lower, Title or UPPER comes back exactly: in UPPER, a word of
    one letter and signs (СЪ, Ъ) reads its case from the other words once one of them has two
    letters besides the signs; only a Title word of signs alone (Ъ) reads lowercase."""
    cased = [(CASES[case](word), separator) for word, separator in pairs]
    text = _text(cased)
    if case == "UPPER" and any(sum(c not in SIGNS for c in w) >= 2 for w, _ in cased):
        assert _back(text) == text
    elif case == "Title":
        expected = _text([(w.lower() if all(c in SIGNS for c in w) else w, s)
                          for w, s in cased])
        assert _back(text) == expected
    elif case == "lower":
        assert _back(text) == text
    else:
        assert _back(text).lower() == text.lower()


@settings(max_examples=300, deadline=None)
@given(word=words, mask=st.lists(st.booleans(), min_size=12, max_size=12))
def test_mixed_case_reads_back_a_word_of_the_same_spelling(word: str, mask: list[bool]) -> None:
    iso9 = get_scheme("iso9")
    cased = "".join(c.upper() if up else c for c, up in zip(word, mask, strict=False))
    latin = iso9.transliterate(cased)
    back = invert(iso9, latin)
    assert back.lower() == cased.lower()
    assert iso9.transliterate(back) == latin
