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

from leerlab_cli.core.models import Leerweg, Province, RouteKind
from leerlab_cli.core.places import province_of
from leerlab_cli.core.text import fold

Path = tuple[int | str, ...]
"""Where a value is in the parsed document: keys and list indexes from the top."""


class Severity(StrEnum):
    """How bad a problem is: errors make a dataset unusable, warnings do not."""

    error = "error"
    warning = "warning"
    note = "note"
    """Something `validate` could not check: never a failure, `--strict` or not."""


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


_LEGAL_KINDS = (RouteKind.doorlopende_leerroute.value, RouteKind.geintegreerde_leerroute.value)


def _items(table: Mapping[str, Any], key: str) -> list[Any]:
    # A list of the table as parsed, or none when it is something else (an error then).
    value = table.get(key)
    return value if isinstance(value, list) else []


def law_findings(lab: Mapping[str, Any], number: int) -> list[Finding]:
    """The warnings for the `number`th leerlab (from 0): routes its legal kind cannot be, places.

    Read from the table as parsed, each value only where it has the right type, so
    that a leerlab with errors gets its warnings in the same run.
    """
    findings: list[Finding] = []
    kinds = _items(lab, "route_kinds")
    legal = [kind for kind in _LEGAL_KINDS if kind in kinds]
    for index, route in enumerate(_items(lab, "routes")):
        if not isinstance(route, dict):
            continue
        path = ("leerlab", number, "routes", index)
        niveaus = _items(route, "niveaus")
        leerwegen = _items(route, "leerwegen")
        for kind in legal:
            if 1 in niveaus:
                findings.append(Finding("route_to_entree", path, {"kind": kind}, Severity.warning))
        if RouteKind.geintegreerde_leerroute.value in legal and (
            set(leerwegen) != {Leerweg.bb.value} or set(niveaus) != {2}
        ):
            findings.append(Finding("integrated_route_shape", path, {}, Severity.warning))
    return findings + _place_findings(lab, number)


def _place_findings(lab: Mapping[str, Any], number: int) -> list[Finding]:
    # A warning per school whose place is not in the table, or outside the lab's provinces.
    findings: list[Finding] = []
    provinces = {
        _province_key(province)
        for province in _items(lab, "provinces")
        if isinstance(province, str)
    }
    for index, school in enumerate(_items(lab, "schools")):
        place = school.get("place") if isinstance(school, dict) else None
        if not isinstance(place, str):
            continue
        path = ("leerlab", number, "schools", index, "place")
        province = province_of(place)
        if province is None:
            # Not a mistake: leerlab knows the provinces of a few municipalities only.
            findings.append(Finding("place_unknown", path, {"value": place}, Severity.note))
        elif _province_key(province) not in provinces:
            values = {"value": place, "province": province}
            findings.append(Finding("place_outside_provinces", path, values, Severity.warning))
    return findings


_PROVINCE_KEYS = {fold(member.value): fold(member.province.value) for member in Province}


def _province_key(name: str) -> str:
    # Friesland and Fryslân are one province; any other name stands for itself.
    folded = fold(name)
    return _PROVINCE_KEYS.get(folded, folded)
