"""Grammar rules for counted units: durations ("almost two weeks") and offsets ("two weeks ago",
"in two weeks", "vor zwei Tagen", "через две недели"), and event anchors ("four months after").

>>> from translit.temporal.grammar import parse
>>> [(e.kind, e.duration, e.offset, e.mod) for e in parse("almost two weeks", "en")]
[('duration', 'P2W', None, 'APPROX')]
"""

from __future__ import annotations

from translit.temporal.expr import Expr
from translit.temporal.parser import Parser
from translit.temporal.rules.durations import duration_value

Result = tuple[Expr, int] | None
ANCHORED = "anchored on an event, not on the dateline"


def _count(p: Parser, i: int) -> tuple[float, int, int] | None:
    """A count at token ``i`` ("2", "two", "zwei", "две", "5 1/2", "one and a half") and the
    index of its unit."""
    token = p.tok(i)
    if token is None:
        return None
    number = token.get("number")
    value: float | None = int(number.value) if number else token.number
    if value is None or value <= 0 or (token.kind == "num" and len(token.text) > 3):
        return None
    unit = p.tok(i + 1)
    if unit is None:
        return None
    half = unit.get("unit")
    if (unit.text == "1/2" and p.gap(i, i + 1) == " ") or (
            half is not None and half.value == "HALF"
            and " ".join((p.gap(i, i + 1) or "").lower().split()) == "and a"):
        value, i = value + 0.5, i + 1  # "5 1/2 hours", "one and a half hours"
        unit = p.tok(i + 1)
        if unit is None:
            return None
    meaning = unit.get("unit")
    if meaning is None:
        return None
    gap = p.gap(i, i + 1)
    if gap not in (" ", "-", "\u00a0", "\u2011"):
        return None
    if meaning.value == "HALF" or (meaning.value == "Q" and gap != " "):
        return None  # "one-half", "three-quarters of its food": fractions, not durations
    return value, i + 1, token.start


def compact_hours(p: Parser, i: int) -> tuple[Expr, int] | None:
    """3h, 12h: hours written without a space (a duration)."""
    token = p.tokens[i]
    hours = int(token.text[:-1])
    return (p.expr("duration", i, i + 1, duration=duration_value(hours, "H"))
            if 0 < hours <= 240 else None)


def _unit(p: Parser, j: int, count: float) -> tuple[float, str]:
    meaning = p.tokens[j].get("unit")
    assert meaning is not None
    unit = str(meaning.value)
    digits = unit[:len(unit) - len(unit.lstrip("0123456789"))]  # "2W": a fortnight
    return count * (int(digits) if digits else 1), unit[len(digits):]


def _is_age(p: Parser, i: int, j: int) -> bool:
    ctx, start, end = p.context, p.tokens[i].start, p.tokens[j].end
    return (p.text[end:end + 4] == "-old" or ctx.followed_by(end, p.lex.context["age_after"])
            or ctx.preceded_by(start, p.lex.context["age_before"]))


def counted(p: Parser, i: int) -> Result:
    """Durations, offsets from the reference date and event-anchored spans of time."""
    tokens = p.tokens
    for k in range(i, min(i + 4, p.count)):
        if "unit" in tokens[k].kinds:
            break
    else:
        return None  # every form below has a unit within the next three tokens
    first, mod, direction = i, None, 0
    approx = p.tokens[i].get("approx")
    if approx is not None and (p.touching(i, i + 1) or (p.gap(i, i + 1) or "").strip().lower()
                               in p.lex.context["articles_one"]):
        mod, i = str(approx.value), i + 1
    token = p.tokens[i] if i < len(p.tokens) else None
    anchor_first = token is not None and token.kind == "anchor" and p.touching(i, i + 1)
    if token is not None and (token.kind in ("ago", "ahead") or anchor_first) \
            and p.touching(i, i + 1):
        direction, i = (-1 if token.kind == "ago" else 1), i + 1
    found = _count(p, i) or _implicit_one(p, i, bare=bool(mod or direction))
    if found is None:
        return None
    if anchor_first:  # "after two weeks", "спустя две недели": the duration is the TIMEX3
        count, j, lead = found
        amount, unit = _unit(p, j, count)
        return Expr("duration", lead, p.tokens[j].end, duration=duration_value(amount, unit),
                    mod=mod), j + 1
    count, j, lead = found
    amount, unit = _unit(p, j, count)
    if _is_age(p, i, j):
        return None
    after_unit = p.tok(j + 1)
    if after_unit is not None and after_unit.text.lower() == "half" and amount == int(amount) \
            and " ".join((p.gap(j, j + 1) or "").lower().split()) == "and a":
        amount, j = amount + 0.5, j + 1  # "an hour and a half"
    start = p.tokens[first].start if first < i else lead
    end = j + 1
    after = p.tok(end)
    whole = int(amount) if amount == int(amount) else None  # offsets count whole units
    if whole is None:
        direction = 0  # "in 1 1/2 hours": a duration
    elif after is not None and direction >= 0 and after.has("anchor") and p.touching(j, end) \
            and not (direction == 0 and after.kind == "ago"):
        return _anchored(p, start, end, whole, unit, mod)
    if direction == 0 and whole is not None and after is not None and after.has("ago") \
            and p.touching(j, end):
        direction, end = -1, end + 1
    if direction == 0 and whole is not None \
            and not p.context.preceded_by(lead, p.lex.context["within"]):
        word = p.context.word_before(lead, p.lex.context["ahead"])
        if word is not None and p.context.direction(lead, p.tokens[j].end) >= 0:
            direction, start = 1, word  # "in two weeks"; in a past sentence a duration
    stop = p.tokens[end - 1].end
    if direction == 0:
        if j == i and not mod and not p.context.preceded_by(lead, p.lex.context["within"]
                                                            + p.lex.context["vague_before"]):
            return _per_unit(p, lead, start, stop, unit, end)  # "once a week", "$5 million a
            # year": a set; "almost a week", "for a week": durations
        value = duration_value(amount, unit)
        lower = _range_start(p, lead) if first == i else None
        if lower is not None and lower[1] < amount:  # "35 to 40 minutes": lower/upper
            start, value = lower[0], f"{duration_value(lower[1], unit)}/{value}"
        return Expr("duration", start, stop, duration=value, mod=mod), end
    return Expr("date", start, stop, offset=(direction * (whole or 0), unit), mod=mod), end


