"""Sorting leerlabs by one of a few fields, ascending or descending (pure)."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from leerlab_cli.core.models import Leerlab
from leerlab_cli.core.text import fold


class SortField(StrEnum):
    """What `--sort` orders the leerlabs by."""

    slug = "slug"
    name = "name"
    place = "place"
    province = "province"
    start = "start"
    """The start of the leerlab's first route: the earliest start its routes give."""


def sort_key(lab: Leerlab, field: SortField) -> str | None:
    """The value `lab` is sorted by; None when it has none (no route with a start).

    Text compares folded, as the filters compare it: case, accents and spaces
    make no difference. A start (``2019``, ``2019-2020``, ``2021-09``) compares
    as text, which is its order in time.
    """
    if field is SortField.slug:
        return lab.slug
    if field is SortField.name:
        return fold(lab.name)
    if field is SortField.place:
        return fold(lab.place)
    if field is SortField.province:
        return fold(lab.provinces[0])
    starts = [route.start for route in lab.routes if route.start is not None]
    return min(starts) if starts else None


def sort_labs(
    labs: Sequence[Leerlab], field: SortField, *, descending: bool = False
) -> list[Leerlab]:
    """`labs` ordered by `field`; leerlabs without a value last, whatever the direction.

    The sort is stable: leerlabs with the same value keep the dataset's order.
    """
    keyed = [(sort_key(lab, field), lab) for lab in labs]
    present = [(key, lab) for key, lab in keyed if key is not None]
    missing = [lab for key, lab in keyed if key is None]
    present.sort(key=_first, reverse=descending)
    return [lab for _, lab in present] + missing


def _first(pair: tuple[str | None, Leerlab]) -> str:
    return pair[0] or ""
