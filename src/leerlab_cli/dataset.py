"""Finding a dataset file and loading it into the models, or saying exactly why not."""

from __future__ import annotations

import os
import re
import stat
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from leerlab_cli import cache
from leerlab_cli.errors import DatasetError
from leerlab_cli.i18n import N_, _, ngettext
from leerlab_cli.models import (
    CONTROL_PATTERN,
    EMAIL_PATTERN,
    SLUG_PATTERN,
    TEXT_TAG,
    UNDETERMINED_TAG,
    Dataset,
)
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

_PATTERN_MESSAGES = {
    CONTROL_PATTERN: N_("contains a control character, which is not allowed in text"),
    SLUG_PATTERN: N_(
        "must be lowercase letters a-z, digits and single hyphens, like 'noord-brabant'"
    ),
    EMAIL_PATTERN: N_("is not a valid e-mail address"),
}
# pydantic's own messages are English: each kind of error the models can raise is
# worded here, with the values pydantic puts in its context.
_ERROR_MESSAGES = {
    "missing": N_("required field is missing"),
    "extra_forbidden": N_("unknown field (check its spelling)"),
    "string_type": N_("must be text"),
    "string_too_short": N_("must not be empty"),
    "int_type": N_("must be a whole number"),
    "int_parsing": N_("must be a whole number"),
    "int_from_float": N_("must be a whole number"),
    "bool_type": N_("must be true or false"),
    "list_type": N_("must be a list"),
    "dict_type": N_("must be a table"),
    "model_type": N_("must be a table"),
    "model_attributes_type": N_("must be a table"),
    "greater_than_equal": N_("must be {ge} or more"),
    "less_than_equal": N_("must be {le} or less"),
    "enum": N_("must be one of {expected}"),
    "literal_error": N_("must be {expected}"),
    "union_tag_invalid": N_("must be text or a table with nader_te_bepalen = true"),
    "union_tag_not_found": N_("must be text or a table with nader_te_bepalen = true"),
}
_UNION_TAGS = {TEXT_TAG, UNDETERMINED_TAG}
# Compiled on first use by `re`'s own cache: only messages about errors need them.
_TOML_POSITION = r"^(?P<msg>.*?) \(at line (?P<line>\d+), column (?P<col>\d+)\)$"
_IDENTIFIER = r"^[A-Za-z_][A-Za-z0-9_]*$"
# How tomllib ends the message of an error it can give no line for.
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
    try:
        # utf-8-sig: a byte order mark that an editor put at the start is not an error.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise DatasetError(
            _("{name}: line {line}: not valid UTF-8 text").format(name=name, line=line)
        ) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DatasetError(f"{name}: {_describe_toml_error(error, text)}") from None
    except RecursionError:
        raise DatasetError(_("{name}: invalid TOML: nested too deeply").format(name=name)) from None
    except ValueError as error:
        # tomllib lets int() refuse integers of more than 4300 digits.
        reason = _("an integer is too large") if "digits" in str(error) else printable(str(error))
        raise DatasetError(
            _("{name}: invalid TOML: {reason}").format(name=name, reason=reason)
        ) from None


def _describe_toml_error(error: tomllib.TOMLDecodeError, text: str) -> str:
    message = str(error)
    if message.endswith(_TOML_AT_END):
        # tomllib names no position when the file ends too early: it is the last line.
        line = text.count("\n") + 1
        column = len(text) - text.rfind("\n")
        reason = printable(message.removesuffix(_TOML_AT_END))
        return _(
            "line {line}, column {column}: invalid TOML: {reason}; the file ends too early"
        ).format(line=line, column=column, reason=reason)
    position = re.match(_TOML_POSITION, message)
    if position is None:
        return _("invalid TOML: {reason}").format(reason=printable(message))
    reason = printable(position["msg"])
    return _("line {line}, column {column}: invalid TOML: {reason}").format(
        line=position["line"], column=position["col"], reason=reason
    )


def validate_document(document: dict[str, Any], name: str) -> Dataset:
    """Validate a parsed document as a dataset; all problems are raised together."""
    try:
        dataset = Dataset.model_validate(document)
    except ValidationError as error:
        raise DatasetError(_describe_validation_error(error, document, name)) from None
    problems = [f"{name}: {problem}" for problem in integrity_problems(dataset)]
    if problems:
        raise DatasetError(problems)
    return dataset


def load(path: Path) -> Dataset:
    """Load and validate the dataset file at `path`, from the cache when it holds these bytes."""
    return load_telling_origin(path)[0]


def load_telling_origin(path: Path) -> tuple[Dataset, bool]:
    """The dataset at `path` as `load` gives it, and whether the cache served it."""
    name = printable(str(path))
    raw = _read_bytes(path, name)
    folder = cache.directory(os.environ)
    cache_key = cache.key(raw) if folder is not None else None
    if folder is not None and cache_key is not None:
        cached = cache.read(folder, cache_key)
        if cached is not None:
            return cached, True
    document = parse_document(raw, name)
    # The bytes are not needed any more: free them before validation doubles the data.
    del raw
    dataset = validate_document(document, name)
    del document
    if folder is not None and cache_key is not None:
        cache.write(folder, cache_key, dataset)
    return dataset, False


