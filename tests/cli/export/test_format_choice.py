"""Which format `export` writes: `--format`, else `--excel` (CSV), else the `--output` suffix."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import exported, run_export, shell_environment


@pytest.mark.parametrize(
    ("name", "output_format"),
    [
        ("labs.md", "markdown"),
        ("labs.markdown", "markdown"),
        ("labs.MD", "markdown"),
        ("labs.csv", "csv"),
        ("labs.json", "json"),
        ("labs.toml", "toml"),
        ("labs.html", "html"),
        ("Labs.HTM", "html"),
        ("labs", "markdown"),
    ],
)
def test_format_follows_the_suffix(
    runner: CliRunner, shipped: Path, tmp_path: Path, name: str, output_format: str
) -> None:
    target = tmp_path / name
    result = run_export(runner, shipped, "--output", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8") == exported(
        runner, shipped, "--format", output_format
    )


def test_format_that_agrees_with_the_suffix(
    runner: CliRunner, shipped: Path, tmp_path: Path
) -> None:
    target = tmp_path / "labs.htm"
    result = run_export(runner, shipped, "--format", "html", "--output", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_format_for_a_file_with_another_suffix(
    runner: CliRunner, shipped: Path, tmp_path: Path
) -> None:
    target = tmp_path / "nieuwsbrief.txt"
    result = run_export(runner, shipped, "--format", "markdown", "--output", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8") == exported(runner, shipped)


def test_format_that_contradicts_the_suffix(
    runner: CliRunner, shipped: Path, tmp_path: Path
) -> None:
    target = tmp_path / "labs.json"
    result = run_export(runner, shipped, "--format", "csv", "--output", str(target))
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert "the suffix '.json' means json, but --format asks for csv" in result.stderr, (
        result.stderr
    )
    assert not target.exists()


def test_unknown_suffix_lists_the_known_ones(
    runner: CliRunner, shipped: Path, tmp_path: Path
) -> None:
    target = tmp_path / "nieuwsbrief.docx"
    result = run_export(runner, shipped, "--output", str(target))
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines()[-1].endswith(
        "unknown file suffix '.docx': use one of .md, .markdown, .html, .htm, .csv, .json, "
        ".toml, or give --format"
    ), result.stderr
    assert not target.exists()


def test_without_output_the_default_is_markdown(runner: CliRunner, shipped: Path) -> None:
    assert exported(runner, shipped).startswith("# Samen op weg")


def test_excel_implies_csv(runner: CliRunner, shipped: Path, tmp_path: Path) -> None:
    target = tmp_path / "lijst.csv"
    result = run_export(runner, shipped, "--excel", "-o", str(target))
    assert result.exit_code == 0, result.output
    on_stdout = run_export(runner, shipped, "--format", "csv", "--excel")
    assert target.read_bytes() == on_stdout.stdout_bytes
    assert run_export(runner, shipped, "--excel").stdout_bytes == on_stdout.stdout_bytes


@pytest.mark.parametrize("name", ["lijst.md", "lijst.json", "lijst.html"])
def test_excel_with_another_suffix_is_a_usage_error(
    runner: CliRunner, shipped: Path, tmp_path: Path, name: str
) -> None:
    result = run_export(runner, shipped, "--excel", "-o", str(tmp_path / name))
    assert result.exit_code == 2, result.output
    assert "--excel asks for csv" in result.stderr


@pytest.mark.parametrize("chosen", [["--format", "csv"], ["--format", "json"], ["-o", "x.toml"]])
def test_overview_in_a_format_for_programs_is_a_usage_error(
    runner: CliRunner, shipped: Path, tmp_path: Path, chosen: list[str]
) -> None:
    result = run_export(runner, shipped, "--overview", *chosen)
    assert result.exit_code == 2, result.output
    assert "'--overview'" in result.stderr
    assert "only applies to markdown and html" in result.stderr


def test_jinja2_is_imported_only_for_html(tmp_path: Path) -> None:
    # Start-up time matters: the template engine must not load for other formats.
    script = (
        "import sys\n"
        "from leerlab_cli.cli import main\n"
        "sys.argv = ['leerlab', 'export', '--format', sys.argv[1], '-o', sys.argv[2]]\n"
        "try:\n"
        "    main()\n"
        "finally:\n"
        "    print('jinja2' in sys.modules, file=sys.stderr)\n"
    )
    for output_format, loaded in [("markdown", "False"), ("csv", "False"), ("html", "True")]:
        completed = subprocess.run(
            [sys.executable, "-c", script, output_format, str(tmp_path / "out")],
            capture_output=True,
            text=True,
            env=shell_environment(),
            check=False,
        )
        assert completed.returncode == 0, completed.stderr
        assert completed.stderr.splitlines()[-1] == loaded, (output_format, completed.stderr)
