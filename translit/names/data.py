"""The Russian name tables of ``tables/names/``, read lazily, once, behind a lock.

- ``surnames.tsv``: rank, surname, feminine form, most frequent first;
- ``given_names.toml``: given names with gender, variants, patronymics and frequency class;
- ``morphology.toml``: surname endings, feminine formation and patronymic suffixes.

A table that is missing contributes nothing (the signals it feeds are then silent); one that is
malformed raises :class:`~translit.errors.TableError` naming the file.

>>> data = name_data()
>>> data.given["юлия"].gender
'f'
>>> data.surname_gender("петрова")
'f'
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from translit import table_layer
from translit.caching import Lazy
from translit.errors import TableError

NAMES = "names"
"""The folder of the name tables in every table folder."""


def read_toml(path: str | Path) -> dict[str, Any]:
    """Parse a TOML table, naming the file and line of any error."""
    return table_layer.read_toml(path)[0]


def _norm(text: str) -> str:
    return unicodedata.normalize("NFC", text.strip()).lower()


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(v for v in value if isinstance(v, str))
    if isinstance(value, dict):
        return tuple(v for v in value.values() if isinstance(v, str))
    return ()


def _is_cyrillic(text: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in text)


@dataclass(frozen=True)
class GivenName:
    """A given name: gender, frequency class (1 most common … 5), variants, patronymics."""

    name: str
    gender: str
    frequency: int
    variants: tuple[str, ...]
    latin: tuple[str, ...]
    patronymics: tuple[str, ...]


@dataclass(frozen=True)
class NameData:
    """Everything the name tables say, indexed for lookups (all keys lowercase Cyrillic)."""

    given: dict[str, GivenName]
    variant_of: dict[str, tuple[str, ...]]
    surnames: dict[str, tuple[int, str]]
    pairs: dict[str, str]
    patronymics: dict[str, str]
    endings: tuple[tuple[str, str], ...]
    feminine: tuple[tuple[str, str], ...]
    patronymic_suffixes: tuple[tuple[str, str], ...]
    ending_weights: dict[str, float]

    def surname_gender(self, word: str) -> str | None:
        """``m``/``f`` for a known surname form or a gendered surname ending, else None."""
        found = self.surnames.get(word)
        if found is not None and found[1] != "?":
            return found[1]
        for ending, gender in self.endings:
            if word.endswith(ending) and len(word) > len(ending) + 1:
                return gender if gender in ("m", "f") else None
        return None

    def surname_ending(self, word: str) -> str | None:
        """The longest surname ending of the morphology table that ``word`` has."""
        for ending, _ in self.endings:
            if word.endswith(ending) and len(word) > len(ending) + 1:
                return ending
        return None

    def related_forms(self, word: str) -> set[str]:
        """The other gender's form(s) of a surname, by the list and by the ending rules."""
        out = set()
        if word in self.pairs:
            out.add(self.pairs[word])
        for masculine, feminine in self.feminine:
            if word.endswith(masculine) and len(word) > len(masculine):
                out.add(word[: len(word) - len(masculine)] + feminine)
            if feminine and word.endswith(feminine) and len(word) > len(feminine):
                out.add(word[: len(word) - len(feminine)] + masculine)
        out.discard(word)
        return out


def _read_surnames(paths: list[Path]) -> tuple[dict[str, tuple[int, str]], dict[str, str]]:
    """The surnames of every file, the first file's entries winning."""
    surnames: dict[str, tuple[int, str]] = {}
    pairs: dict[str, str] = {}
    for path in paths:
        _read_surname_file(path, surnames, pairs)
    return surnames, pairs


def _read_surname_file(path: Path, surnames: dict[str, tuple[int, str]],
                       pairs: dict[str, str]) -> None:
    header: list[str] | None = None
    for number, raw in enumerate(table_layer.read_text(path).splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if header is None:
            header = [c.strip().lower() for c in cells]
            if "surname" not in header:
                raise TableError("needs a header with a 'surname' column", path=str(path),
                                 line=number)
            continue
        row = dict(zip(header, cells, strict=False))
        masculine = _norm(row.get("surname", ""))
        feminine = _norm(row.get("feminine", ""))
        rank_text = row.get("rank", "").strip()
        rank = int(rank_text) if rank_text.isdigit() else len(surnames) + 1
        if not masculine:
            continue
        same = feminine == masculine or not feminine
        surnames.setdefault(masculine, (rank, "?" if same else "m"))
        if not same:
            surnames.setdefault(feminine, (rank, "f"))
            pairs.setdefault(masculine, feminine)
            pairs.setdefault(feminine, masculine)


def _read_given(path: Path) -> dict[str, GivenName]:
    data = read_toml(path)
    table = data.get("names", {})
    if not isinstance(table, dict):
        raise TableError("[names] must be a table of names", path=str(path), key="names")
    out: dict[str, GivenName] = {}
    for name, entry in table.items():
        if not isinstance(entry, dict):
            raise TableError("must be a table", path=str(path), key=f"names.{name}")
        gender = str(entry.get("gender", "?"))[:1].lower()
        variants = _strings(entry.get("variants", ()))
        cyrillic = tuple(_norm(v) for v in variants if _is_cyrillic(v))
        latin = tuple(_norm(v) for v in variants if v and not _is_cyrillic(v))
        frequency = entry.get("frequency", 3)
        patronymics = _strings(entry.get("patronymic", entry.get("patronymics", ())))
        out[_norm(name)] = GivenName(
            _norm(name), gender, frequency if isinstance(frequency, int) else 3,
            cyrillic, latin, tuple(_norm(p) for p in patronymics))
    return out


Morphology = tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...],
                   tuple[tuple[str, int, str, str], ...], dict[str, float]]


