"""Scheme tables: reading a table and what it ``extends``, the engine, lint, checks, inverse.

One TOML file is one scheme (``tables/schemes/<id>.toml`` or a user table). Modules:
``loader`` (read and merge a table), ``engine`` (forward rules), ``scheme`` (the compiled
:class:`~translit.schemes.scheme.Scheme` with trace), ``registry`` (schemes by id),
``inverse`` (the exact inverse of a one-to-one scheme), ``lint`` and ``checks``.
"""
