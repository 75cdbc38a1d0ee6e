"""Make src/leerlab_cli/formats/maps/netherlands.json from the npm package @svg-maps/netherlands.

Run once, by hand, when the map should change (the data file is committed; nothing is
generated at install time or fetched at run time):

    npm pack @svg-maps/netherlands && tar xzf svg-maps-netherlands-*.tgz
    python3 scripts/make_province_map.py package/index.js

The package's paths are relative moves and lines (`m`, `z`). Each is made absolute,
rounded to a tenth of a unit, and points closer than `MIN_STEP` to the last one kept
are dropped, which keeps the shapes and halves the size. A label point per province
(the centroid of its largest ring) is added for the number written on the map.
"""

from __future__ import annotations

import json
import math
import re
import sys
from pathlib import Path

TARGET = Path(__file__).resolve().parents[1] / "src/leerlab_cli/formats/maps/netherlands.json"
MIN_STEP = 3.0
"""The shortest step kept, in units of the map (613 × 724)."""


def rings(path: str) -> list[list[tuple[float, float]]]:
    """The closed rings of a path made of relative `m` and `z` commands only."""
    tokens = re.findall(r"[mzMZ]|-?[0-9.]+(?:e-?[0-9]+)?", path)
    result: list[list[tuple[float, float]]] = []
    x = y = 0.0
    start = (0.0, 0.0)
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token in "zZ":
            x, y = start
            index += 1
            continue
        if token != "m":
            raise ValueError(f"unexpected path command {token!r}")
        index += 1
        ring: list[tuple[float, float]] = []
        first = True
        while index < len(tokens) and tokens[index] not in "mzMZ":
            x += float(tokens[index])
            y += float(tokens[index + 1])
            index += 2
            if first:
                start = (x, y)
                first = False
            ring.append((x, y))
        result.append(ring)
    return result


def simplified(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    kept = [ring[0]]
    for point in ring[1:]:
        if math.dist(point, kept[-1]) >= MIN_STEP:
            kept.append(point)
    return kept if len(kept) >= 3 else ring


def area_and_centroid(ring: list[tuple[float, float]]) -> tuple[float, float, float]:
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    area /= 2
    if area == 0:
        return 0.0, ring[0][0], ring[0][1]
    return abs(area), cx / (6 * area), cy / (6 * area)


def number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def path_data(parts: list[list[tuple[float, float]]]) -> str:
    return "".join(
        "M" + " ".join(f"{number(x)},{number(y)}" for x, y in ring) + "Z" for ring in parts
    )


def main(index_js: str) -> None:
    text = Path(index_js).read_text(encoding="utf-8")
    data = json.loads(text[text.index("{") : text.rindex("}") + 1])
    package = json.loads((Path(index_js).parent / "package.json").read_text(encoding="utf-8"))
    provinces = []
    for location in data["locations"]:
        parts = [simplified(ring) for ring in rings(location["path"])]
        _, x, y = max(area_and_centroid(ring) for ring in parts)
        provinces.append(
            {
                "name": location["name"],
                "id": location["id"],
                "label": [round(x), round(y)],
                "path": path_data(parts),
            }
        )
    document = {
        "source": {
            "package": package["name"],
            "version": package["version"],
            "licence": package["license"],
            "attribution": (
                f"MapSVG (mapsvg.com), {package['name']} {package['version']}, CC BY 4.0"
            ),
            "changes": "paths made absolute, rounded and thinned; a label point added",
        },
        "viewBox": data["viewBox"],
        "provinces": provinces,
    }
    TARGET.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
