"""Route coverage: which vmbo leerweg to mbo niveau transitions the leerlabs offer (pure)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from leerlab_cli.core.models import NIVEAU_NAMES, Leerlab, Leerweg, MboLeerweg, Route, RouteStatus

NIVEAUS: tuple[int, ...] = tuple(NIVEAU_NAMES)
"""The mbo niveaus, 1 (Entree) to 4: the columns of the matrix."""


@dataclass(frozen=True)
class Cell:
    """One transition, from a vmbo leerweg to an mbo niveau, and the leerlabs that offer it."""

    leerweg: Leerweg | None
    """None for routes whose vmbo leerweg the source does not state."""
    niveau: int
    leerlabs: tuple[str, ...] = ()
    """Slugs of the leerlabs with a route here that runs, has a start or is being developed."""
    planned: tuple[str, ...] = ()
    """Slugs of the leerlabs whose only route here is "mogelijk later"; they are not counted."""

    @property
    def count(self) -> int:
        """How many leerlabs offer this transition now or with a start."""
        return len(self.leerlabs)


def route_matrix(labs: Iterable[Leerlab]) -> list[Cell]:
    """Every cell, empty ones included: leerweg by leerweg (bb, kb, gl, tl), then niveau 1–4.

    Slugs keep the order of `labs`. A leerlab is listed under `planned` only where it
    has no counting route, so no leerlab appears twice in one cell. Routes whose
    leerweg is not stated fill a last row, leerweg None, present only when there are any.
    """
    counted: dict[tuple[Leerweg | None, int], list[str]] = {key: [] for key in _keys()}
    planned: dict[tuple[Leerweg | None, int], list[str]] = {key: [] for key in _keys()}
    for lab in labs:
        now = _reached(lab, counting=True)
        for key in now:
            counted[key].append(lab.slug)
        for key in _reached(lab, counting=False) - now:
            planned[key].append(lab.slug)
    unstated = any(counted[None, niveau] or planned[None, niveau] for niveau in NIVEAUS)
    return [
        Cell(leerweg, niveau, tuple(counted[leerweg, niveau]), tuple(planned[leerweg, niveau]))
        for leerweg, niveau in _keys()
        if leerweg is not None or unstated
    ]


@dataclass(frozen=True)
class RouteRow:
    """One transition of one route of a leerlab: the tidy form of the routes."""

    slug: str
    leerweg: Leerweg | None
    """The vmbo leerweg the route starts from; None where the source does not state it."""
    niveau: int
    status: RouteStatus
    start: str | None
    mbo_leerweg: MboLeerweg | None


def route_rows(labs: Iterable[Leerlab]) -> list[RouteRow]:
    """One row per leerlab, route, leerweg and niveau, in the order of the dataset.

    A route with no stated leerweg gives one row per niveau, its leerweg None.
    Planned routes are rows too, with their status.
    """
    return [
        RouteRow(lab.slug, leerweg, niveau, route.status, route.start, route.mbo_leerweg)
        for lab in labs
        for route in lab.routes
        for leerweg in _stated_or_none(route.leerwegen)
        for niveau in route.niveaus
    ]


def _stated_or_none(leerwegen: list[Leerweg]) -> list[Leerweg | None]:
    # A route whose leerweg the source does not state still reaches its niveaus.
    return [*leerwegen] or [None]


def matrix_rows(cells: Sequence[Cell]) -> list[tuple[Leerweg | None, list[Cell]]]:
    """The cells grouped into rows, one per leerweg, each in niveau order.

    The row of routes without a stated leerweg (None) comes last, when the cells have it.
    """
    rows: list[Leerweg | None] = list(Leerweg)
    if any(cell.leerweg is None for cell in cells):
        rows.append(None)
    return [
        (leerweg, sorted((cell for cell in cells if cell.leerweg is leerweg), key=_niveau))
        for leerweg in rows
    ]


def _niveau(cell: Cell) -> int:
    return cell.niveau


def _keys() -> list[tuple[Leerweg | None, int]]:
    return [(leerweg, niveau) for leerweg in (*Leerweg, None) for niveau in NIVEAUS]


def _leerwegen_or_none(route: Route) -> list[Leerweg | None]:
    return [*route.leerwegen] or [None]


def _reached(lab: Leerlab, *, counting: bool) -> set[tuple[Leerweg | None, int]]:
    # A route without leerwegen lands in the None row.
    return {
        (leerweg, niveau)
        for route in lab.routes
        if route.counts is counting
        for leerweg in _leerwegen_or_none(route)
        for niveau in route.niveaus
    }
