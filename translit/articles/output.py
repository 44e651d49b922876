"""Writing output safely: whole or not at all, to what the path names, with its mode kept.

- ``-`` is stdout, and so are ``/dev/stdout``, ``/dev/fd/N`` and ``/proc/self/fd/N`` (the
  descriptor itself, whatever file it has open). A path that is not a regular file (a
  terminal, ``/dev/null``, a FIFO) is written as a stream: nothing replaces it.
- A regular file (or a new one) is written to a temporary file beside it, which replaces it
  only when everything was written. A symbolic link is followed: its target is replaced, never
  the link. An existing file keeps its mode (and, where allowed, its owner); a new one gets
  ``0666 & ~umask``, as the shell's ``>`` would. A file with other hard links is rewritten in
  place once the output is complete, so every link sees the new text.
- The temporary file is removed on every exit Python can catch; one left by a process that was
  killed (its name holds the process id) is removed by the next write to the same file.
- Every ``OSError`` becomes an :class:`~translit.errors.InputError` that names the path.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
>>> with atomic_output(str(path)) as out:
...     _ = out.write("Julija Peressild\\n")
>>> path.read_text(encoding="utf-8")
'Julija Peressild\\n'
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from translit.errors import InputError

STDOUT = "<stdout>"
"""The source an error on standard output names."""


def _fail(exc: OSError, path: str) -> InputError:
    return InputError(f"cannot write: {exc.strerror or exc}", source=path)


def umask() -> int:
    """The process's umask (read without changing it where the system tells it)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _temporary_name(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")


def remove_stale(target: Path) -> list[Path]:
    """Remove the temporary files that killed runs left beside ``target``; the removed ones.

    Only names this module makes (``.NAME.PID.HEX.tmp``) whose process is gone are touched.
    """
    removed: list[Path] = []
    prefix = f".{target.name}."
    with contextlib.suppress(OSError):
        for entry in os.scandir(target.parent):
            name = entry.name
            if not (name.startswith(prefix) and name.endswith(".tmp")):
                continue
            middle = name[len(prefix):-len(".tmp")].split(".")
            if len(middle) != 2 or not middle[0].isdigit() or len(middle[1]) != 8:
                continue
            if _alive(int(middle[0])) or not entry.is_file(follow_symlinks=False):
                continue
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process: alive, and not ours to judge
    return True


_DESCRIPTOR_FOLDERS = ("/dev/fd/", "/proc/self/fd/")


def descriptor(path: str) -> int | None:
    """The open file descriptor that ``path`` names through its links (``/dev/stdout`` → 1),
    or None.

    >>> descriptor("/dev/fd/2"), descriptor("out.txt")
    (2, None)
    """
    current = os.path.abspath(path)
    folders = (*_DESCRIPTOR_FOLDERS, f"/proc/{os.getpid()}/fd/")
    for _ in range(40):  # the links the system itself follows at most
        for folder in folders:
            number = current[len(folder):]
            if current.startswith(folder) and number.isdigit():
                return int(number)
        try:
            link = os.readlink(current)
        except OSError:
            return None
        current = os.path.normpath(os.path.join(os.path.dirname(current), link))
    return None


def _resolved(path: str) -> tuple[Path, os.stat_result | None]:
    """The file ``path`` writes to (a symbolic link followed) and its status if it exists."""
    target = Path(os.path.realpath(path))
    try:
        return target, os.stat(target)
    except FileNotFoundError:
        return target, None
    except OSError as exc:
        raise _fail(exc, path) from None


@contextlib.contextmanager
def atomic_output(path: str) -> Iterator[TextIO]:
    """Write to ``path`` (``-`` is stdout): a regular file through a temporary file that replaces
    it only when all went well (its mode kept), anything else as a stream."""
    if path == "-":
        try:
            yield sys.stdout
            sys.stdout.flush()
        except OSError as exc:
            raise _fail(exc, STDOUT) from None
        return
    number = descriptor(path)
    if number is not None:
        with _stream(path, number) as stream:
            yield stream
        return
    target, status = _resolved(path)
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise InputError("is a directory", source=path)
    if status is not None and not stat.S_ISREG(status.st_mode):
        with _stream(path) as stream:
            yield stream
        return
    remove_stale(target)
    temporary = _temporary_name(target)
    try:
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise _fail(exc, path) from None
    try:
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                yield stream
                stream.flush()
                os.fsync(stream.fileno())
            _finish(temporary, target, status)
        except OSError as exc:
            raise _fail(exc, path) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


@contextlib.contextmanager
def _stream(path: str, number: int | None = None) -> Iterator[TextIO]:
    """``path`` opened for writing as it is (or the descriptor ``number``, from where it is)."""
    try:
        if number is not None:
            sys.stdout.flush()
            stream = os.fdopen(os.dup(number), "w", encoding="utf-8", newline="\n")
        else:
            stream = open(path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
    except OSError as exc:
        raise _fail(exc, path) from None
    try:
        with stream:
            yield stream
    except OSError as exc:
        raise _fail(exc, path) from None


def _finish(temporary: Path, target: Path, status: os.stat_result | None) -> None:
    """Put the complete ``temporary`` in place of ``target`` (``status``: the old file's)."""
    if status is None:
        os.chmod(temporary, 0o666 & ~umask())
        os.replace(temporary, target)
        return
    if status.st_nlink > 1:  # other names share the file: rewrite it, so they all see it
        with open(temporary, "rb") as source, open(target, "r+b") as sink:
            shutil.copyfileobj(source, sink)
            sink.truncate()
            sink.flush()
            os.fsync(sink.fileno())
        os.unlink(temporary)
        return
    with contextlib.suppress(OSError):  # only root may give a file to someone else
        os.chown(temporary, status.st_uid, status.st_gid)
    os.chmod(temporary, stat.S_IMODE(status.st_mode))
    os.replace(temporary, target)
