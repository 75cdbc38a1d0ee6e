"""`leerlab export`: choosing the format and the leerlabs, and writing `--output`."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import FORMATS, WriteDataset, exported, make_lab, run_export, strict_json
from leerlab_cli.cli import app

# --- The command ------------------------------------------------------------------------


def test_default_format_is_markdown(runner: CliRunner, shipped: Path) -> None:
    assert exported(runner, shipped) == exported(runner, shipped, "--format", "markdown")


@pytest.mark.parametrize(
    "filters",
    [
        [],
        ["--sector", "zorg"],
        ["--sector", "groen", "--sector", "sport"],
        ["--from", "gt"],
        ["--from", "basis", "--to", "2"],
        ["--to", "3"],
        ["--to", "3", "--include-planned"],
        ["--province", "gelderland"],
        ["--search", "walewyc"],
        ["-q", "nassau"],
        ["--sector", "nothing like this"],
    ],
)
def test_export_selects_what_list_selects(
    runner: CliRunner, shipped: Path, filters: list[str]
) -> None:
    listed = runner.invoke(app, ["--data", str(shipped), "list", *filters, "--format", "json"])
    assert listed.exit_code == 0, listed.output
    expected = [lab["slug"] for lab in json.loads(listed.stdout)]
    exported_labs = json.loads(exported(runner, shipped, *filters, "--format", "json"))
    assert [lab["slug"] for lab in exported_labs] == expected


@pytest.mark.parametrize("output_format", ["markdown", "html", "json", "toml"])
def test_excel_without_csv_is_a_usage_error(
    runner: CliRunner, shipped: Path, output_format: str
) -> None:
    result = run_export(runner, shipped, "--format", output_format, "--excel")
    assert result.exit_code == 2, result.output
    assert "--excel" in result.stderr
    assert result.stdout == ""


def test_unknown_format_is_a_usage_error(runner: CliRunner, shipped: Path) -> None:
    result = run_export(runner, shipped, "--format", "docx")
    assert result.exit_code == 2, result.output
    assert result.stdout == ""


def test_invalid_dataset_is_exit_1_with_nothing_on_stdout(
    runner: CliRunner, write_dataset: WriteDataset
) -> None:
    path = write_dataset(make_lab(slug="Not A Slug"))
    result = run_export(runner, path, "--format", "csv")
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert result.stderr.startswith("error: ")


# --- Writing ----------------------------------------------------------------------------


@pytest.mark.parametrize("output_format", FORMATS)
def test_output_file_holds_what_stdout_would(
    runner: CliRunner, shipped: Path, tmp_path: Path, output_format: str
) -> None:
    target = tmp_path / f"export.{output_format}"
    result = run_export(runner, shipped, "--format", output_format, "--output", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    on_stdout = run_export(runner, shipped, "--format", output_format)
    assert on_stdout.exit_code == 0, on_stdout.output
    assert target.read_bytes() == on_stdout.stdout_bytes


def test_output_excel_file_bytes(runner: CliRunner, shipped: Path, tmp_path: Path) -> None:
    target = tmp_path / "export.csv"
    result = run_export(runner, shipped, "--format", "csv", "--excel", "-o", str(target))
    assert result.exit_code == 0, result.output
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfslug;")
    assert not raw.startswith(b"\xef\xbb\xbf\xef\xbb\xbf")
    assert raw.count(b"\r\n") == 7


def test_output_replaces_a_file_and_keeps_its_mode(
    runner: CliRunner, shipped: Path, tmp_path: Path
) -> None:
    target = tmp_path / "export.json"
    target.write_bytes(b"old")
    target.chmod(0o640)
    result = run_export(runner, shipped, "--format", "json", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert strict_json(target.read_text(encoding="utf-8"))
    assert target.stat().st_mode & 0o7777 == 0o640
    assert sorted(tmp_path.iterdir()) == [target]


@pytest.mark.parametrize(
    ("where", "reason"),
    [
        ("missing/export.csv", "the folder does not exist"),
        (".", "it is a folder, not a file"),
        ("file.txt/export.csv", "part of the path is not a folder"),
    ],
)
def test_output_that_cannot_be_written_is_exit_1(
    runner: CliRunner, shipped: Path, tmp_path: Path, where: str, reason: str
) -> None:
    (tmp_path / "file.txt").write_bytes(b"a file")
    target = tmp_path / where
    result = run_export(runner, shipped, "--format", "csv", "--output", str(target))
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert result.stderr == f"error: {target}: cannot write: {reason}\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["file.txt"]


def test_failed_export_leaves_the_old_file(
    runner: CliRunner, write_dataset: WriteDataset, tmp_path: Path
) -> None:
    target = tmp_path / "export.md"
    target.write_bytes(b"old export\n")
    broken = write_dataset(make_lab(slug="Not A Slug"))
    result = run_export(runner, broken, "--output", str(target))
    assert result.exit_code == 1, result.output
    assert target.read_bytes() == b"old export\n"


def test_failed_write_leaves_the_old_file(
    runner: CliRunner, shipped: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "export.md"
    target.write_bytes(b"old export\n")

    def no_space(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", no_space)
    result = run_export(runner, shipped, "--output", str(target))
    assert result.exit_code == 1, result.output
    assert result.stderr == f"error: {target}: cannot write: no space left on the device\n"
    assert target.read_bytes() == b"old export\n"
    assert sorted(tmp_path.iterdir()) == [target]
