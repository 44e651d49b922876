"""Grammar rules for what TimeML writes beyond days: reference words, parts of a year, decades
and centuries, sets and vague durations.

- reference words: "now", "recently", "the future", "derzeit", "сейчас" (``PRESENT_REF``,
  ``PAST_REF``, ``FUTURE_REF``);
- quarters, halves and centuries by their number: "the third quarter", "third-quarter",
  "the first half of 2021", "im dritten Quartal", "the 21st century" (``2021-Q3``, ``2021-H1``,
  ``20``); seasons and weekends: "summer 2021", "the summer of 1994", "im Herbst", "the weekend";
- the latest quarter a report means: "the quarter", "the year-ago quarter";
- decades: "the 1990s", "the '80s", "die 90er Jahre", "в 1990-е годы" (``199``);
- sets: "daily", "every Tuesday", "jeden Montag", "ежедневно" (``P1D``, ``XXXX-WXX-2``);
- vague durations: "several days", "for years", "seit Wochen", "несколько лет" (``PXD``, ``PXY``).

>>> from translit.temporal.grammar import parse
>>> [(e.fixed, e.period, e.year) for e in parse("now, in the third quarter of 1989", "en")]
[('PRESENT_REF', None, None), (None, 'Q3', 1989)]
"""

from __future__ import annotations

from translit.temporal.expr import Expr
from translit.temporal.parser import Parser
from translit.temporal.rules.durations import TIMEML_UNITS, duration_value

Result = tuple[Expr, int] | None
_BY_NUMBER = {"Q": ("Q", 4), "HALF": ("H", 2)}
"""The period letter of a unit counted by its number, and how many a year has."""


def reference(p: Parser, i: int) -> Result:
    """now, recently, the future, derzeit, bisher, сейчас, недавно."""
    meaning = p.tokens[i].get("ref")
    if meaning is None:
        return None
    following = p.tok(i + 1)
    if following is not None and p.touching(i, i + 1) and (following.kind == "num" or following.has(
            "unit", "number", "several", "period", "weekday", "month")):
        return None  # "the current quarter", "the past two months": another rule reads it
    return p.expr("date", i, i + 1, fixed=f"{meaning.value}_REF")


def _nth(p: Parser, i: int) -> int | None:
    """The number of an ordinal at token ``i``: "third", "3rd", "dritten", "третьем", "XX"."""
    token = p.tok(i)
    if token is None:
        return None
    meaning = token.get("nth")
    if meaning is not None:
        return int(meaning.value)
    if token.kind == "ordinal" and token.value is not None:
        return token.value
    if p.lang == "de" and token.kind == "num" and token.value is not None \
            and p.text.startswith(".", token.end):
        return token.value  # "im 20. Jahrhundert"
    following = p.tok(i + 1)
    unit = following.get("unit") if following is not None else None
    if p.lang == "ru" and token.kind == "num" and len(token.text) <= 2 and unit is not None \
            and unit.value == "CE" and not unit.plural and p.touching(i, i + 1):
        return token.value  # "в 20 веке"
    return None


def _year_before(p: Parser, i: int) -> int | None:
    """A year right before token ``i`` ("the 1988 third quarter", "fiscal 1989 first quarter")."""
    year = p.year_number(i - 1)
    return year if year is not None and p.touching(i - 1, i) else None


def _year_after(p: Parser, j: int) -> tuple[int | None, int]:
    """A year after token ``j - 1`` ("of 2021", "2021", "2021 года", "des Jahres 2019"), and the
    index after it."""
    word = p.tok(j)
    unit = word.get("unit") if word is not None else None
    if unit is not None and unit.value == "Y" and not unit.plural and p.near(j - 1, j, words=True) \
            and p.year_number(j + 1) is not None and p.touching(j, j + 1):
        j += 1  # "des Jahres 2019"
    year = p.year_number(j)
    if year is not None and p.near(j - 1, j, punct=",", words=True):
        return year, p.year_suffix(j)
    return None, j


def _years_after(p: Parser, j: int) -> tuple[int | None, int]:
    """Years from the reference year that token ``j`` and on name after a period: "des
    Vorjahres" (-1), "vergangenen Jahres", "прошлого года" (-1), "dieses Jahres" (0)."""
    word = p.tok(j)
    if word is None or not p.near(j - 1, j, words=True):
        return None, j
    back = word.get("yearago")
    if back is not None:
        return int(back.value), j + 1
    shift = word.get("shift")
    unit = p.tok(j + 1).get("unit") if p.tok(j + 1) is not None else None  # type: ignore[union-attr]
    if shift is not None and unit is not None and unit.value == "Y" and not unit.plural \
            and p.touching(j, j + 1):
        return int(shift.value), j + 2
    return None, j


