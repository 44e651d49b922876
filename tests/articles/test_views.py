"""The text and annotated views keep the input's lines (translit.articles.views).

Output line N is input line N rewritten, also where a span crosses a line break; the annotated
view shows exactly the lines that changed. A brute-force rebuild, code point by code point,
checks the views on every sample file and on hand-made documents.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import pytest

from translit.articles.batch import Options, normalize_file
from translit.articles.document import Document, normalize
from translit.articles.views import annotated_view, changed_lines, split_lines, text_view
from translit.cli import normalize as normalize_cli
from translit.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
ANNOTATED = re.compile(r" *(\d+) - (.*)\n {6}\+ (.*)")


def _document(text: str, *changes: tuple[str, str | None]) -> Document:
    """A Document with a span per (piece, value), the pieces found left to right."""
    spans: list[dict[str, Any]] = []
    out: list[str] = []
    position = 0
    for piece, value in changes:
        start = text.index(piece, position)
        spans.append({"start": start, "end": start + len(piece), "text": piece, "value": value})
        out += [text[position:start], piece if value is None else value]
        position = start + len(piece)
    return Document(text, "".join(out) + text[position:], spans)


def count_lines(text: str) -> int:
    """Lines as the views count them: ended by "\\n" (CRLF too), the last maybe unended."""
    return text.count("\n") + (1 if text and not text.endswith("\n") else 0)


def input_lines(text: str) -> list[str]:
    lines = text.split("\n")
    if text.endswith("\n") or not text:
        lines.pop()
    return [line.removesuffix("\r") for line in lines]


def brute_force(document: Document) -> list[str]:
    """Output line N for input line N, rebuilt one code point at a time: a code point outside
    every span is copied; a span emits its value's k-th line where its k-th line starts (its
    start, or the k-th line break inside it) when the value has as many line breaks as the
    span's text, else its whole value (line breaks made spaces) at its start. A name with an
    ending (``suffix``) covers the ending too and emits ``inflected``."""
    text = document.text
    owner: dict[int, dict[str, Any]] = {}
    for each in document.spans:
        for position in range(each["start"], each["end"] + len(each.get("suffix", ""))):
            owner[position] = each
    out: list[list[str]] = [[] for _ in input_lines(text)]
    line = 0
    for position, char in enumerate(text):
        span = owner.get(position)
        if char == "\n":
            line += 1
        if span is None:
            if char != "\n" and text[position:position + 2] != "\r\n":
                out[line].append(char)
            continue
        value = span["value"] if span["value"] is not None and span.get("rewrite") is not False \
            else span["text"]
        written = span["text"]
        if span.get("suffix"):
            value, written = span["inflected"], written + span["suffix"]
        pieces = value.replace("\r\n", "\n").split("\n")
        inside = text[span["start"]:position]
        if len(pieces) == written.count("\n") + 1:
            if position == span["start"] or char == "\n":
                out[line].append(pieces[inside.count("\n") + (char == "\n")])
        elif position == span["start"]:
            out[line].append(" ".join(pieces))
    return ["".join(parts) for parts in out]


def parse_annotated(view: str) -> list[tuple[int, str, str]]:
    body = view.split("\n", 1)[1]
    found = [(int(m[1]), m[2], m[3]) for m in ANNOTATED.finditer(body)]
    assert len(found) * 2 == body.count("\n"), view
    return found


def check_views(document: Document) -> None:
    """Both views against the brute-force rebuild: same lines, exactly the changed ones."""
    before, after = input_lines(document.text), brute_force(document)
    view = text_view(document)
    assert count_lines(view) == len(before)
    assert input_lines(view) == after
    assert [m.group() for m in re.finditer(r"\r?\n", view)] == [
        m.group() for m in re.finditer(r"\r?\n", document.text)]
    expected = [(n + 1, b, a) for n, (b, a) in enumerate(zip(before, after, strict=True))
                if b != a]
    assert parse_annotated(annotated_view(document)) == expected
    assert [(n + 1, b, a) for n, b, a in changed_lines(document)] == expected


# A span across a line break --------------------------------------------------------------

CROSSING = "Am 5.\nOktober flog Julija\nPeressild.\nSonst nichts.\n"


def test_span_crossing_a_line_break_keeps_it_in_the_text_view() -> None:
    document = _document(CROSSING, ("5.\nOktober", "2021-10-05"),
                         ("Julija\nPeressild", "Yulia\nPeresild"))
    assert document.normalized.count("\n") == 3
    assert text_view(document) == "Am 2021-10-05\n flog Yulia\nPeresild.\nSonst nichts.\n"
    check_views(document)


def test_span_crossing_a_line_break_is_shown_on_each_line_it_touches() -> None:
    document = _document(CROSSING, ("5.\nOktober", "2021-10-05"),
                         ("Julija\nPeressild", "Yulia\nPeresild"))
    assert annotated_view(document).splitlines()[1:] == [
        "    1 - Am 5.", "      + Am 2021-10-05",
        "    2 - Oktober flog Julija", "      +  flog Yulia",
        "    3 - Peressild.", "      + Peresild."]


def test_unchanged_piece_of_a_span_is_not_shown() -> None:
    document = _document("Oleg Nowizki\nRoskosmos\nBaikonur\n",
                         ("Nowizki\nRoskosmos\nBaikonur", "Novitsky\nRoscosmos\nBaikonur"))
    assert [n for n, _, _ in changed_lines(document)] == [0, 1]
    check_views(document)


@pytest.mark.parametrize("text", [
    "Am 5. Oktober\n2021 flog Julija Peressild\n\nmit Anton\nSchkaplerow.\n",
    "Die Partie beginnt am Samstag um 16.30 Uhr\nOrtszeit, also um 15.30 Uhr Moskauer Zeit.\n",
    "Zum ersten Mal seit dem Flug von Juri Gagarin drehte der Regisseur Klim\nSchipenko im All.\n",
])
def test_real_documents_with_crossing_spans(text: str) -> None:
    """A span crosses a line break where prose wraps (a name from a short line never goes on:
    tests/text/test_line_breaks.py)."""
    document = normalize(text, lang="de", ref="2021-12-04")
    assert any("\n" in s["text"] for s in document.spans)
    check_views(document)


# Every sample ------------------------------------------------------------------------------

@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_sample_views_keep_the_lines(path: Path) -> None:
    (document,) = normalize_file(str(path), Options())
    check_views(document)


def test_text_format_of_the_samples_folder_has_every_line(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["normalize", "--format", "text", "samples"]) == 0
    out = capsys.readouterr().out
    inputs = [p.read_text(encoding="utf-8") for p in SAMPLES]
    assert count_lines(out) == sum(count_lines(text) for text in inputs)
    assert out == "".join(text_view(d) for p in SAMPLES for d in normalize_file(str(p),
                                                                                  Options()))


def test_annotated_format_of_the_samples_names_input_lines(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["normalize", "--format", "annotated", "samples"]) == 0
    views = re.split(r"(?m)^== ", capsys.readouterr().out)[1:]
    assert len(views) == len(SAMPLES)
    for path, view in zip(SAMPLES, views, strict=True):
        lines = input_lines(path.read_text(encoding="utf-8"))
        shown = parse_annotated("== " + view)
        assert shown, path
        assert all(lines[n - 1] == before != after for n, before, after in shown), path
    story = views[[p.name for p in SAMPLES].index("story-names.de.txt")]
    assert [n for n, _, _ in parse_annotated("== " + story)] == [1, 2, 3, 4, 5, 6, 8]


# Line ends ---------------------------------------------------------------------------------

def test_crlf_lines_keep_their_crlf() -> None:
    text = "Heute kam Julija\r\nPeressild an.\r\nAm 5.\r\nOktober 2021 flog sie.\r\n"
    document = _document(text, ("Heute", "2021-10-04"), ("Julija", "Yulia"),
                         ("Peressild", "Peresild"), ("5.\r\nOktober 2021", "2021-10-05"))
    assert text_view(document) == ("2021-10-04 kam Yulia\r\nPeresild an.\r\nAm 2021-10-05\r\n"
                                   " flog sie.\r\n")
    assert "\r" not in annotated_view(document)
    check_views(document)
    assert [tuple(line) for line in split_lines("a\r\nb\n")] == [(0, 1, "\r\n"), (3, 4, "\n")]


def test_crlf_name_across_lines() -> None:
    document = _document("Julija\r\nPeressild\r\n", ("Julija\r\nPeressild", "Yulia\r\nPeresild"))
    assert text_view(document) == "Yulia\r\nPeresild\r\n"
    check_views(document)


def test_missing_final_newline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "Am 5. Oktober\n2021 flog Julija\nPeressild"
    document = _document(text, ("5. Oktober\n2021", "2021-10-05"),
                         ("Julija\nPeressild", "Yulia\nPeresild"))
    assert text_view(document) == "Am 2021-10-05\n flog Yulia\nPeresild"
    check_views(document)
    first, second, empty = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"
    first.write_text(text, encoding="utf-8")
    second.write_text("Tom\r\nCruise", encoding="utf-8")
    empty.write_text("", encoding="utf-8")
    assert main(["normalize", "--format", "text", "--lang", "de", "--ref-date", "2021-10-04",
                 str(first), str(empty), str(second)]) == 0
    assert capsys.readouterr().out == ("Am 2021-10-05\n flog Yulia\nPeresild\n"
                                       "Tom\r\nCruise\r\n")


def test_empty_document() -> None:
    document = Document("", "", [])
    assert (text_view(document), changed_lines(document)) == ("", [])
    assert annotated_view(document) == "== - (lang auto, ref none, 0 spans)\n"


# Pieces of a big file ----------------------------------------------------------------------

def test_pieces_of_a_big_file_are_joined_line_for_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    options = normalize_cli._options

    def small(args: Any) -> Options:
        return dataclasses.replace(options(args), chunk_bytes=300)

    monkeypatch.setattr(normalize_cli, "_options", small)
    paragraph = "Am 5. Oktober\n2021 flog Julija\nPeressild zur ISS.\n\n"
    text = paragraph * 12 + "Julija Peressild " * 60 + "\n" + paragraph * 3
    big = tmp_path / "big.txt"
    big.write_text(text, encoding="utf-8")
    assert main(["normalize", "--format", "text", "--lang", "de", str(big)]) == 0
    out = capsys.readouterr().out
    assert count_lines(out) == count_lines(text)
    assert out.split("\n")[48].startswith("Yulia Peresild Yulia Peresild ")
    pieces = list(normalize_file(str(big), dataclasses.replace(Options(lang="de"),
                                                               chunk_bytes=300)))
    assert any(not p.text.endswith("\n") for p in pieces[:-1])  # a cut inside the long line
    assert main(["normalize", "--format", "annotated", "--lang", "de", str(big)]) == 0
    views = re.split(r"(?m)^== ", capsys.readouterr().out)[1:]
    assert len(views) == len(pieces) and views[1].startswith(f"{big}@")
    lines = input_lines(text)
    second = parse_annotated("== " + views[1])
    assert second[0][0] == pieces[0].text.count("\n") + 1
    first = parse_annotated("== " + views[0])
    assert all(lines[n - 1] == before for n, before, _ in first + second)
