"""Where keys and values stand in a TOML text: line and column for a path in the document (pure).

The TOML parser gives no positions, so this reads the text once more, only as far as the shapes a
dataset uses: table headers (``[meta]``, ``[[leerlab]]``, ``[[leerlab.schools]]``), keys
(bare, quoted, dotted), strings of every kind, arrays and inline tables, nested to any depth.
It is run on text that the parser has already accepted, so it never needs to report a mistake;
what it cannot place is found by walking up the path (`Positions.find`).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable

import tomli

Path = tuple[int | str, ...]
"""A place in the parsed document: keys and list indexes, e.g. ("leerlab", 0, "routes", 1)."""
Position = tuple[int, int]
"""A line and a column, both counted from 1 (columns in characters)."""

_LAB_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*leerlab[ \t]*\]\]", re.MULTILINE)
_BLANK = re.compile(r"(?:[ \t\r\n]+|#[^\n]*)*")
_INLINE_BLANK = re.compile(r"[ \t]*")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_STRING = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""+|\'\'\'(?:[^\']|\'(?!\'\'))*\'\'\'+|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'',
    re.DOTALL,
)
_SCALAR = re.compile(r"[^,\]}\s#]+(?:[ T][0-9:.+\-Z]+)?")


class Positions:
    """Where each key and each value found in a TOML text starts.

    `keys` and `values` hold offsets into the text; `at` and `find` turn one into a
    line and column, so that a large file's report counts lines only once, and only
    when a problem is to be placed.
    """

    def __init__(self, text: str = "") -> None:
        self.text = text
        self.keys: dict[Path, int] = {}
        self.values: dict[Path, int] = {}

    def at(self, offset: int) -> Position:
        """The line and column of `offset` in the text."""
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    @functools.cached_property
    def _line_starts(self) -> list[int]:
        return [0] + [match.end() for match in re.finditer("\n", self.text)]

    def find(self, path: Path, *, key: bool = False) -> Position | None:
        """Where `path` is: its key (or its value) if found, else the nearest enclosing place.

        A table of an array (``[[leerlab]]``) is placed at its header; a missing field
        of a leerlab thus at the leerlab's header line.
        """
        first, second = (self.keys, self.values) if key else (self.values, self.keys)
        for length in range(len(path), 0, -1):
            prefix = path[:length]
            found = first.get(prefix)
            if found is None:
                found = second.get(prefix)
            if found is not None:
                return self.at(found)
        return None


def index(text: str, only_labs: Iterable[int] | None = None) -> Positions:
    """The positions in `text`; with `only_labs`, only those leerlabs' (and the text before them).

    Reading only the leerlabs with problems keeps a report on a large file quick.
    """
    scanner = _Scanner(text)
    headers = [match.start() for match in _LAB_HEADER.finditer(text)]
    if only_labs is None:
        scanner.scan(0, len(text), {})
        return scanner.positions
    # Each leerlab runs from its header to the next; text before the first header holds [meta].
    ends = [*headers[1:], len(text)]
    scanner.scan(0, headers[0] if headers else len(text), {})
    for number in sorted(set(only_labs)):
        if 0 <= number < len(headers):
            scanner.scan(headers[number], ends[number], {("leerlab",): number - 1})
    return scanner.positions


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.positions = Positions(text)
        self.end = len(text)

    def scan(self, start: int, end: int, arrays: dict[Path, int]) -> None:
        # `arrays`: for each array of tables, the index of its last table so far.
        self.end = end
        table: Path = ()
        offset = start
        try:
            while True:
                offset = self.skip_blank(offset)
                if offset >= end:
                    return
                if self.text.startswith("[", offset):
                    table, offset = self.header(offset, arrays)
                else:
                    offset = self.key_value(offset, table)
        except (RecursionError, IndexError):
            # Text the parser accepted but in a shape not read here: keep what was found.
            return

    def header(self, offset: int, arrays: dict[Path, int]) -> tuple[Path, int]:
        is_array = self.text.startswith("[[", offset)
        start = offset
        offset += 2 if is_array else 1
        parts, offset = self.key(offset)
        offset = self.skip_inline(offset)
        offset += 2 if is_array else 1
        path: Path = ()
        for number, part in enumerate(parts):
            path = (*path, part)
            last = number == len(parts) - 1
            if last and is_array:
                arrays[path] = arrays.get(path, -1) + 1
                path = (*path, arrays[path])
            elif path in arrays:
                path = (*path, arrays[path])
        self.positions.keys.setdefault(path, start)
        return path, offset

    def key_value(self, offset: int, table: Path) -> int:
        key_start = offset
        parts, offset = self.key(offset)
        path = (*table, *parts)
        self.positions.keys[path] = key_start
        offset = self.skip_inline(offset)
        offset += 1  # "="
        offset = self.skip_inline(offset)
        return self.value(offset, path)

    def key(self, offset: int) -> tuple[list[str], int]:
        # A key of one or more parts joined by dots: a.b, "a b".c
        parts: list[str] = []
        while True:
            offset = self.skip_inline(offset)
            bare = _BARE_KEY.match(self.text, offset, self.end)
            if bare is not None:
                parts.append(bare.group())
                offset = bare.end()
            else:
                string = _STRING.match(self.text, offset, self.end)
                if self.text[offset] not in "\"'" or string is None:
                    raise IndexError(offset)
                parts.append(str(tomli.loads(f"k = {string.group()}")["k"]))
                offset = string.end()
            offset = self.skip_inline(offset)
            if not self.text.startswith(".", offset):
                return parts, offset
            offset += 1

    def value(self, offset: int, path: Path) -> int:
        self.positions.values[path] = offset
        character = self.text[offset]
        if character == "[":
            return self.array(offset + 1, path)
        if character == "{":
            return self.inline_table(offset + 1, path)
        match = _STRING.match(self.text, offset, self.end) if character in "\"'" else None
        if match is None:
            match = _SCALAR.match(self.text, offset, self.end)
        if match is None:
            raise IndexError(offset)
        return match.end()

    def array(self, offset: int, path: Path) -> int:
        number = 0
        while True:
            offset = self.skip_blank(offset)
            if self.text[offset] == "]":
                return offset + 1
            offset = self.value(offset, (*path, number))
            offset = self.skip_blank(offset)
            if self.text[offset] == ",":
                offset += 1
                number += 1

    def inline_table(self, offset: int, path: Path) -> int:
        while True:
            offset = self.skip_blank(offset)
            if self.text[offset] == "}":
                return offset + 1
            if self.text[offset] == ",":
                offset += 1
                continue
            offset = self.key_value(offset, path)

    def skip_blank(self, offset: int) -> int:
        # Spaces, line ends and comments, between a dataset's values and lines.
        if not self.text.startswith((" ", "\t", "\r", "\n", "#"), offset):
            return offset  # the usual case, checked without a regular expression
        return _BLANK.match(self.text, offset, self.end).end()  # type: ignore[union-attr]

    def skip_inline(self, offset: int) -> int:
        if not self.text.startswith((" ", "\t"), offset):
            return offset  # the usual case, checked without a regular expression
        return _INLINE_BLANK.match(self.text, offset, self.end).end()  # type: ignore[union-attr]
