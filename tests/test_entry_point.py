"""What the console script sets for the whole process, and what `app` in-process leaves alone."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from leerlab_cli.cli import app, main


@pytest.fixture
def collector_restored() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    if enabled:
        gc.enable()


@pytest.mark.usefixtures("collector_restored")
def test_the_console_script_turns_the_cyclic_collector_off(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.argv", ["leerlab", "--version"])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("leerlab ")
    assert not gc.isenabled()


def test_commands_run_in_process_freeze_nothing(runner: CliRunner, shipped: Path) -> None:
    frozen = gc.get_freeze_count()
    for _ in range(3):
        for command in (["list"], ["routes"], ["contacts"], ["export"], ["show", "assen"]):
            result = runner.invoke(app, ["--data", str(shipped), *command])
            assert result.exit_code == 0, result.output
            assert gc.isenabled()
    assert gc.get_freeze_count() == frozen
