"""School places: the table of municipalities, and what `validate` says about them."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from helpers import WriteDataset, make_lab
from leerlab_cli.cli import app
from leerlab_cli.core.places import MUNICIPALITY_PROVINCES, province_of
from leerlab_cli.files.dataset import load

PROVINCES = {
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
}


def schools(*places: str | None) -> list[dict[str, object]]:
    """A vo and an mbo school (and more), with the given places (None: no place)."""
    made: list[dict[str, object]] = []
    for number, place in enumerate(places):
        school: dict[str, object] = {"name": f"School {number}", "types": ["vo"]}
        if place is not None:
            school["place"] = place
        made.append(school)
    return made


def test_the_table_names_a_province_for_every_school_place_shipped(shipped: Path) -> None:
    places = {school.place for lab in load(shipped).leerlab for school in lab.schools}
    assert None not in places
    assert places == set(MUNICIPALITY_PROVINCES)
    assert set(MUNICIPALITY_PROVINCES.values()) <= PROVINCES


def test_province_of() -> None:
    assert province_of("Deventer") == "Overijssel"
    assert province_of("Waalwijk") == "Noord-Brabant"
    assert province_of("Molenlanden") == "Zuid-Holland"
    assert province_of("Atlantis") is None


def test_a_school_place_outside_the_lab_provinces_is_a_warning(
    runner: CliRunner, write_dataset: WriteDataset
) -> None:
    path = write_dataset(
        make_lab(provinces=["Gelderland"], schools=schools("Apeldoorn", "Deventer"))
    )
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"{path}:40:9: warning: leerlab 'testlab': schools[1].place: \"Deventer\" lies in "
        "Overijssel, which is not one of the leerlab's provinces\n"
    )
    assert result.stdout == "1 leerlab, 0 errors, 1 warning\n"


def test_an_unknown_municipality_asks_to_be_added(
    runner: CliRunner, write_dataset: WriteDataset
) -> None:
    path = write_dataset(make_lab(schools=schools("Atlantis")))
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"{path}:33:9: warning: leerlab 'testlab': schools[0].place: \"Atlantis\" is not in "
        "leerlab's table of municipalities; add it with its province to places.py\n"
    )


def test_places_within_the_provinces_and_schools_without_a_place_pass(
    runner: CliRunner, write_dataset: WriteDataset
) -> None:
    path = write_dataset(
        make_lab(
            provinces=["Utrecht", "zuid-holland"], schools=schools("Houten", "Molenlanden", None)
        )
    )
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""


def test_place_warning_in_dutch(runner: CliRunner, write_dataset: WriteDataset) -> None:
    path = write_dataset(make_lab(provinces=["Limburg"], schools=schools("Tilburg")))
    result = runner.invoke(app, ["validate", str(path)], env={"LEERLAB_LANG": "nl"})
    assert (
        'schools[0].place: "Tilburg" ligt in Noord-Brabant, en dat is geen van de provincies'
        in (result.stderr)
    )


def test_a_school_place_must_be_text(runner: CliRunner, write_dataset: WriteDataset) -> None:
    path = write_dataset(make_lab(schools=[{"name": "A", "types": ["vo"], "place": ""}]))
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert "schools[0].place: must not be empty" in result.stderr
