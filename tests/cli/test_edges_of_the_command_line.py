"""Odd settings and odd arguments: a width that is not a width, nothing at all, empty paths."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from leerlab_cli.cli import app


@pytest.mark.parametrize("columns", ["0", "-5", "wide", "99999999999999999999", "100000"])
def test_a_width_that_is_not_a_width_is_taken_as_unset(runner: CliRunner, columns: str) -> None:
    result = runner.invoke(app, ["--help"], env={"COLUMNS": columns})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert any("leerlab" in line for line in lines), result.stdout
    # Nothing padded beyond a usable width.
    assert max(len(line) for line in lines) <= 1000


def test_leerlab_alone_shows_the_help_and_succeeds(runner: CliRunner) -> None:
    result = runner.invoke(app, [])
    assert result.exit_code == 0, result.output
    assert "list" in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("args", "placeholder"),
    [
        (["validate", ""], "FILE..."),
        (["validate", "x.toml", ""], "FILE..."),
        (["diff", "", "x"], "OLD"),
    ],
)
def test_an_empty_path_argument_is_a_usage_error(
    runner: CliRunner, args: list[str], placeholder: str
) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr == (
        f"error: Invalid value for '{placeholder}': an empty path names no file\n"
    )
