"""The one place that writes to the terminal: data to stdout, messages to stderr.

Data is written as it is; every message is escaped with `printable`, since it may
quote the data (a school's name with a newline or an escape sequence in it).
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from leerlab_cli.text import printable

if TYPE_CHECKING:
    from rich.console import RenderableType


def stdout_is_terminal() -> bool:
    """Whether people, rather than a program, read what the command prints."""
    return sys.stdout.isatty()


def write(text: str) -> None:
    """Write data to stdout and flush, so a closed pipe is noticed inside the command."""
    sys.stdout.write(text)
    sys.stdout.flush()


def render(renderable: RenderableType) -> None:
    """Print a rich renderable to stdout, with markup, emoji and highlighting off."""
    from rich.console import Console

    console = Console(markup=False, emoji=False, highlight=False)
    console.print(renderable)
    sys.stdout.flush()


def note(message: str) -> None:
    """A message for a person on stderr, and only when stderr is a terminal."""
    if sys.stderr.isatty():
        sys.stderr.write(printable(message, keep_lines=True) + "\n")


def error(message: str) -> None:
    """An `error:` line on stderr; line breaks in `message` are escaped too."""
    _message("error", message)


def warning(message: str) -> None:
    """A `warning:` line on stderr; line breaks in `message` are escaped too."""
    _message("warning", message)


def _message(kind: str, message: str) -> None:
    sys.stderr.write(f"{kind}: {printable(message)}\n")
    sys.stderr.flush()


def use_utf8() -> None:
    """Make stdout and stderr write UTF-8 whatever the locale."""
    # So "geïntegreerde" survives LC_ALL=C.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (stream.encoding or "").lower() not in ("utf-8", "utf8"):
            reconfigure(encoding="utf-8", errors="backslashreplace")


def silence_stdout() -> None:
    """Point stdout at /dev/null once its reader has gone (`| head -1`).

    Otherwise the interpreter's final flush would complain about the closed pipe.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def report(text: str) -> None:
    """Problem lines on stderr, as the formats worded and escaped them (`PATH:LINE:COL: …`)."""
    sys.stderr.write(text)
    sys.stderr.flush()
