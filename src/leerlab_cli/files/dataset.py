"""Finding a dataset file and loading it into the models, or saying exactly why not."""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tomli
from pydantic import ValidationError

from leerlab_cli.core.choice import DatasetChoice, DatasetSource
from leerlab_cli.core.errors import DatasetTooLarge, InvalidDataset, UnreadableDataset
from leerlab_cli.core.models import Dataset, validate_dataset
from leerlab_cli.core.rules import Severity, integrity_findings
from leerlab_cli.core.text import shown_path

if TYPE_CHECKING:
    # Finding and placing problems is loaded only for a file that has some.
    from leerlab_cli.core.problems import Problem

ENV_VAR = "LEERLAB_DATA"
MAX_BYTES_VAR = "LEERLAB_MAX_BYTES"
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
"""The largest dataset file read unless $LEERLAB_MAX_BYTES allows more (shipped: 30 KiB)."""
_PACKAGE_DIR = Path(__file__).resolve().parent.parent
# In an installed wheel the dataset lies inside the package; in a source
# checkout (an editable install, or the tests) it is the repository's data/.
_SHIPPED_CANDIDATES = (
    _PACKAGE_DIR / "data" / "leerlabs.toml",
    _PACKAGE_DIR.parent.parent / "data" / "leerlabs.toml",
)


def shipped_path() -> Path:
    """The dataset that comes with the package."""
    for candidate in _SHIPPED_CANDIDATES:
        if candidate.is_file():
            return candidate
    return _SHIPPED_CANDIDATES[0]


def choose(explicit: Path | None, environ: Mapping[str, str]) -> DatasetChoice:
    """The dataset in use: `explicit` (from `--data`), else $LEERLAB_DATA, else the shipped one."""
    if explicit is not None:
        return DatasetChoice(explicit, DatasetSource.option)
    from_env = environ.get(ENV_VAR, "")
    if from_env:
        return DatasetChoice(Path(from_env), DatasetSource.environment)
    return DatasetChoice(shipped_path(), DatasetSource.shipped)


def read_document(path: Path) -> dict[str, Any]:
    """Read and parse the TOML file at `path`; every failure is a `DatasetError`."""
    name = shown_path(path)
    return parse_document(_read_bytes(path, name), name)


def size_limit(environ: Mapping[str, str]) -> int | None:
    """The most bytes a dataset file may have: $LEERLAB_MAX_BYTES, else 64 MiB; None if invalid.

    A number beyond what any file can hold means "no limit that matters": the largest
    size the system can address.
    """
    value = environ.get(MAX_BYTES_VAR, "").strip()
    if not value:
        return DEFAULT_MAX_BYTES
    if not (value.isascii() and value.isdigit()) or len(value) > 30 or int(value) == 0:
        return None
    return min(int(value), sys.maxsize - 1)


_CHUNK = 1024 * 1024


