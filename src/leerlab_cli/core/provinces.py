"""The leerlabs per province: which labs, sectors and routes each province has (pure).

A leerlab counts in every province its schools lie in, so one lab in Gelderland and
Overijssel is in both. The twelve provinces are always there, an empty one with no
leerlabs; a province the dataset spells otherwise is kept under its own name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from leerlab_cli.core.coverage import Cell, route_matrix
from leerlab_cli.core.models import Leerlab
from leerlab_cli.core.text import fold

PROVINCES: tuple[str, ...] = (
    "Drenthe",
    "Flevoland",
    "Friesland",
    "Gelderland",
    "Groningen",
    "Limburg",
    "Noord-Brabant",
    "Noord-Holland",
    "Overijssel",
    "Utrecht",
    "Zeeland",
    "Zuid-Holland",
)
"""The twelve provinces of the Netherlands, as the dataset spells them."""

_OTHER_NAMES = {"Fryslân": "Friesland"}
"""Official names the dataset may use for a province of `PROVINCES` (Fryslân since 1997)."""

_CANONICAL: dict[str, str] = {
    **{fold(name): name for name in PROVINCES},
    **{fold(other): name for other, name in _OTHER_NAMES.items()},
}


@dataclass(frozen=True)
class ProvinceOverview:
    """One province: its leerlabs, their sectors, and the routes they cover."""

    province: str
    """The province's name: one of `PROVINCES`, or the dataset's spelling of another."""
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


def province_name(text: str) -> str:
    """The province `text` names, spelled as in `PROVINCES`; other text is kept as written."""
    return _CANONICAL.get(fold(text), text)


def province_overview(labs: Iterable[Leerlab]) -> list[ProvinceOverview]:
    """Every province with the leerlabs in it: the twelve, then others, alphabetically.

    Provinces are told apart as the filters tell text apart (`fold`): ``Noord
    Brabant`` in one leerlab and ``Noord-Brabant`` in another are one province.
    """
    labs_in: dict[str, list[Leerlab]] = {fold(name): [] for name in PROVINCES}
    names: dict[str, str] = {fold(name): name for name in PROVINCES}
    for lab in labs:
        for written in lab.provinces:
            name = province_name(written)
            key = fold(name)
            names.setdefault(key, name)
            members = labs_in.setdefault(key, [])
            # A lab that names one province twice counts once.
            if not members or members[-1] is not lab:
                members.append(lab)
    return [_overview(names[key], labs_in[key]) for key in sorted(labs_in)]


def _overview(province: str, labs: list[Leerlab]) -> ProvinceOverview:
    sectors: dict[str, str] = {}
    for lab in labs:
        for sector in lab.sectors:
            sectors.setdefault(fold(sector), sector)
    routes = tuple(cell for cell in route_matrix(labs) if cell.leerlabs or cell.planned)
    return ProvinceOverview(
        province, tuple(lab.slug for lab in labs), tuple(sectors.values()), routes
    )
