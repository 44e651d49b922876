"""TimeML output (:mod:`translit.temporal.timeml`): well-formed, the text back exactly, tids,
the DCT, unresolved values, ranges with and without parts, sets, and refused characters."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from datetime import date

import pytest

import translit
from translit.errors import TranslitError
from translit.temporal.finder import Temporal
from translit.temporal.timeml import render_timeml, to_timeml
from translit.temporal.timex import from_reference, timex3, writes_year
from translit.text.spans import TemporalSpan

ARTICLE = ("MOSCOW, Oct. 4, 2021 — The crew launches on Oct. 5 at 11:55 a.m. Moscow time and "
           "stays almost two weeks; the film comes out in 2022.\n")
HOSTILE = [
    "",
    "plain text, no dates",
    "Tom & Jerry <b>bold</b> on Oct. 5 & 6",
    "]]> on Oct. 5 ]]>",
    "\"quoted\" 'single' on Oct. 5, 2021 \"&amp;\"",
    "CR\r\nLF\nlone CR\r tab\there on Oct. 5\r",
    "<!-- not a comment --> <?pi?> <![CDATA[x]]> &#13; &lt;",
    "unicode \u00e9 \u4e2d \U0001f680 \ufffd \u0085 \u007f on 5. Oktober",
    "   leading and trailing spaces on Oct. 5   ",
]


def _text_of(document: str) -> str:
    root = ET.fromstring(document)
    text = root.find("TEXT")
    assert text is not None
    return "".join(text.itertext())


def _stripped(document: str) -> str:
    """The TEXT element's content with the tags taken out and the entities read back."""
    body = document.split("<TEXT>", 1)[1].rsplit("</TEXT>", 1)[0]
    return html.unescape(re.sub(r"</?TIMEX3[^>]*>", "", body))


def _timexes(document: str) -> list[ET.Element]:
    root = ET.fromstring(document)
    text = root.find("TEXT")
    assert text is not None
    return list(text.iter("TIMEX3"))


@pytest.mark.parametrize("text", HOSTILE)
def test_the_text_comes_back_exactly(text: str) -> None:
    document = to_timeml(text, ref="2021-10-04", lang="en")
    assert _text_of(document) == text
    assert _stripped(document) == text


@pytest.mark.parametrize("text", [ARTICLE, *HOSTILE])
def test_every_timex_holds_its_span_text(text: str) -> None:
    document = to_timeml(text, ref="2021-10-04", lang="en")
    spans = translit.find_dates(text, ref="2021-10-04", lang="en")
    assert [t.text or "" for t in _timexes(document)] == [s["text"] for s in spans]


def test_the_document_shape() -> None:
    document = to_timeml(ARTICLE, lang="en", doc_id="soyuz & co")
    assert document.startswith('<?xml version="1.0" ?>\n<TimeML xmlns:xsi="http://www.w3.org/'
                               '2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://'
                               'timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n<DOCID>')
    assert document.endswith("</TEXT>\n</TimeML>\n")
    root = ET.fromstring(document)
    assert root.tag == "TimeML"
    assert [child.tag for child in root] == ["DOCID", "DCT", "TEXT"]
    assert root.findtext("DOCID") == "soyuz & co"


def test_tids_count_from_t1_in_text_order_and_t0_is_the_dct() -> None:
    document = to_timeml(ARTICLE, lang="en")
    root = ET.fromstring(document)
    dct = root.find("DCT/TIMEX3")
    assert dct is not None
    assert dct.attrib == {"tid": "t0", "type": "DATE", "value": "2021-10-04",
                          "temporalFunction": "false", "functionInDocument": "CREATION_TIME"}
    assert dct.text == "2021-10-04"
    timexes = _timexes(document)
    assert [t.get("tid") for t in timexes] == [f"t{n}" for n in range(1, len(timexes) + 1)]
    assert [(t.text, t.get("type"), t.get("value"), t.get("temporalFunction"),
             t.get("anchorTimeID"), t.get("mod")) for t in timexes] == [
        ("Oct. 4, 2021", "DATE", "2021-10-04", "false", None, None),
        ("Oct. 5 at 11:55 a.m. Moscow time", "TIME", "2021-10-05T11:55", "true", "t0", None),
        ("almost two weeks", "DURATION", "P2W", "false", None, "APPROX"),
        ("2022", "DATE", "2022", "false", None, None)]
    assert {t.get("functionInDocument") for t in timexes} == {"NONE"}