def _per_unit(p: Parser, lead: int, start: int, stop: int, unit: str, end: int) -> Result:
    """A set for "a year" after an amount or a count of times: "$33 million a year" (``P1Y``),
    "twice a week" (``P1W``, freq ``2X``); None elsewhere ("a year of crisis")."""
    words = p.text[max(0, lead - 30):lead].split()
    if not words:
        return None
    word = words[-1].lower().strip(",;:")
    times = p.lex.context["times_before"]
    if word in times:
        return Expr("set", p.text.rfind(words[-1], 0, lead), stop,
                    fixed=duration_value(1, unit), freq=f"{times.index(word) + 1}X"), end
    if word == "times" and len(words) > 1:
        number = [int(m.value) for m in p.lex.words.get(words[-2].lower(), ())
                  if m.kind == "number"]
        times_count = int(words[-2]) if words[-2].isdigit() else (number[0] if number else 0)
        if times_count:
            return Expr("set", p.text.rfind(words[-2], 0, lead), stop,
                        fixed=duration_value(1, unit), freq=f"{times_count}X"), end
    amount = word in p.lex.context["amount_words"] or any(c.isdigit() for c in word)
    plural = len(word) >= 4 and word.endswith("s") and not word.endswith("ss") \
        and word.isalpha() and word not in p.lex.past and word not in ("this", "does", "thus")
    if amount or plural:
        return Expr("set", start, stop, fixed=duration_value(1, unit)), end
    return None


def _range_start(p: Parser, lead: int) -> tuple[int, int] | None:
    """(start, count) of a count that opens a range of durations ending at the count at
    ``lead``: "35 to 40 minutes", "35-40 minutes", "two to three weeks"."""
    from translit.temporal.rules.ranges import DASHES

    head = p.text[max(0, lead - 24):lead]
    words = head.split()
    if not words:
        return None
    if head.rstrip()[-1:] in DASHES and len(head) - len(head.rstrip()) == 0:
        words = head.rstrip()[:-1].split()  # "35-40": the dash touches both
        link = "-"
    else:
        link = words.pop() if len(words) >= 2 else ""
    if not words or link.lower() not in ("-", "to", "bis", "до", "или", "or", "oder"):
        return None
    word = words[-1].lower()
    index = p.lex.words.get(word, ())
    numbers = [m.value for m in index if m.kind == "number"]
    count = int(word) if word.isdigit() and len(word) <= 3 else (numbers[0] if numbers else None)
    if count is None:
        return None
    return lead - len(head) + head.rfind(words[-1]), int(count)


def _implicit_one(p: Parser, i: int, *, bare: bool = False) -> tuple[int, int, int] | None:
    """A unit without a count: "a week" (the article), "неделю назад", and with ``bare``
    (after "через", "почти") any singular unit: "через месяц", "почти год"."""
    token = p.tok(i)
    meaning = token.get("unit") if token is not None else None
    if token is None or meaning is None or meaning.plural or meaning.value == "HALF":
        return None  # "an hour and a half" is not half a year
    base = max(0, token.start - 12)
    tail = p.text[base:token.start].rstrip()
    for article in p.lex.context["articles_one"]:
        head = tail[:-len(article)]
        if tail.lower().endswith(article) and (not head or not head[-1].isalnum()):
            return 1, i, base + len(head)
    after = p.tok(i + 1)
    if bare or (after is not None and after.has("ago", "anchor") and p.touching(i, i + 1)):
        return 1, i, token.start
    return None


def _anchored(p: Parser, start: int, anchor: int, amount: int, unit: str,
              mod: str | None) -> Result:
    """"two days after Oct. 5" resolves from that date; "four months after the project" can't."""
    from translit.temporal.rules import dates as rules_dates
    meaning = p.tokens[anchor].get("anchor")
    assert meaning is not None
    sign = -1 if meaning.value in ("before", "earlier") else 1
    if p.touching(anchor, anchor + 1) or p.near(anchor, anchor + 1, words=True):
        from translit.temporal.rules import periods, years

        for rule in (rules_dates.month_first, rules_dates.day_first, rules_dates.numeric_date,
                     periods.numbered, periods.period_word, years.year):
            found = rule(p, anchor + 1)
            if found is not None and (found[0].day is not None or found[0].year is not None):
                base, end = found
                return Expr("date", start, base.end, offset=(sign * amount, unit), base=base,
                            mod=mod), end
    if meaning.value in ("later", "earlier"):  # "two days later": a date, from the last one
        return Expr("date", start, p.tokens[anchor].end, unresolved=ANCHORED, mod=mod,
                    offset=(sign * amount, unit)), anchor + 1
    # "four months after the project": the duration is the TIMEX3, "after" its signal
    return Expr("duration", start, p.tokens[anchor - 1].end,
                duration=duration_value(amount, unit), mod=mod), anchor
