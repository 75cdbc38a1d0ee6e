"""Where `export --output` writes: a regular file is replaced whole; a device, a FIFO or
/dev/stdout is written to in place, so what the shell set up (`>> log`, `| head`) holds
(a pipe that closes early: test_writes.py);
a path ending in a slash names a folder and is refused."""

from __future__ import annotations

import os
import subprocess
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import SCRIPT, shell_environment
from leerlab_cli.cli import app


def in_shell(script: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    environment = shell_environment()
    environment["PATH"] = f"{SCRIPT.parent}{os.pathsep}{environment.get('PATH', '')}"
    return subprocess.run(
        ["sh", "-c", script],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def export_text(runner: CliRunner) -> str:
    result = runner.invoke(app, ["export"])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("name", ["/dev/stdout", "/dev/fd/1"])
def test_appending_through_dev_stdout_keeps_what_was_there(
    tmp_path: Path, export_text: str, name: str
) -> None:
    log = tmp_path / "log.txt"
    log.write_text("earlier\n")
    result = in_shell(f"leerlab export -o {name} >> log.txt", tmp_path)
    assert result.returncode == 0, result.stderr
    assert log.read_text(encoding="utf-8") == "earlier\n" + export_text
    assert sorted(path.name for path in tmp_path.iterdir()) == ["log.txt"]


def test_writing_to_dev_stdout_at_an_offset_keeps_the_position(
    tmp_path: Path, export_text: str
) -> None:
    # `{ echo one; leerlab export -o /dev/stdout; echo two; } > out`: all three, in order.
    result = in_shell("{ echo one; leerlab export -o /dev/stdout; echo two; } > out", tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out").read_text(encoding="utf-8") == f"one\n{export_text}two\n"


def test_dev_stdout_into_a_pipe(tmp_path: Path, export_text: str) -> None:
    result = in_shell("leerlab export -o /dev/stdout | head -n 3", tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout == "".join(export_text.splitlines(keepends=True)[:3])


def test_a_fifo_receives_the_export(tmp_path: Path, export_text: str) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = subprocess.run(
        [str(SCRIPT), "export", "-o", str(fifo)],
        capture_output=True,
        text=True,
        env=shell_environment(),
        timeout=60,
        check=False,
    )
    reader.join(timeout=60)
    assert result.returncode == 0, result.stderr
    assert received == [export_text.encode("utf-8")]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["fifo"]


@pytest.mark.parametrize("name", ["newdir/", "exist.md/", "sub/exist.md/"])
def test_a_trailing_slash_is_a_usage_error_and_creates_nothing(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    for existing in (tmp_path / "exist.md", tmp_path / "sub" / "exist.md"):
        existing.write_text("old\n")
    before = sorted(tmp_path.rglob("*"))
    result = runner.invoke(app, ["export", "-o", name])
    assert result.exit_code == 2, result.output
    assert "Invalid value for '--output'" in result.stderr
    assert sorted(tmp_path.rglob("*")) == before
    assert (tmp_path / "exist.md").read_text() == "old\n"
    assert (tmp_path / "sub" / "exist.md").read_text() == "old\n"


def test_an_empty_output_path_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["export", "-o", ""])
    assert result.exit_code == 2, result.output
    assert "empty path" in result.stderr
