"""The command show: one leerlab, found forgivingly, in every format, through CliRunner."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from helpers import stdout_of
from leerlab_cli.cli import app

SHOW_OTTOLAND = """\
Name: Leerlab Ottoland
Slug: ottoland
Place: Ottoland (vmbo) en Houten (mbo)
Province: Zuid-Holland, Utrecht
Cooperating schools: Wellantcollege vmbo De Bossekamp (vo), Molenlanden; \
Wellantcollege Houten (mbo), Houten
Sector/specialisation: Groen (Melkveehouderij, Groen, Grond & Infra, Hovenier)
vmbo profiel: Groen
Phase: leerlingen volgen de route sinds 2019
Route: van vmbo basis naar mbo niveau 2 BBL (Beroeps Begeleidende Leerweg)
Routes: bb → 2 BBL: running, since 2019
Kind of route: geïntegreerde leerroute
Working on: geïntegreerde leerroute
Design of the route: leerlingen blijven jaar langer op de vmbo-locatie, veel praktijk en stages
Target group: leerlingen die veel baat hebben bij praktijk en die al weten wat zij willen
Want to know more?: Hijlke Wijnja (Wellantcollege) <h.wijnja@wellant.nl>; \
Ester Cuijpers (Wellantcollege) <e.cuijpers@wellant.nl>
"""
"""`show ottoland` in a pipe, in English."""

SHOW_OTTOLAND_DUTCH = """\
Naam: Leerlab Ottoland
Slug: ottoland
Plaats: Ottoland (vmbo) en Houten (mbo)
Provincie: Zuid-Holland, Utrecht
Samenwerkende scholen: Wellantcollege vmbo De Bossekamp (vo), Molenlanden; \
Wellantcollege Houten (mbo), Houten
Sector/opleidingsrichting: Groen (Melkveehouderij, Groen, Grond & Infra, Hovenier)
vmbo-profiel: Groen
Fase: leerlingen volgen de route sinds 2019
Route: van vmbo basis naar mbo niveau 2 BBL (Beroeps Begeleidende Leerweg)
Routes: bb → 2 BBL: loopt, sinds 2019
Soort route: geïntegreerde leerroute
Werken aan: geïntegreerde leerroute
Ontwerp van de route: leerlingen blijven jaar langer op de vmbo-locatie, veel praktijk en stages
Doelgroep: leerlingen die veel baat hebben bij praktijk en die al weten wat zij willen
Meer weten?: Hijlke Wijnja (Wellantcollege) <h.wijnja@wellant.nl>; \
Ester Cuijpers (Wellantcollege) <e.cuijpers@wellant.nl>
"""
"""The same in Dutch: the labels of the source digizine, our words Dutch too."""


def test_show_in_a_pipe_prints_label_value_lines(runner: CliRunner) -> None:
    result = runner.invoke(app, ["show", "ottoland"])
    assert result.exit_code == 0, result.output
    assert result.stdout == SHOW_OTTOLAND


def test_show_in_dutch_uses_the_labels_of_the_source(runner: CliRunner) -> None:
    result = runner.invoke(app, ["show", "ottoland"], env={"LEERLAB_LANG": "nl"})
    assert result.exit_code == 0, result.output
    assert result.stdout == SHOW_OTTOLAND_DUTCH


def test_show_keeps_undetermined_apart_from_not_given(runner: CliRunner) -> None:
    result = runner.invoke(app, ["show", "noord-brabant"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    # A fact left open reads "to be decided" in English ("nader te bepalen" in Dutch).
    assert "Working on: to be decided" in lines
    assert "Design of the route: not given" in lines
    assert (
        "Target group: to be decided; Walewyc-mavo: leerlingen met LO2 als examenvak; "
        "Campus 013: leerlingen met het keuzevak Sport en Leiderschap"
    ) in lines
    assert (
        "Routes: bb → 2: in development (Campus 013, ROC Tilburg); "
        "gl/tl → 4: in development (Walewyc-mavo, ROC Tilburg)"
    ) in lines


def test_show_in_dutch_keeps_undetermined_apart_from_not_given(runner: CliRunner) -> None:
    result = runner.invoke(app, ["show", "noord-brabant"], env={"LEERLAB_LANG": "nl"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "Werken aan: nader te bepalen" in lines
    assert "Ontwerp van de route: niet vermeld" in lines
    assert (
        "Routes: bb → 2: in ontwikkeling (Campus 013, ROC Tilburg); "
        "gl/tl → 4: in ontwikkeling (Walewyc-mavo, ROC Tilburg)"
    ) in lines


def test_show_marks_planned_routes(runner: CliRunner) -> None:
    result = runner.invoke(app, ["show", "oost"])
    assert result.exit_code == 0, result.output
    assert (
        "Routes: bb → 2: running; leerweg not given → 3/4: possibly later"
        in result.stdout.splitlines()
    )


@pytest.mark.parametrize(("query", "slug"), [("aventus", "apeldoorn"), ("noord", "noord-brabant")])
def test_show_resolves_forgivingly(runner: CliRunner, query: str, slug: str) -> None:
    result = runner.invoke(app, ["show", query])
    assert result.exit_code == 0, result.output
    assert f"Slug: {slug}" in result.stdout.splitlines()


def test_show_json(runner: CliRunner) -> None:
    result = runner.invoke(app, ["show", "noord-brabant", "--format", "json"])
    assert result.exit_code == 0, result.output
    lab = json.loads(result.stdout)
    assert lab["slug"] == "noord-brabant"
    assert lab["works_on"] == "nader te bepalen"
    assert lab["left_open"] == ["works_on", "target_group"]
    assert lab["design"] is None


def test_show_markdown(runner: CliRunner) -> None:
    result = runner.invoke(app, ["show", "apeldoorn", "--format", "markdown"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "# Leerlab Apeldoorn"
    assert "- **Phase:** pilot gestart in 2019, leerlingen gestart in schooljaar 2019-2020" in lines
    assert "- **Want to know more?** Zerin Eralp (Aventus) <z.eralp@aventus.nl>" in lines


def test_show_panel_forced(runner: CliRunner) -> None:
    result = runner.invoke(app, ["show", "oost", "--format", "panel"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    assert "Leerlab Oost (oost)" in result.stdout
    assert "gmartens@landstede.nl" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 100


def test_show_not_found(runner: CliRunner) -> None:
    result = runner.invoke(app, ["show", "xyzzy"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "error: no leerlab matches 'xyzzy'\n"


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        # The one slug spelt much like it is taken (a terminal is told which).
        ("apeldorn", "apeldoorn"),
        ("midden limbrug", "midden-limburg"),
        # Folded, these are the slug itself.
        ("midden limburg", "midden-limburg"),
        ("Noord Brabant", "noord-brabant"),
        ("NOORD_BRABANT", "noord-brabant"),
    ],
)
def test_show_takes_a_query_close_to_one_slug(runner: CliRunner, query: str, slug: str) -> None:
    assert stdout_of(runner, ["show", query, "--format", "json"]) == stdout_of(
        runner, ["show", slug, "--format", "json"]
    )


def test_show_exact_takes_the_slug_folded_but_not_a_close_one(runner: CliRunner) -> None:
    assert stdout_of(runner, ["show", "Midden Limburg", "--exact", "--format", "json"]) == (
        stdout_of(runner, ["show", "midden-limburg", "--format", "json"])
    )
    result = runner.invoke(app, ["show", "apeldorn", "--exact"])
    assert result.exit_code == 1
    assert result.stderr == "error: no leerlab matches 'apeldorn'; did you mean apeldoorn?\n"


def test_show_ambiguous(runner: CliRunner) -> None:
    result = runner.invoke(app, ["show", "o"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "oost (Leerlab Oost), ottoland (Leerlab Ottoland)" in result.stderr


def test_show_panel_on_a_narrow_terminal_puts_labels_above_values(runner: CliRunner) -> None:
    result = runner.invoke(app, ["show", "assen", "--format", "panel"], env={"COLUMNS": "40"})
    assert result.exit_code == 0, result.output
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert max(len(line) for line in lines) <= 40
    assert lines[:3] == ["Leerlab Assen (assen)", "Place", "  Assen"]
    assert "Want to know more?" in lines
    # Too long for 40 columns: the address wraps onto the next line, nothing is cut.
    contact = lines.index("Want to know more?") + 1
    assert "".join(line.strip() for line in lines[contact : contact + 2]) == (
        "Huubs Hubbeling (Dr. Nassau College)<hub@dr.nassaucollege.nl>"
    )
