"""Whole articles: ``document`` (normalize one text), ``batch`` (files, pieces, processes),
``align`` (what several documents share) and ``textio`` (safe reading and atomic writing).
"""
