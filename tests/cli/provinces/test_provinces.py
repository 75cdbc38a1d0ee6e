"""`leerlab provinces`: the leerlabs per province as a table, Markdown and JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from helpers import make_lab, stdout_of

EMPTY = ["Flevoland", "Friesland", "Groningen", "Noord-Holland", "Zeeland"]


def provinces(runner: CliRunner, *args: str, env: dict[str, str] | None = None) -> str:
    return stdout_of(runner, ["provinces", *args], env=env)


def test_json_of_the_shipped_dataset_counts_a_lab_in_each_of_its_provinces(
    runner: CliRunner,
) -> None:
    data = json.loads(provinces(runner, "--format", "json"))
    assert {item["province"]: item["leerlabs"] for item in data} == {
        "Drenthe": ["assen"],
        "Flevoland": [],
        "Friesland": [],
        "Gelderland": ["apeldoorn", "oost"],
        "Groningen": [],
        "Limburg": ["midden-limburg"],
        "Noord-Brabant": ["noord-brabant"],
        "Noord-Holland": [],
        "Overijssel": ["apeldoorn", "oost"],
        "Utrecht": ["ottoland"],
        "Zeeland": [],
        "Zuid-Holland": ["ottoland"],
    }
    limburg = next(item for item in data if item["province"] == "Limburg")
    assert limburg["sectors"] == ["Zorg en Welzijn"]
    assert [(route["from"], route["to"]) for route in limburg["routes"]] == [
        ("bb", 2),
        ("kb", 3),
        ("kb", 4),
        ("gl", 3),
        ("gl", 4),
        ("tl", 3),
        ("tl", 4),
    ]
    gelderland = next(item for item in data if item["province"] == "Gelderland")
    assert gelderland["routes"] == [
        {"from": "bb", "to": 2, "leerlabs": ["apeldoorn", "oost"], "planned": []},
        {"from": None, "to": 3, "leerlabs": [], "planned": ["oost"]},
        {"from": None, "to": 4, "leerlabs": [], "planned": ["oost"]},
    ]


def test_json_is_the_same_in_dutch(runner: CliRunner) -> None:
    english = provinces(runner, "--format", "json")
    assert provinces(runner, "--format", "json", env={"LEERLAB_LANG": "nl"}) == english


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--province", "limburg"], {"Limburg": ["midden-limburg"]}),
        (
            ["--province", "holland"],
            {"Noord-Holland": [], "Zuid-Holland": ["ottoland"]},
        ),
        (
            ["--province", "drenthe", "--province", "utrecht"],
            {"Drenthe": ["assen"], "Utrecht": ["ottoland"]},
        ),
    ],
)
def test_province_chooses_the_provinces_shown(
    runner: CliRunner, args: list[str], expected: dict[str, list[str]]
) -> None:
    data = json.loads(provinces(runner, *args, "--format", "json"))
    assert {item["province"]: item["leerlabs"] for item in data} == expected


def test_other_filters_select_leerlabs_and_every_province_stays(runner: CliRunner) -> None:
    data = json.loads(provinces(runner, "--sector", "zorg", "--format", "json"))
    assert len(data) == 12
    assert {item["province"]: item["leerlabs"] for item in data if item["leerlabs"]} == {
        "Gelderland": ["apeldoorn"],
        "Limburg": ["midden-limburg"],
        "Overijssel": ["apeldoorn"],
    }


def test_markdown_parses_as_a_table_with_a_row_per_province(runner: CliRunner) -> None:
    output = provinces(runner, "--format", "markdown")
    tokens = MarkdownIt("commonmark").enable("table").parse(output)
    rows: list[list[str]] = []
    for index, token in enumerate(tokens):
        if token.type == "tr_open":
            rows.append([])
        elif token.type in ("th_open", "td_open"):
            inline = tokens[index + 1]
            rows[-1].append("".join(c.content for c in inline.children or [] if c.type == "text"))
    assert rows[0] == ["Province", "Leerlabs", "Sectors", "Routes"]
    assert len(rows) == 13
    assert rows[4] == [
        "Gelderland",
        "2: apeldoorn, oost",
        "Zorg en Welzijn",
        "bb → 2 · leerweg not given → 3*/4*",
    ]
    assert rows[2] == ["Flevoland", "0", "", ""]
    assert output.endswith(
        "\n\nRoutes: vmbo leerweg → the mbo niveaus the leerlabs of the province lead to; "
        "niveau\\*: a route only possible later.\n"
    )


def test_markdown_escapes_the_dataset_text(
    runner: CliRunner, write_dataset: Callable[..., Path]
) -> None:
    path = write_dataset(make_lab(provinces=["*Zee|land*"], sectors=["<b>x</b>"]))
    output = provinces(runner, "--format", "markdown", env={"LEERLAB_DATA": str(path)})
    assert "| \\*Zee\\|land\\* | 1: testlab | \\<b\\>x\\</b\\> | bb → 2 |" in output


def test_table_on_a_wide_terminal(runner: CliRunner) -> None:
    output = provinces(runner, "--province", "brabant", env={"COLUMNS": "100"})
    assert [line.rstrip() for line in output.splitlines()] == [
        "Province        Leerlabs        Sectors            Routes",
        "─" * 57,
        "Noord-Brabant   1               Sport en Bewegen   bb → 2",
        "                noord-brabant                      gl → 4",
        "                                                   tl → 4",
        "",
        "Routes: vmbo leerweg → the mbo niveaus the leerlabs of the province lead to; "
        "niveau*: a route only",
        "possible later.",
    ]


def test_a_narrow_terminal_gets_a_block_per_province(runner: CliRunner) -> None:
    output = provinces(runner, "--province", "limburg", env={"COLUMNS": "40"})
    assert [line.rstrip() for line in output.splitlines()][:5] == [
        "Limburg",
        "  Leerlabs: 1: midden-limburg",
        "  Sectors: Zorg en Welzijn",
        "  Routes: bb → 2 · kb → 3/4 · gl → 3/4 ·",
        "  tl → 3/4",
    ]


def test_dutch_headers(runner: CliRunner) -> None:
    output = provinces(runner, "--format", "markdown", env={"LEERLAB_LANG": "nl"})
    assert output.startswith("| Provincie | Leerlabs | Sectoren | Routes |\n")
    assert "leerweg niet vermeld → 3\\*/4\\*" in output
