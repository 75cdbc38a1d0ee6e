"""The map of the provinces: each province shaded by how many leerlabs it has.

The outlines are a data file of this package (maps/netherlands.json, from the npm
package @svg-maps/netherlands under CC BY 4.0; maps/README.md says where it came from
and what was changed), read when a map is asked for and never fetched. The map is
drawn by one Jinja2 template with autoescaping, in the HTML page and as a standalone
SVG picture: the province names are the map's, every other text is escaped.
"""

from __future__ import annotations

import functools
import json
import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

import jinja2

from leerlab_cli.core.models import Meta
from leerlab_cli.core.provinces import ProvinceOverview
from leerlab_cli.formats import source_line
from leerlab_cli.i18n import _, ngettext

MAPS = Path(__file__).resolve().parent / "maps"
MAP_FILE = MAPS / "netherlands.json"
TEMPLATES = Path(__file__).resolve().parent / "templates"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
SHADES = 4
"""The classes of the map: 0, 1, 2, and 3 or more leerlabs."""


class MapProvince(NamedTuple):
    """A province of the map: its name (as the dataset spells it), id, label point, outline."""

    name: str
    id: str
    label: tuple[int, int]
    path: str


class ProvinceMap(NamedTuple):
    """The map's outlines and where they come from."""

    view_box: str
    provinces: tuple[MapProvince, ...]
    attribution: str
    """Who made the map, its package and licence: ``MapSVG (mapsvg.com), … CC BY 4.0``."""


@functools.cache
def netherlands() -> ProvinceMap:
    """The twelve provinces of the Netherlands, read once from the package's data file."""
    document = json.loads(MAP_FILE.read_text(encoding="utf-8"))
    return ProvinceMap(
        document["viewBox"],
        tuple(
            MapProvince(
                item["name"], item["id"], (item["label"][0], item["label"][1]), item["path"]
            )
            for item in document["provinces"]
        ),
        document["source"]["attribution"],
    )


def shade(count: int) -> int:
    """The class a number of leerlabs is shaded in: 0, 1, 2, or 3 for 3 or more."""
    return min(count, SHADES - 1)


def shade_labels() -> list[str]:
    """The legend: what each class means."""
    return [
        *(
            ngettext("{count} leerlab", "{count} leerlabs", count).format(count=count)
            for count in range(SHADES - 1)
        ),
        _("{count} or more leerlabs").format(count=SHADES - 1),
    ]


def province_label(province: str, count: int) -> str:
    """A province's accessible name: ``Gelderland: 2 leerlabs``."""
    return ngettext("{province}: {count} leerlab", "{province}: {count} leerlabs", count).format(
        province=province, count=count
    )


def map_attribution() -> str:
    """The credit the map's licence asks for, with the licence's address."""
    return _("Map: {attribution} ({licence})").format(
        attribution=netherlands().attribution, licence=LICENCE_URL
    )


class ShadedProvince(NamedTuple):
    """A province as the map draws it."""

    key: str
    name: str
    label: str
    leerlab_count: int
    shade: int
    x: int
    y: int
    path: str


def shaded_provinces(
    overviews: Sequence[ProvinceOverview], keys: Mapping[str, str] | None = None
) -> list[ShadedProvince]:
    """Each province of the map with its number of leerlabs (0 where it has none).

    `keys` gives a province's filter key by name (the HTML page's), else the map's id.
    """
    counts = {overview.province: overview.count for overview in overviews}
    return [
        ShadedProvince(
            (keys or {}).get(province.name, province.id),
            province.name,
            province_label(province.name, counts.get(province.name, 0)),
            counts.get(province.name, 0),
            shade(counts.get(province.name, 0)),
            province.label[0],
            province.label[1],
            province.path,
        )
        for province in netherlands().provinces
    ]


# SVG wraps no text: a line wider than the picture is cut off at its edge. The source and
# the attribution are wrapped here, at a number of characters that fits the 600 points
# between the margins (Liberation Sans or Arial: about 7.5 points a character at 15,
# about 6 at 12), each line placed below the one before.
SOURCE_CHARACTERS = 70
ATTRIBUTION_CHARACTERS = 90
_FOOTER_TOP = 852
"""Where the first line of the source sits: below the legend."""


class FooterLine(NamedTuple):
    """A line of the source or of the attribution, at its place in the picture."""

    y: int
    text: str
    small: bool
    """The attribution's smaller, greyer print."""


def footer_lines(source: str, attribution: str) -> tuple[list[FooterLine], int]:
    """The source and the attribution as lines that fit the picture, and its height below them."""
    lines: list[FooterLine] = []
    y = _FOOTER_TOP
    for text in textwrap.wrap(source, SOURCE_CHARACTERS, break_on_hyphens=False):
        lines.append(FooterLine(y, text, small=False))
        y += 20
    y += 4
    for text in textwrap.wrap(attribution, ATTRIBUTION_CHARACTERS, break_on_hyphens=False):
        lines.append(FooterLine(y, text, small=True))
        y += 16
    return lines, y + 8


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def map_svg(overviews: Sequence[ProvinceOverview], *, title: str, source: str) -> str:
    """A standalone SVG picture of the map: title, shaded provinces with their numbers,
    the legend, the dataset's source and date, and the map's attribution.

    It holds no script and refers to nothing outside itself.
    """
    footer, height = footer_lines(source, map_attribution())
    return (
        _environment()
        .get_template("province_map.svg.j2")
        .render(
            view_box=netherlands().view_box,
            provinces=shaded_provinces(overviews),
            shades=shade_labels(),
            title=title,
            footer=footer,
            height=height,
        )
    )


def newsletter_map(meta: Meta, overviews: Sequence[ProvinceOverview]) -> str:
    """The map as a picture for a newsletter: titled, with the dataset's source and date."""
    return map_svg(
        overviews,
        title=_("Leerlabs per province"),
        source=_("Source: {title}, {source}.").format(title=meta.title, source=source_line(meta)),
    )