def test_the_ref_argument_is_the_dct_before_the_dateline() -> None:
    root = ET.fromstring(to_timeml(ARTICLE, ref=date(2021, 10, 1), lang="en"))
    assert root.findtext("DCT/TIMEX3") == "2021-10-01"


def test_no_dct_and_no_anchor_without_a_reference_date() -> None:
    document = to_timeml("The crew flies tomorrow, on Oct. 5, 2021.", lang="en")
    root = ET.fromstring(document)
    assert root.find("DCT") is None and root.find("DOCID") is None
    assert [(t.text, t.get("value"), t.get("temporalFunction"), t.get("anchorTimeID"))
            for t in _timexes(document)] == [
        ("tomorrow", "XXXX-XX-XX", "true", None), ("Oct. 5, 2021", "2021-10-05", "false", None)]


def _temporal(*spans: TemporalSpan, ref: date | None = date(2021, 10, 4)) -> Temporal:
    return Temporal("en", ref, "option", list(spans))


def test_a_range_without_parts_is_one_timex_with_its_start() -> None:
    text = "from Oct. 5 to Oct. 17"
    span: TemporalSpan = {"kind": "date", "start": 5, "end": 22, "text": text[5:],
                          "value": "2021-10-05/2021-10-17"}
    timexes = _timexes(render_timeml(text, _temporal(span)))
    assert [(t.text, t.get("value"), t.get("temporalFunction")) for t in timexes] == [
        ("Oct. 5 to Oct. 17", "2021-10-05", "true")]


def test_a_range_with_parts_is_one_timex_per_part() -> None:
    text = "from Oct. 5 to Oct. 17, 2021!"
    span = {"kind": "date", "start": 5, "end": 28, "text": text[5:28],
            "value": "2021-10-05/2021-10-17",
            "parts": [{"start": 5, "end": 11, "value": "2021-10-05"},
                      {"start": 15, "end": 28, "value": "2021-10-17"}]}
    document = render_timeml(text, _temporal(span))  # type: ignore[arg-type]
    assert [(t.get("tid"), t.text, t.get("value"), t.get("temporalFunction"))
            for t in _timexes(document)] == [
        ("t1", "Oct. 5", "2021-10-05", "false"), ("t2", "Oct. 17, 2021", "2021-10-17", "false")]
    assert _text_of(document) == text


def test_parts_that_do_not_fit_the_span_are_not_used() -> None:
    text = "Oct. 5-17"
    span = {"kind": "date", "start": 0, "end": 9, "text": text, "value": "2021-10-05/2021-10-17",
            "parts": [{"start": 0, "end": 12, "value": "2021-10-05"}]}
    timexes = _timexes(render_timeml(text, _temporal(span)))  # type: ignore[arg-type]
    assert [(t.text, t.get("value")) for t in timexes] == [("Oct. 5-17", "2021-10-05")]


def test_a_set_has_type_set_quant_and_freq() -> None:
    text = "every Tuesday"
    span = {"kind": "set", "start": 0, "end": 13, "text": text, "value": "XXXX-WXX-2",
            "quant": "EVERY", "freq": "1W"}
    (timex,) = _timexes(render_timeml(text, _temporal(span)))  # type: ignore[arg-type]
    assert timex.attrib == {"tid": "t1", "type": "SET", "value": "XXXX-WXX-2",
                            "temporalFunction": "false", "functionInDocument": "NONE",
                            "quant": "EVERY", "freq": "1W"}


def test_kinds_keep_only_those_spans() -> None:
    document = render_timeml(ARTICLE, translit.temporal.collect_temporal(ARTICLE, lang="en"),
                             kinds=["duration"])
    assert [t.get("type") for t in _timexes(document)] == ["DURATION"]
    assert _text_of(document) == ARTICLE


