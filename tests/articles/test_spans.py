"""The span types and the one rendering of spans into text (``translit.text.spans``)."""

from __future__ import annotations

import json
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translit import caching
from translit.articles.document import normalize
from translit.errors import TranslitError
from translit.temporal import find_dates, rewrite_text
from translit.text import rendering
from translit.text.finder import find_mentions
from translit.text.mentions import Template
from translit.text.spans import NameSpan, Span, TemporalSpan, apply_spans

REF = "2021-10-04"
STORY = ("MOSCOW, Oct. 4, 2021 — On Oct. 5 at 10:55 a.m. Swiss time Julija Peressild flew for "
         "two weeks; yesterday Peresild said Peresild would fly. The webcast starts at 2:25 p.m. "
         "IST on Oct. 5.")


def _restore(output: str, spans: Sequence[Span]) -> str:
    """Each span's text put back at its out offsets."""
    pieces, position = [], 0
    for span in spans:
        pieces.append(output[position:span["out_start"]])
        pieces.append(span["text"])
        position = span["out_end"]
    pieces.append(output[position:])
    return "".join(pieces)


def _date(start: int, end: int, text: str, value: str | None) -> TemporalSpan:
    return {"kind": "date", "start": start, "end": end, "text": text, "value": value}


def test_round_trip_and_out_offsets() -> None:
    text = "On Oct. 5 or yesterday, Oct. 17."
    spans = [_date(3, 9, "Oct. 5", "2021-10-05"), _date(13, 22, "yesterday", None),
             _date(24, 31, "Oct. 17", "2021-10-17")]
    out = apply_spans(text, spans)
    assert out == "On 2021-10-05 or yesterday, 2021-10-17."
    assert [(s["out_start"], s["out_end"]) for s in spans] == [(3, 13), (17, 26), (28, 38)]
    assert [out[s["out_start"]:s["out_end"]] for s in spans] == \
        ["2021-10-05", "yesterday", "2021-10-17"]
    assert _restore(out, spans) == text


def test_unresolved_spans_keep_their_text() -> None:
    spans: list[Span] = [{"kind": "date", "start": 0, "end": 7, "text": "gestern", "value": None,
                          "unresolved": "relative to an unknown reference date"}]
    assert apply_spans("gestern kam er", spans) == "gestern kam er"
    assert (spans[0]["out_start"], spans[0]["out_end"]) == (0, 7)


def test_a_value_with_an_unresolved_reason_is_written() -> None:
    """``unresolved`` with a value (a zone without the date to fix its offset): the value."""
    spans: list[Span] = [{"kind": "time", "start": 3, "end": 13, "text": "10:55 CEST",
                          "value": "T10:55", "local": "T10:55", "zone": "Europe/Berlin",
                          "unresolved": "no date to fix the zone's offset"}]
    assert apply_spans("At 10:55 CEST.", spans) == "At T10:55."


def test_spans_at_the_edges_and_none() -> None:
    spans = [_date(0, 6, "Oct. 5", "2021-10-05"), _date(7, 14, "Oct. 17", "2021-10-17")]
    assert apply_spans("Oct. 5-Oct. 17", spans) == "2021-10-05-2021-10-17"
    assert spans[1]["out_end"] == len("2021-10-05-2021-10-17")
    assert apply_spans("no spans", []) == "no spans"


@pytest.mark.parametrize("spans", [
    [_date(3, 9, "Oct. 5", "x"), _date(5, 12, "t. 5 we", "y")],       # overlapping
    [_date(10, 12, "fl", "x"), _date(3, 9, "Oct. 5", "y")],           # out of order
])
def test_overlapping_or_unordered_spans_are_refused(spans: list[Span]) -> None:
    with pytest.raises(TranslitError, match="text order"):
        apply_spans("On Oct. 5 we fly", spans)


