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

import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from translit.errors import TableError
from translit.loader import builtin_table_dir


def names_dir() -> Path:
    """The folder of the built-in name tables."""
    return builtin_table_dir() / "names"


def read_toml(path: str | Path) -> dict[str, Any]:
    """Parse a TOML file, naming the file and line of any error."""
    import tomllib

    try:
        text = Path(path).read_bytes().decode("utf-8")
    except OSError as exc:
        raise TableError(f"cannot read table: {exc.strerror or exc}", path=str(path)) from None
    except UnicodeDecodeError as exc:
        raise TableError(f"not UTF-8 at byte {exc.start}", path=str(path)) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TableError(f"invalid TOML: {exc}", path=str(path)) from None


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
    variant_of: dict[str, str]
    surnames: dict[str, tuple[int, str]]
    pairs: dict[str, str]
    patronymics: dict[str, str]
    endings: tuple[tuple[str, str], ...]
    feminine: tuple[tuple[str, str], ...]
    patronymic_suffixes: tuple[tuple[str, str], ...]

    def surname_gender(self, word: str) -> str | None:
        """``m``/``f`` for a known surname form or a gendered surname ending, else None."""
        found = self.surnames.get(word)
        if found is not None and found[1] != "?":
            return found[1]
        for ending, gender in self.endings:
            if word.endswith(ending) and len(word) > len(ending) + 1:
                return gender if gender in ("m", "f") else None
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


def _read_surnames(path: Path) -> tuple[dict[str, tuple[int, str]], dict[str, str]]:
    surnames: dict[str, tuple[int, str]] = {}
    pairs: dict[str, str] = {}
    if not path.is_file():
        return surnames, pairs
    header: list[str] | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
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
            pairs[masculine] = feminine
            pairs[feminine] = masculine
    return surnames, pairs


def _read_given(path: Path) -> dict[str, GivenName]:
    if not path.is_file():
        return {}
    data = read_toml(path)
    table = data.get("names", data)
    out: dict[str, GivenName] = {}
    for name, entry in table.items():
        if not isinstance(entry, dict):
            continue
        gender = str(entry.get("gender", "?"))[:1].lower()
        variants = _strings(entry.get("variants", ())) + _strings(entry.get("latin", ()))
        cyrillic = tuple(_norm(v) for v in variants if _is_cyrillic(v))
        latin = tuple(_norm(v) for v in variants if v and not _is_cyrillic(v))
        frequency = entry.get("frequency", 3)
        out[_norm(name)] = GivenName(
            _norm(name), gender, frequency if isinstance(frequency, int) else 3,
            cyrillic, latin, tuple(_norm(p) for p in _strings(entry.get("patronymics", ()))))
    return out


def _pairs_from(value: Any) -> tuple[tuple[str, str], ...]:
    """[[a, b], …], {a = b}, or [{masculine = a, feminine = b}, …] as ((a, b), …)."""
    out: list[tuple[str, str]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            for target in _strings(item):
                out.append((_norm(key), _norm(target)))
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, list) and len(item) == 2:
                out.append((_norm(str(item[0])), _norm(str(item[1]))))
            elif isinstance(item, dict):
                keys = [k for k in ("masculine", "from", "ending", "m") if k in item]
                vals = [k for k in ("feminine", "to", "f") if k in item]
                if keys and vals:
                    out.append((_norm(str(item[keys[0]])), _norm(str(item[vals[0]]))))
    return tuple(out)


def _read_morphology(path: Path) -> tuple[tuple[tuple[str, str], ...], ...]:
    if not path.is_file():
        return (), (), ()
    data = read_toml(path)
    endings: list[tuple[str, str]] = []
    section = data.get("surname_endings", data.get("endings", {}))
    if isinstance(section, dict):
        for key, value in section.items():
            if key in ("m", "f", "masculine", "feminine") and isinstance(value, list):
                endings.extend((_norm(e), key[0]) for e in _strings(value))
            elif isinstance(value, dict):
                endings.append((_norm(key), str(value.get("gender", "?"))[:1]))
            elif isinstance(value, str):
                endings.append((_norm(key), value[:1].lower()))
    feminine = _pairs_from(data.get("feminine", data.get("feminine_formation", {})))
    suffixes: list[tuple[str, str]] = []
    section = data.get("patronymic", data.get("patronymics", {}))
    if isinstance(section, dict):
        for key, value in section.items():
            if key in ("m", "f", "masculine", "feminine"):
                suffixes.extend((_norm(s), key[0]) for s in _strings(value))
    endings.sort(key=lambda item: -len(item[0]))
    return tuple(endings), feminine, tuple(suffixes)


def _patronymics(given: dict[str, GivenName],
                 suffixes: tuple[tuple[str, str], ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for entry in given.values():
        for index, form in enumerate(entry.patronymics):
            out[form] = "f" if form.endswith("на") else ("m" if index == 0 else "f")
    for ending, gender in suffixes:
        out.setdefault(f"*{ending}", gender)
    return out


def load_name_data(folder: Path) -> NameData:
    """Read the three name tables of ``folder`` into a :class:`NameData`."""
    surnames, pairs = _read_surnames(folder / "surnames.tsv")
    given = _read_given(folder / "given_names.toml")
    endings, feminine, suffixes = _read_morphology(folder / "morphology.toml")
    variant_of = {v: name for name, entry in given.items() for v in entry.variants}
    return NameData(given, variant_of, surnames, pairs, _patronymics(given, suffixes),
                    endings, feminine, suffixes)


_lock = threading.Lock()
_state: dict[str, NameData] = {}


def name_data() -> NameData:
    """The built-in name tables (read on first use)."""
    found = _state.get("data")
    if found is None:
        with _lock:
            found = _state.get("data")
            if found is None:
                found = load_name_data(names_dir())
                _state["data"] = found
    return found


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
    """Every Cyrillic word the name tables and scheme samples hold (for the letter model)."""
    from translit.lexicon import lexicon_words
    from translit.registry import list_schemes

    data = name_data()
    words: list[str] = []
    words.extend(data.surnames)
    for entry in data.given.values():
        words.append(entry.name)
        words.extend(entry.variants)
        words.extend(entry.patronymics)
    words.extend(lexicon_words())
    for scheme in list_schemes():
        for sample in scheme.spec.samples:
            words.extend(w for w in sample.lower().replace("-", " ").split() if w.isalpha())
    return [w for w in words if w and _is_cyrillic(w)]


def reset() -> None:
    """Forget the tables read so far."""
    with _lock:
        _state.clear()
