"""The TempEval-3 scorer of ``bench/eval_timeml.py`` on tiny TimeML written here (never corpus
data): plain text and offsets, one-to-one pairing, the TE3 scores, the split and the refusals."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _load() -> ModuleType:
    if str(BENCH) not in sys.path:
        sys.path.append(str(BENCH))  # for its ``from common import ...``
    spec = importlib.util.spec_from_file_location("eval_timeml", BENCH / "eval_timeml.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_timeml"] = module
    spec.loader.exec_module(module)
    return module


ev = _load()

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="TIME" value="2021-10-04T10:00:00" functionInDocument="CREATION_TIME"
>Oct 4</TIMEX3></DCT>
<TEXT>
AT&amp;T <EVENT eid="e1">said</EVENT> <TIMEX3 tid="t1" type="DATE"
value="2021-10-01">Friday</TIMEX3>
it <EVENT eid="e2">met</EVENT> <SIGNAL sid="s1">for</SIGNAL> <TIMEX3 tid="t2" type="DURATION"
value="P2W" mod="APPROX">about two weeks</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_text_is_the_untagged_unescaped_body_and_offsets_point_into_it() -> None:
    document = ev.parse_timeml(TML, "x.tml")
    assert document.dct == "2021-10-04"
    assert document.text == "\nAT&T said Friday\nit met for about two weeks.\n"
    spans = [(document.text[t.start:t.end], t.type, t.value, t.mod) for t in document.gold]
    assert spans == [("Friday", "DATE", "2021-10-01", None),
                     ("about two weeks", "DURATION", "P2W", "APPROX")]


@pytest.mark.parametrize(("source", "message"), [
    ("<TimeML><TEXT>a <b></TEXT></TimeML>", "not well-formed"),
    ("<TimeML><TEXT>a</TEXT></TimeML>", "no <DCT>"),
    ('<TimeML><DCT><TIMEX3 value="1998-01-02"/></DCT></TimeML>', "no <TEXT>"),
])
def test_a_bad_file_is_one_error_naming_it(source: str, message: str) -> None:
    with pytest.raises(ev.BadInput, match=rf"^bad\.tml: {message}"):
        ev.parse_timeml(source, "bad.tml")


def _t(start: int, end: int, kind: str = "DATE", value: str = "v") -> object:
    return ev.Timex(start, end, kind, value)


def test_pairs_are_one_to_one_exact_first_then_largest_overlap() -> None:
    gold = [_t(0, 10), _t(20, 30)]
    system = [_t(5, 12), _t(0, 10), _t(22, 25), _t(21, 29), _t(40, 45)]
    assert ev.pair(gold, system) == {0: 1, 1: 3}


def test_scores_are_tempeval3_task_a() -> None:
    gold = [_t(0, 6, "DATE", "2021-10-01"), _t(10, 20, "DURATION", "P2W"),
            _t(30, 35, "SET", "P1W"), _t(50, 55, "TIME", "T10:00")]
    system = [_t(0, 6, "DATE", "2021-10-01"), _t(12, 20, "DATE", "P2W"),
              _t(30, 35, "SET", "XXXX"), _t(60, 62, "DATE", "2021")]
    counts = ev.score(gold, system)
    assert (counts.gold, counts.system, counts.strict, counts.relaxed, counts.value,
            counts.type) == (4, 4, 2, 3, 2, 2)
    relaxed = ev.prf(counts.relaxed, counts.system, counts.gold)[2]
    value = ev.prf(counts.value, counts.system, counts.gold)[2]
    assert value == pytest.approx(relaxed * counts.value / counts.relaxed)  # TE3's definition
    assert ev.prf(counts.strict, counts.system, counts.gold) == (0.5, 0.5, 0.5)
    # [gold, found, relaxed, value] per gold type; the false hit counts for its own type
    assert counts.by_type == {"DATE": [1, 2, 1, 1], "TIME": [1, 0, 0, 0],
                              "DURATION": [1, 1, 1, 1], "SET": [1, 1, 1, 0]}
    total = ev.Counts()
    total.add(counts)
    total.add(counts)
    assert (total.gold, total.relaxed, total.by_type["DATE"]) == (8, 6, [2, 4, 2, 2])


def test_every_fifth_file_is_held_out() -> None:
    assert [ev.part_of(i) for i in range(10)] == ["dev"] * 4 + ["held-out"] + ["dev"] * 4 + [
        "held-out"]


def test_heideltime_output_is_aligned_by_removing_its_tags() -> None:
    text = "\nAT&T <b> said Friday, in two weeks.\n"
    tagged = ('<?xml version="1.0"?>\n<!DOCTYPE TimeML SYSTEM "TimeML.dtd">\n<TimeML>\n'
              '\nAT&T <b> said <TIMEX3 tid="t1" type="DATE" value="2021-10-01">Friday</TIMEX3>, '
              '<TIMEX3 tid="t2" type="DATE" value="2021-W42" mod="START">in two weeks</TIMEX3>.'
              '\n\n</TimeML>\n')
    found = ev.heideltime_timexes(tagged, text, "x")
    assert [(text[t.start:t.end], t.value, t.mod) for t in found] == [
        ("Friday", "2021-10-01", None), ("in two weeks", "2021-W42", "START")]
    with pytest.raises(ev.BadInput, match="differs"):
        ev.heideltime_timexes(tagged, text + "more", "x")


def test_the_script_scores_a_folder_and_refuses_held_out_errors(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for index in range(5):
        (tmp_path / f"d{index}.tml").write_text(TML, encoding="utf-8")
    (tmp_path / "._d0.tml").write_bytes(b"\x00\x05AppleDouble")
    assert ev.main([str(tmp_path), "--errors", "2", "--rounds", "1"]) == 0
    out = capsys.readouterr().out
    assert "translit  held-out  1      2" in out and "translit  all       5      10" in out
    assert "translit dev misses" in out
    assert ev.main([str(tmp_path), "--part", "held-out", "--errors", "1"]) == 2
    assert "held-out" in capsys.readouterr().err
    assert ev.main([str(tmp_path / "missing")]) == 1
    assert capsys.readouterr().err.strip().endswith("missing: no such folder")
    (tmp_path / "d9.tml").write_text("<TimeML>", encoding="utf-8")
    assert ev.main([str(tmp_path)]) == 1
    assert "d9.tml: not well-formed" in capsys.readouterr().err
