"""Small pure helpers for text: folding for search, and safe display."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

# Everything that could steer a terminal or reverse the display of text, and the
# line and paragraph separators that some programs take for line breaks.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028-\u202e\u2066-\u2069]")
_UNSAFE_KEEP_LINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028-\u202e\u2066-\u2069]")
# A tab, and everything `str.splitlines` breaks a line at.
_WHITESPACE_BREAKS = re.compile("[\t\n\x0b\x0c\r\x1c-\x1e\x85\u2028\u2029]+")


def fold(text: str) -> str:
    """`text` as the filters, `show` and completion compare it: only its letters and digits.

    Case, accents, spaces, hyphens and punctuation are ignored, and ``&`` reads as
    ``en``: ``Noord Brabant`` and ``noord-brabant`` fold alike, as do ``Zorg & Welzijn``
    and ``zorg en welzijn``. A character folds on its own, whatever stands beside it,
    so folding a text is folding its characters one by one (linear in its length).
    """
    if text.isascii():
        # No accents to strip and no character that casefolds to several: done at once.
        return _NOT_ALPHANUMERIC.sub("", text.replace("&", "en").lower())
    decomposed = unicodedata.normalize("NFKD", text.replace("&", "en")).casefold()
    # NFKD and casefold can leave combining marks (İ casefolds to i and a dot above):
    # like punctuation and spaces, they are not letters or digits and go.
    return _NOT_ALPHANUMERIC.sub("", decomposed)


# What folding drops: everything but letters and digits, the underscore included.
_NOT_ALPHANUMERIC = re.compile(r"[\W_]+")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, *, keep_lines: bool = False) -> str:
    """`text` with every control character shown as an escape such as ``\\x1b``."""
    pattern = _UNSAFE_KEEP_LINES if keep_lines else _UNSAFE
    return pattern.sub(_escape, text)


def one_line(text: str) -> str:
    """`text` with tabs and line breaks turned into single spaces."""
    # Every character the pattern replaces is unprintable, so most text needs no search.
    return text if text.isprintable() else _WHITESPACE_BREAKS.sub(" ", text)


def shown_path(path: str | Path) -> str:
    """A file name as text: bytes that are not UTF-8 shown as escapes such as ``\\xff``.

    Python keeps such bytes as lone surrogates, which no UTF-8 output may hold.
    """
    return printable(os.fsencode(path).decode("utf-8", errors="backslashreplace"))
