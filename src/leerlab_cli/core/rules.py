"""The dataset's rules that are not a single table's: across leerlabs, and the law's (pure).

The models (models.py) say what each table may hold. What they cannot see is here,
each rule once: a slug used twice, a school that a route or a target group names but
the leerlab does not list (errors), and the law on vmbo–mbo routes and the places of
the schools (warnings). `validate`, loading and the schema all rely on these two
modules alone. Each rule gives a `Finding`: what is wrong and where, in the parsed
document; problems.py places it at its line, formats/problems.py words it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from leerlab_cli.core.models import Leerlab, Leerweg, RouteKind
from leerlab_cli.core.places import province_of
from leerlab_cli.core.text import fold

Path = tuple[int | str, ...]
"""Where a value is in the parsed document: keys and list indexes from the top."""


class Severity(StrEnum):
    """How bad a problem is: errors make a dataset unusable, warnings do not."""

    error = "error"
    warning = "warning"


@dataclass(frozen=True)
class Finding:
    """A problem at a path in the parsed document, before it is placed in the text."""

    code: str
    path: Path
    values: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    severity: Severity = Severity.error
    at_key: bool = False
    """Whether the key (an unknown field) rather than the value is the mistake."""


MAX_CANDIDATES = 50
"""Beyond this many names, no "did you mean": comparing each name with all is quadratic."""


def closest(wrong: str, candidates: Sequence[str]) -> str | None:
    """The candidate `wrong` was probably meant to be, if one is close; None if none is.

    Only among a few candidates, so that a file full of mistakes is still checked in
    time that grows linearly with its size.
    """
    if len(candidates) > MAX_CANDIDATES:
        return None
    import difflib  # only when a suggestion is needed: most files have none to make

    close = difflib.get_close_matches(wrong, candidates, n=1, cutoff=0.6)
    return close[0] if close else None


def integrity_findings(document: Mapping[str, Any]) -> list[Finding]:
    """What no model sees, read from the document as parsed, whatever else is wrong with it.

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
    return findings


def _unknown_schools(lab: Mapping[str, Any], number: int) -> Iterator[Finding]:
    schools = lab.get("schools")
    names = [
        school["name"]
        for school in (schools if isinstance(schools, list) else [])
        if isinstance(school, dict) and isinstance(school.get("name"), str)
    ]
    known = set(names)
    named: list[tuple[Path, Any]] = []
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
            values = {"value": school, "schools": names, "suggestion": closest(school, names)}
            yield Finding("unknown_school", path, values)


_LEGAL_KINDS = (RouteKind.doorlopende_leerroute, RouteKind.geintegreerde_leerroute)


def law_findings(lab: Leerlab, number: int) -> list[Finding]:
    """The warnings for `lab`, the `number`th from 0: routes its legal kind cannot be, places."""
    findings: list[Finding] = []
    legal = [kind for kind in _LEGAL_KINDS if kind in lab.route_kinds]
    for index, route in enumerate(lab.routes):
        path = ("leerlab", number, "routes", index)
        for kind in legal:
            if 1 in route.niveaus:
                values = {"kind": kind.value}
                findings.append(Finding("route_to_entree", path, values, Severity.warning))
        if RouteKind.geintegreerde_leerroute in legal and (
            set(route.leerwegen) != {Leerweg.bb} or set(route.niveaus) != {2}
        ):
            findings.append(Finding("integrated_route_shape", path, {}, Severity.warning))
    return findings + _place_findings(lab, number)


def _place_findings(lab: Leerlab, number: int) -> list[Finding]:
    # A warning per school whose place is not in the table, or outside the lab's provinces.
    findings: list[Finding] = []
    provinces = {fold(province) for province in lab.provinces}
    for index, school in enumerate(lab.schools):
        if school.place is None:
            continue
        path = ("leerlab", number, "schools", index, "place")
        province = province_of(school.place)
        if province is None:
            findings.append(
                Finding("place_unknown", path, {"value": school.place}, Severity.warning)
            )
        elif fold(province) not in provinces:
            values = {"value": school.place, "province": province}
            findings.append(Finding("place_outside_provinces", path, values, Severity.warning))
    return findings
