"""One exception tree for everything the core can refuse.

The command layer turns a `LeerlabError` into its message lines on stderr and
exit code 1; nothing else in the package prints or exits.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from leerlab_cli.problems import Problem


class LeerlabError(Exception):
    """A runtime problem the user can act on; each line of `lines` is one problem."""

    def __init__(self, lines: str | Sequence[str]) -> None:
        self.lines: tuple[str, ...] = (lines,) if isinstance(lines, str) else tuple(lines)
        super().__init__("\n".join(self.lines))


class DatasetError(LeerlabError):
    """A dataset file that cannot be read, parsed or validated."""


class InvalidDataset(DatasetError):
    """A dataset file that is not valid TOML or not a valid dataset: every problem, placed."""

    def __init__(self, problems: Sequence[Problem], lines: Sequence[str]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(lines)


class NotFound(LeerlabError):
    """A query that names no leerlab, or more than one."""


class OutputError(LeerlabError):
    """Output that cannot be written where the user asked."""
