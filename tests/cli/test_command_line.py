"""One command line: --data anywhere, show --exact, and usage errors as one line in a pipe."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from helpers import WriteDataset, app_commands, make_lab
from leerlab_cli.cli import COMMANDS, app

# schema and new read no dataset; diff compares the two files it is given.
READS_A_DATASET = [name for name in COMMANDS if name not in ("schema", "diff", "new")]


@pytest.mark.parametrize("command", READS_A_DATASET)
@pytest.mark.parametrize("place", ["before", "after"])
def test_data_works_before_and_after_the_command(
    runner: CliRunner, write_dataset: WriteDataset, command: str, place: str
) -> None:
    path = write_dataset(make_lab(slug="eigenlab", name="Leerlab Eigen"))
    args = app_commands()[command].args("eigenlab")
    data = ["--data", str(path)]
    result = runner.invoke(app, [*data, *args] if place == "before" else [*args, *data])
    assert result.exit_code == 0, result.output
    if command != "validate":
        assert "eigen" in result.stdout.lower() or str(path) in result.stdout, result.stdout


def test_data_after_the_command_wins_over_the_environment(
    runner: CliRunner, write_dataset: WriteDataset
) -> None:
    named = write_dataset(make_lab(slug="genoemd"), name="named.toml")
    other = write_dataset(make_lab(slug="anders"), name="other.toml")
    result = runner.invoke(app, ["list", "--data", str(named)], env={"LEERLAB_DATA": str(other)})
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("genoemd\t")


@pytest.mark.parametrize("query", ["aventus", "apel", "Leerlab Apeldoorn", "limburg"])
def test_show_exact_refuses_anything_but_the_slug(runner: CliRunner, query: str) -> None:
    forgiving = runner.invoke(app, ["show", query, "--format", "json"])
    assert forgiving.exit_code == 0, forgiving.output
    exact = runner.invoke(app, ["show", query, "--exact"])
    assert exact.exit_code == 1
    assert exact.stdout == ""
    assert exact.stderr.startswith(f"error: no leerlab matches {query!r}")


def test_show_exact_accepts_the_slug(runner: CliRunner) -> None:
    exact = runner.invoke(app, ["show", "apeldoorn", "--exact", "--format", "json"])
    assert exact.exit_code == 0, exact.output
    assert exact.stdout == runner.invoke(app, ["show", "apeldoorn", "--format", "json"]).stdout


def test_show_says_nothing_of_its_choice_in_a_pipe(runner: CliRunner) -> None:
    result = runner.invoke(app, ["show", "aventus", "--format", "text"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""


USAGE_ERRORS = [
    (
        ["list", "--json"],
        "error: No such option '--json'.\n",
        "fout: Onbekende optie '--json'.\n",
    ),
    (
        ["list", "--sectr", "zorg"],
        "error: No such option '--sectr'. Did you mean '--sector'?\n",
        "fout: Onbekende optie '--sectr'. Bedoel je '--sector'?\n",
    ),
    (
        ["show"],
        "error: Missing argument 'QUERY'.\n",
        "fout: Ontbrekend argument 'ZOEKTERM'.\n",
    ),
    (
        ["list", "--to", "5"],
        "error: Invalid value for '--to': '5' is not one of '1', '2', '3', '4'.\n",
        "fout: Ongeldige waarde voor '--to': '5' is niet een van '1', '2', '3', '4'.\n",
    ),
    (
        ["lijst"],
        "error: No such command 'lijst'. Did you mean 'list'?\n",
        "fout: Onbekende opdracht 'lijst'. Bedoel je 'list'?\n",
    ),
]


@pytest.mark.parametrize(("args", "english", "dutch"), USAGE_ERRORS)
@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_usage_error_in_a_pipe_is_one_line(
    runner: CliRunner, args: list[str], english: str, dutch: str, language: str
) -> None:
    result = runner.invoke(app, args, env={"LEERLAB_LANG": language})
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (english if language == "en" else dutch)
    assert "Value error" not in result.stderr
    assert "╭" not in result.stderr


@pytest.mark.parametrize("typed", ["--json", "--csv", "--output", "--all"])
def test_a_far_option_is_not_suggested(runner: CliRunner, typed: str) -> None:
    result = runner.invoke(app, ["list", typed])
    assert result.exit_code == 2
    assert "Did you mean" not in result.stderr, result.stderr


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [("--sectr", "--sector"), ("--provnce", "--province"), ("--formt", "--format")],
)
def test_a_typo_is_suggested(runner: CliRunner, typed: str, suggested: str) -> None:
    result = runner.invoke(app, ["list", typed, "x"])
    assert result.exit_code == 2
    assert result.stderr.endswith(f"Did you mean '{suggested}'?\n"), result.stderr
