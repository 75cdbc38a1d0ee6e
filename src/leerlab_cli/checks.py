"""Checks of the law on vmbo–mbo routes and of school places: warnings, not errors."""

from __future__ import annotations

from leerlab_cli.i18n import _
from leerlab_cli.models import Dataset, Leerlab, Leerweg, RouteKind
from leerlab_cli.places import province_of
from leerlab_cli.text import fold

_LEGAL_KINDS = (RouteKind.doorlopende_leerroute, RouteKind.geintegreerde_leerroute)


def domain_warnings(dataset: Dataset) -> list[str]:
    """One line per route its lab's legal kind of route cannot be, and per doubtful school place.

    A school place is doubtful when the table of municipalities lacks it, or when it lies
    outside the leerlab's provinces.
    """
    warnings: list[str] = []
    for number, lab in enumerate(dataset.leerlab, start=1):
        where = f"leerlab '{lab.slug}' (#{number})"
        warnings += place_warnings(lab, where)
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


def place_warnings(lab: Leerlab, where: str) -> list[str]:
    """One line per school whose place is not in the table, or lies outside the lab's provinces."""
    warnings: list[str] = []
    provinces = {fold(province) for province in lab.provinces}
    for index, school in enumerate(lab.schools):
        if school.place is None:
            continue
        province = province_of(school.place)
        if province is None:
            warnings.append(
                _(
                    "{where}: schools[{index}].place: '{place}' is not in leerlab's table of "
                    "municipalities; add it with its province to places.py"
                ).format(where=where, index=index, place=school.place)
            )
        elif fold(province) not in provinces:
            warnings.append(
                _(
                    "{where}: schools[{index}].place: {place} lies in {province}, which is not "
                    "one of the leerlab's provinces"
                ).format(where=where, index=index, place=school.place, province=province)
            )
    return warnings
