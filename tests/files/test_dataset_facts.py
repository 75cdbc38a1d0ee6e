"""The shipped dataset's facts that were checked again against the source and the map."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import REPOSITORY, exported, stdout_of
from leerlab_cli.core.models import Leerlab, Profiel
from leerlab_cli.files.dataset import check, load

# Parts of the source, verbatim (each file's note says which lines).
SOURCE_NOORD_BRABANT = REPOSITORY / "tests" / "data" / "source-noord-brabant.txt"
SOURCE_INTRODUCTION = REPOSITORY / "tests" / "data" / "source-introduction.txt"


def _source_text(path: Path) -> str:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    return "".join(line for line in lines if not line.startswith("#"))


@pytest.fixture
def labs(shipped: Path) -> dict[str, Leerlab]:
    return {lab.slug: lab for lab in load(shipped).leerlab}


def listed(runner: CliRunner, *args: str) -> list[str]:
    """The slugs `leerlab list ARGS` prints, in order."""
    output = stdout_of(runner, ["list", *args, "--format", "json"])
    return [lab["slug"] for lab in json.loads(output)]


def test_apeldoorn_lies_in_gelderland_and_overijssel(labs: dict[str, Leerlab]) -> None:
    # The Etty Hillesum Lyceum is in Deventer, Overijssel; Aventus in Apeldoorn, Gelderland.
    assert labs["apeldoorn"].provinces == ["Gelderland", "Overijssel"]
    assert [(s.name, s.place) for s in labs["apeldoorn"].schools] == [
        ("Etty Hillesum Lyceum", "Deventer"),
        ("Aventus", "Apeldoorn"),
    ]


def test_province_overijssel_finds_apeldoorn_and_oost(runner: CliRunner) -> None:
    assert listed(runner, "--province", "overijssel") == ["apeldoorn", "oost"]


def test_walewyc_mavo_is_in_waalwijk(labs: dict[str, Leerlab]) -> None:
    places = {school.name: school.place for school in labs["noord-brabant"].schools}
    assert places == {"Walewyc-mavo": "Waalwijk", "Campus 013": "Tilburg", "ROC Tilburg": "Tilburg"}
    assert labs["noord-brabant"].place == "Waalwijk en Tilburg"


def test_search_waalwijk_finds_noord_brabant(runner: CliRunner) -> None:
    assert listed(runner, "--search", "waalwijk") == ["noord-brabant"]


def test_every_school_has_its_municipality(labs: dict[str, Leerlab]) -> None:
    assert {lab.slug: [school.place for school in lab.schools] for lab in labs.values()} == {
        "apeldoorn": ["Deventer", "Apeldoorn"],
        "assen": ["Assen", "Assen"],
        "oost": ["Zwolle"],
        # Ottoland is a village of the municipality Molenlanden; the lab's place names it.
        "ottoland": ["Molenlanden", "Houten"],
        "noord-brabant": ["Waalwijk", "Tilburg", "Tilburg"],
        "midden-limburg": ["Roermond", "Roermond"],
    }
    assert labs["ottoland"].place == "Ottoland (vmbo) en Houten (mbo)"


def test_midden_limburg_place_is_what_the_sources_support(labs: dict[str, Leerlab]) -> None:
    # Neither the source nor the school places mention Weert.
    assert labs["midden-limburg"].place == "regio Roermond"


def test_shipped_dataset_has_no_place_warning(shipped: Path) -> None:
    report = check(shipped)
    assert report.errors == ()
    assert [warning.code for warning in report.warnings] == ["route_to_entree"], report.warnings


def test_show_prints_the_place_beside_the_school(runner: CliRunner) -> None:
    output = stdout_of(runner, ["show", "apeldoorn", "--format", "text"])
    assert (
        "Cooperating schools: Etty Hillesum Lyceum (vo), Deventer; Aventus (mbo), Apeldoorn"
        in output.splitlines()
    )


def test_the_introduction_is_whole(shipped: Path) -> None:
    introduction = load(shipped).meta.introduction or ""
    assert introduction.endswith(
        "knelpunten én oplossingen. Welke samenwerkende scholen zijn dit, wat doen zij en voor wie?"
    )
    # The source's layout breaks lines (and puts a side box inside the first
    # sentences), so compare its closing sentences, whitespace normalised.
    source = " ".join(_source_text(SOURCE_INTRODUCTION).split())
    closing = introduction[introduction.index("In dit magazine") :]
    assert closing in source


def test_the_introduction_opens_the_markdown_export(runner: CliRunner, shipped: Path) -> None:
    document = exported(runner, shipped)
    title, source, introduction, table = document.split("\n\n")[:4]
    assert title == "# Samen op weg: naar een naadloze aansluiting vmbo-mbo"
    assert source == "STERK Beroepsonderwijs, Digizine voorjaar 2021"
    assert introduction.startswith("Leerlingendaling, lerarentekort")
    assert introduction.endswith("Welke samenwerkende scholen zijn dit, wat doen zij en voor wie?")
    assert table.startswith("| Leerlab |")


def test_show_and_markdown_give_contacts_with_their_organisation(runner: CliRunner) -> None:
    text = stdout_of(runner, ["show", "apeldoorn", "--format", "text"])
    assert "Want to know more?: Zerin Eralp (Aventus) <z.eralp@aventus.nl>" in text.splitlines()
    markdown = stdout_of(runner, ["show", "apeldoorn", "--format", "markdown"])
    assert "Zerin Eralp (Aventus) <z.eralp@aventus.nl>" in markdown


def test_profielen_only_where_the_sector_names_one(labs: dict[str, Leerlab]) -> None:
    assert {slug: lab.profielen for slug, lab in labs.items()} == {
        "apeldoorn": [Profiel.zw],
        "assen": [Profiel.hbr],
        "oost": [],
        "ottoland": [Profiel.groen],
        # "Sport en Bewegen" is no vmbo profiel.
        "noord-brabant": [],
        "midden-limburg": [Profiel.zw],
    }


def test_show_gives_the_profiel_beside_the_sector(runner: CliRunner) -> None:
    lines = stdout_of(runner, ["show", "assen", "--format", "text"]).splitlines()
    sector = lines.index("Sector/specialisation: Horeca, Bakkerij & Recreatie")
    assert lines[sector + 1] == "vmbo profiel: Horeca, bakkerij en recreatie (HBR)"
    dutch = stdout_of(
        runner, ["show", "midden-limburg", "--format", "markdown"], env={"LEERLAB_LANG": "nl"}
    )
    assert "- **vmbo-profiel:** Zorg en welzijn (Z\\&W)" in dutch.splitlines()


def _works_on_in_source(name: str) -> str:
    # The "Werken aan" line of the leerlab called `name` in the source.
    text = _source_text(SOURCE_NOORD_BRABANT)
    section = text[text.index(f"Leerlab {name}\n") :]
    found = re.search(r"Werken aan: (.*)", section)
    assert found is not None, name
    return found[1].strip()


def test_noord_brabant_works_on_no_stated_kind_of_route(labs: dict[str, Leerlab]) -> None:
    # Its "Werken aan" is "nader te bepalen": no kind of route may be read into it.
    assert _works_on_in_source("Noord-Brabant") == "nader te bepalen"
    assert str(labs["noord-brabant"].works_on) == "nader te bepalen"
    assert labs["noord-brabant"].route_kinds == []
