"""The leerlabs per province: which labs, sectors and routes each province has (pure).

A leerlab counts in every province its schools lie in, so one lab in Gelderland and
Overijssel is in both. The twelve provinces are always there, an empty one with no
leerlabs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from leerlab_cli.core.coverage import Cell, route_matrix
from leerlab_cli.core.models import Leerlab, Province
from leerlab_cli.core.text import fold

PROVINCES: tuple[str, ...] = tuple(
    province.value for province in Province if province is province.province
)
"""The twelve provinces of the Netherlands, as the dataset spells them (Friesland, not Fryslân)."""


@dataclass(frozen=True)
class ProvinceOverview:
    """One province: its leerlabs, their sectors, and the routes they cover."""

    province: str
    """The province's name: one of `PROVINCES`."""
    leerlabs: tuple[str, ...]
    """The slugs of the leerlabs with a school in the province, in the dataset's order."""
    sectors: tuple[str, ...]
    """The sectors of those leerlabs, each once (as first written), in the order they appear."""
    routes: tuple[Cell, ...]
    """Each vmbo leerweg → mbo niveau transition one of them has a route for, in the
    order of the route matrix (bb, kb, gl, tl, then no leerweg stated; niveau 1–4);
    a cell with only planned routes ("mogelijk later") has `count` 0."""

    @property
    def count(self) -> int:
        """How many leerlabs the province has."""
        return len(self.leerlabs)


def province_overview(labs: Iterable[Leerlab]) -> list[ProvinceOverview]:
    """Every one of the twelve provinces with the leerlabs in it, alphabetically.

    A leerlab that writes Fryslân is in Friesland, and one that names a province
    twice counts there once.
    """
    labs_in: dict[Province, list[Leerlab]] = {Province(name): [] for name in PROVINCES}
    for lab in labs:
        for written in lab.provinces:
            members = labs_in[written.province]
            if not members or members[-1] is not lab:
                members.append(lab)
    return [_overview(province.value, members) for province, members in labs_in.items()]


def _overview(province: str, labs: list[Leerlab]) -> ProvinceOverview:
    sectors: dict[str, str] = {}
    for lab in labs:
        for sector in lab.sectors:
            sectors.setdefault(fold(sector), sector)
    routes = tuple(cell for cell in route_matrix(labs) if cell.leerlabs or cell.planned)
    return ProvinceOverview(
        province, tuple(lab.slug for lab in labs), tuple(sectors.values()), routes
    )
