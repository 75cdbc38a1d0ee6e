"""The commands list and validate, and the global options, through CliRunner."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import make_lab
from leerlab_cli import __version__
from leerlab_cli.cli import COMMANDS, app
from leerlab_cli.files.dataset import shipped_path

ALL = ["apeldoorn", "assen", "oost", "ottoland", "noord-brabant", "midden-limburg"]


def first_fields(output: str) -> list[str]:
    return [line.split("\t")[0] for line in output.splitlines()]


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"leerlab {__version__}\n"


def test_no_command_shows_help(runner: CliRunner) -> None:
    result = runner.invoke(app, [])
    assert result.exit_code == 0, result.output  # asking for nothing is asking for help
    assert "list" in result.stdout
    assert "show" in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_command_has_help(runner: CliRunner, command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert f"Usage: leerlab {command} [OPTIONS]" in " ".join(result.stdout.split())
    assert result.stderr == ""


def test_list_in_a_pipe_is_tab_separated_without_header(runner: CliRunner) -> None:
    result = runner.invoke(app, ["list"])
    assert result.exit_code == 0, result.output
    assert first_fields(result.stdout) == ALL
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "apeldoorn\tLeerlab Apeldoorn\tZorg en Welzijn\tbb → 2\t"
        "pilot gestart in 2019, leerlingen gestart in schooljaar 2019-2020"
    )
    assert all(line.count("\t") == 4 for line in lines)
    assert "\x1b" not in result.stdout


def test_list_sector_zorg(runner: CliRunner) -> None:
    result = runner.invoke(app, ["list", "--sector", "zorg"])
    assert result.exit_code == 0, result.output
    assert first_fields(result.stdout) == ["apeldoorn", "midden-limburg"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--from", "kader", "--to", "3"], ["assen", "midden-limburg"]),
        (["--from", "KB"], ["assen", "midden-limburg"]),
        (["--from", "gt", "--to", "4"], ["noord-brabant", "midden-limburg"]),
        (["--from", "basis", "--to", "4"], []),
        # Oost's "mogelijk later" routes to 3/4 state no leerweg: `--from` never matches them.
        (["--from", "basis", "--to", "4", "--include-planned"], []),
        (["--to", "1"], ["assen"]),
        (["--to", "1", "--to", "4"], ["assen", "noord-brabant", "midden-limburg"]),
        (["--province", "brabant"], ["noord-brabant"]),
        (["--province", "limburg", "--province", "utrecht"], ["ottoland", "midden-limburg"]),
        (["-q", "geintegreerde"], ["ottoland"]),
        (["--search", "tilburg"], ["noord-brabant"]),
        (["--sector", "zorg", "--sector", "horeca"], ["apeldoorn", "assen", "midden-limburg"]),
        (["--sector", "zorg", "--to", "3"], ["midden-limburg"]),
        (["--sector", "zorg", "--province", "limburg", "-q", "gilde"], ["midden-limburg"]),
    ],
)
def test_list_filters(runner: CliRunner, args: list[str], expected: list[str]) -> None:
    result = runner.invoke(app, ["list", *args])
    assert result.exit_code == 0, result.output
    assert first_fields(result.stdout) == expected


def test_no_match_is_success_with_empty_output(runner: CliRunner) -> None:
    result = runner.invoke(app, ["list", "--sector", "techniek"])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    result = runner.invoke(app, ["list", "--sector", "techniek", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["list", "--from", "mavo"], ["bb", "kb", "gl", "tl", "basis", "kader", "gt"]),
        (["list", "--to", "5"], ["1", "2", "3", "4"]),
        (["list", "--to", "twee"], ["1", "2", "3", "4"]),
        (["list", "--format", "xml"], ["table", "tsv", "json"]),
        (["show", "oost", "--format", "pdf"], ["panel", "text", "json", "markdown"]),
    ],
)
def test_invalid_option_values_are_usage_errors_naming_the_choices(
    runner: CliRunner, args: list[str], named: list[str]
) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert all(f"'{choice}'" in result.stderr for choice in named), result.stderr


@pytest.mark.parametrize("option", ["--sector", "--province", "--search"])
def test_empty_filter_text_is_a_usage_error(runner: CliRunner, option: str) -> None:
    result = runner.invoke(app, ["list", option, " "])
    assert result.exit_code == 2, result.output
    assert "must not be empty" in result.stderr


def test_unknown_option_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["list", "--colour"])
    assert result.exit_code == 2, result.output


def test_list_json_has_complete_objects(runner: CliRunner) -> None:
    result = runner.invoke(app, ["list", "--format", "json", "--sector", "groen"])
    assert result.exit_code == 0, result.output
    (lab,) = json.loads(result.stdout)
    assert lab["slug"] == "ottoland"
    assert lab["name"] == "Leerlab Ottoland"
    assert lab["works_on"] == "geïntegreerde leerroute"
    assert lab["routes"] == [
        {
            "leerwegen": ["bb"],
            "niveaus": [2],
            "status": "running",
            "start": "2019",
            "mbo_leerweg": "BBL",
            "schools": [],
        }
    ]
    assert "geïntegreerde" in result.stdout  # UTF-8, not \u escapes


def test_list_table_forced(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["list", "--format", "table", "--sector", "groen"], env={"COLUMNS": "120"}
    )
    assert result.exit_code == 0, result.output
    assert "ottoland" in result.stdout
    assert "Leerlab Ottoland" in result.stdout
    assert "\x1b" not in result.stdout  # not a terminal: no colour codes


def test_list_table_narrow_terminal_stacks_the_labs(runner: CliRunner) -> None:
    result = runner.invoke(app, ["list", "--format", "table"], env={"COLUMNS": "40"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 40
    assert [line for line in lines if line in ALL] == ALL


def test_data_that_looks_like_markup_is_printed_literally(
    runner: CliRunner, write_dataset: Callable[..., Path]
) -> None:
    hostile = "[bold]vet[/] [link=http://x.example]klik[/link] :smile: [red]"
    path = write_dataset(make_lab(name=hostile, phase=hostile))
    for fmt in ("table", "tsv"):
        result = runner.invoke(
            app, ["--data", str(path), "list", "--format", fmt], env={"COLUMNS": "200"}
        )
        assert result.exit_code == 0, result.output
        # A table may wrap the text at its spaces; every piece must still be literal.
        assert all(piece in result.stdout for piece in hostile.split()), fmt
    for fmt in ("panel", "text"):
        result = runner.invoke(
            app, ["--data", str(path), "show", "testlab", "--format", fmt], env={"COLUMNS": "200"}
        )
        assert result.exit_code == 0, result.output
        assert hostile in result.stdout, fmt
        assert "😄" not in result.stdout


def test_tabs_and_newlines_in_values_keep_one_line_per_lab(
    runner: CliRunner, write_dataset: Callable[..., Path]
) -> None:
    path = write_dataset(make_lab(name="a\tb\nc"), make_lab(slug="twee", phase="x\n\ny"))
    result = runner.invoke(app, ["--data", str(path), "list"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert [line.count("\t") for line in lines] == [4, 4]
    assert lines[0].split("\t")[1] == "a b c"


def test_validate_shipped(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "6 leerlabs, 0 errors, 1 warning\n"
    assert result.stderr == (
        f"{shipped_path()}:83:3: warning: leerlab 'assen': routes[0]: "
        "a doorlopende leerroute cannot lead to mbo niveau 1 (Entree)\n"
    )


def test_validate_broken_file(runner: CliRunner, write_dataset: Callable[..., Path]) -> None:
    path = write_dataset(make_lab(), make_lab(slug="b", routes=[{"leerwegen": ["mavo"]}]))
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert result.stdout == "2 leerlabs, 2 errors, 0 warnings\n"
    assert result.stderr == (
        f"{path}:82:1: error: leerlab 'b': routes[0].niveaus: required field niveaus is missing\n"
        f"{path}:84:5: error: leerlab 'b': routes[0].leerwegen[0]: \"mavo\" is not one of "
        '"bb", "kb", "gl", "tl"\n'
    )


def test_validate_uses_the_dataset_in_use(
    runner: CliRunner, write_dataset: Callable[..., Path]
) -> None:
    path = write_dataset(make_lab(), make_lab(slug="twee"))
    result = runner.invoke(app, ["--data", str(path), "validate"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "2 leerlabs, 0 errors, 0 warnings\n"


def test_data_option_and_environment(
    runner: CliRunner, write_dataset: Callable[..., Path], tmp_path: Path
) -> None:
    path = write_dataset()
    result = runner.invoke(app, ["--data", str(path), "list"])
    assert result.exit_code == 0, result.output
    assert first_fields(result.stdout) == ["testlab"]
    result = runner.invoke(app, ["list"], env={"LEERLAB_DATA": str(path)})
    assert result.exit_code == 0, result.output
    assert first_fields(result.stdout) == ["testlab"]
    other = write_dataset(make_lab(slug="ander"), name="other.toml")
    result = runner.invoke(app, ["--data", str(other), "list"], env={"LEERLAB_DATA": str(path)})
    assert result.exit_code == 0, result.output
    assert first_fields(result.stdout) == ["ander"]


def test_missing_dataset_is_exit_1_with_one_line(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "missing.toml"
    for args in (["list"], ["show", "oost"]):
        result = runner.invoke(app, ["--data", str(missing), *args])
        assert result.exit_code == 1
        assert result.stdout == ""
        assert result.stderr == f"error: {missing}: no such file\n"


@pytest.mark.usefixtures("no_debug")
def test_internal_errors_are_one_line_unless_debugging(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> object:
        raise KeyError("boom")

    monkeypatch.setattr("leerlab_cli.cli.list_cmd.select", broken)
    result = runner.invoke(app, ["list"])
    assert result.exit_code == 1
    assert result.stderr == (
        "error: internal error (KeyError): this is a bug in leerlab; "
        "run again with LEERLAB_DEBUG=1 to see the traceback\n"
    )
    with pytest.raises(KeyError, match="boom"):
        runner.invoke(app, ["list"], env={"LEERLAB_DEBUG": "1"})


def test_list_table_puts_each_route_on_its_own_line(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["list", "--format", "table", "--sector", "zorg"], env={"COLUMNS": "120"}
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    header = next(line for line in lines if "slug" in line)
    assert header.split() == ["slug", "name", "sector", "routes", "phase"]
    row = next(index for index, line in enumerate(lines) if "midden-limburg" in line)
    assert "bb → 2 " in lines[row]
    assert "kb/gl/tl → 3/4" in lines[row + 1]
    assert "·" not in result.stdout


def test_list_on_a_terminal_narrower_than_120_columns_stacks_the_labs(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["list", "--format", "table", "--sector", "zorg"], env={"COLUMNS": "80"}
    )
    assert result.exit_code == 0, result.output
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert lines[:5] == [
        "apeldoorn",
        "name   Leerlab Apeldoorn",
        "sector Zorg en Welzijn",
        "routes bb → 2",
        "phase  pilot gestart in 2019, leerlingen gestart in schooljaar 2019-2020",
    ]
