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
    from translit.align import Group, align
    from translit.convert import convert
    from translit.document import Document, normalize
    from translit.lexicon import add_lexicon
    from translit.matching import MatchResult, match
    from translit.name_key import name_key
    from translit.namefinder import NameMention, find_names
    from translit.reverse import Candidate, to_cyrillic
    from translit.temporal import find_dates

_LAZY = {"convert": "translit.convert", "add_lexicon": "translit.lexicon",
         "MatchResult": "translit.matching", "match": "translit.matching",
         "name_key": "translit.name_key", "Candidate": "translit.reverse",
         "to_cyrillic": "translit.reverse", "normalize": "translit.document",
         "Document": "translit.document", "align": "translit.align", "Group": "translit.align",
         "find_names": "translit.namefinder", "NameMention": "translit.namefinder",
         "find_dates": "translit.temporal"}
"""Functions imported on first use so that ``import translit`` stays fast."""


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'translit' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)

__version__ = "0.1.0"

__all__ = [
    "Candidate",
    "Document",
    "Group",
    "InputError",
    "MatchResult",
    "NameMention",
    "Scheme",
    "SchemeNotFoundError",
    "TableError",
    "TraceStep",
    "TranslitError",
    "__version__",
    "add_lexicon",
    "add_tables",
    "align",
    "convert",
    "find_dates",
    "find_names",
    "get_scheme",
    "list_schemes",
    "load_table",
    "match",
    "name_key",
    "normalize",
    "to_cyrillic",
    "transliterate",
]