def numbered(p: Parser, i: int) -> Result:
    """the third quarter, third-quarter, the first half of 2021, im dritten Quartal 2021,
    в третьем квартале, the 21st century, im 20. Jahrhundert, в XX веке (with the article
    before it, so that "in the third quarter" becomes "in 2021-Q3")."""
    found = _numbered(p, i)
    return (with_article(p, found[0]), found[1]) if found is not None else None


def _numbered(p: Parser, i: int) -> Result:
    following = p.tok(i + 1)
    if following is None or "unit" not in following.kinds:
        return None  # the unit comes right after the number ("third quarter")
    number = _nth(p, i)
    if number is None:
        return None
    j = i + 1
    unit_token = p.tok(j)
    if unit_token is None or not p.near(i, j, punct="-.", words=True):
        return None  # "first fiscal quarter": "fiscal" is a connector
    unit = unit_token.get("unit")
    if unit is None or unit.plural:
        return None
    start = i - 1 if _year_before(p, i) is not None else i
    years_back = 0
    before = p.tok(i - 1)
    if start == i and before is not None and before.has("yearago") and p.touching(i - 1, i):
        start, years_back = i - 1, int(before.get("yearago").value)  # type: ignore[union-attr]
    if unit.value == "CE":
        if not 1 <= number <= 99:
            return None
        return p.expr("date", start, j + 1, fixed=f"{number - 1:02d}")
    if unit.value == "W":  # "in der 40. Kalenderwoche 2021": a week needs its year
        year, end = _year_after(p, j + 1)
        if year is None or not 1 <= number <= 53:
            return None
        return p.expr("date", start, end, period=f"W{number:02d}", year=year)
    letter, count = _BY_NUMBER.get(str(unit.value), ("", 0))
    if not 1 <= number <= count:
        return None
    year = _year_before(p, i)
    end = j + 1
    if year is None:
        year, end = _year_after(p, j + 1)
    if year is None and not years_back:
        return _of_year(p, start, end, f"{letter}{number}")
    return p.expr("date", start, end, period=f"{letter}{number}", year=year,
                  nearest=year is None, year_shift=years_back or None)


def with_article(p: Parser, expr: Expr) -> Expr:
    """``expr`` with the article before it ("the third quarter" → "in 2021-Q3", not "in the
    2021-Q3"), as the language's ``shift_articles`` have it."""
    article = p.context.word_before(expr.start, p.lex.context["shift_articles"])
    if article is not None:
        expr.start = article
    return expr


def _of_year(p: Parser, start: int, end: int, period: str) -> Result:
    """A period without its year, or with the year named from the reference year ("im Sommer
    vergangenen Jahres", "в первом квартале будущего года"): the latest one begun, then moved."""
    years, after = _years_after(p, end)
    if years is None:
        return p.expr("date", start, end, period=period, nearest=True)
    return p.expr("date", start, after, period=period, shift=0, year_shift=years or None)


def year_ago(p: Parser, i: int) -> Result:
    """year-ago, year-earlier (before a noun other than a quarter): a year before."""
    meaning = p.tokens[i].get("yearago")
    if meaning is None:
        return None
    return p.expr("date", i, i + 1, offset=(int(meaning.value), "Y"))


def period_word(p: Parser, i: int) -> Result:
    """summer 2021, the summer of 1994, im Herbst, летом 2021 года, Q3 2021, the weekend (with
    the article before it)."""
    found = _period_word(p, i)
    return (with_article(p, found[0]), found[1]) if found is not None else None


def _period_word(p: Parser, i: int) -> Result:
    meaning = p.tokens[i].get("period")
    if meaning is None:
        return None
    start = p.tokens[i].start
    head = p.text[max(0, start - 5):start]
    if len(head) == 5 and head[:4].isdigit() and head[4] == "-" and (
            start < 6 or not p.text[start - 6].isalnum()):  # "2021-Q1" as normalize writes it
        expr, end = p.expr("date", i, i + 1, period=str(meaning.value), year=int(head[:4]))
        expr.start = start - 5
        return expr, end
    year, end = _year_after(p, i + 1)
    if year is not None:
        return p.expr("date", i, end, period=str(meaning.value), year=year)
    token = p.tokens[i]
    if meaning.value in ("SP", "SU", "FA", "WI") and _modifier(p, i):
        return None  # "the summer blockbuster": a season before a noun names no time
    if str(meaning.value).startswith(("Q", "H")) or p.context.preceded_by(
            token.start, p.lex.context["period_before"]) \
            or token.text.lower() in p.lex.context["period_alone"]:
        if meaning.value == "WE":
            return p.expr("date", i, i + 1, period="WE", nearest=True)
        return _of_year(p, i, i + 1, str(meaning.value))
    return None


