"""Finding every problem of a dataset in one pass, each at its place in the file (pure).

A problem is structured data: where it is (file, line, column, leerlab, field path), how bad
(error or warning), what kind (a message code) and the values a message needs, such as the
bad value and a suggested fix. formats/problems.py words it; this module holds no wording.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic_core import ValidationError

from leerlab_cli import positions
from leerlab_cli.models import (
    CONTROL_PATTERN,
    EMAIL_PATTERN,
    SLUG_PATTERN,
    START_PATTERN,
    TEXT_TAG,
    UNDETERMINED_TAG,
    Contact,
    Dataset,
    Leerlab,
    Leerweg,
    Meta,
    Model,
    Route,
    School,
    SchoolStatement,
    Undetermined,
    field_names,
    validate_dataset,
    validate_leerlab,
)
from leerlab_cli.signals import held


class Severity(StrEnum):
    """How bad a problem is: errors make a dataset unusable, warnings do not."""

    error = "error"
    warning = "warning"


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


@dataclass(frozen=True)
class Finding:
    """A problem at a path in the parsed document, before it is placed in the text."""

    code: str
    path: positions.Path
    values: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    severity: Severity = Severity.error
    at_key: bool = False
    """Whether the key (an unknown field) rather than the value is the mistake."""


PATTERN_CODES = {
    CONTROL_PATTERN: "control_character",
    SLUG_PATTERN: "slug_pattern",
    EMAIL_PATTERN: "email_pattern",
    START_PATTERN: "start_pattern",
}
"""The message code of each pattern a text must match."""

_UNION_TAGS = {TEXT_TAG, UNDETERMINED_TAG}
_TABLE_MODELS: dict[str, type[Model]] = {
    "leerlab": Leerlab,
    "meta": Meta,
    "schools": School,
    "routes": Route,
    "contacts": Contact,
    "target_group_per_school": SchoolStatement,
    "phase": Undetermined,
    "works_on": Undetermined,
    "design": Undetermined,
    "target_group": Undetermined,
}
# pydantic-core names two mistakes of a table differently for dataclasses than for
# models; a problem's code is the same whichever the models are.
_ERROR_CODES = {"unexpected_keyword_argument": "extra_forbidden", "dataclass_type": "model_type"}
_LEERWEG_FIELDS = ("leerwegen",)
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


def schema_findings(document: Mapping[str, Any]) -> tuple[list[Finding], dict[int, Leerlab]]:
    """Everything the models refuse in `document`, and the leerlabs valid on their own.

    Every field of every leerlab at once: each leerlab is validated by itself (its
    problems and, if it has none, the `Leerlab` for the law's checks, in one pass),
    then the rest of the file with no leerlabs.
    """
    labs = document.get("leerlab")
    findings: list[Finding] = []
    valid: dict[int, Leerlab] = {}
    rest = document
    with held():
        if isinstance(labs, list):
            rest = {**document, "leerlab": []}
            for number, lab in enumerate(labs):
                try:
                    valid[number] = validate_leerlab(lab)
                except ValidationError as error:
                    findings += _from_validation_error(error, ("leerlab", number))
        try:
            validate_dataset(rest)
        except ValidationError as error:
            findings = _from_validation_error(error) + findings
    return findings, valid


def _from_validation_error(error: ValidationError, at: positions.Path = ()) -> list[Finding]:
    # `at`: the path of what was validated, in the document.
    findings: dict[tuple[str, positions.Path], Finding] = {}
    for detail in error.errors(include_url=False):
        path = (*at, *(part for part in detail["loc"] if part not in _UNION_TAGS))
        kind = _ERROR_CODES.get(detail["type"], detail["type"])
        finding = _finding(kind, path, detail.get("input"), detail.get("ctx") or {})
        findings.setdefault((finding.code, finding.path), finding)
    return list(findings.values())


def _finding(kind: str, path: positions.Path, value: Any, context: Mapping[str, Any]) -> Finding:
    values: dict[str, Any] = {"value": value}
    if kind == "extra_forbidden":
        name = str(path[-1])
        close = _closest(name, field_names(_model_at(path)))
        values = {"name": name, "suggestion": close[0] if close else None}
        return Finding(kind, path, values, at_key=True)
    if kind == "missing":
        return Finding(kind, path, {"name": str(path[-1])}, at_key=True)
    if kind == "string_pattern_mismatch":
        code = PATTERN_CODES.get(str(context.get("pattern")), kind)
        if code == "email_pattern" and isinstance(value, str):
            stripped = value.strip()
            fixed = re.match(EMAIL_PATTERN, stripped) and stripped != value
            values["suggestion"] = stripped if fixed else None
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
        return Finding(kind, (*path, "status"), values)
    values.update({key: item for key, item in context.items() if key != "pattern"})
    return Finding(kind, path, values)


@functools.lru_cache(maxsize=1024)
def _closest(wrong: str, candidates: tuple[str, ...]) -> list[str]:
    # Remembered: the same slip made in many leerlabs (a copied table) is common.
    return difflib.get_close_matches(wrong, candidates, n=1, cutoff=0.6)


def _model_at(path: positions.Path) -> type[Model]:
    # The model of the table that holds the last key of `path`: the key before it names it.
    keys = [part for part in path if isinstance(part, str)]
    return _TABLE_MODELS.get(keys[-2], Dataset) if len(keys) >= 2 else Dataset


def _suggest_member(value: Any, expected: list[str], path: positions.Path) -> Any:
    if not isinstance(value, str):
        return None
    if any(part in _LEERWEG_FIELDS for part in path if isinstance(part, str)):
        # The words `--from` accepts: kader is kb, gt is gl and tl.
        from leerlab_cli.query import LEERWEG_ALIASES

        meant = LEERWEG_ALIASES.get(value.strip().casefold().removeprefix("vmbo-"))
        if meant is not None:
            return [leerweg.value for leerweg in Leerweg if leerweg in meant]
    by_case = {item.casefold(): item for item in expected}
    if value.strip().casefold() in by_case:
        return by_case[value.strip().casefold()]
    close = _closest(value, tuple(expected))
    return close[0] if close else None


def integrity_findings(document: Mapping[str, Any]) -> list[Finding]:
    """What no schema sees, read from the document as parsed, whatever else is wrong with it.

    Duplicate slugs, and schools that a route or a target group names but the leerlab
    does not list. Each check looks only at values of the right type, so a leerlab with
    other errors still takes part.
    """
    findings: list[Finding] = []
    labs = document.get("leerlab")
    if not isinstance(labs, list):
        return findings
    first_with_slug: dict[str, int] = {}
    for number, lab in enumerate(labs):
        if not isinstance(lab, dict):
            continue
        slug = lab.get("slug")
        if isinstance(slug, str):
            if slug in first_with_slug:
                values = {"value": slug, "first": first_with_slug[slug] + 1}
                findings.append(Finding("duplicate_slug", ("leerlab", number, "slug"), values))
            else:
                first_with_slug[slug] = number
        findings.extend(_unknown_schools(lab, number))
        findings.extend(_scheduled_without_start(lab, number))
    return findings


def _scheduled_without_start(lab: Mapping[str, Any], number: int) -> Iterator[Finding]:
    # The model says so too, but only of a route with no other error.
    routes = lab.get("routes")
    for index, route in enumerate(routes if isinstance(routes, list) else []):
        if isinstance(route, dict) and route.get("status") == "scheduled" and "start" not in route:
            path = ("leerlab", number, "routes", index, "status")
            yield Finding("scheduled_without_start", path, {"value": "scheduled"})


def _unknown_schools(lab: Mapping[str, Any], number: int) -> Iterator[Finding]:
    schools = lab.get("schools")
    names = [
        school["name"]
        for school in (schools if isinstance(schools, list) else [])
        if isinstance(school, dict) and isinstance(school.get("name"), str)
    ]
    known = set(names)
    named: list[tuple[positions.Path, Any]] = []
    for field_name, key in (("routes", "schools"), ("target_group_per_school", "school")):
        items = lab.get(field_name)
        for index, item in enumerate(items if isinstance(items, list) else []):
            value = item.get(key) if isinstance(item, dict) else None
            if isinstance(value, list):
                named.extend(
                    (("leerlab", number, field_name, index, key, position), school)
                    for position, school in enumerate(value)
                )
            else:
                named.append((("leerlab", number, field_name, index, key), value))
    for path, school in named:
        if isinstance(school, str) and school not in known:
            close = _closest(school, tuple(names))
            values = {"value": school, "schools": names, "suggestion": close[0] if close else None}
            yield Finding("unknown_school", path, values)


def warning_findings(valid_labs: Mapping[int, Leerlab], failed_labs: set[int]) -> list[Finding]:
    """The law's warnings for each leerlab that is valid, by its number in the file."""
    from leerlab_cli.checks import domain_findings

    findings: list[Finding] = []
    for number, lab in valid_labs.items():
        if number not in failed_labs:
            findings.extend(domain_findings(lab, number))
    return findings


def find(document: Mapping[str, Any], *, warnings: bool = True) -> list[Finding]:
    """Every problem of a parsed dataset: schema errors, integrity errors and the law's warnings."""
    schema, valid_labs = schema_findings(document)
    # A route's missing start is found by the model and by the integrity check: once.
    both = schema + integrity_findings(document)
    findings = list({(finding.code, finding.path): finding for finding in both}.values())
    if warnings:
        failed = {
            number for finding in findings if (number := _lab_number(finding.path)) is not None
        }
        findings += warning_findings(valid_labs, failed)
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
            )
        )
    # In the order of the file, as an editor lists them.
    return sorted(problems, key=lambda problem: (problem.line, problem.column))
