"""Years on their own: "in 2020", "seit 2014", "в 2020 году", and bare years in a date's place.

A four-digit number from 1900 to 2100 is a year after a year preposition ("in", "seit") or before
a year marker ("году"). Without either it is a year only where the words around it say so, since
most such numbers are counts, money or names:

- nothing joins it to the word before: no currency sign, "No.", hyphen or slash ("$2000",
  "MS-2000"), no quantity word ("about", "rund", "около": ``count_before``) and no capitalized
  word that is not a sentence's first ("Windows 2000", "Euro 2020");
- and what follows is a punctuation mark or a word that follows years (``year_after``: "was",
  "will"), or, in German, where nouns are capitalized, any lowercase word ("2022 in die Kinos";
  "2000 Menschen" is a count);
- or an article stands before it and an event's word after it (``event_year_before``,
  ``event_after``: "the 2022 Olympics", "the 2014 election", "the 2018 World Cup");
- never before a unit or a counted noun (``count_after``: "people", "Prozent", "человек"), a
  percent sign or a hyphen ("2021-22").

>>> from translit.temporal.grammar import parse
>>> [e.year for e in parse("Der Film soll 2022 in die Kinos kommen.", "de")]
[2022]
>>> parse("Mehr als 2000 Menschen kamen.", "de"), parse("It had 2000 people.", "en")
([], [])
"""

from __future__ import annotations

from translit.schemes.languages import language
from translit.temporal.expr import Expr
from translit.temporal.parser import Parser

Result = tuple[Expr, int] | None
FIRST, LAST = 1900, 2100
JOINED_BEFORE = "$€£¥#№+-–/:.,'’"
JOINED_AFTER = "%-–/:°'’"
CLOSING = ",;:.!?)»“\""


def year(p: Parser, i: int) -> Result:
    """in 2020, seit 2014, в 2020 году, 1961 года; bare: "Der Film soll 2022 in die Kinos";
    a span of years "1985–1991" (one interval); a year in parentheses "(1877)"."""
    value = p.year_number(i)
    if value is None:
        return None
    token = p.tokens[i]
    last = p.year_number(i + 1)
    if last is not None and value < last <= value + 100 and p.gap(i, i + 1) in ("-", "–") \
            and not (p.text[max(0, token.start - 1):token.start].isalnum()
                     or p.text[max(0, token.start - 1):token.start] in ("-", "–", "/")) \
            and p.text[p.tokens[i + 1].end:p.tokens[i + 1].end + 1] not in ("-", "–", "/"):
        expr, end = p.expr("date", i, p.year_suffix(i + 1), year=value)
        expr.until = Expr("date", p.tokens[i + 1].start, p.tokens[i + 1].end, year=last)
        return expr, end
    if p.text[token.start - 1:token.start] == "(" and p.text[token.end:token.end + 1] == ")" \
            and 1000 <= value <= LAST:
        return p.expr("date", i, i + 1, year=value)  # "War and Peace (1869)"
    if not FIRST <= value <= LAST:
        return None
    end = p.year_suffix(i)
    if end > i + 1:
        return p.expr("date", i, end, year=value)
    if _counted(p, token.end):
        return None
    if p.context.preceded_by(token.start, p.lex.context["year_prepositions"]) or _bare(p, i):
        return p.expr("date", i, end, year=value)
    return None


def _next_word(p: Parser, pos: int) -> str:
    return p.text[pos:pos + 40].split(maxsplit=1)[0] if p.text[pos:pos + 40].strip() else ""


def _counted(p: Parser, pos: int) -> bool:
    """A unit, counted noun or sign right after the number."""
    if p.text[pos:pos + 1] in tuple(JOINED_AFTER):
        return True
    word = _next_word(p, pos).lower().rstrip(CLOSING)
    return word in p.lex.context["count_after"]


def _bare(p: Parser, i: int) -> bool:
    """Whether the number at token ``i``, without a preposition, stands where a year goes."""
    token = p.tokens[i]
    text = p.text
    if token.start and text[token.start - 1] in JOINED_BEFORE:
        return False
    if _event_year(p, i):
        return True  # the 2022 Olympics, the 2014 election
    if p.context.preceded_by(token.start, p.lex.context["count_before"]):
        return False
    before = text[max(0, token.start - 40):token.start].split()
    if before and before[-1][:1].isupper() and not _opens_sentence(text, token.start,
                                                                     before[-1], p.lang) \
            and not (p.lang == "de" and len(before) > 1
                     and before[-2].lower() in p.lex.context["noun_articles"]) \
            and not (p.lang == "de" and _next_word(p, token.end).lower().rstrip(CLOSING)
                     in p.lex.context["year_after"]):
        return False  # "Windows 2000"; but a German noun after its article: "des Vertrags 2024"
    following = text[token.end:token.end + 1]
    if following == "" or following == "\n" or following in CLOSING:
        return True
    word = _next_word(p, token.end)
    if p.lang == "de":
        return word[:1].islower()
    return word.lower().rstrip(CLOSING) in p.lex.context["year_after"]


def _event_year(p: Parser, i: int) -> bool:
    """An article before the number and an event's word after it: "the 2022 Olympics"."""
    token = p.tokens[i]
    if not p.context.preceded_by(token.start, p.lex.context["event_year_before"]):
        return False
    word = _next_word(p, token.end).lower().rstrip(CLOSING)
    return word in p.lex.context["event_after"]


def _opens_sentence(text: str, pos: int, word: str, lang: str) -> bool:
    """Whether ``word`` (the one before ``pos``) is the first of its sentence (the language's
    ``date_sentence_marks`` before it)."""
    start = text.rfind(word, max(0, pos - 80), pos)
    head = text[max(0, start - 20):start].rstrip()
    return start <= 0 or not head or head[-1] in language(lang).date_sentence_marks