def _modifier(p: Parser, i: int) -> bool:
    """Whether the season at token ``i`` stands after a bare article and before a lowercase
    noun ("the summer blockbuster"; but "in the summer", "the summer of 1994", "the summer
    was hot")."""
    token = p.tokens[i]
    articles = p.lex.context["shift_articles"]
    if not articles or not p.context.preceded_by(token.start, articles):
        return False
    if p.context.preceded_by(token.start, tuple(f"{w} {a}" for w in
                                                p.lex.context["period_before"] for a in articles)):
        return False
    words = p.text[token.end:token.end + 30].split()
    word = words[0] if words else ""
    return word.isalpha() and word.islower() and word not in p.lex.context["year_after"] \
        and word not in ("of", "when", "season")


def latest(p: Parser, i: int) -> Result:
    """the quarter, the latest quarter, the year-ago quarter: the period a report is about."""
    meaning = p.tokens[i].get("latest")
    if meaning is None:
        return None
    unit, years = meaning.value
    return p.expr("date", i, i + 1, shift=-1, shift_unit=f"latest:{unit}", year_shift=years)


def decade(p: Parser, i: int) -> Result:
    """the 1990s, the '80s, 90er Jahre, в 1990-е годы, 1990-х: the decade by truncation."""
    token = p.tokens[i]
    word = token.get("decade")
    digits = str(word.value) + "0" if word is not None else \
        "".join(c for c in token.text if c.isdigit())
    if len(digits) == 2:
        digits = "19" + digits
    if len(digits) != 4:
        return None
    end = i + 1
    after = p.tok(end)
    if after is not None and p.near(i, end, punct="-") and after.get("unit") is not None \
            and after.get("unit").value == "Y":  # type: ignore[union-attr]
        end += 1  # "90er Jahre", "1990-е годы"
    expr, stop = p.expr("date", i, end, fixed=digits[:3])
    return with_article(p, expr), stop


def frequency(p: Parser, i: int) -> Result:
    """daily, weekly, annually, täglich, ежедневно, montags; every day, every Tuesday, every two
    weeks, jeden Montag, каждый год."""
    token = p.tokens[i]
    meaning = token.get("set")
    if meaning is not None:
        value = str(meaning.value)
        return p.expr("set", i, i + 1, fixed=value, quant=None if value.startswith("P")
                      else "EVERY")
    if token.get("every") is None or not p.touching(i, i + 1):
        return None
    following = p.tokens[i + 1]
    day = following.get("weekday")
    if day is not None and not day.abbr:
        return p.expr("set", i, i + 2, fixed=f"XXXX-WXX-{int(day.value) + 1}", quant="EVERY")
    unit = following.get("unit")
    if unit is not None and not unit.plural:
        return p.expr("set", i, i + 2, fixed=duration_value(1, str(unit.value)), quant="EVERY")
    part = following.get("part")
    if part is not None:
        return p.expr("set", i, i + 2, fixed=f"XXXX-XX-XXT{part.value}", quant="EVERY")
    number = following.get("number")
    count = int(number.value) if number else following.number
    after = p.tok(i + 2)
    if count and after is not None and p.touching(i + 1, i + 2):
        unit = after.get("unit")
        if unit is not None and (unit.plural or p.lang == "ru"):  # "каждые две недели"
            return p.expr("set", i, i + 3, fixed=duration_value(count, str(unit.value)),
                          quant="EVERY")
    return None


def vague_duration(p: Parser, i: int) -> Result:
    """several days, a few weeks, many years, for years, in recent years, seit Wochen, mehrere
    Tage, несколько лет: ``PXD``, ``PXW``, ``PXM``, ``PXY``."""
    token = p.tokens[i]
    several, unit = token.get("several"), token.get("unit")
    if several is not None and unit is not None:  # "jahrelang", "годами"
        return p.expr("duration", i, i + 1, duration=_vague(str(unit.value)))
    if several is not None:
        unit_at = i + 1
        following = p.tok(unit_at)
        if following is None or not p.touching(i, unit_at):
            return None
        unit = following.get("unit")
        if unit is None or not (unit.plural or p.lang == "ru"):
            return None
        return p.expr("duration", i, unit_at + 1, duration=_vague(str(unit.value)))
    if unit is None or not unit.plural:
        return None
    if not p.context.preceded_by(token.start, p.lex.context["vague_before"]):
        return None
    return p.expr("duration", i, i + 1, duration=_vague(str(unit.value)))


def _vague(unit: str) -> str:
    """``PXD``, ``PTXH``, ``PXE`` (decades), ``PXC`` (centuries), ``PXQ``."""
    if unit in ("H", "MIN"):
        return f"PTX{'H' if unit == 'H' else 'M'}"
    return "PXM" if unit == "HALF" else f"PX{TIMEML_UNITS.get(unit, unit)}"