def integrity_problems(dataset: Dataset) -> list[str]:
    """Problems across fields that the schema alone cannot see: duplicates, dangling names."""
    problems: list[str] = []
    first_with_slug: dict[str, int] = {}
    for number, lab in enumerate(dataset.leerlab, start=1):
        where = f"leerlab '{lab.slug}' (#{number})"
        if lab.slug in first_with_slug:
            problems.append(
                _("{where}: slug: duplicate of leerlab #{number}").format(
                    where=where, number=first_with_slug[lab.slug]
                )
            )
        else:
            first_with_slug[lab.slug] = number
        school_names = {school.name for school in lab.schools}
        for index, route in enumerate(lab.routes):
            for school in route.schools:
                if school not in school_names:
                    problems.append(
                        _(
                            "{where}: routes[{index}].schools: '{school}' is not one of the "
                            "leerlab's schools"
                        ).format(where=where, index=index, school=school)
                    )
        for index, statement in enumerate(lab.target_group_per_school):
            if statement.school not in school_names:
                problems.append(
                    _(
                        "{where}: target_group_per_school[{index}].school: "
                        "'{school}' is not one of the leerlab's schools"
                    ).format(where=where, index=index, school=statement.school)
                )
    return problems


def _describe_validation_error(
    error: ValidationError, document: Mapping[str, Any], name: str
) -> list[str]:
    lines: list[str] = []
    for detail in error.errors(include_url=False, include_input=False):
        location = [part for part in detail["loc"] if part not in _UNION_TAGS]
        if detail["type"] == "too_short" and location[-1:] == ["leerwegen"]:
            # Left out means "not stated"; an empty list says nothing and is a slip.
            message = _(
                "must not be empty; leave leerwegen out when the source does not state the leerweg"
            )
        else:
            message = _message(detail["type"], detail["msg"], detail.get("ctx"))
        lines.append(f"{name}: {_describe_location(location, document)}: {message}")
    return unique_lines(lines)


def unique_lines(lines: Iterable[str]) -> list[str]:
    """`lines` without repeats, in order; linear, however many problems a file has."""
    return list(dict.fromkeys(lines))


def _message(kind: str, message: str, context: Mapping[str, Any] | None) -> str:
    context = context or {}
    if kind == "string_pattern_mismatch" and str(context.get("pattern")) in _PATTERN_MESSAGES:
        return _(_PATTERN_MESSAGES[str(context["pattern"])])
    if kind == "too_short":
        count = int(context.get("min_length", 1))
        return ngettext(
            "must have at least {count} item", "must have at least {count} items", count
        ).format(count=count)
    if kind in _ERROR_MESSAGES:
        expected = str(context.get("expected", "")).replace(" or ", _(" or "))
        return _(_ERROR_MESSAGES[kind]).format(
            ge=context.get("ge"), le=context.get("le"), expected=printable(expected)
        )
    # A kind of error the models did not raise before: say so in the chosen
    # language, with pydantic's own English words.
    return _("invalid value ({kind}): {message}").format(kind=kind, message=printable(message))


def _describe_location(location: Sequence[int | str], document: Mapping[str, Any]) -> str:
    if len(location) >= 2 and location[0] == "leerlab" and isinstance(location[1], int):
        lab = _describe_lab(location[1], document)
        rest = _field_path(location[2:])
        return f"{lab}: {rest}" if rest else lab
    return _field_path(location) or _("the document")


def _describe_lab(index: int, document: Mapping[str, Any]) -> str:
    labs = document.get("leerlab")
    slug = None
    if isinstance(labs, list) and index < len(labs) and isinstance(labs[index], dict):
        slug = labs[index].get("slug")
    if isinstance(slug, str) and slug:
        return f"leerlab '{printable(slug)}' (#{index + 1})"
    return f"leerlab #{index + 1}"


def _field_path(parts: Iterable[int | str]) -> str:
    path = ""
    for part in parts:
        if isinstance(part, int):
            path += f"[{part}]"
        elif re.match(_IDENTIFIER, part):
            path += f".{part}" if path else part
        else:
            path += f"[{printable(repr(part))}]"
    return path


@dataclass(frozen=True)
class Report:
    """What `validate` found in a dataset file."""

    leerlabs: int
    errors: tuple[str, ...]
    warnings: tuple[str, ...]


def check(path: Path) -> Report:
    """Check the dataset at `path` completely, collecting errors and domain warnings."""
    from leerlab_cli.checks import domain_warnings

    name = printable(str(path))
    try:
        document = read_document(path)
    except DatasetError as error:
        return Report(0, error.lines, ())
    labs = document.get("leerlab")
    count = len(labs) if isinstance(labs, list) else 0
    try:
        dataset = validate_document(document, name)
    except DatasetError as error:
        return Report(count, error.lines, ())
    warnings = tuple(f"{name}: {warning}" for warning in domain_warnings(dataset))
    return Report(len(dataset.leerlab), (), warnings)
