"""Python's cycle collector rests while a command runs, and runs as before after it.

A command's objects make no cycles, so the collector would only go through the dataset
again and again (the README's Performance section has the figures). Whatever the
command does, ends well or not, the collector is as it was once the command is done.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from leerlab_cli.cli import app
from leerlab_cli.files import dataset


@pytest.fixture
def collecting_when_loaded(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bool]]:
    """Whether the collector was on each time a command loaded a dataset."""
    seen: list[bool] = []
    load: Callable[..., Any] = dataset.load

    def recording_load(path: Path) -> Any:
        seen.append(gc.isenabled())
        return load(path)

    monkeypatch.setattr(dataset, "load", recording_load)
    yield seen
    assert gc.isenabled(), "the collector was left off"


@pytest.mark.parametrize(
    ("args", "exit_code"),
    [
        (["list", "--sector", "zorg"], 0),
        (["show", "apeldoorn", "--format", "json"], 0),
        (["show", "geen-leerlab"], 1),
        (["export", "--format", "html", "--overview"], 0),
    ],
)
def test_the_collector_rests_during_a_command(
    runner: CliRunner, collecting_when_loaded: list[bool], args: list[str], exit_code: int
) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == exit_code, result.output
    assert collecting_when_loaded == [False]
    assert gc.isenabled()


def test_the_collector_runs_again_after_a_bad_dataset(
    runner: CliRunner, collecting_when_loaded: list[bool], tmp_path: Path
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[meta]\ntitle = 1\n", encoding="utf-8")
    result = runner.invoke(app, ["--data", str(broken), "list"])
    assert result.exit_code == 1, result.output
    assert collecting_when_loaded == [False]
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off(runner: CliRunner) -> None:
    gc.disable()
    try:
        result = runner.invoke(app, ["list"])
        assert result.exit_code == 0, result.output
        assert not gc.isenabled()
    finally:
        gc.enable()
