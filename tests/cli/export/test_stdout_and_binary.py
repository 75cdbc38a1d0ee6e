"""`-o -` is stdout, as in most Unix tools; a workbook's bytes go to a file or a pipe, never
to a terminal."""

from __future__ import annotations

import io
import os
import pty
import subprocess
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from helpers import SCRIPT, exported, run_export, shell_environment


@pytest.mark.parametrize("output_format", ["markdown", "csv", "json", "toml", "html"])
def test_dash_is_stdout(
    runner: CliRunner,
    shipped: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    output_format: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert exported(runner, shipped, "--format", output_format, "-o", "-") == exported(
        runner, shipped, "--format", output_format
    )
    assert list(tmp_path.iterdir()) == []  # no file named "-"


def test_dash_with_excel_and_default_format(
    runner: CliRunner, shipped: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run_export(runner, shipped, "--excel", "-o", "-").stdout_bytes == (
        run_export(runner, shipped, "--excel").stdout_bytes
    )
    assert exported(runner, shipped, "-o", "-").startswith("# Samen op weg")
    assert list(tmp_path.iterdir()) == []


def test_a_file_named_dash_in_a_folder_is_a_file(
    runner: CliRunner, shipped: Path, tmp_path: Path
) -> None:
    result = run_export(runner, shipped, "-o", str(tmp_path / "-"))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert (tmp_path / "-").read_text(encoding="utf-8").startswith("# Samen op weg")


@pytest.mark.parametrize("args", [["--format", "xlsx"], ["--format", "xlsx", "-o", "-"]])
def test_a_workbook_into_a_pipe_is_its_bytes(
    runner: CliRunner, shipped: Path, tmp_path: Path, args: list[str]
) -> None:
    result = run_export(runner, shipped, *args)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert result.stdout_bytes.startswith(b"PK\x03\x04")
    book = openpyxl.load_workbook(io.BytesIO(result.stdout_bytes))
    assert book.sheetnames == ["Leerlabs", "Routes", "Contact persons"]


def test_a_workbook_through_a_real_pipe(tmp_path: Path) -> None:
    completed = subprocess.run(
        [str(SCRIPT), "export", "--format", "xlsx", "-o", "-"],
        capture_output=True,
        env=shell_environment(),
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    book = openpyxl.load_workbook(io.BytesIO(completed.stdout))
    assert book.sheetnames == ["Leerlabs", "Routes", "Contact persons"]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args", [["--format", "xlsx"], ["--format", "xlsx", "-o", "-"]])
def test_a_workbook_is_never_written_to_a_terminal(tmp_path: Path, args: list[str]) -> None:
    controller, terminal = pty.openpty()
    try:
        completed = subprocess.run(
            [str(SCRIPT), "export", *args],
            stdout=terminal,
            stderr=subprocess.PIPE,
            env=shell_environment(),
            cwd=tmp_path,
            timeout=60,
            check=False,
        )
        os.set_blocking(controller, False)
        try:
            shown = os.read(controller, 65536)
        except BlockingIOError:
            shown = b""
    finally:
        os.close(terminal)
        os.close(controller)
    assert completed.returncode == 2
    assert completed.stderr.decode() == (
        "error: Invalid value for '--format': xlsx is binary and would garble the terminal: "
        "write -o NAME.xlsx\n"
    )
    assert shown == b""
    assert list(tmp_path.iterdir()) == []


def test_a_workbook_to_a_file_from_a_terminal(tmp_path: Path) -> None:
    controller, terminal = pty.openpty()
    try:
        completed = subprocess.run(
            [str(SCRIPT), "export", "-o", "leerlabs.xlsx"],
            stdout=terminal,
            stderr=subprocess.PIPE,
            env=shell_environment(),
            cwd=tmp_path,
            timeout=60,
            check=False,
        )
    finally:
        os.close(terminal)
        os.close(controller)
    assert completed.returncode == 0, completed.stderr
    book = openpyxl.load_workbook(tmp_path / "leerlabs.xlsx")
    assert book.sheetnames == ["Leerlabs", "Routes", "Contact persons"]


@pytest.mark.parametrize(
    ("args", "option", "message"),
    [
        (["--format", "xlsx", "--excel"], "--excel", "only applies to --format csv"),
        (["--format", "xlsx", "--overview"], "--overview", "only applies to markdown and html"),
    ],
)
def test_options_for_text_formats_are_refused_with_a_workbook(
    runner: CliRunner, shipped: Path, args: list[str], option: str, message: str
) -> None:
    result = run_export(runner, shipped, *args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.startswith(f"error: Invalid value for '{option}': {message}")


@pytest.mark.parametrize("name", ["/dev/stdout", "{tty}"])
def test_a_workbook_is_never_written_to_a_terminal_named_with_o(tmp_path: Path, name: str) -> None:
    controller, terminal = pty.openpty()
    try:
        target = name.format(tty=os.ttyname(terminal))
        completed = subprocess.run(
            [str(SCRIPT), "export", "--format", "xlsx", "-o", target],
            stdout=terminal,
            stderr=subprocess.PIPE,
            env=shell_environment(),
            cwd=tmp_path,
            timeout=60,
            check=False,
        )
        os.set_blocking(controller, False)
        try:
            shown = os.read(controller, 65536)
        except BlockingIOError:
            shown = b""
    finally:
        os.close(terminal)
        os.close(controller)
    assert completed.returncode == 2
    assert completed.stderr.decode().endswith(
        "xlsx is binary and would garble the terminal: write -o NAME.xlsx\n"
    )
    assert shown == b""


def test_a_workbook_to_dev_null_is_written(
    runner: CliRunner, shipped: Path, tmp_path: Path
) -> None:
    result = run_export(runner, shipped, "--format", "xlsx", "-o", os.devnull)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
