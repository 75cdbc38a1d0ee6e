"""One exception tree for everything leerlab can refuse, with the facts, never the words.

Each exception says what went wrong as data (a file name, the system's error, the
candidates of a query); formats/messages.py words it in the interface language, and
the command layer writes those lines to stderr with exit code 1. Nothing else in the
package prints or exits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from leerlab_cli.core.problems import Problem
    from leerlab_cli.core.query import Match


class LeerlabError(Exception):
    """A runtime problem the user can act on."""


class DatasetError(LeerlabError):
    """A dataset file that cannot be read, parsed or validated."""


class UnreadableDataset(DatasetError):
    """A dataset file the system would not let us read (missing, a folder, no permission…)."""

    def __init__(self, name: str, error: OSError) -> None:
        self.name = name
        self.error = error
        super().__init__(name, error)


class DatasetTooLarge(DatasetError):
    """A dataset file larger than the most we read; `variable` sets that limit."""

    def __init__(self, name: str, limit: int, variable: str) -> None:
        self.name = name
        self.limit = limit
        self.variable = variable
        super().__init__(name, limit)


class InvalidDataset(DatasetError):
    """A dataset file that is not valid TOML or not a valid dataset: every problem, placed."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(len(self.problems))


class NotFound(LeerlabError):
    """A query that names no leerlab, or more than one."""

    def __init__(self, query: str) -> None:
        self.query = query
        super().__init__(query)


class EmptyQuery(NotFound):
    """A query with nothing in it."""


class AmbiguousQuery(NotFound):
    """A query that names several leerlabs equally well.

    `in_text`: how many leerlabs have the query in their text (what `list -q` would
    give), when it names them by a school they share; else 0.
    """

    def __init__(self, query: str, matches: Sequence[Match], in_text: int = 0) -> None:
        self.matches: tuple[Match, ...] = tuple(matches)
        self.in_text = in_text
        super().__init__(query)


class NoMatch(NotFound):
    """A query that names no leerlab; `close` are slugs spelt much like it.

    `in_text`: how many leerlabs have the query in their text, a sector or a
    contact's name (what `list -q` would give); 0 when none has.
    """

    def __init__(self, query: str, close: Sequence[str], in_text: int = 0) -> None:
        self.close: tuple[str, ...] = tuple(close)
        self.in_text = in_text
        super().__init__(query)


@dataclass(frozen=True)
class WriteFailure:
    """Why an output file was not written: the system's error, and whether its folder exists."""

    error: OSError
    folder_exists: bool = True


class OutputError(LeerlabError):
    """Output that cannot be written where the user asked."""

    def __init__(self, name: str, failure: WriteFailure) -> None:
        self.name = name
        self.failure = failure
        super().__init__(name, failure.error)


class UnsupportedShell(LeerlabError):
    """`--install-completion` in a shell leerlab has no completion for (None: not recognised)."""

    def __init__(self, shell: str | None) -> None:
        self.shell = shell
        super().__init__(shell)


class NoShellProfile(LeerlabError):
    """PowerShell did not say where its profile is, so completion cannot be added to it."""

    def __init__(self, shell: str) -> None:
        self.shell = shell
        super().__init__(shell)


class TooLargeForWorkbook(LeerlabError):
    """A text longer than a workbook cell holds (Excel's limit), which would be cut short."""

    def __init__(self, sheet: str, cell: str, length: int, limit: int) -> None:
        self.sheet = sheet
        self.cell = cell
        self.length = length
        self.limit = limit
        super().__init__(sheet, cell, length, limit)
