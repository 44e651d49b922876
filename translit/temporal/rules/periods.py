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
from translit.temporal.rules.counts import duration_value

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
    return None


def _year_before(p: Parser, i: int) -> int | None:
    """A year right before token ``i`` ("the 1988 third quarter", "fiscal 1989 first quarter")."""
    year = p.year_number(i - 1)
    return year if year is not None and p.touching(i - 1, i) else None


def _year_after(p: Parser, j: int) -> tuple[int | None, int]:
    """A year after token ``j - 1`` ("of 2021", "2021", "2021 года"), and the index after it."""
    year = p.year_number(j)
    if year is not None and p.near(j - 1, j, punct=",", words=True):
        return year, p.year_suffix(j)
    return None, j


def numbered(p: Parser, i: int) -> Result:
    """the third quarter, third-quarter, the first half of 2021, im dritten Quartal 2021,
    в третьем квартале, the 21st century, im 20. Jahrhundert, в XX веке."""
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
    letter, count = _BY_NUMBER.get(str(unit.value), ("", 0))
    if not 1 <= number <= count:
        return None
    year = _year_before(p, i)
    end = j + 1
    if year is None:
        year, end = _year_after(p, j + 1)
    return p.expr("date", start, end, period=f"{letter}{number}", year=year,
                  nearest=year is None, year_shift=years_back or None)


def year_ago(p: Parser, i: int) -> Result:
    """year-ago, year-earlier (before a noun other than a quarter): a year before."""
    meaning = p.tokens[i].get("yearago")
    if meaning is None:
        return None
    return p.expr("date", i, i + 1, offset=(int(meaning.value), "Y"))


def period_word(p: Parser, i: int) -> Result:
    """summer 2021, the summer of 1994, im Herbst, летом 2021 года, Q3 2021, the weekend."""
    meaning = p.tokens[i].get("period")
    if meaning is None:
        return None
    year, end = _year_after(p, i + 1)
    if year is not None:
        return p.expr("date", i, end, period=str(meaning.value), year=year)
    if meaning.value == "WE" and not p.context.preceded_by(p.tokens[i].start, ("the", "this",
                                                                               "am", "на")):
        return None
    if meaning.value.startswith(("Q", "H")) or meaning.value == "WE" or p.context.preceded_by(
            p.tokens[i].start, p.lex.context["period_before"]):
        return p.expr("date", i, i + 1, period=str(meaning.value), nearest=True)
    return None


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
    digits = "".join(c for c in token.text if c.isdigit())
    if len(digits) == 2:
        digits = "19" + digits
    if len(digits) != 4:
        return None
    end = i + 1
    after = p.tok(end)
    if after is not None and p.near(i, end, punct="-") and after.get("unit") is not None \
            and after.get("unit").value == "Y":  # type: ignore[union-attr]
        end += 1  # "90er Jahre", "1990-е годы"
    return p.expr("date", i, end, fixed=digits[:3])


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
        if unit is not None and unit.plural:
            return p.expr("set", i, i + 3, fixed=duration_value(count, str(unit.value)),
                          quant="EVERY")
    return None


def vague_duration(p: Parser, i: int) -> Result:
    """several days, a few weeks, many years, for years, in recent years, seit Wochen, mehrere
    Tage, несколько лет: ``PXD``, ``PXW``, ``PXM``, ``PXY``."""
    token = p.tokens[i]
    if token.get("several") is not None:
        unit_at = i + 1
        following = p.tok(unit_at)
        if following is None or not p.touching(i, unit_at):
            return None
        unit = following.get("unit")
        if unit is None or not (unit.plural or p.lang == "ru"):
            return None
        return p.expr("duration", i, unit_at + 1, duration=_vague(str(unit.value)))
    unit = token.get("unit")
    if unit is None or not unit.plural:
        return None
    if not p.context.preceded_by(token.start, p.lex.context["vague_before"]):
        return None
    return p.expr("duration", i, i + 1, duration=_vague(str(unit.value)))


def _vague(unit: str) -> str:
    """``PXD``, ``PTXH``, ``PXDE`` (a decade), ``PXQ``."""
    if unit in ("H", "MIN"):
        return f"PTX{'H' if unit == 'H' else 'M'}"
    return "PXM" if unit == "HALF" else f"PX{unit}"
