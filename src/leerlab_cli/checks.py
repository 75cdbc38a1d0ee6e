"""Checks that the law on vmbo–mbo routes makes: warnings, since the source breaks some."""

from __future__ import annotations

from typing import TYPE_CHECKING

from leerlab_cli.models import Leerlab, Leerweg, RouteKind

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
    return findings
