"""translit: make multilingual news text comparable.

Russian names between Latin spellings and Cyrillic through readable rule tables, and dates and
times to ISO 8601 / UTC. Importing this package reads no table and compiles no pattern.

>>> import translit
>>> translit.transliterate("Юлия Пересильд", "de")
'Julija Peressild'
"""

from translit.errors import InputError, SchemeNotFoundError, TableError, TranslitError
from translit.registry import (
    add_tables,
    get_scheme,
    list_schemes,
    load_table,
    transliterate,
)
from translit.schemes import Scheme, TraceStep

__version__ = "0.1.0"

__all__ = [
    "InputError",
    "Scheme",
    "SchemeNotFoundError",
    "TableError",
    "TraceStep",
    "TranslitError",
    "__version__",
    "add_tables",
    "get_scheme",
    "list_schemes",
    "load_table",
    "transliterate",
]
