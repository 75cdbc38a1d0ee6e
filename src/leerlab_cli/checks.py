"""Checks of the law on vmbo–mbo routes and of school places: warnings, not errors."""

from __future__ import annotations

from typing import TYPE_CHECKING

from leerlab_cli.models import Leerlab, Leerweg, RouteKind
from leerlab_cli.places import province_of
from leerlab_cli.text import fold

if TYPE_CHECKING:
    from leerlab_cli.problems import Finding

_LEGAL_KINDS = (RouteKind.doorlopende_leerroute, RouteKind.geintegreerde_leerroute)


def domain_findings(lab: Leerlab, number: int) -> list[Finding]:
    """A warning for each route of `lab` (the `number`th, from 0) that its legal kind cannot be."""
    from leerlab_cli.problems import Finding, Severity

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
    return findings + place_findings(lab, number)


def place_findings(lab: Leerlab, number: int) -> list[Finding]:
    """A warning per school whose place is not in the table, or outside the lab's provinces."""
    from leerlab_cli.problems import Finding, Severity

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
