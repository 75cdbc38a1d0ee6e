"""Finding every problem of a dataset in one pass, each at its place in the file (pure).

A problem is structured data: where it is (file, line, column, leerlab, field path), how bad
(error or warning), what kind (a message code) and the values a message needs, such as the
bad value and a suggested fix. formats/problems.py words it; this module holds no wording.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from leerlab_cli.core import positions
from leerlab_cli.core.models import (
    CONTROL_PATTERN,
    EMAIL_PATTERN,
    LEERWEG_ALIASES,
    SLUG_PATTERN,
    START_PATTERN,
    TEXT_TAG,
    UNDETERMINED_TAG,
    URL_PATTERN,
    VOCABULARIES,
    Contact,
    Dataset,
    Leerlab,
    Leerweg,
    Meta,
    Route,
    School,
    SchoolStatement,
    Source,
    Table,
    Undetermined,
    field_names,
    validate_dataset,
    validate_leerlab,
)
from leerlab_cli.core.rules import Finding, Severity, closest, integrity_findings, law_findings
from leerlab_cli.core.words import meant_member


@dataclass(frozen=True)
class Problem:
    """One problem, at its place in the file; `code` and `values` say what it is."""

    file: str
    line: int
    column: int
    leerlab: str | None
    field: str
    severity: Severity
    code: str
    values: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    number: int | None = None
    """The leerlab's number in the file, from 1, when the problem is in a leerlab."""
    leerlab_line: int | None = None
    """The line of the leerlab's ``[[leerlab]]`` header, when another leerlab has its slug."""


PATTERN_CODES = {
    CONTROL_PATTERN: "control_character",
    SLUG_PATTERN: "slug_pattern",
    EMAIL_PATTERN: "email_pattern",
    START_PATTERN: "start_pattern",
    URL_PATTERN: "url_pattern",
}
"""The message code of each pattern a text must match."""

_UNION_TAGS = {TEXT_TAG, UNDETERMINED_TAG}
_TABLE_MODELS: dict[str, type[Table]] = {
    "leerlab": Leerlab,
    "meta": Meta,
    "schools": School,
    "routes": Route,
    "contacts": Contact,
    "target_group_per_school": SchoolStatement,
    "source": Source,
    "phase": Undetermined,
    "works_on": Undetermined,
    "design": Undetermined,
    "target_group": Undetermined,
}
_LEERWEG_FIELDS = ("leerwegen",)
_VOCABULARY_OF = {frozenset(member.value for member in each): each for each in VOCABULARIES}
"""Each closed vocabulary, by the values a problem says were expected."""
_KEY_CODES = {"extra_forbidden"}
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def field_path(parts: Iterable[int | str]) -> str:
    """A path as people write it: ``routes[1].status``, ``meta["odd key"]``."""
    path = ""
    for part in parts:
        if isinstance(part, int):
            path += f"[{part}]"
        elif _IDENTIFIER.match(part):
            path += f".{part}" if path else part
        else:
            path += f"[{part!r}]"
    return path


def schema_findings(document: Mapping[str, Any]) -> list[Finding]:
    """Everything the models refuse in `document`.

    Every field of every leerlab at once: each leerlab is validated by itself, then
    the rest of the file with no leerlabs.
    """
    labs = document.get("leerlab")
    findings: list[Finding] = []
    rest = document
    if isinstance(labs, list):
        rest = {**document, "leerlab": []}
        for number, lab in enumerate(labs):
            try:
                validate_leerlab(lab)
            except ValidationError as error:
                findings += _from_validation_error(error, ("leerlab", number))
    try:
        validate_dataset(rest)
    except ValidationError as error:
        findings = _from_validation_error(error) + findings
    return findings


def _from_validation_error(error: ValidationError, at: positions.Path = ()) -> list[Finding]:
    # `at`: the path of what was validated, in the document.
    findings: dict[tuple[str, positions.Path], Finding] = {}
    for detail in error.errors(include_url=False):
        path = (*at, *(part for part in detail["loc"] if part not in _UNION_TAGS))
        finding = _finding(detail["type"], path, detail.get("input"), detail.get("ctx") or {})
        findings.setdefault((finding.code, finding.path), finding)
    return list(findings.values())


def _finding(kind: str, path: positions.Path, value: Any, context: Mapping[str, Any]) -> Finding:
    values: dict[str, Any] = {"value": value}
    if kind == "extra_forbidden":
        name = str(path[-1])
        values = {"name": name, "suggestion": closest(name, field_names(_model_at(path)))}
        return Finding(kind, path, values, at_key=True)
    if kind == "missing":
        return Finding(kind, path, {"name": str(path[-1])}, at_key=True)
    if kind == "string_pattern_mismatch":
        code = PATTERN_CODES.get(str(context.get("pattern")), kind)
        if code == "email_pattern" and isinstance(value, str):
            values["suggestion"], values["fix"] = _address_in(value)
        return Finding(code, path, values)
    if kind == "enum":
        expected = re.findall(r"'([^']*)'", str(context.get("expected", "")))
        values["expected"] = expected
        values["suggestion"] = _suggest_member(value, expected, path)
        return Finding(kind, path, values)
    if kind == "too_short" and path[-1:] == ("leerwegen",):
        # Left out means "not stated"; an empty list says nothing and is a slip.
        return Finding("empty_leerwegen", path, values)
    if kind == "scheduled_without_start":
        # Found at the start that is missing; the mistake may as well be the status.
        return Finding(kind, (*path[:-1], "status"), {"value": "scheduled"})
    values.update({key: item for key, item in context.items() if key != "pattern"})
    return Finding(kind, path, values)


