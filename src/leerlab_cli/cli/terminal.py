"""The one place that writes to the terminal: data to stdout, messages to stderr.

Data is written as it is; every message is escaped with `printable`, since it may
quote the data (a school's name with a newline or an escape sequence in it).

Every write to stdout is complete or raises: `use_complete_stdout` puts a stream
in front of file descriptor 1 that retries partial writes and waits out a
non-blocking descriptor, and raises `StdoutError` when the bytes cannot be
written (a full disk, a closed stdout), whoever writes: the commands, or click's
help and version output.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sys
from collections.abc import Iterable, Mapping, MutableMapping
from typing import TYPE_CHECKING, TextIO

from leerlab_cli.core.text import printable
from leerlab_cli.files.descriptor import write_all
from leerlab_cli.i18n import _

if TYPE_CHECKING:
    from rich.console import RenderableType


def stdout_is_terminal() -> bool:
    """Whether people, rather than a program, read what the command prints."""
    return sys.stdout.isatty()


class StdoutError(OSError):
    """Stdout cannot take what is written to it (a closed pipe stays a `BrokenPipeError`)."""


def write(text: str) -> None:
    """Write data to stdout and flush, so a failed write is noticed inside the command."""
    write_parts((text,))


def write_parts(parts: Iterable[str]) -> None:
    """Write data to stdout part by part, as the parts are made, then flush."""
    for part in parts:
        sys.stdout.write(part)
    sys.stdout.flush()


def write_bytes(data: bytes) -> None:
    """Write binary data (a workbook) to stdout as it is, after what was written before."""
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def render(renderable: RenderableType) -> None:
    """Print a rich renderable to stdout, with markup, emoji and highlighting off."""
    from rich.console import Console

    console = Console(markup=False, emoji=False, highlight=False, width=_terminal_width())
    console.print(renderable)
    sys.stdout.flush()


MAX_COLUMNS = 1000
"""The widest terminal taken at its word; a wider $COLUMNS is a mistake, not a width."""


WIDTH_VARIABLES = ("COLUMNS", "TERMINAL_WIDTH")
"""The widths rich and typer read from the environment: the terminal's, and typer's own."""


def ignore_unusable_width(environ: MutableMapping[str, str]) -> None:
    """Take a $COLUMNS or $TERMINAL_WIDTH that is not a usable width (0, negative, text,
    absurd) as unset.

    rich and typer read them themselves: 0 would make the help empty, a huge number
    would pad every line (or overflow), and typer's help stops at text in
    $TERMINAL_WIDTH; so such a value is removed for this process and the terminal's
    own width is used, else 80.
    """
    for name in WIDTH_VARIABLES:
        if name in environ and usable_width(environ[name]) is None:
            del environ[name]


def usable_width(setting: str) -> int | None:
    """A width written in the environment, or None when it is not one a terminal has."""
    if setting.isascii() and setting.isdigit() and 0 < int(setting) <= MAX_COLUMNS:
        return int(setting)
    return None


def stderr_style(environ: Mapping[str, str]) -> tuple[int, bool] | None:
    """How to write messages for a person on stderr: its width and whether in colour.

    None when stderr is not a terminal (a pipe, a file): then messages stay plain
    lines, byte for byte what programs read. Colour is off with NO_COLOR set to
    anything (no-color.org) and on a dumb terminal.
    """
    stream = sys.stderr
    if stream is None or not stream.isatty():
        return None
    width = usable_width(environ.get("COLUMNS", ""))
    if width is None:
        try:
            width = os.get_terminal_size(stream.fileno()).columns or 80
        except (AttributeError, OSError, ValueError):
            width = 80
    colour = not environ.get("NO_COLOR") and environ.get("TERM") != "dumb"
    return width, colour


def _terminal_width() -> int | None:
    # A terminal that reports no size (a new pseudo-terminal) is 0 columns wide; rich
    # would then print nothing at all.
    if "COLUMNS" in os.environ:
        return None
    try:
        width = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, OSError, ValueError):
        return None
    return None if width else 80


class _CompleteWriter(io.RawIOBase):
    # The raw layer under stdout: writes all it is given or raises. `descriptor` is
    # None when the process started with stdout closed (`>&-`); the number 1 may
    # then belong to a file opened since, which must never receive the output.
    def __init__(self, descriptor: int | None) -> None:
        super().__init__()
        self.descriptor = descriptor
        self.silenced = False

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        if self.descriptor is None:
            raise io.UnsupportedOperation("stdout is closed")
        return self.descriptor

    def isatty(self) -> bool:
        return self.descriptor is not None and os.isatty(self.descriptor)

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        if self.silenced:
            return len(data)
        if self.descriptor is None:
            raise StdoutError(errno.EBADF, os.strerror(errno.EBADF))
        try:
            write_all(self.descriptor, data)
        except BrokenPipeError:
            raise
        except OSError as problem:
            raise StdoutError(problem.errno, problem.strerror) from None
        return len(data)


def use_complete_stdout() -> None:
    """Make every write to stdout complete or raise: partial writes retried, errors raised.

    Only a stdout that is a file descriptor (or closed) is replaced; a test's captured
    stdout is left alone. What was buffered before is flushed to the old stream first.
    """
    current = sys.stdout
    if current is not None:
        if _complete_writer(current) is not None:
            return
        try:
            descriptor: int | None = current.fileno()
        except (OSError, ValueError):
            return
        current.flush()
    else:
        descriptor = None
    raw = _CompleteWriter(descriptor)
    sys.stdout = io.TextIOWrapper(
        io.BufferedWriter(raw),
        encoding="utf-8",
        errors="backslashreplace",
        line_buffering=raw.isatty(),
    )


def restore_stdout(previous: TextIO) -> None:
    """Put back the stdout `use_complete_stdout` replaced (for a program calling the app)."""
    if sys.stdout is not previous:
        with contextlib.suppress(OSError, ValueError):
            sys.stdout.flush()
        sys.stdout = previous


def _complete_writer(stream: TextIO | None) -> _CompleteWriter | None:
    raw = getattr(getattr(stream, "buffer", None), "raw", None)
    return raw if isinstance(raw, _CompleteWriter) else None


def note(message: str) -> None:
    """A message for a person on stderr, and only when stderr is a terminal."""
    if sys.stderr.isatty():
        sys.stderr.write(printable(message, keep_lines=True) + "\n")


def say(message: str) -> None:
    """A message for a person on stderr, in a pipe too: what an action did where."""
    sys.stderr.write(printable(message) + "\n")
    sys.stderr.flush()


def error(message: str) -> None:
    """An `error:` line on stderr (`fout:` in Dutch); line breaks in `message` are escaped too."""
    _message(_("error"), message)


def warning(message: str) -> None:
    """A `warning:` line on stderr (`waarschuwing:` in Dutch); line breaks are escaped too."""
    _message(_("warning"), message)


def _message(prefix: str, message: str) -> None:
    sys.stderr.write(f"{prefix}: {printable(message)}\n")
    sys.stderr.flush()


def use_utf8() -> None:
    """Make stdout and stderr write UTF-8 whatever the locale."""
    # So "geïntegreerde" survives LC_ALL=C.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (stream.encoding or "").lower() not in ("utf-8", "utf8"):
            reconfigure(encoding="utf-8", errors="backslashreplace")


def silence_stdout() -> None:
    """Point stdout at /dev/null once its reader has gone (`| head -1`) or a write failed.

    Otherwise the interpreter's final flush would complain about the closed pipe.
    """
    stream = sys.stdout
    raw = _complete_writer(stream)
    if raw is not None:
        raw.silenced = True
        return
    if stream is None:
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def report(text: str) -> None:
    """Problem lines on stderr, as the formats worded and escaped them (`PATH:LINE:COL: …`)."""
    sys.stderr.write(text)
    sys.stderr.flush()