def _read_morphology(path: Path | None) -> Morphology:
    """(ending, gender) longest first; (masculine, feminine) endings; patronymic rules; weights."""
    if path is None:
        return (), (), (), {}
    data = read_toml(path)
    endings: list[tuple[str, str]] = []
    feminine: list[tuple[str, str]] = []
    weights: dict[str, float] = {}
    for index, item in enumerate(data.get("surname", [])):
        if not isinstance(item, dict) or not isinstance(item.get("ending"), str):
            raise TableError("needs an 'ending'", path=str(path), key=f"surname[{index}]")
        ending = _norm(item["ending"])
        gender = str(item.get("gender", "mf"))
        endings.append((ending, gender if gender in ("m", "f") else "mf"))
        weights[ending] = float(item.get("weight", 0.5))
        if gender == "m" and isinstance(item.get("feminine"), str):
            feminine.append((ending, _norm(item["feminine"])))
        elif gender == "f":
            feminine.extend((_norm(m), ending) for m in _strings(item.get("masculine", ())))
    for masculine, female in data.get("exceptions", {}).items():
        if isinstance(female, str):
            feminine.append((_norm(masculine), _norm(female)))
    patronymic: list[tuple[str, int, str, str]] = []
    for index, item in enumerate(data.get("patronymic", [])):
        if not isinstance(item, dict) or not all(
                isinstance(item.get(k), str) for k in ("ending", "masculine", "feminine")):
            raise TableError("needs ending, masculine and feminine", path=str(path),
                             key=f"patronymic[{index}]")
        patronymic.append((_norm(item["ending"]), int(item.get("strip", 0)),
                           _norm(item["masculine"]), _norm(item["feminine"])))
    endings.sort(key=lambda item: -len(item[0]))
    patronymic.sort(key=lambda item: -len(item[0]))
    return tuple(endings), tuple(feminine), tuple(patronymic), weights


def _patronymics(given: dict[str, GivenName],
                 rules: tuple[tuple[str, int, str, str], ...]) -> dict[str, str]:
    """Every patronymic of a masculine given name (listed, or made by the rules) → gender."""
    out: dict[str, str] = {}
    for entry in given.values():
        if entry.gender != "m":
            continue
        forms = list(entry.patronymics)
        if not forms:
            for ending, strip, masculine, feminine in rules:
                if entry.name.endswith(ending):
                    stem = entry.name[: len(entry.name) - strip] if strip else entry.name
                    forms = [stem + masculine, stem + feminine]
                    break
        for index, form in enumerate(forms[:2]):
            out[form] = "m" if index == 0 else "f"
    return out


def load_name_data() -> NameData:
    """Read the three name tables into a :class:`NameData`: the surnames and given names of
    every table folder (a user folder's win), the morphology of the one that wins."""
    surnames, pairs = _read_surnames(table_layer.files(f"{NAMES}/surnames.tsv")[::-1])
    given: dict[str, GivenName] = {}
    for path in table_layer.files(f"{NAMES}/given_names.toml"):
        given.update(_read_given(path))
    morphology = table_layer.files(f"{NAMES}/morphology.toml")
    endings, feminine, rules, weights = _read_morphology(morphology[-1] if morphology else None)
    variant_of: dict[str, tuple[str, ...]] = {}
    for name, entry in given.items():
        for variant in entry.variants:
            variant_of[variant] = (*variant_of.get(variant, ()), name)
    suffixes = tuple(sorted({(m, "m") for _, _, m, _ in rules} | {(f, "f") for _, _, _, f in rules},
                            key=lambda item: -len(item[0])))
    return NameData(given, variant_of, surnames, pairs, _patronymics(given, rules),
                    endings, feminine, suffixes, weights)


_data = Lazy(load_name_data)


def name_data() -> NameData:
    """The name tables (read on first use, and again when the table folders change)."""
    return _data.get()


def patronymic_gender(word: str) -> str | None:
    """``m``/``f`` when ``word`` is a patronymic of a known name or ends like one."""
    data = name_data()
    found = data.patronymics.get(word)
    if found is not None:
        return found
    for ending, gender in data.patronymic_suffixes:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return gender
    return None


def training_words() -> list[str]:
    """Every Cyrillic word of the name tables (the letter model's training data).

    Only the name tables count: not the lexicon and not the scheme samples, so that the
    evaluation of rules alone does not see the names it is tested on.
    """
    data = name_data()
    words: list[str] = []
    words.extend(data.surnames)
    for entry in data.given.values():
        words.append(entry.name)
        words.extend(entry.variants)
        words.extend(entry.patronymics)
    return [w for w in words if w and _is_cyrillic(w) and w.isalpha()]
