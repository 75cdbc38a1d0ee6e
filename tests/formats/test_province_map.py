"""The map of the provinces: its data file and licence, and the SVG picture.

The SVG is read with an XML parser, as LibreOffice and Word read it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from helpers import META, WriteDataset, make_lab, stdout_of
from leerlab_cli.core.provinces import PROVINCES
from leerlab_cli.formats.province_map import (
    ATTRIBUTION_CHARACTERS,
    MAP_FILE,
    MAPS,
    SOURCE_CHARACTERS,
    netherlands,
    shade,
    shade_labels,
)

SVG = "{http://www.w3.org/2000/svg}"


def test_the_map_has_the_twelve_provinces_of_the_dataset() -> None:
    provinces = netherlands().provinces
    assert sorted(province.name for province in provinces) == sorted(PROVINCES)
    assert len({province.id for province in provinces}) == 12
    width, height = (float(n) for n in netherlands().view_box.split()[2:])
    for province in provinces:
        # Absolute outlines, rounded: moves, lines and closes only.
        assert re.fullmatch(r"(M[0-9., ]+Z)+", province.path), province.name
        x, y = province.label
        assert 0 < x < width
        assert 0 < y < height


# Measured on the outlines of @svg-maps/netherlands 1.0.0 as published: the bounding box
# (left, top, right, bottom) and the area of each province, in map units.
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


@pytest.mark.parametrize("name", sorted(ORIGINAL))
def test_each_outline_keeps_its_place_and_size(name: str) -> None:
    # Thinned and rounded, a province still covers what it did: within 3 units, 3 %.
    province = next(each for each in netherlands().provinces if each.name == name)
    rings = [
        [(float(x), float(y)) for x, y in re.findall(r"([0-9.]+),([0-9.]+)", ring)]
        for ring in province.path.split("Z")
        if ring.strip()
    ]
    points = [point for ring in rings for point in ring]
    box = (
        min(x for x, _ in points),
        min(y for _, y in points),
        max(x for x, _ in points),
        max(y for _, y in points),
    )
    original_box, original_area = ORIGINAL[name]
    assert all(abs(a - b) <= 3 for a, b in zip(box, original_box, strict=True)), box
    area = 0.0
    for ring in rings:
        pairs = zip(ring, ring[1:] + ring[:1], strict=True)
        area += abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairs)) / 2
    assert abs(area - original_area) / original_area < 0.03, area


def test_the_map_says_where_it_comes_from_and_under_which_licence() -> None:
    source = json.loads(MAP_FILE.read_text(encoding="utf-8"))["source"]
    assert source["package"] == "@svg-maps/netherlands"
    assert source["version"] == "1.0.0"
    assert source["licence"] == "CC-BY-4.0"
    assert "MapSVG" in source["attribution"]
    assert "Attribution 4.0 International" in (MAPS / "LICENSE-netherlands.md").read_text(
        encoding="utf-8"
    )
    assert "@svg-maps/netherlands" in (MAPS / "README.md").read_text(encoding="utf-8")


def test_shades_and_their_legend() -> None:
    assert [shade(count) for count in range(6)] == [0, 1, 2, 3, 3, 3]
    assert shade_labels() == ["0 leerlabs", "1 leerlab", "2 leerlabs", "3 or more leerlabs"]


def svg_of(runner: CliRunner, data: Path, *args: str) -> ElementTree.Element:
    text = stdout_of(runner, ["--data", str(data), "provinces", "--format", "svg", *args])
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')
    return ElementTree.fromstring(text)


def provinces_of(root: ElementTree.Element) -> dict[str, str]:
    """Each province's title (its name and number) by its element's id."""
    return {
        group.get("id", ""): "".join(group.findtext(f"{SVG}title") or "")
        for group in root.iter(f"{SVG}g")
        if group.get("id", "").startswith("province-")
    }


def test_the_svg_map_of_the_shipped_dataset(runner: CliRunner, shipped: Path) -> None:
    root = svg_of(runner, shipped)
    assert root.findtext(f"{SVG}title") == "Leerlabs per province"
    titles = provinces_of(root)
    assert len(titles) == 12
    assert titles["province-ge"] == "Gelderland: 2 leerlabs"
    assert titles["province-li"] == "Limburg: 1 leerlab"
    assert titles["province-ze"] == "Zeeland: 0 leerlabs"
    texts = [element.text for element in root.iter(f"{SVG}text")]
    assert "2" in texts
    assert "3 or more leerlabs" in texts
    assert (
        "Source: Samen op weg: naar een naadloze aansluiting vmbo-mbo, STERK Beroepsonderwijs, "
        "Digizine voorjaar 2021."
    ) in " ".join(text or "" for text in texts)
    assert any(
        "MapSVG (mapsvg.com), @svg-maps/netherlands 1.0.0, CC BY 4.0" in (text or "")
        for text in texts
    )
    # Nothing that runs or that reaches outside the file.
    names = {element.tag.removeprefix(SVG) for element in root.iter()}
    assert names <= {"svg", "title", "rect", "text", "g", "path"}
    for element in root.iter():
        assert not {name for name in element.attrib if "href" in name or name.startswith("on")}


def test_a_long_source_is_wrapped_inside_the_picture(
    runner: CliRunner, write_dataset: WriteDataset
) -> None:
    # SVG wraps no text: a source wider than the picture would be cut off at its edge.
    title = " ".join(["Doorlopende leerroutes in de regio"] * 8)
    data = write_dataset(make_lab(provinces=["Utrecht"]), meta={**META, "title": title})
    root = svg_of(runner, data)
    height = int(root.get("height", "0"))
    assert root.get("viewBox") == f"0 0 640 {height}"
    footer = [
        (int(text.get("y", "0")), text.text or "", text.get("font-size"))
        for text in root.iter(f"{SVG}text")
        if int(text.get("y", "0")) > 840
    ]
    source = [line for _, line, size in footer if size is None]
    attribution = [line for _, line, size in footer if size == "12"]
    assert len(source) > 3
    assert " ".join(source) == f"Source: {title}, {META['publisher']}, {META['year']}."
    assert all(len(line) <= SOURCE_CHARACTERS for line in source), source
    assert all(len(line) <= ATTRIBUTION_CHARACTERS for line in attribution), attribution
    assert "".join(attribution).endswith("(https://creativecommons.org/licenses/by/4.0/)")
    places = [y for y, _, _ in footer]
    assert places == sorted(set(places)), places  # one under the other
    assert places[-1] < height


def test_the_svg_map_follows_the_filters(runner: CliRunner, shipped: Path) -> None:
    titles = provinces_of(svg_of(runner, shipped, "--sector", "zorg"))
    counted = {key: title for key, title in titles.items() if not title.endswith(": 0 leerlabs")}
    assert counted == {
        "province-ge": "Gelderland: 1 leerlab",
        "province-li": "Limburg: 1 leerlab",
        "province-ov": "Overijssel: 1 leerlab",
    }


HOSTILE = "<script>alert(1)</script></svg>&amp; \"quoted\" 'single' ]]>"


def test_the_svg_map_writes_hostile_text_as_text(
    runner: CliRunner, write_dataset: WriteDataset
) -> None:
    lab = make_lab(name=HOSTILE, sectors=[HOSTILE], provinces=["Utrecht"])
    data = write_dataset(lab, meta={**META, "title": HOSTILE, "publisher": HOSTILE})
    root = svg_of(runner, data)
    # The source may be wrapped over lines: they are read as one text.
    texts = " ".join(element.text or "" for element in root.iter(f"{SVG}text"))
    assert f"Source: {HOSTILE}, {HOSTILE}, 2021." in texts
    assert provinces_of(root)["province-ut"] == "Utrecht: 1 leerlab"
    assert not [element for element in root.iter() if element.tag.endswith("script")]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_attribution_is_on_the_page(runner: CliRunner, shipped: Path, lang: str) -> None:
    page = stdout_of(
        runner, ["--data", str(shipped), "export", "--format", "html"], env={"LEERLAB_LANG": lang}
    )
    word = {"nl": "Kaart", "en": "Map"}[lang]
    assert (
        f"{word}: MapSVG (mapsvg.com), @svg-maps/netherlands 1.0.0, CC BY 4.0 "
        "(https://creativecommons.org/licenses/by/4.0/)"
    ) in page


def test_libreoffice_converts_the_svg(runner: CliRunner, shipped: Path, tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        message = "LibreOffice not installed (Debian: apt-get install libreoffice-draw-nogui)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    picture = tmp_path / "kaart.svg"
    picture.write_text(
        stdout_of(runner, ["--data", str(shipped), "provinces", "--format", "svg"]),
        encoding="utf-8",
    )
    profile = (tmp_path / "profile").as_uri()  # its own profile: never a lock on the user's
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(picture),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pdf = tmp_path / "kaart.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    text = PdfReader(pdf).pages[0].extract_text()
    assert "Leerlabs per province" in text
