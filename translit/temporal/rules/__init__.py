"""The grammar's rules, one module per family: dates, times, ranges, counts (durations), years.

Each rule looks at the tokens from one position (:class:`translit.temporal.parser.Parser`) and
returns an expression and the next position; :mod:`translit.temporal.grammar` orders them.
"""
