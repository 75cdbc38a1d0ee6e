"""`export --sort`, `--fields` and `--count`, read back with the formats' own parsers."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import exported, run_export


def test_csv_fields_in_the_order_given(runner: CliRunner, shipped: Path) -> None:
    output = exported(
        runner, shipped, "--format", "csv", "--fields", "slug,provinces,left_open", "--to", "4"
    )
    assert list(csv.reader(io.StringIO(output, newline=""))) == [
        ["slug", "provinces", "left_open"],
        ["noord-brabant", '["Noord-Brabant"]', '["works_on", "target_group"]'],
        ["midden-limburg", '["Limburg"]', "[]"],
    ]


def test_excel_csv_fields_keep_the_translated_header(runner: CliRunner, shipped: Path) -> None:
    result = run_export(
        runner, shipped, "--excel", "--fields", "name,slug", "--sort", "-slug", "--to", "4"
    )
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.decode("utf-8") == (
        "\ufeffname;slug\r\nLeerlab Noord-Brabant;noord-brabant\r\nLeerlab Midden-Limburg;"
        "midden-limburg\r\n"
    )


def test_json_fields_and_sort(runner: CliRunner, shipped: Path) -> None:
    output = exported(
        runner, shipped, "--format", "json", "--fields", "slug,left_open", "--sort", "-province"
    )
    assert json.loads(output) == [
        {"slug": "ottoland", "left_open": []},
        {"slug": "oost", "left_open": []},
        {"slug": "noord-brabant", "left_open": ["works_on", "target_group"]},
        {"slug": "midden-limburg", "left_open": []},
        {"slug": "apeldoorn", "left_open": []},
        {"slug": "assen", "left_open": []},
    ]


def test_sort_orders_a_document_too(runner: CliRunner, shipped: Path) -> None:
    output = exported(runner, shipped, "--format", "markdown", "--sort", "-slug")
    assert output.index("Leerlab Ottoland") < output.index("Leerlab Apeldoorn")


@pytest.mark.parametrize("format_", ["markdown", "html", "toml"])
def test_fields_only_for_csv_and_json(runner: CliRunner, shipped: Path, format_: str) -> None:
    result = run_export(runner, shipped, "--format", format_, "--fields", "slug")
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: Invalid value for '--fields': only applies to csv and json, not {format_}\n"
    )


def test_an_unknown_csv_field_lists_the_columns(runner: CliRunner, shipped: Path) -> None:
    result = run_export(runner, shipped, "--format", "csv", "--fields", "slug,naam")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "error: Invalid value for '--fields': unknown field 'naam'; the fields are: slug, name, "
    )
    assert result.stderr.endswith(", contacts, contact_organisations, source, left_open\n")


def test_count(runner: CliRunner, shipped: Path) -> None:
    assert exported(runner, shipped, "--sector", "zorg", "--count") == "2\n"


def test_count_writes_no_file(runner: CliRunner, shipped: Path, tmp_path: Path) -> None:
    target = tmp_path / "labs.csv"
    result = run_export(runner, shipped, "--count", "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr == (
        "error: Invalid value for '--count': prints only the number: leave out --output\n"
    )
    assert not target.exists()
