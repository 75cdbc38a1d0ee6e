"""Checks that the law on vmbo–mbo routes makes: warnings, since the source breaks some."""

from __future__ import annotations

from leerlab_cli.i18n import _
from leerlab_cli.models import Dataset, Leerweg, RouteKind

_LEGAL_KINDS = (RouteKind.doorlopende_leerroute, RouteKind.geintegreerde_leerroute)


def domain_warnings(dataset: Dataset) -> list[str]:
    """One line per route that a legal kind of route of its leerlab cannot be."""
    warnings: list[str] = []
    for number, lab in enumerate(dataset.leerlab, start=1):
        where = f"leerlab '{lab.slug}' (#{number})"
        legal = [kind for kind in _LEGAL_KINDS if kind in lab.route_kinds]
        for index, route in enumerate(lab.routes):
            for kind in legal:
                if 1 in route.niveaus:
                    warnings.append(
                        _(
                            "{where}: routes[{index}]: a {kind} cannot lead to mbo niveau 1 "
                            "(Entree)"
                        ).format(where=where, index=index, kind=kind.value)
                    )
            if RouteKind.geintegreerde_leerroute in legal and (
                set(route.leerwegen) != {Leerweg.bb} or set(route.niveaus) != {2}
            ):
                warnings.append(
                    _(
                        "{where}: routes[{index}]: a geïntegreerde leerroute runs from vmbo bb "
                        "to mbo niveau 2 only"
                    ).format(where=where, index=index)
                )
    return warnings
