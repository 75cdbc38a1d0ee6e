"""Finding a dataset file and loading it into the models, or saying exactly why not."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import tomli
from pydantic import ValidationError

from leerlab_cli import problems
from leerlab_cli.errors import DatasetError, InvalidDataset
from leerlab_cli.i18n import _
from leerlab_cli.models import Dataset, validate_dataset
from leerlab_cli.problems import Problem
from leerlab_cli.rules import Severity, integrity_findings
from leerlab_cli.text import printable

ENV_VAR = "LEERLAB_DATA"
MAX_BYTES_VAR = "LEERLAB_MAX_BYTES"
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
"""The largest dataset file read unless $LEERLAB_MAX_BYTES allows more (shipped: 30 KiB)."""
_PACKAGE_DIR = Path(__file__).resolve().parent
# In an installed wheel the dataset lies inside the package; in a source
# checkout (an editable install, or the tests) it is the repository's data/.
_SHIPPED_CANDIDATES = (
    _PACKAGE_DIR / "data" / "leerlabs.toml",
    _PACKAGE_DIR.parent.parent / "data" / "leerlabs.toml",
)
_TOML_POSITION = r"^(?P<msg>.*?) \(at line (?P<line>\d+), column (?P<col>\d+)\)$"
# How the TOML parser ends the message of an error it can give no line for.
_TOML_AT_END = " (at end of document)"


def shipped_path() -> Path:
    """The dataset that comes with the package."""
    for candidate in _SHIPPED_CANDIDATES:
        if candidate.is_file():
            return candidate
    return _SHIPPED_CANDIDATES[0]


class DatasetSource(StrEnum):
    """Why a command uses the dataset it uses."""

    option = "option"
    """Named by `--data` on the command line."""
    environment = "environment"
    """Named by the environment variable $LEERLAB_DATA."""
    shipped = "shipped"
    """Neither names one: the dataset that comes with the package."""


@dataclass(frozen=True)
class DatasetChoice:
    """The dataset file a command uses, and why that one."""

    path: Path
    source: DatasetSource


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
    name = printable(str(path))
    return parse_document(_read_bytes(path, name), name)


def size_limit(environ: Mapping[str, str]) -> int | None:
    """The most bytes a dataset file may have: $LEERLAB_MAX_BYTES, else 64 MiB; None if invalid."""
    value = environ.get(MAX_BYTES_VAR, "").strip()
    if not value:
        return DEFAULT_MAX_BYTES
    return int(value) if value.isdigit() and int(value) > 0 else None


def _read_bytes(path: Path, name: str) -> bytes:
    limit = size_limit(os.environ) or DEFAULT_MAX_BYTES
    try:
        with path.open("rb") as file:
            # Never more than the limit: /dev/zero would otherwise fill the memory.
            raw = file.read(limit + 1)
    except FileNotFoundError:
        raise DatasetError(_("{name}: no such file").format(name=name)) from None
    except IsADirectoryError:
        raise DatasetError(_("{name}: is a folder, not a dataset file").format(name=name)) from None
    except PermissionError:
        raise DatasetError(_("{name}: permission denied").format(name=name)) from None
    except OSError as error:
        reason = printable(error.strerror or type(error).__name__)
        raise DatasetError(
            _("{name}: cannot be read: {reason}").format(name=name, reason=reason)
        ) from None
    if len(raw) > limit:
        from leerlab_cli.formats.messages import dataset_too_large

        raise DatasetError(dataset_too_large(name, limit, MAX_BYTES_VAR))
    return raw


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
        line = raw.count(b"\n", 0, error.start) + 1
        raise DatasetError(
            _("{name}: line {line}: not valid UTF-8 text").format(name=name, line=line)
        ) from None


def _parse_text(text: str, name: str) -> dict[str, Any]:
    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        raise _toml_problem(error, text, name) from None
    except RecursionError:
        raise DatasetError(_("{name}: invalid TOML: nested too deeply").format(name=name)) from None
    except ValueError as error:
        # The parser lets int() refuse integers of more than 4300 digits.
        reason = _("an integer is too large") if "digits" in str(error) else printable(str(error))
        raise DatasetError(
            _("{name}: invalid TOML: {reason}").format(name=name, reason=reason)
        ) from None


def _toml_problem(error: tomli.TOMLDecodeError, text: str, name: str) -> InvalidDataset:
    # The parser ends its message with the position, or "at end of document" when the file
    # ends too early: then the position is the end of the last line.
    message = str(error)
    line, column = _line_and_column(text, len(text))
    code = "toml_end"
    if not message.endswith(_TOML_AT_END):
        code = "toml_syntax"
        position = re.match(_TOML_POSITION, message)
        if position is not None:
            line, column = int(position["line"]), int(position["col"])
            message = position["msg"]
    reason = message.removesuffix(_TOML_AT_END)
    return _invalid(
        [Problem(name, line, column, None, "", Severity.error, code, {"reason": reason})]
    )


def _line_and_column(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


def _invalid(found: list[Problem]) -> InvalidDataset:
    from leerlab_cli.formats.problems import problem_message

    return InvalidDataset(found, [problem_message(problem) for problem in found])


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
    return problems.place(problems.find(document, warnings=False), document, text, name)


def load(path: Path) -> Dataset:
    """Load and validate the dataset file at `path`; every problem is a `DatasetError`."""
    name = printable(str(path))
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
    name = printable(str(path))
    text = _decode(_read_bytes(path, name), name)
    document = _parse_text(text, name)
    labs = document.get("leerlab")
    count = len(labs) if isinstance(labs, list) else 0
    found = problems.place(problems.find(document), document, text, name)
    return Report(count, tuple(found))
