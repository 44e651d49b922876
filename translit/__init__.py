"""translit: make multilingual news text comparable.

Russian names between Latin spellings and Cyrillic through readable rule tables, and dates and
times to ISO 8601 / UTC. Importing this package reads no table and compiles no pattern.

>>> import translit
>>> translit.transliterate("Юлия Пересильд", "de")
'Julija Peressild'
"""

from translit.buildinfo import VERSION as __version__
from translit.errors import InputError, SchemeNotFoundError, TableError, TranslitError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (mypy knows the name)

if TYPE_CHECKING:
    from translit.articles.align import Group, align
    from translit.articles.document import Document, normalize
    from translit.names.keys import name_key
    from translit.names.lexicon import add_lexicon
    from translit.names.matching import MatchResult, match
    from translit.names.reverse import Candidate, to_cyrillic
    from translit.schemes.registry import (
        add_tables,
        get_scheme,
        list_schemes,
        load_table,
    )
    from translit.schemes.scheme import Scheme, TraceStep
    from translit.schemes.sources import transliterate
    from translit.temporal import find_dates
    from translit.temporal.timeml import to_timeml
    from translit.text.conversion import convert
    from translit.text.finder import NameMention, find_names

_LAZY = {"add_tables": "translit.schemes.registry", "get_scheme": "translit.schemes.registry",
         "list_schemes": "translit.schemes.registry", "load_table": "translit.schemes.registry",
         "transliterate": "translit.schemes.sources", "Scheme": "translit.schemes.scheme",
         "TraceStep": "translit.schemes.scheme", "convert": "translit.text.conversion",
         "add_lexicon": "translit.names.lexicon",
         "MatchResult": "translit.names.matching", "match": "translit.names.matching",
         "name_key": "translit.names.keys", "Candidate": "translit.names.reverse",
         "to_cyrillic": "translit.names.reverse", "normalize": "translit.articles.document",
         "Document": "translit.articles.document", "align": "translit.articles.align",
         "Group": "translit.articles.align",
         "find_names": "translit.text.finder", "NameMention": "translit.text.finder",
         "find_dates": "translit.temporal", "to_timeml": "translit.temporal.timeml"}
"""Functions imported on first use so that ``import translit`` stays fast."""


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'translit' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # no submodule of translit has a public name, so this holds
    return value

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
    "to_timeml",
    "transliterate",
]
