"""Which format `export` writes: `--format`, else `--excel` (CSV), else the `--output` suffix."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from helpers import exported, run_export, shell_environment
from leerlab_cli.cli import app


@pytest.mark.parametrize(
    ("name", "output_format"),
    [
        ("labs.xlsx", "xlsx"),
        ("Labs.XLSX", "xlsx"),
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
    if output_format == "xlsx":
        # A workbook holds the moment of its export: compared sheet by sheet instead.
        by_format = run_export(runner, shipped, "--format", "xlsx")
        assert by_format.exit_code == 0, by_format.output
        assert sheets(target.read_bytes()) == sheets(by_format.stdout_bytes)
        return
    assert target.read_text(encoding="utf-8") == exported(
        runner, shipped, "--format", output_format
    )


def sheets(workbook: bytes) -> dict[str, list[tuple[object, ...]]]:
    """Every sheet of a workbook, by name, as rows of values (openpyxl)."""
    book = openpyxl.load_workbook(io.BytesIO(workbook))
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book}


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


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--format", "csv", "-o", "{dir}/labs.json"],
            "the suffix '.json' means json, but --format asks for csv: "
            "write -o {dir}/labs.csv, or leave out --format",
        ),
        (
            ["--excel", "-o", "{dir}/leerlabs.xlsx"],
            "the suffix '.xlsx' means xlsx, but --excel asks for csv: "
            "write -o {dir}/leerlabs.csv, or leave out --excel",
        ),
        (
            ["--format", "xlsx", "-o", "{dir}/leerlabs.csv"],
            "the suffix '.csv' means csv, but --format asks for xlsx: "
            "write -o {dir}/leerlabs.xlsx, or leave out --format",
        ),
        (
            ["--format", "html", "-o", "{dir}/x.docx"],
            "--format asks for html, which the suffix '.docx' does not fit: "
            "write -o {dir}/x.html; Word opens the .html page (-o NAME.html), "
            "Excel the workbook (--format xlsx)",
        ),
        (
            ["--format", "markdown", "-o", "{dir}/x.pdf"],
            "--format asks for markdown, which the suffix '.pdf' does not fit: "
            "write -o {dir}/x.md; for a PDF, open the .html page (-o NAME.html) in a browser "
            "and print it",
        ),
        (
            ["--excel", "-o", "{dir}/x.XLS"],
            "--excel asks for csv, which the suffix '.XLS' does not fit: write -o {dir}/x.csv; "
            "Excel and LibreOffice open the workbook (--format xlsx, -o NAME.xlsx)",
        ),
        (
            ["-o", "{dir}/nieuwsbrief.docx"],
            "unknown file suffix '.docx': use one of .md, .markdown, .html, .htm, .csv, .json, "
            ".toml, .xlsx, or give --format; Word opens the .html page (-o NAME.html), "
            "Excel the workbook (--format xlsx)",
        ),
        (
            ["-o", "{dir}/nieuwsbrief.pdf"],
            "unknown file suffix '.pdf': use one of .md, .markdown, .html, .htm, .csv, .json, "
            ".toml, .xlsx, or give --format; for a PDF, open the .html page (-o NAME.html) "
            "in a browser and print it",
        ),
        (
            ["-o", "{dir}/kaart.png"],
            "unknown file suffix '.png': use one of .md, .markdown, .html, .htm, .csv, .json, "
            ".toml, .xlsx, or give --format; export makes no pictures: leerlab provinces "
            "-o NAME.svg draws the map",
        ),
        (
            ["-o", "{dir}/nieuwsbrief.txt"],
            "unknown file suffix '.txt': use one of .md, .markdown, .html, .htm, .csv, .json, "
            ".toml, .xlsx, or give --format",
        ),
    ],
)
def test_a_suffix_that_does_not_fit_says_what_to_write(
    runner: CliRunner, shipped: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    result = run_export(runner, shipped, *(arg.format(dir=tmp_path) for arg in args))
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr == (
        f"error: Invalid value for '--output': {message.format(dir=tmp_path)}\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_suffix_that_does_not_fit_in_dutch(
    runner: CliRunner, shipped: Path, tmp_path: Path
) -> None:
    target = tmp_path / "x.docx"
    args = ["--data", str(shipped), "export", "--format", "html", "-o", str(target)]
    result = runner.invoke(app, args, env={"LEERLAB_LANG": "nl"})
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"fout: Ongeldige waarde voor '--output': --format vraagt om html, en daar past de "
        f"extensie '.docx' niet bij: schrijf -o {tmp_path}/x.html; Word opent de .html-pagina "
        "(-o NAAM.html), Excel de werkmap (--format xlsx)\n"
    )


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


def test_xlsxwriter_is_imported_only_for_a_workbook(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from leerlab_cli.cli import main\n"
        "sys.argv = ['leerlab', 'export', '--format', sys.argv[1], '-o', sys.argv[2]]\n"
        "try:\n"
        "    main()\n"
        "finally:\n"
        "    print('xlsxwriter' in sys.modules, file=sys.stderr)\n"
    )
    for output_format, loaded in [("markdown", "False"), ("csv", "False"), ("xlsx", "True")]:
        completed = subprocess.run(
            [sys.executable, "-c", script, output_format, str(tmp_path / "out")],
            capture_output=True,
            text=True,
            env=shell_environment(),
            check=False,
        )
        assert completed.returncode == 0, completed.stderr
        assert completed.stderr.splitlines()[-1] == loaded, (output_format, completed.stderr)
