"""An `--output` file is whole or untouched: after Ctrl-C, SIGTERM, SIGHUP or even SIGKILL
during the write, and in a folder that cannot be written, the old file stays as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import shell_environment
from leerlab_cli.cli import app

OLD = b"the export of last week\n"


@pytest.fixture
def old_export(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "export.md"
    target.write_bytes(OLD)
    target.chmod(0o640)
    return target


def assert_untouched(target: Path) -> None:
    assert target.read_bytes() == OLD
    assert target.stat().st_mode & 0o7777 == 0o640
    assert sorted(target.parent.iterdir()) == [target], "a temporary file was left behind"


def test_an_interrupted_export_keeps_the_old_file(
    runner: CliRunner, old_export: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(descriptor: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    result = runner.invoke(app, ["export", "--output", str(old_export)])
    assert result.exit_code == 130, result.output
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert_untouched(old_export)


SIGNALLED_EXPORT = """
import os, signal, sys
synced = os.fsync

def fsync(descriptor):
    # The signal arrives while the new export is being made durable.
    os.kill(os.getpid(), signal.{signal})
    synced(descriptor)

os.fsync = fsync
sys.argv = ["leerlab", "export", "--output", sys.argv[1]]
from leerlab_cli.cli import main
main()
"""


@pytest.mark.parametrize("name", ["SIGINT", "SIGTERM", "SIGHUP"])
def test_a_signal_during_the_write_keeps_the_old_file(
    tmp_path: Path, old_export: Path, name: str
) -> None:
    number = getattr(signal, name)
    completed = subprocess.run(
        [sys.executable, "-c", SIGNALLED_EXPORT.format(signal=name), str(old_export)],
        capture_output=True,
        text=True,
        env=shell_environment(),
        timeout=60,
        check=False,
    )
    assert completed.returncode == 128 + number, completed.stderr
    assert "Traceback" not in completed.stderr
    assert_untouched(old_export)


def test_a_killed_export_still_keeps_the_old_file(tmp_path: Path, old_export: Path) -> None:
    # SIGKILL cannot be caught: its temporary file stays, but the old export is whole.
    completed = subprocess.run(
        [sys.executable, "-c", SIGNALLED_EXPORT.format(signal="SIGKILL"), str(old_export)],
        capture_output=True,
        env=shell_environment(),
        timeout=60,
        check=False,
    )
    assert completed.returncode == -signal.SIGKILL
    assert old_export.read_bytes() == OLD
    assert old_export.stat().st_mode & 0o7777 == 0o640


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only folder")
def test_an_export_into_a_read_only_folder(runner: CliRunner, old_export: Path) -> None:
    old_export.parent.chmod(0o500)
    try:
        result = runner.invoke(app, ["export", "--output", str(old_export)])
        assert result.exit_code == 1, result.output
        assert result.stderr == f"error: {old_export}: cannot write: permission denied\n"
    finally:
        old_export.parent.chmod(0o700)
    assert_untouched(old_export)
