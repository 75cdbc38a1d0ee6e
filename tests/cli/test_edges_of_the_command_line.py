"""Odd settings and odd arguments: a width that is not a width, nothing at all, empty paths."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import SCRIPT, shell_environment
from leerlab_cli.cli import app


@pytest.mark.parametrize("columns", ["0", "-5", "wide", "99999999999999999999", "100000"])
def test_a_width_that_is_not_a_width_is_taken_as_unset(runner: CliRunner, columns: str) -> None:
    result = runner.invoke(app, ["--help"], env={"COLUMNS": columns})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert any("leerlab" in line for line in lines), result.stdout
    # Nothing padded beyond a usable width.
    assert max(len(line) for line in lines) <= 1000


@pytest.mark.parametrize("width", ["wide", "0", "-5"])
def test_a_terminal_width_for_typer_that_is_not_a_width_is_taken_as_unset(width: str) -> None:
    # typer reads $TERMINAL_WIDTH when it first shows rich help, in a fresh process.
    completed = subprocess.run(
        [str(SCRIPT), "--help"],
        env=shell_environment(TERMINAL_WIDTH=width, COLUMNS="80"),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (completed.returncode, completed.stderr) == (0, ""), completed.stderr
    assert "Usage: leerlab [OPTIONS] COMMAND [ARGS]..." in completed.stdout, completed.stdout


@pytest.mark.parametrize(
    ("language", "usage"),
    [
        ("nl", ["Gebruik:", "leerlab", "validate", "[OPTIES]", "[BESTAND]..."]),
        ("en", ["Usage:", "leerlab", "validate", "[OPTIONS]", "[FILE]..."]),
    ],
)
@pytest.mark.parametrize("columns", ["5", "20", "24", "28"])
def test_on_a_tiny_terminal_the_usage_line_splits_no_placeholder(
    runner: CliRunner, columns: str, language: str, usage: list[str]
) -> None:
    env = {"COLUMNS": columns, "LEERLAB_LANG": language}
    result = runner.invoke(app, ["validate", "--help"], env=env)
    assert result.exit_code == 0, result.output
    assert result.stdout.split()[:5] == usage, result.stdout


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


def test_validate_checks_the_other_files_when_one_cannot_be_read(
    runner: CliRunner, shipped: Path, tmp_path: Path
) -> None:
    result = runner.invoke(app, ["validate", "--format", "json", str(tmp_path), str(shipped)])
    assert result.exit_code == 1, result.output
    problems = json.loads(result.stdout)
    assert [problem["code"] for problem in problems] == ["unreadable", "route_to_entree"]
    assert problems[0]["file"] == str(tmp_path)
    assert problems[1]["file"] == str(shipped)


@pytest.mark.skipif(not Path("/proc/version").is_file(), reason="needs Linux's /proc")
def test_output_into_a_folder_that_takes_no_files_says_so(runner: CliRunner) -> None:
    # /proc/version exists, but no file can be made beside it: not "no such folder".
    result = runner.invoke(app, ["export", "-o", "/proc/version"])
    assert result.exit_code == 1, result.output
    assert result.stderr == (
        "error: /proc/version: cannot write: no file can be created in this folder\n"
    )


def test_an_existing_file_on_a_read_only_mount_says_so(runner: CliRunner, tmp_path: Path) -> None:
    # Needs a read-only file system: a small tmpfs, where the test may mount one (root).
    mount = tmp_path / "mnt"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if made.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        target = mount / "leerlabs.html"
        target.write_text("old", encoding="utf-8")
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        result = runner.invoke(app, ["export", "--format", "html", "-o", str(target)])
    finally:
        subprocess.run(["umount", str(mount)], check=False)
    assert result.exit_code == 1, result.output
    assert result.stderr == f"error: {target}: cannot write: the file system is read-only\n"
