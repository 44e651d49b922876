"""Big files in pieces and ``--jobs`` under hostile input: no piece ends inside a word, pieces
give what the API gives on the whole text, the work in flight is bounded, and workers end with
their parent (issue 13)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from translit.articles import batch
from translit.articles.batch import Options, normalize_paths
from translit.articles.document import normalize

ROOT = Path(__file__).resolve().parents[2]
SENTENCE = "Julija Peressild flog am 5. Oktober 2021 mit Klim Schipenko zur ISS. "


def _cut_points(data: bytes, chunk: int, tmp_path: Path) -> list[int]:
    """Where the pieces of a file holding ``data`` begin (after the first)."""
    path = tmp_path / "data.txt"
    path.write_bytes(data)
    points = [offset for offset, _ in batch._pieces(str(path), Options(chunk_bytes=chunk))]
    assert points[0] == 0
    return points[1:]


@pytest.mark.parametrize("text", [
    SENTENCE * 400,                                    # sentences, no line break
    ("Julija Peressild " * 2000),                      # words, no sentence end
    ("Юлия Пересильд\u00a0" * 1500 + " конец"),        # Cyrillic, one plain space at the end
])
def test_pieces_end_at_whitespace(text: str, tmp_path: Path) -> None:
    data = text.encode()
    points = _cut_points(data, 4096, tmp_path)
    assert points, "the text is long enough to be cut"
    for point in points:
        assert data[point - 1:point] in (b" ", b"\t", b"\n"), data[point - 20:point + 20]


def test_a_sentence_end_is_preferred_to_a_space(tmp_path: Path) -> None:
    data = (SENTENCE * 200).encode()
    points = _cut_points(data, 4096, tmp_path)
    assert points
    for point in points:
        assert data[point - 5:point] == b"ISS. ", data[point - 20:point + 20]


def test_one_giant_word_is_cut_only_far_past_the_size() -> None:
    data = ("Ю" * 100_000).encode()
    assert batch._cut(data[:8192 * 3], 8192) == -1  # reads on instead of cutting the word
    cut = batch._cut(data, 8192)
    assert cut > 0 and data[:cut].decode()  # a whole UTF-8 character, far past 16 x the size


def test_pieces_give_what_the_api_gives_on_the_whole_text(tmp_path: Path) -> None:
    text = SENTENCE * 300  # one line of about 21 KB, no newline: the case of issue 13
    path = tmp_path / "big.de.txt"
    path.write_text(text, encoding="utf-8")
    options = Options(lang="de", ref="2021-10-04", chunk_bytes=2048)
    documents = list(normalize_paths([str(path)], options))
    assert len(documents) > 5
    whole = normalize(text, lang="de", ref="2021-10-04")
    assert "".join(d.normalized for d in documents) == whole.normalized
    assert "Per" not in whole.normalized.replace("Peresild", "")


def test_jobs_stream_pieces_and_bound_the_work_in_flight(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.de.txt"
    path.write_text((SENTENCE * 30 + "\n\n") * 60, encoding="utf-8")
    read: list[int] = []
    real = batch._pieces

    def counted(name: str, options: Options) -> Iterator[tuple[int, str]]:
        for piece in real(name, options):
            read.append(piece[0])
            yield piece

    monkeypatch.setattr(batch, "_pieces", counted)
    options = Options(lang="de", ref="2021-10-04", chunk_bytes=2048)
    stream = normalize_paths([str(path)], options, jobs=2)
    first = next(stream)
    assert first.source == str(path)
    in_flight = len(read)
    rest = list(stream)
    assert len(rest) + 1 == len(read) > 20
    assert in_flight <= 2 * 2 + 2, in_flight  # not the whole file read ahead
    one = list(normalize_paths([str(path)], options))
    assert [d.as_dict() for d in one] == [d.as_dict() for d in [first, *rest]]


def test_jobs_share_the_reference_date_of_the_first_piece(tmp_path: Path) -> None:
    path = tmp_path / "dated.en.txt"
    path.write_text("MOSCOW, Oct. 4, 2021 -- The crew flies tomorrow.\n\n"
                    + "They land the day after tomorrow.\n\n" * 200, encoding="utf-8")
    options = Options(lang="en", chunk_bytes=1024)
    parallel = list(normalize_paths([str(path)], options, jobs=2))
    single = list(normalize_paths([str(path)], options))
    assert [d.as_dict() for d in parallel] == [d.as_dict() for d in single]
    assert {d.ref.isoformat() for d in parallel if d.ref} == {"2021-10-04"}


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        children = (task / "children").read_text().split()
        found.extend(int(c) for c in children)
    return found


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc")
def test_workers_end_when_the_parent_is_killed(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text((SENTENCE * 20 + "\n\n") * 2000, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "translit", "normalize", "--jobs", "2", "--format", "text",
         "-o", str(tmp_path / "out.txt"), str(tmp_path)],
        cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)}, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    deadline = time.monotonic() + 60
    while len(workers) < 2:
        assert process.poll() is None and time.monotonic() < deadline
        workers = _children(process.pid)
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    deadline = time.monotonic() + 30
    while any(Path(f"/proc/{w}").exists() and "Z" not in _state(w) for w in workers):
        assert time.monotonic() < deadline, "workers outlived their parent"
        time.sleep(0.1)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"
