"""The outlines of the twelve provinces, from @svg-maps/netherlands (CC BY 4.0; see README.md)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib.resources import files

ATTRIBUTION = "MapSVG, @svg-maps/netherlands, CC BY 4.0"
"""What the licence asks to be said wherever the map is shown (names, not words)."""

ATTRIBUTION_URL = "https://creativecommons.org/licenses/by/4.0/"


@dataclass(frozen=True)
class ProvinceShape:
    """One province: the package's short id, its name, and its outline as an SVG path."""

    id: str
    name: str
    path: str


@dataclass(frozen=True)
class ProvinceMap:
    """The map: its SVG view box and the twelve outlines."""

    view_box: str
    provinces: tuple[ProvinceShape, ...]


def province_map() -> ProvinceMap:
    """The map as committed in `provinces.json`."""
    data = json.loads(files(__package__).joinpath("provinces.json").read_text(encoding="utf-8"))
    return ProvinceMap(
        view_box=data["view_box"],
        provinces=tuple(
            ProvinceShape(id=place["id"], name=place["name"], path=place["path"])
            for place in data["provinces"]
        ),
    )
