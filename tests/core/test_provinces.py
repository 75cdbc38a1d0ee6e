"""The leerlabs per province: grouping, sectors and routes (the core, without wording)."""

from __future__ import annotations

from typing import Any

from helpers import make_lab
from leerlab_cli.core.coverage import Cell
from leerlab_cli.core.models import Leerlab, Leerweg, validate_leerlab
from leerlab_cli.core.provinces import PROVINCES, ProvinceOverview, province_overview


def lab(slug: str, provinces: list[str], **changes: Any) -> Leerlab:
    return validate_leerlab(make_lab(slug=slug, provinces=provinces, **changes))


def by_name(labs: list[Leerlab]) -> dict[str, ProvinceOverview]:
    return {overview.province: overview for overview in province_overview(labs)}


def test_without_leerlabs_the_twelve_provinces_are_there_empty() -> None:
    overviews = province_overview([])
    assert [overview.province for overview in overviews] == list(PROVINCES)
    assert all(o == ProvinceOverview(o.province, (), (), ()) for o in overviews)
    assert len(PROVINCES) == 12


def test_a_leerlab_in_two_provinces_counts_in_both() -> None:
    overviews = by_name([lab("a", ["Gelderland", "Overijssel"]), lab("b", ["Overijssel"])])
    assert overviews["Gelderland"].leerlabs == ("a",)
    assert overviews["Overijssel"].leerlabs == ("a", "b")
    assert overviews["Overijssel"].count == 2
    assert overviews["Utrecht"].count == 0


def test_a_province_named_twice_by_one_leerlab_counts_it_once() -> None:
    overviews = by_name([lab("a", ["Limburg", "Drenthe", "limburg"])])
    assert overviews["Limburg"].leerlabs == ("a",)


def test_spellings_of_one_province_are_one_province_by_its_usual_name() -> None:
    overviews = province_overview(
        [lab("a", ["fryslân"]), lab("b", ["FRIESLAND"]), lab("c", ["Zuid-holland"])]
    )
    names = [overview.province for overview in overviews]
    assert names == list(PROVINCES)
    assert by_name([lab("a", ["fryslân"]), lab("b", ["FRIESLAND"])])["Friesland"].leerlabs == (
        "a",
        "b",
    )


def test_a_province_not_of_the_twelve_keeps_its_name_in_alphabetical_order() -> None:
    names = [o.province for o in province_overview([lab("a", ["Caribisch Nederland"])])]
    assert names == ["Caribisch Nederland", *PROVINCES]


def test_sectors_appear_once_in_the_order_of_the_leerlabs() -> None:
    overviews = by_name(
        [
            lab("a", ["Utrecht"], sectors=["Groen", "Zorg en Welzijn"]),
            lab("b", ["Utrecht"], sectors=["zorg en welzijn", "Techniek"]),
        ]
    )
    assert overviews["Utrecht"].sectors == ("Groen", "Zorg en Welzijn", "Techniek")


def test_routes_are_the_cells_a_leerlab_of_the_province_reaches() -> None:
    routes = [
        {"leerwegen": ["kb"], "niveaus": [3]},
        {"niveaus": [4], "status": "planned"},
    ]
    overviews = by_name([lab("a", ["Zeeland"], routes=routes), lab("b", ["Drenthe"])])
    assert overviews["Zeeland"].routes == (
        Cell(Leerweg.kb, 3, ("a",), ()),
        Cell(None, 4, (), ("a",)),
    )
    assert overviews["Drenthe"].routes == (Cell(Leerweg.bb, 2, ("b",), ()),)
