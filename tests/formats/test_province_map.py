"""The province outlines: twelve, named as the provinces are, and still the shapes they were."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from leerlab_cli.formats.map import ATTRIBUTION, province_map

TWELVE = [
    "Drenthe", "Flevoland", "Friesland", "Gelderland", "Groningen", "Limburg",
    "Noord-Brabant", "Noord-Holland", "Overijssel", "Utrecht", "Zeeland", "Zuid-Holland",
]  # fmt: skip

# Measured on the outlines of @svg-maps/netherlands 1.0.0 as published (tools/province_map.py
# reads them): the bounding box (left, top, right, bottom) and the area, in map units.
ORIGINAL = {
    "Drenthe": ((437, 95, 591, 250), 14768),
    "Flevoland": ((279, 189, 421, 343), 8511),
    "Friesland": ((239, 13, 486, 200), 19805),
    "Gelderland": ((259, 273, 550, 476), 27443),
    "Groningen": ((445, 0, 612, 191), 13545),
    "Limburg": ((349, 464, 454, 723), 11363),
    "Noord-Brabant": ((132, 451, 425, 605), 26465),
    "Noord-Holland": ((180, 100, 323, 361), 15598),
    "Overijssel": ((383, 186, 588, 377), 18466),
    "Utrecht": ((226, 333, 359, 423), 7688),
    "Zeeland": ((0, 466, 145, 611), 13686),
    "Zuid-Holland": ((76, 323, 289, 499), 17819),
}

Ring = list[tuple[int, int]]


def _rings(path: str) -> list[Ring]:
    # The committed paths are `m` steps of whole numbers, each ring closed with `z`.
    assert re.fullmatch(r"(m-?\d+ ?-?\d+(( ?-?\d+){2})*z)+", path), path[:80]
    rings: list[Ring] = []
    x = y = 0
    for ring_text in path.split("z")[:-1]:
        numbers = [int(n) for n in re.findall(r"-?\d+", ring_text)]
        ring: Ring = []
        for dx, dy in zip(numbers[::2], numbers[1::2], strict=True):
            x, y = x + dx, y + dy
            ring.append((x, y))
        rings.append(ring)
        x, y = ring[0]
    return rings


def _area(ring: Ring) -> float:
    pairs = zip(ring, ring[1:] + ring[:1], strict=True)
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairs)) / 2


def test_there_are_the_twelve_provinces_once_each() -> None:
    shapes = province_map().provinces
    assert [shape.name for shape in shapes] == TWELVE
    assert len({shape.id for shape in shapes}) == 12


@pytest.mark.parametrize("name", TWELVE)
def test_each_outline_keeps_its_place_and_size(name: str) -> None:
    shape = next(shape for shape in province_map().provinces if shape.name == name)
    rings = _rings(shape.path)
    points = [point for ring in rings for point in ring]
    box = (
        min(x for x, _ in points),
        min(y for _, y in points),
        max(x for x, _ in points),
        max(y for _, y in points),
    )
    (original_box, original_area) = ORIGINAL[name]
    assert all(abs(a - b) <= 3 for a, b in zip(box, original_box, strict=True)), (box, original_box)
    area = sum(_area(ring) for ring in rings)
    assert abs(area - original_area) / original_area < 0.03, (area, original_area)


def test_the_map_fits_its_view_box() -> None:
    drawn = province_map()
    assert drawn.view_box == "0 0 613 724"
    for shape in drawn.provinces:
        for ring in _rings(shape.path):
            assert all(0 <= x <= 613 and 0 <= y <= 724 for x, y in ring), shape.name


def test_the_source_and_licence_are_beside_the_data() -> None:
    import json
    from importlib.resources import files

    folder = files("leerlab_cli.formats.map")
    source = json.loads(folder.joinpath("provinces.json").read_text(encoding="utf-8"))["source"]
    assert (source["package"], source["version"], source["licence"]) == (
        "@svg-maps/netherlands",
        "1.0.0",
        "CC BY 4.0",
    )
    note = folder.joinpath("README.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in note
    assert "@svg-maps/netherlands` 1.0.0" in note
    assert ATTRIBUTION == "MapSVG, @svg-maps/netherlands, CC BY 4.0"
    assert Path(str(folder)).joinpath("provinces.json").stat().st_size < 12_000
