"""Tidy route rows: `leerlab routes --format tsv|csv`, one row per transition."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import make_lab, stdout_of
from leerlab_cli.cli import app
from leerlab_cli.core.coverage import route_rows
from leerlab_cli.core.models import Leerweg, Route, RouteStatus, validate_leerlab
from leerlab_cli.formats.route_rows import ROUTE_ROW_COLUMNS, route_rows_csv, route_rows_tsv

SHIPPED = [
    ("apeldoorn", "bb", "2", "running", "2019-2020", ""),
    ("assen", "bb", "1", "scheduled", "2021-2022", ""),
    ("assen", "bb", "2", "scheduled", "2021-2022", ""),
    ("assen", "bb", "3", "scheduled", "2021-2022", ""),
    ("assen", "kb", "1", "scheduled", "2021-2022", ""),
    ("assen", "kb", "2", "scheduled", "2021-2022", ""),
    ("assen", "kb", "3", "scheduled", "2021-2022", ""),
    ("oost", "bb", "2", "running", "", ""),
    ("oost", "", "3", "planned", "", ""),
    ("oost", "", "4", "planned", "", ""),
    ("ottoland", "bb", "2", "running", "2019", "BBL"),
    ("noord-brabant", "bb", "2", "in-development", "", ""),
    ("noord-brabant", "gl", "4", "in-development", "", ""),
    ("noord-brabant", "tl", "4", "in-development", "", ""),
    ("midden-limburg", "bb", "2", "scheduled", "2021-09", ""),
    ("midden-limburg", "kb", "3", "scheduled", "2022-09", ""),
    ("midden-limburg", "kb", "4", "scheduled", "2022-09", ""),
    ("midden-limburg", "gl", "3", "scheduled", "2022-09", ""),
    ("midden-limburg", "gl", "4", "scheduled", "2022-09", ""),
    ("midden-limburg", "tl", "3", "scheduled", "2022-09", ""),
    ("midden-limburg", "tl", "4", "scheduled", "2022-09", ""),
]
"""The route rows of the shipped dataset: slug, from, to, status, start, mbo_leerweg."""
SHIPPED_ROWS = "".join("\t".join(row) + "\n" for row in SHIPPED)


def routes(runner: CliRunner, *args: str, env: dict[str, str] | None = None) -> str:
    return stdout_of(runner, ["routes", *args], env=env)


def test_tsv_is_the_default_in_a_pipe_one_row_per_transition(runner: CliRunner) -> None:
    assert routes(runner) == SHIPPED_ROWS
    assert routes(runner, "--format", "tsv") == SHIPPED_ROWS


def test_rows_are_the_same_in_every_language(runner: CliRunner) -> None:
    assert routes(runner, env={"LEERLAB_LANG": "nl"}) == SHIPPED_ROWS


def test_header_names_the_columns(runner: CliRunner) -> None:
    assert routes(runner, "--header") == "\t".join(ROUTE_ROW_COLUMNS) + "\n" + SHIPPED_ROWS
    assert ROUTE_ROW_COLUMNS == ("slug", "from", "to", "status", "start", "mbo_leerweg")


def test_csv_has_a_header_and_the_same_rows(runner: CliRunner) -> None:
    rows = list(csv.reader(io.StringIO(routes(runner, "--format", "csv"), newline="")))
    assert rows[0] == list(ROUTE_ROW_COLUMNS)
    assert rows[1:] == [list(row) for row in SHIPPED]


def test_filters_select_leerlabs_and_keep_all_their_routes(runner: CliRunner) -> None:
    assert routes(runner, "--sector", "groen") == "ottoland\tbb\t2\trunning\t2019\tBBL\n"
    overijssel = ["\t".join(row) + "\n" for row in SHIPPED if row[0] in ("apeldoorn", "oost")]
    assert routes(runner, "--province", "overijssel", "--to", "2") == "".join(overijssel)


def test_no_match_is_no_rows(runner: CliRunner) -> None:
    result = runner.invoke(app, ["routes", "--sector", "techniek", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout == ",".join(ROUTE_ROW_COLUMNS) + "\n"
    assert routes_quietly(runner, "--sector", "techniek") == ""


def routes_quietly(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, ["routes", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_hostile_start_stays_on_one_line() -> None:
    # The dataset only admits a year, school year or month as a start; the formats
    # still keep a row on one line whatever a start holds: one made without validation.
    hostile = Route.model_construct(
        leerwegen=[Leerweg.kb],
        niveaus=[3],
        status=RouteStatus.running,
        start="sept\n2022\tof later",
        mbo_leerweg=None,
    )
    lab = validate_leerlab(make_lab()).model_copy(update={"routes": [hostile]})
    assert route_rows_tsv(route_rows([lab])) == "testlab\tkb\t3\trunning\tsept 2022 of later\t\n"
    (_, row) = list(csv.reader(io.StringIO(route_rows_csv(route_rows([lab])), newline="")))
    assert row[4] == "sept\n2022\tof later"


def test_a_route_without_a_stated_leerweg_has_an_empty_from() -> None:
    # The source does not say from which leerweg Oost's later routes would start.
    unstated = Route.model_construct(
        leerwegen=[], niveaus=[3, 4], status=RouteStatus.planned, start=None, mbo_leerweg=None
    )
    lab = validate_leerlab(make_lab(slug="oost")).model_copy(update={"routes": [unstated]})
    assert route_rows_tsv(route_rows([lab])) == "oost\t\t3\tplanned\t\t\noost\t\t4\tplanned\t\t\n"
    assert route_rows_csv(route_rows([lab])).splitlines()[1:] == [
        "oost,,3,planned,,",
        "oost,,4,planned,,",
    ]


@pytest.mark.parametrize("output_format", ["table", "markdown", "json"])
def test_the_matrix_stays(runner: CliRunner, output_format: str, shipped: Path) -> None:
    output = routes(runner, "--format", output_format)
    assert "oost" in output
    assert output != SHIPPED_ROWS
