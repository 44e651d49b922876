"""Single names: name data, lexicon, spelling, style, reverse search, conversion, keys, matching.

Modules: ``data`` (given names, surnames, morphology), ``lexicon`` (known conventional
spellings), ``inversion`` (Latin pieces back to Cyrillic, derived from the scheme tables),
``search`` (one word back to Cyrillic), ``spelling`` and ``style`` (how Russian a reading looks,
which scheme a spelling follows), ``reverse`` (ranked Cyrillic candidates), ``conversion``
(any spelling into another), ``parts``, ``keys`` (one key per name) and ``matching``.
"""
