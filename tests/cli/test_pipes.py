"""A closed pipe (`| head`) ends a command quietly: no traceback, no complaint, and not
killed by SIGPIPE.

Every command and format runs in-process into a pipe whose reader has gone (the app
writes to the pipe's descriptor as in its own process); a few representative ones run
as the installed program, for what only a process shows: the interpreter's last flush
("Exception ignored") and SIGPIPE. A reader that goes away after reading some is in
test_writes.py.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import SCRIPT, commands_with_formats, invoke_into, shell_environment
from leerlab_cli.formats.csv_format import PLAIN_CSV_COLUMNS

# `diff` reads two files it is given, not the dataset in use: tests/cli/diff/ has its own.
WITH_FORMATS = [pair for pair in commands_with_formats() if pair[0].name != "diff"]


@pytest.fixture
def closed_pipe() -> Iterator[int]:
    """The writing end of a pipe whose reader has already gone."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    yield write_end
    os.close(write_end)


def _into_closed_pipe(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run the installed command with a stdout whose reader has already gone."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [str(SCRIPT), *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)


def assert_ended_quietly(returncode: int, stderr: str) -> None:
    """Exit 1 and nothing on stderr but the warnings that `validate` reports anyway."""
    assert "Traceback" not in stderr
    assert "Exception ignored" not in stderr
    assert all(
        line.startswith("warning: ") or ": warning: " in line for line in stderr.splitlines()
    )
    assert returncode == 1, stderr


PIPED = [
    *(command.args("oost", output_format) for command, output_format in WITH_FORMATS),
    ["--help"],
    ["list", "--help"],
    ["--version"],
]


@pytest.mark.parametrize("args", PIPED, ids=" ".join)
def test_a_closed_pipe_ends_quietly_with_exit_1(closed_pipe: int, args: list[str]) -> None:
    assert_ended_quietly(*invoke_into(args, closed_pipe))


# `validate --format github` prints nothing for a valid dataset: no pipe to find closed.
# A workbook refuses the big dataset's long text, longer than a cell holds (test_workbook.py).
BIG = [
    command.args("lab-0", output_format)
    for command, output_format in WITH_FORMATS
    if (command.name, output_format) not in (("validate", "github"), ("export", "xlsx"))
]


@pytest.mark.parametrize("args", BIG, ids=" ".join)
def test_a_closed_pipe_ends_quietly_with_large_output(
    closed_pipe: int, big_dataset: Path, args: list[str]
) -> None:
    assert_ended_quietly(*invoke_into(["--data", str(big_dataset), *args], closed_pipe))


# As a process: output through typer's own path (a completion script), help, a short
# table, and a large export written part by part.
@pytest.mark.parametrize(
    "args",
    [["--show-completion", "bash"], ["--help"], ["list"], ["export", "--format", "json"]],
    ids=" ".join,
)
def test_a_closed_pipe_ends_the_process_quietly(big_dataset: Path, args: list[str]) -> None:
    data = ["--data", str(big_dataset)] if args[0] == "export" else []
    completed = _into_closed_pipe([*data, *args], shell_environment())
    assert_ended_quietly(completed.returncode, completed.stderr)


def test_shell_pipe_into_head(big_dataset: Path) -> None:
    completed = subprocess.run(
        f"'{SCRIPT}' --data '{big_dataset}' export --format csv | head -1",
        shell=True,
        capture_output=True,
        env=shell_environment(),
        timeout=60,
        check=False,
    )
    assert completed.stdout == (",".join(PLAIN_CSV_COLUMNS) + "\n").encode()
    assert completed.stderr == b""
