"""translit: make multilingual news text comparable.

Russian names between Latin spellings and Cyrillic through readable rule tables, and dates and
times to ISO 8601 / UTC. Importing this package reads no table and compiles no pattern.

>>> import translit
>>> translit.transliterate("Юлия Пересильд", "de")
'Julija Peressild'
"""

from typing import TYPE_CHECKING

from translit.errors import InputError, SchemeNotFoundError, TableError, TranslitError
from translit.registry import (
    add_tables,
    get_scheme,
    list_schemes,
    load_table,
    transliterate,
)
from translit.schemes import Scheme, TraceStep

if TYPE_CHECKING:
    from translit.convert import convert
    from translit.lexicon import add_lexicon
    from translit.matching import MatchResult, match
    from translit.name_key import name_key
    from translit.reverse import Candidate, to_cyrillic

_LAZY = {"convert": "translit.convert", "add_lexicon": "translit.lexicon",
         "MatchResult": "translit.matching", "match": "translit.matching",
         "name_key": "translit.name_key", "Candidate": "translit.reverse",
         "to_cyrillic": "translit.reverse"}
"""The name functions, imported on first use so that ``import translit`` stays fast."""


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'translit' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)

__version__ = "0.1.0"

__all__ = [
    "Candidate",
    "InputError",
    "MatchResult",
    "Scheme",
    "SchemeNotFoundError",
    "TableError",
    "TraceStep",
    "TranslitError",
    "__version__",
    "add_lexicon",
    "add_tables",
    "convert",
    "get_scheme",
    "list_schemes",
    "load_table",
    "match",
    "name_key",
    "to_cyrillic",
    "transliterate",
]
