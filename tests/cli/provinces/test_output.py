"""`provinces --output`: the format from the suffix, written whole, suffix and format agreeing."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

import pytest
from typer.testing import CliRunner

from helpers import stdout_of
from leerlab_cli.cli import app


def test_a_svg_suffix_writes_the_map(runner: CliRunner, shipped: Path, tmp_path: Path) -> None:
    target = tmp_path / "kaart.svg"
    assert stdout_of(runner, ["--data", str(shipped), "provinces", "-o", str(target)]) == ""
    root = ElementTree.fromstring(target.read_bytes())
    assert root.tag == "{http://www.w3.org/2000/svg}svg"


def test_a_json_suffix_writes_json(runner: CliRunner, shipped: Path, tmp_path: Path) -> None:
    target = tmp_path / "provincies.json"
    stdout_of(runner, ["--data", str(shipped), "provinces", "--sector", "zorg", "-o", str(target)])
    data = json.loads(target.read_text(encoding="utf-8"))
    assert [row["province"] for row in data if row["leerlabs"]] == [
        "Gelderland",
        "Limburg",
        "Overijssel",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["-o", "kaart.txt"],
            "Invalid value for '--output': unknown file suffix '.txt': use one of .svg, .md, "
            ".markdown, .json, or give --format",
        ),
        (
            ["-o", "kaart.docx"],
            "Invalid value for '--output': unknown file suffix '.docx': use one of .svg, .md, "
            ".markdown, .json, or give --format; Word inserts the map as a picture (-o NAME.svg)",
        ),
        (
            ["-o", "kaart.PNG"],
            "Invalid value for '--output': unknown file suffix '.PNG': use one of .svg, .md, "
            ".markdown, .json, or give --format; the map is an SVG picture (-o NAME.svg), which "
            "browsers and Word open",
        ),
        (
            ["-o", "kaart.pdf"],
            "Invalid value for '--output': unknown file suffix '.pdf': use one of .svg, .md, "
            ".markdown, .json, or give --format; for a PDF, open the map (-o NAME.svg) in a "
            "browser and print it",
        ),
        (
            ["-o", "provincies.xlsx"],
            "Invalid value for '--output': unknown file suffix '.xlsx': use one of .svg, .md, "
            ".markdown, .json, or give --format; for a spreadsheet, leerlab export -o "
            "NAME.xlsx writes a workbook",
        ),
        (
            # A format given does not make a Word document of a map.
            ["--format", "svg", "-o", "kaart.docx"],
            "Invalid value for '--output': --format asks for svg, which the suffix '.docx' does "
            "not fit: write -o {dir}/kaart.svg; Word inserts the map as a picture (-o NAME.svg)",
        ),
        (
            ["--format", "table", "-o", "kaart.docx"],
            "Invalid value for '--output': the table is for the terminal: give --format svg, "
            "markdown or json",
        ),
        (
            ["--format", "json", "-o", "kaart.svg"],
            "Invalid value for '--output': the suffix '.svg' means svg, but --format asks for json",
        ),
        (
            ["--format", "table", "-o", "kaart.txt"],
            "Invalid value for '--output': the table is for the terminal: give --format svg, "
            "markdown or json",
        ),
    ],
)
def test_suffix_and_format_must_agree(
    runner: CliRunner, shipped: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    args = [*args[:-1], str(tmp_path / args[-1])]
    result = runner.invoke(
        app, ["--data", str(shipped), "provinces", *args], env={"LEERLAB_LANG": "en"}
    )
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"error: {message.format(dir=tmp_path)}\n"
    assert list(tmp_path.iterdir()) == []


def test_the_hint_is_dutch_in_dutch(runner: CliRunner, shipped: Path, tmp_path: Path) -> None:
    target = tmp_path / "kaart.docx"
    result = runner.invoke(
        app, ["--data", str(shipped), "provinces", "-o", str(target)], env={"LEERLAB_LANG": "nl"}
    )
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "fout: Ongeldige waarde voor '--output': onbekende bestandsextensie '.docx': gebruik een "
        "van .svg, .md, .markdown, .json, of geef --format; Word voegt de kaart in als "
        "afbeelding (-o NAAM.svg)\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_file_without_a_suffix_gets_markdown(
    runner: CliRunner, shipped: Path, tmp_path: Path
) -> None:
    # As with export: a name without a suffix, such as /dev/stdout, gets the document format.
    target = tmp_path / "provincies"
    assert stdout_of(runner, ["--data", str(shipped), "provinces", "-o", str(target)]) == ""
    markdown = stdout_of(runner, ["--data", str(shipped), "provinces", "--format", "markdown"])
    assert target.read_text(encoding="utf-8") == markdown


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "Invalid value for '--output' / '-o': an empty path names no file"),
        (
            "kaarten/",
            "Invalid value for '--output' / '-o': give a file: a path ending in '/' names a folder",
        ),
    ],
)
def test_output_names_a_file(
    runner: CliRunner,
    shipped: Path,
    tmp_path: Path,
    value: str,
    message: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["--data", str(shipped), "provinces", "-o", value])
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"error: {message}\n")
    assert list(tmp_path.iterdir()) == []


def test_output_dash_is_stdout(
    runner: CliRunner, shipped: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    args = ["--data", str(shipped), "provinces", "--format", "svg"]
    assert stdout_of(runner, [*args, "-o", "-"]) == stdout_of(runner, args)
    assert list(tmp_path.iterdir()) == []
