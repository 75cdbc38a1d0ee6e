"""A route whose vmbo leerweg the source does not state: Oost's "mogelijk later" routes to 3/4."""

from __future__ import annotations

import csv
import io
import json
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import WriteDataset, exported, make_lab, stdout_of
from leerlab_cli.cli import app
from leerlab_cli.core.models import validate_leerlab
from leerlab_cli.files.dataset import load

UNSTATED = {"niveaus": [3, 4], "status": "planned"}
"""A route as the dataset file writes one without a stated leerweg: `leerwegen` left out."""


def listed(runner: CliRunner, *args: str) -> list[str]:
    output = stdout_of(runner, ["list", *args, "--format", "json"])
    return [lab["slug"] for lab in json.loads(output)]


def test_oost_states_no_leerweg_for_its_later_routes(shipped: Path) -> None:
    oost = next(lab for lab in load(shipped).leerlab if lab.slug == "oost")
    assert [route.leerwegen for route in oost.routes] == [["bb"], []]


def test_leaving_leerwegen_out_means_not_stated() -> None:
    lab = validate_leerlab(make_lab(routes=[{"niveaus": [2]}]))
    assert lab.routes[0].leerwegen == []


def test_an_explicit_empty_list_is_an_error_with_a_hint(
    runner: CliRunner, write_dataset: WriteDataset
) -> None:
    path = write_dataset(make_lab(routes=[{"leerwegen": [], "niveaus": [2]}]))
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{path}:41:13: error: leerlab 'testlab': routes[0].leerwegen: an empty list says "
        "nothing: leave leerwegen out when the source does not state the leerweg"
    ]


def test_from_basis_to_3_with_planned_gives_assen_only(runner: CliRunner) -> None:
    assert listed(runner, "--from", "basis", "--to", "3", "--include-planned") == ["assen"]


def test_to_3_with_planned_finds_oost(runner: CliRunner) -> None:
    assert listed(runner, "--to", "3") == ["assen", "midden-limburg"]
    assert listed(runner, "--to", "3", "--include-planned") == ["assen", "oost", "midden-limburg"]


@pytest.mark.parametrize("word", ["bb", "kb", "gl", "tl", "gt", "basis"])
@pytest.mark.parametrize("planned", [[], ["--include-planned"]])
def test_from_never_matches_a_route_without_leerweg(
    runner: CliRunner, write_dataset: WriteDataset, word: str, planned: list[str]
) -> None:
    path = write_dataset(
        make_lab(slug="onvermeld", routes=[{"niveaus": [2]}, UNSTATED]),
    )
    assert listed(runner, "--data", str(path), "--from", word, *planned) == []
    assert listed(runner, "--data", str(path), "--to", "2", *planned) == ["onvermeld"]


def test_list_says_the_leerweg_is_not_given(runner: CliRunner) -> None:
    tsv = stdout_of(runner, ["list", "--search", "oost", "--format", "tsv"])
    assert tsv.split("\t")[3] == "bb → 2 · → 3/4 (planned)"
    dutch_table = stdout_of(
        runner,
        ["list", "--search", "oost", "--format", "table"],
        env={"LEERLAB_LANG": "nl", "COLUMNS": "200"},
    )
    # The table wraps long cells: look for the words, not the line.
    assert "leerweg niet vermeld" in dutch_table
    english_table = stdout_of(
        runner, ["list", "--search", "oost", "--format", "table"], env={"COLUMNS": "200"}
    )
    assert "leerweg not given" in english_table


def test_show_in_every_format_says_the_leerweg_is_not_given(runner: CliRunner) -> None:
    text = stdout_of(runner, ["show", "oost", "--format", "text"], env={"LEERLAB_LANG": "nl"})
    assert "Routes: bb → 2: loopt; leerweg niet vermeld → 3/4: mogelijk later" in text
    panel = stdout_of(runner, ["show", "oost", "--format", "panel"], env={"COLUMNS": "120"})
    assert "leerweg not given → 3/4: possibly later" in panel
    markdown = stdout_of(runner, ["show", "oost", "--format", "markdown"])
    assert "  - leerweg not given → 3/4: possibly later" in markdown.splitlines()
    data = json.loads(stdout_of(runner, ["show", "oost", "--format", "json"]))
    assert data["routes"][1]["leerwegen"] == []


def test_exports_say_the_leerweg_is_not_given(runner: CliRunner, shipped: Path) -> None:
    markdown = exported(runner, shipped, "--search", "oost")
    assert "bb → 2 · leerweg not given → 3/4 (possibly later)" in markdown
    assert "  - leerweg not given → 3/4: possibly later" in markdown.splitlines()
    rows = list(csv.DictReader(io.StringIO(exported(runner, shipped, "--format", "csv"))))
    oost = next(row for row in rows if row["slug"] == "oost")
    assert oost["routes"] == '["bb → 2: running", "→ 3/4: planned"]'
    labs = json.loads(exported(runner, shipped, "--format", "json", "--search", "oost"))
    assert labs[0]["routes"][1]["leerwegen"] == []


def test_toml_export_leaves_the_unstated_leerweg_out(
    runner: CliRunner, shipped: Path, tmp_path: Path
) -> None:
    text = exported(runner, shipped, "--format", "toml", "--search", "oost")
    routes = tomllib.loads(text)["leerlab"][0]["routes"]
    assert "leerwegen" not in routes[1]
    assert routes[1]["niveaus"] == [3, 4]
    path = tmp_path / "oost.toml"
    path.write_text(text, encoding="utf-8")
    assert load(path).leerlab[0].routes[1].leerwegen == []


def test_routes_matrix_has_a_row_for_routes_without_leerweg(runner: CliRunner) -> None:
    cells = json.loads(stdout_of(runner, ["routes", "--format", "json"]))
    assert len(cells) == 20
    assert [cell for cell in cells if cell["from"] is None] == [
        {"from": None, "to": 1, "leerlabs": [], "planned": []},
        {"from": None, "to": 2, "leerlabs": [], "planned": []},
        {"from": None, "to": 3, "leerlabs": [], "planned": ["oost"]},
        {"from": None, "to": 4, "leerlabs": [], "planned": ["oost"]},
    ]
    bb = {cell["to"]: cell["planned"] for cell in cells if cell["from"] == "bb"}
    assert bb == {1: [], 2: [], 3: [], 4: []}
    dutch = stdout_of(runner, ["routes", "--format", "markdown"], env={"LEERLAB_LANG": "nl"})
    assert "| leerweg niet vermeld | 0 | 0 | 0: oost\\* | 0: oost\\* |" in dutch.splitlines()
    table = stdout_of(runner, ["routes", "--format", "table"], env={"COLUMNS": "120"})
    assert "leerweg not given" in table


def test_routes_matrix_has_no_such_row_when_every_leerweg_is_stated(runner: CliRunner) -> None:
    cells = json.loads(stdout_of(runner, ["routes", "--format", "json", "--sector", "zorg"]))
    assert len(cells) == 16
    assert all(cell["from"] is not None for cell in cells)
    assert "leerweg not given" not in stdout_of(runner, ["routes", "--sector", "zorg"])
