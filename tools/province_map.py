"""Make `src/leerlab_cli/formats/map/provinces.json` from the npm package @svg-maps/netherlands.

The package (CC BY 4.0, one SVG path per province) is not a dependency: its outlines are
made smaller once, with this script, and the result is committed beside its licence note.

    npm pack @svg-maps/netherlands && tar xzf svg-maps-netherlands-1.0.0.tgz
    python3 tools/province_map.py package > src/leerlab_cli/formats/map/provinces.json

Each outline is turned into absolute points, simplified (Douglas-Peucker, TOLERANCE map
units of 613 × 724), rounded to whole units, and written as a path of whole-number steps.
Rings (islands) smaller than MIN_RING units across are left out.
"""

from __future__ import annotations

import itertools
import json
import re
import sys
from pathlib import Path

TOLERANCE = 0.8
MIN_RING = 3.0

Point = tuple[float, float]


def rings_of(path: str) -> list[list[Point]]:
    """The closed rings of a path made of `m`, implicit relative `l` steps and `z`."""
    rings: list[list[Point]] = []
    tokens = re.findall(r"[mMzZ]|-?[\d.]+(?:e-?\d+)?", path)
    x = y = 0.0
    start: Point = (0.0, 0.0)
    ring: list[Point] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token in "zZ":
            rings.append(ring)
            ring = []
            x, y = start
            index += 1
            continue
        if token in "mM":
            if ring:
                rings.append(ring)
            index += 1
            dx, dy = float(tokens[index]), float(tokens[index + 1])
            x, y = (x + dx, y + dy) if token == "m" else (dx, dy)
            start = (x, y)
            ring = [start]
            index += 2
            continue
        x, y = x + float(token), y + float(tokens[index + 1])
        ring.append((x, y))
        index += 2
    if ring:
        rings.append(ring)
    return rings


def simplified(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker on an open polyline (a ring's first point is kept at both ends)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
        farthest, distance = first, 0.0
        for index in range(first + 1, last):
            x, y = points[index]
            if length == 0:
                d = ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            else:
                d = abs((x2 - x1) * (y1 - y) - (x1 - x) * (y2 - y1)) / length
            if d > distance:
                farthest, distance = index, d
        if distance > tolerance:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def compact_path(rings: list[list[Point]]) -> str:
    parts: list[str] = []
    previous = (0, 0)
    for ring in rings:
        xs = [x for x, _ in ring]
        ys = [y for _, y in ring]
        if max(xs) - min(xs) < MIN_RING and max(ys) - min(ys) < MIN_RING:
            continue
        points = simplified([*ring, ring[0]], TOLERANCE)[:-1]
        rounded: list[tuple[int, int]] = []
        for x, y in points:
            point = (round(x), round(y))
            if not rounded or point != rounded[-1]:
                rounded.append(point)
        if len(rounded) < 3:
            continue
        (x0, y0) = rounded[0]
        steps = [f"m{x0 - previous[0]} {y0 - previous[1]}"]
        for (xa, ya), (xb, yb) in itertools.pairwise(rounded):
            steps.append(f"{xb - xa} {yb - ya}")
        parts.append(" ".join(steps).replace(" -", "-") + "z")
        previous = rounded[0]
    return "".join(parts)


def main(package: Path) -> None:
    text = (package / "index.js").read_text(encoding="utf-8")
    source = json.loads(text.removeprefix("export default ").strip().rstrip(";"))
    meta = json.loads((package / "package.json").read_text(encoding="utf-8"))
    data = {
        "source": {
            "package": meta["name"],
            "version": meta["version"],
            "licence": "CC BY 4.0",
            "licence_url": "https://creativecommons.org/licenses/by/4.0/",
            "author": meta["author"].split(" <")[0],
            "based_on": "MapSVG, https://mapsvg.com/maps/netherlands",
            "changes": (
                f"outlines simplified (Douglas-Peucker, {TOLERANCE} units) and rounded to whole "
                f"units; islands under {MIN_RING} units across left out"
            ),
        },
        "view_box": source["viewBox"],
        "provinces": [
            {
                "id": place["id"],
                "name": place["name"],
                "path": compact_path(rings_of(place["path"])),
            }
            for place in source["locations"]
        ],
    }
    json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