_NAMED_ADDRESS = re.compile(r"^[^<>]*<(?P<address>[^<>]*)>$")


def _address_in(value: str) -> tuple[str | None, str | None]:
    """The plain address a mistaken e-mail value holds, and how it was mistaken.

    ``"Piet <p@x.nl>"`` (a name in angle brackets), ``"mailto:p@x.nl"`` (a link)
    and ``"p @x.nl"`` (spaces) each hold a valid address; anything else holds none.
    """
    text = value.strip()
    named = _NAMED_ADDRESS.match(text)
    if named is not None:
        candidate, how = named["address"].strip(), "name"
    elif text.casefold().startswith("mailto:"):
        candidate, how = text[len("mailto:") :].strip(), "mailto"
    else:
        candidate, how = "".join(text.split()), "spaces"
    if candidate == value or not re.match(EMAIL_PATTERN, candidate):
        return None, None
    return candidate, how


def _model_at(path: positions.Path) -> type[Table]:
    # The model of the table that holds the last key of `path`: the key before it names it.
    keys = [part for part in path if isinstance(part, str)]
    return _TABLE_MODELS.get(keys[-2], Dataset) if len(keys) >= 2 else Dataset


def _suggest_member(value: Any, expected: list[str], path: positions.Path) -> Any:
    if not isinstance(value, str):
        return None
    if any(part in _LEERWEG_FIELDS for part in path if isinstance(part, str)):
        # The words `--from` accepts: kader is kb, gt is gl and tl.
        meant = LEERWEG_ALIASES.get(value.strip().casefold().removeprefix("vmbo-"))
        if meant is not None:
            return [leerweg.value for leerweg in Leerweg if leerweg in meant]
    vocabulary = _VOCABULARY_OF.get(frozenset(expected))
    if vocabulary is None:
        return None
    member = meant_member(vocabulary, value)
    return None if member is None else member.value


def find(document: Mapping[str, Any], *, warnings: bool = True) -> list[Finding]:
    """Every problem of a parsed dataset: schema errors, integrity errors and the law's warnings."""
    findings = schema_findings(document) + integrity_findings(document)
    if warnings:
        # Beside the errors: a leerlab with errors gets its warnings in the same run.
        labs = document.get("leerlab")
        for number, lab in enumerate(labs if isinstance(labs, list) else []):
            if isinstance(lab, dict):
                findings += law_findings(lab, number)
    return findings


def _lab_number(path: positions.Path) -> int | None:
    if len(path) >= 2 and path[0] == "leerlab" and isinstance(path[1], int):
        return path[1]
    return None


def place(
    findings: Sequence[Finding], document: Mapping[str, Any], text: str | None, file: str
) -> list[Problem]:
    """The findings as problems at their line and column in `text` (0 and 0 without a text)."""
    labs = document.get("leerlab")
    labs = labs if isinstance(labs, list) else []
    numbers = {number for finding in findings if (number := _lab_number(finding.path)) is not None}
    index = positions.index(text, numbers) if text is not None else positions.Positions()
    # A slug used twice does not say which leerlab is meant: the header's line does.
    slugs = Counter(
        lab["slug"] for lab in labs if isinstance(lab, dict) and isinstance(lab.get("slug"), str)
    )
    problems = []
    for finding in findings:
        found = index.find(finding.path, key=finding.at_key or finding.code == "missing")
        line, column = found or (0, 0)
        number = _lab_number(finding.path)
        slug = None
        if number is not None and number < len(labs) and isinstance(labs[number], dict):
            candidate = labs[number].get("slug")
            slug = candidate if isinstance(candidate, str) and candidate else None
        rest = finding.path[2:] if number is not None else finding.path
        header = None
        if slug is not None and slugs[slug] > 1 and number is not None:
            at = index.find(("leerlab", number), key=True)
            header = at[0] if at else None
        problems.append(
            Problem(
                file=file,
                line=line,
                column=column,
                leerlab=slug,
                field=field_path(rest),
                severity=finding.severity,
                code=finding.code,
                values=finding.values,
                number=None if number is None else number + 1,
                leerlab_line=header,
            )
        )
    # In the order of the file, as an editor lists them.
    return sorted(problems, key=lambda problem: (problem.line, problem.column))
