"""Which dataset a command line uses, and why: `--data`, $LEERLAB_DATA or the shipped one."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.main import get_command

from leerlab_cli.cli import app
from leerlab_cli.cli.dataset_choice import dataset_in_use
from leerlab_cli.core.choice import DatasetChoice, DatasetSource
from leerlab_cli.files.dataset import shipped_path


def choice_for(args: list[str]) -> DatasetChoice:
    with get_command(app).make_context("leerlab", args) as ctx:
        return dataset_in_use(ctx)


def test_data_option_wins_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEERLAB_DATA", "from-env.toml")
    chosen = choice_for(["--data", "given.toml", "list"])
    assert chosen == DatasetChoice(Path("given.toml"), DatasetSource.option)


def test_the_environment_names_a_dataset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEERLAB_DATA", "from-env.toml")
    chosen = choice_for(["list"])
    assert chosen == DatasetChoice(Path("from-env.toml"), DatasetSource.environment)


def test_otherwise_the_shipped_dataset() -> None:
    assert choice_for(["list"]) == DatasetChoice(shipped_path(), DatasetSource.shipped)