@pytest.mark.parametrize(("text", "where"), [
    ("a\x00b", "line 1, column 2 (character 1): U+0000"),
    ("Oct. 5\n\x1b[1m", "line 2, column 1 (character 7): U+001B"),
    ("x\ufffe", "line 1, column 2 (character 1): U+FFFE"),
    ("lone \ud800 surrogate", "line 1, column 6 (character 5): U+D800"),
])
def test_characters_xml_cannot_hold_are_refused_with_their_place(text: str, where: str) -> None:
    with pytest.raises(TranslitError) as caught:
        to_timeml(text, lang="en")
    message = str(caught.value)
    assert message == f"text: {where} cannot be written in XML 1.0 (TimeML); remove it"
    assert "\n" not in message


def test_a_bad_document_id_is_refused() -> None:
    with pytest.raises(TranslitError, match=r"^document id: line 1, column 1"):
        to_timeml("Oct. 5", lang="en", doc_id="\x01")


def test_bad_options_are_one_line_errors() -> None:
    with pytest.raises(TranslitError, match=r"^reference date must be YYYY-MM-DD"):
        to_timeml("Oct. 5", ref="5 Oct")
    with pytest.raises(TranslitError, match=r"^unknown language 'xx'"):
        to_timeml("Oct. 5", lang="xx")


def test_the_public_name() -> None:
    assert translit.to_timeml is to_timeml
    assert "to_timeml" in translit.__all__


@pytest.mark.parametrize(("text", "value", "relative"), [
    ("Oct. 5", "2021-10-05", True),
    ("Oct. 5, 2021", "2021-10-05", False),
    ("5/10/21", "2021-10-05", False),
    ("Oct. 21", "2021-10-21", True),
    ("this week", "2021-W40", True),
    ("now", "PRESENT_REF", True),
    ("1961", "1961", False),
    ("yesterday", None, True),
    ("Feb. 30, 2021", None, False),
    ("the 1990s", "199", False),
    ("the last decade", "201", True),
    ("the 21st century", "20", False),
])
def test_from_reference_for_dates(text: str, value: str | None, relative: bool) -> None:
    span: TemporalSpan = {"kind": "date", "start": 0, "end": len(text), "text": text,
                          "value": value}
    assert from_reference(span) is relative


def test_from_reference_for_times_durations_and_a_resolver_key() -> None:
    tuesday: TemporalSpan = {"kind": "time", "start": 0, "end": 18, "text": "Tuesday at 0855 GMT",
                             "value": "2021-10-05T08:55Z", "local": "2021-10-05T08:55",
                             "zone": "Etc/GMT"}
    bare: TemporalSpan = {"kind": "time", "start": 0, "end": 5, "text": "10:55",
                          "value": "T10:55"}
    weeks: TemporalSpan = {"kind": "duration", "start": 0, "end": 9, "text": "two weeks",
                           "value": "P2W"}
    assert (from_reference(tuesday), from_reference(bare), from_reference(weeks)) == (
        True, False, False)
    assert timex3(bare) == ("TIME", "XXXX-XX-XXT10:55", None)
    given = {"kind": "date", "start": 0, "end": 6, "text": "Oct. 5", "value": "2021-10-05",
             "relative": False}
    assert from_reference(given) is False  # type: ignore[arg-type]


def test_writes_year_reads_digit_runs() -> None:
    assert writes_year("05.10.2021", frozenset({"2021"}))
    assert not writes_year("at 0855 GMT", frozenset({"2021"}))
    assert writes_year("in 1961")
    assert not writes_year("at 10:55")


def test_a_value_from_an_earlier_expression_is_anchored_on_its_tid() -> None:
    text = "the third quarter of 2021; a year earlier"
    quarter: TemporalSpan = {"kind": "date", "start": 4, "end": 25, "text": text[4:25],
                             "value": "2021-Q3"}
    earlier = {"kind": "date", "start": 27, "end": 41, "text": text[27:], "value": "2020-Q3",
               "anchor": "2021-Q3", "anchor_start": 4}
    document = render_timeml(text, _temporal(quarter, earlier))  # type: ignore[arg-type]
    assert [(t.get("tid"), t.get("temporalFunction"), t.get("anchorTimeID"))
            for t in _timexes(document)] == [("t1", "false", None), ("t2", "true", "t1")]
    (alone,) = _timexes(render_timeml(text, _temporal(earlier)))  # type: ignore[arg-type]
    assert (alone.get("temporalFunction"), alone.get("anchorTimeID")) == ("true", None)
