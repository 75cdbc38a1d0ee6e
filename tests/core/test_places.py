"""School places: the table of municipalities, and what `validate` says about them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import WriteDataset, make_lab
from leerlab_cli.cli import app
from leerlab_cli.core.models import Province
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


def test_an_unknown_municipality_is_a_note_that_never_fails(
    runner: CliRunner, write_dataset: WriteDataset
) -> None:
    # A seventh leerlab in Goes: its place cannot be checked, and that is no mistake.
    path = write_dataset(make_lab(provinces=["Zeeland"], schools=schools("Goes")))
    for args in (["validate"], ["validate", "--strict"]):
        result = runner.invoke(app, [*args, str(path)])
        assert result.exit_code == 0, result.output
        assert result.stderr == (
            f"{path}:33:9: note: leerlab 'testlab': schools[0].place: \"Goes\" could not be "
            "checked: leerlab does not know the province of this municipality\n"
        )
        assert result.stdout == "1 leerlab, 0 errors, 0 warnings, 1 note\n"
    result = runner.invoke(app, ["validate", "--format", "github", "--strict", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"::notice file={path},line=33,col=9,")
    result = runner.invoke(app, ["validate", "--format", "json", "--strict", str(path)])
    assert result.exit_code == 0, result.output
    (problem,) = json.loads(result.stdout)
    assert (problem["severity"], problem["code"]) == ("note", "place_unknown")
    dutch = runner.invoke(app, ["validate", str(path)], env={"LEERLAB_LANG": "nl"})
    assert dutch.stderr.endswith(
        ": note: leerlab 'testlab': schools[0].place: \"Goes\" kon niet worden gecontroleerd: "
        "leerlab kent de provincie van deze gemeente niet\n"
    )
    assert dutch.stdout == "1 leerlab, 0 fouten, 0 waarschuwingen, 1 opmerking\n"
    # Nobody is asked to edit the package.
    assert ".py" not in result.stdout + dutch.stderr


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("Zeland", "Zeeland"),
        ("zeeland", "Zeeland"),
        ("Noord Brabant", "Noord-Brabant"),
        ("Brabant", "Noord-Brabant"),
        ("zuid-holland", "Zuid-Holland"),
        ("South Holland", "Zuid-Holland"),
        ("Fryslan", "Fryslân"),
        ("Gelderlan", "Gelderland"),
        ("Holland", None),
        ("Vlaanderen", None),
    ],
)
def test_a_province_is_one_of_the_twelve_with_a_suggestion(
    runner: CliRunner, write_dataset: WriteDataset, written: str, meant: str | None
) -> None:
    path = write_dataset(make_lab(provinces=[written]))
    result = runner.invoke(app, ["validate", "--format", "json", str(path)])
    assert result.exit_code == 1
    (problem,) = json.loads(result.stdout)
    assert (problem["field"], problem["code"]) == ("provinces[0]", "enum")
    assert problem["message"].startswith(f'"{written}" is not one of "Drenthe", "Flevoland", ')
    assert problem["hint"] == (None if meant is None else f'did you mean "{meant}"?')


@pytest.mark.parametrize("frisian", ["Friesland", "Fryslân"])
def test_friesland_and_fryslan_are_one_province(
    runner: CliRunner, write_dataset: WriteDataset, frisian: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(MUNICIPALITY_PROVINCES, "Leeuwarden", "Fryslân")
    path = write_dataset(make_lab(provinces=[frisian], schools=schools("Leeuwarden")))
    result = runner.invoke(app, ["validate", "--strict", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert set(PROVINCES) | {"Fryslân"} == {province.value for province in Province}


def test_places_within_the_provinces_and_schools_without_a_place_pass(
    runner: CliRunner, write_dataset: WriteDataset
) -> None:
    path = write_dataset(
        make_lab(
            provinces=["Utrecht", "Zuid-Holland"], schools=schools("Houten", "Molenlanden", None)
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