def _read_bytes(path: Path, name: str) -> bytes:
    limit = size_limit(os.environ) or DEFAULT_MAX_BYTES
    chunks: list[bytes] = []
    size = 0
    try:
        with path.open("rb") as file:
            # A chunk at a time, never more than the limit: /dev/zero would otherwise
            # fill the memory.
            while size <= limit:
                chunk = file.read(min(_CHUNK, limit + 1 - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
    except OSError as error:
        raise UnreadableDataset(name, error) from None
    if size > limit:
        raise DatasetTooLarge(name, limit, MAX_BYTES_VAR)
    return b"".join(chunks)


def is_regular_file(path: Path) -> bool:
    """Whether `path` is a regular file: not a FIFO or device that could block or never end."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def parse_document(raw: bytes, name: str) -> dict[str, Any]:
    """Parse the bytes of a dataset file called `name` (for messages) as TOML."""
    return _parse_text(_decode(raw, name), name)


def _decode(raw: bytes, name: str) -> str:
    try:
        # utf-8-sig: a byte order mark that an editor put at the start is not an error.
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        line = raw.count(b"\n", 0, error.start) + 1
        # The column in characters, as an editor counts them up to the bad byte.
        column = len(raw[line_start : error.start].decode("utf-8", errors="replace")) + 1
        raise _invalid([_file_problem(name, line, column, "not_utf8", {})]) from None


def _parse_text(text: str, name: str) -> dict[str, Any]:
    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        raise _toml_problem(error, text, name) from None
    except RecursionError:
        line, column = _line_and_column(text, _too_deep(text))
        raise _invalid([_file_problem(name, line, column, "toml_too_deep", {})]) from None
    except ValueError:
        # The one other refusal of the parser: int() refuses integers of more than
        # 4300 digits (Python's guard against slow conversions).
        found = _LONG_INTEGER.search(text)
        line, column = _line_and_column(text, found.start() if found else 0)
        raise _invalid([_file_problem(name, line, column, "toml_integer_too_large", {})]) from None


_LONG_INTEGER = re.compile(r"[0-9][0-9_]{4299,}")
_MAX_NESTING = 100
"""How deep the TOML parser lets arrays and inline tables nest."""


def _too_deep(text: str) -> int:
    # Where the nesting of [ and { first goes deeper than the parser allows; strings
    # and comments are skipped. Only called once the parser has refused the file.
    depth = 0
    quote = ""
    in_comment = False
    for offset, char in enumerate(text):
        if in_comment:
            in_comment = char != "\n"
        elif quote:
            if char == quote or char == "\n":
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "#":
            in_comment = True
        elif char in "[{":
            depth += 1
            if depth > _MAX_NESTING:
                return offset
        elif char in "]}":
            depth -= 1
    return len(text)


def _toml_problem(error: tomli.TOMLDecodeError, text: str, name: str) -> InvalidDataset:
    # The parser says where it stopped; at the end of the text, the file ends too early.
    code = "toml_end" if error.pos >= len(text) else "toml_syntax"
    return _invalid([_file_problem(name, error.lineno, error.colno, code, {"reason": error.msg})])


def _file_problem(name: str, line: int, column: int, code: str, values: dict[str, Any]) -> Problem:
    from leerlab_cli.core.problems import Problem

    return Problem(name, line, column, None, "", Severity.error, code, values)


def _line_and_column(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


def _invalid(found: list[Problem]) -> InvalidDataset:
    return InvalidDataset(found)


def validate_document(document: dict[str, Any], name: str, text: str | None = None) -> Dataset:
    """Validate a parsed document as a dataset; all problems are raised together.

    `text`, the TOML the document was read from, places each problem at its line.
    """
    try:
        dataset = validate_dataset(document)
    except ValidationError:
        raise _invalid(_errors(document, name, text)) from None
    if integrity_findings(document):
        raise _invalid(_errors(document, name, text))
    return dataset


def _errors(document: Mapping[str, Any], name: str, text: str | None) -> list[Problem]:
    from leerlab_cli.core.problems import find, place

    return place(find(document, warnings=False), document, text, name)


def load(path: Path) -> Dataset:
    """Load and validate the dataset file at `path`; every problem is a `DatasetError`."""
    name = shown_path(path)
    raw = _read_bytes(path, name)
    document = parse_document(raw, name)
    try:
        return validate_document(document, name)
    except InvalidDataset:
        # Read again as text, to place each problem at its line.
        text = _decode(raw, name)
        raise _invalid(_errors(document, name, text)) from None


@dataclass(frozen=True)
class Report:
    """What `validate` found in a dataset file: how many leerlabs, and every problem."""

    leerlabs: int
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems that make the dataset unusable."""
        return tuple(problem for problem in self.problems if problem.severity is Severity.error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """The problems to look at that do not stop the dataset from being used."""
        return tuple(problem for problem in self.problems if problem.severity is Severity.warning)


def check(path: Path) -> Report:
    """Check the dataset at `path` completely: every error and warning of every leerlab.

    Raises `DatasetError` when the file cannot be read or is not TOML (nothing else
    can be checked then); a TOML syntax error is an `InvalidDataset` with its problem.
    """
    name = shown_path(path)
    text = _decode(_read_bytes(path, name), name)
    document = _parse_text(text, name)
    labs = document.get("leerlab")
    count = len(labs) if isinstance(labs, list) else 0
    from leerlab_cli.core.problems import find, place

    found = place(find(document), document, text, name)
    return Report(count, tuple(found))