@st.composite
def _text_and_spans(draw: st.DrawFn) -> tuple[str, list[Span]]:
    text = draw(st.text(max_size=60))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    spans: list[Span] = []
    for start, end in zip(cuts[::2], cuts[1::2], strict=False):
        value = draw(st.none() | st.text(max_size=12))
        spans.append(_date(start, end, text[start:end], value))
    return text, spans


@given(_text_and_spans())
def test_round_trip_of_any_spans(case: tuple[str, list[Span]]) -> None:
    text, spans = case
    out = apply_spans(text, spans)
    assert _restore(out, spans) == text
    for span in spans:
        value = span["value"] if span["value"] is not None else span["text"]
        assert out[span["out_start"]:span["out_end"]] == value


def test_normalize_writes_through_apply_spans() -> None:
    document = normalize(STORY, ref=REF, lang="en")
    spans = [{k: v for k, v in s.items() if k not in ("out_start", "out_end")}
             for s in document.spans]
    again = json.loads(json.dumps(spans))
    assert apply_spans(STORY, again) == document.normalized
    assert again == document.spans
    assert _restore(document.normalized, document.spans) == STORY == document.restore()


def test_every_mention_of_a_name_has_its_own_span() -> None:
    """One template, three mentions (Peresild): each span is a dict of its own, so writing the
    out offsets of one does not move another's."""
    document = normalize(STORY, ref=REF, lang="en")
    names = [s for s in document.spans if s["kind"] == "name"]
    assert [s["value"] for s in names] == ["MOSCOW", "Yulia Peresild", "Peresild", "Peresild"]
    assert len({id(s) for s in names}) == 4
    for span in document.spans:
        value = span["value"] if span["value"] is not None and span.get("rewrite") is not False \
            else span["text"]
        assert document.normalized[span["out_start"]:span["out_end"]] == value
        assert STORY[span["start"]:span["end"]] == span["text"]


def test_span_keys_are_the_typed_ones_in_the_documented_order() -> None:
    document = normalize(STORY, ref=REF, lang="en")
    typed: dict[str, frozenset[str]] = {
        "name": NameSpan.__required_keys__ | NameSpan.__optional_keys__,
        "temporal": TemporalSpan.__required_keys__ | TemporalSpan.__optional_keys__}
    for span in document.spans:
        keys = typed["name" if span["kind"] == "name" else "temporal"]
        assert set(span) <= keys, span
        assert list(span)[:5] == ["kind", "start", "end", "text", "value"] or \
            span.get("ambiguous") is not None
        assert list(span)[-2:] == ["out_start", "out_end"]
    name = next(s for s in document.spans if s["kind"] == "name")
    assert list(name) == ["kind", "start", "end", "text", "value", "cyrillic", "scheme", "key",
                          "score", "entity", "out_start", "out_end"]
    ambiguous = next(s for s in document.spans if s.get("ambiguous"))
    assert list(ambiguous) == ["kind", "start", "end", "text", "ambiguous", "candidates", "zone",
                               "value", "relative", "out_start", "out_end"]


def test_rewrite_text_is_apply_spans_and_leaves_its_spans_alone() -> None:
    text = "On Oct. 5 at 10:55 a.m. Swiss time; gestern"
    spans = find_dates(text, ref=REF, lang="en")
    before = json.dumps(spans)
    assert rewrite_text(text, list(reversed(spans))) == \
        "On 2021-10-05T08:55Z; gestern"
    assert json.dumps(spans) == before
    assert rewrite_text(text, spans) == apply_spans(text, [s.copy() for s in spans])


def test_rendering_caches_are_cleared_with_the_tables() -> None:
    text = "Yulia Peresild flew."
    (base, made), = find_mentions(text)
    assert isinstance(made, Template) and not hasattr(made, "spans")
    first = rendering.mention_span(text, base, made, "de")
    assert first == rendering.mention_span(text, base, made, "de")
    assert first is not rendering.mention_span(text, base, made, "de")
    assert len(rendering._by_template) and len(rendering._cache)
    caching.clear_all()
    assert not len(rendering._by_template) and not len(rendering._cache)
    assert rendering.mention_span(text, base, made, "de") == first
