"""Input without bounds: error reports that grow linearly, and datasets of limited size."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from conftest import make_lab
from helpers import Runner
from leerlab_cli.cli import app
from leerlab_cli.core.errors import DatasetError
from leerlab_cli.files import dataset
from leerlab_cli.formats.messages import error_lines


def test_one_misspelt_field_in_each_of_many_leerlabs_gives_a_line_each(
    write_dataset: Callable[..., Path],
) -> None:
    labs = [make_lab(slug=f"lab-{number}", sectorz=["x"]) for number in range(500)]
    with pytest.raises(DatasetError) as raised:
        dataset.load(write_dataset(*labs))
    assert len(tuple(error_lines(raised.value))) == 500


def _leerlab(*args: str, env: dict[str, str] | None = None) -> Result:
    """`leerlab ARGS` in-process, with `env` added to the environment."""
    return Runner().invoke(app, list(args), env=env)


def _leerlab_process(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`leerlab ARGS` as a process, which a timeout ends should it wait for ever."""
    return subprocess.run(
        [sys.executable, "-m", "leerlab_cli", *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=30,
    )


@pytest.mark.parametrize(
    "command",
    [
        ["list"],
        ["list", "--count"],
        ["provinces", "--format", "svg"],
        ["contacts", "--format", "csv"],
        ["export", "--format", "xlsx"],
    ],
    ids=" ".join,
)
def test_a_dataset_beyond_the_size_limit_is_refused(
    write_dataset: Callable[..., Path], command: list[str]
) -> None:
    path = write_dataset()
    args = ["--data", str(path), *command]
    result = _leerlab(*args, env={dataset.MAX_BYTES_VAR: "100"})
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {path}: larger than 100 bytes, the most a dataset file may have; "
        f"set {dataset.MAX_BYTES_VAR} to a larger number of bytes to read it\n"
    )
    assert result.stdout == ""
    raised = _leerlab(*args, env={dataset.MAX_BYTES_VAR: "1000000"})
    assert raised.exit_code == 0, raised.output


def test_an_endless_device_is_refused_without_reading_it_all() -> None:
    # The limit bounds what is read: /dev/zero ends in an error, not in memory exhaustion.
    result = _leerlab("--data", "/dev/zero", "list", env={dataset.MAX_BYTES_VAR: "1000"})
    assert result.exit_code == 1
    assert "larger than 1000 bytes" in result.stderr


@pytest.mark.parametrize("value", ["x", "0", "-5", "1.5"])
def test_an_invalid_size_limit_is_a_usage_error(value: str) -> None:
    result = _leerlab("list", env={dataset.MAX_BYTES_VAR: value})
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {dataset.MAX_BYTES_VAR}=")


def test_an_empty_data_path_is_a_usage_error() -> None:
    result = _leerlab("--data", "", "list")
    assert result.exit_code == 2
    assert "an empty path names no file" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_completion_does_not_wait_on_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "nobody-writes"
    os.mkfifo(fifo)
    result = _leerlab_process(
        env={
            "_LEERLAB_COMPLETE": "complete_bash",
            "COMP_WORDS": "leerlab show ",
            "COMP_CWORD": "2",
            dataset.ENV_VAR: str(fifo),
        }
    )
    assert result.returncode == 0
    assert result.stdout.strip() == ""
