"""A closed pipe (`| head`) ends a command quietly: no traceback, no complaint, and not
killed by SIGPIPE."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from helpers import FORMATS, SCRIPT, commands_with_formats, shell_environment
from leerlab_cli.formats.csv_format import PLAIN_CSV_COLUMNS

# `diff` reads two files it is given, not the dataset in use: tests/cli/diff/ has its own.
WITH_FORMATS = [pair for pair in commands_with_formats() if pair[0].name != "diff"]
LEERLAB = [sys.executable, "-m", "leerlab_cli"]


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


PIPED = [
    *(command.args("oost", output_format) for command, output_format in WITH_FORMATS),
    ["--help"],
    ["list", "--help"],
    ["--version"],
    ["--show-completion", "bash"],
]


def assert_ended_quietly(completed: subprocess.CompletedProcess[str]) -> None:
    """Exit 1 and nothing on stderr but the warnings that `validate` reports anyway."""
    assert "Traceback" not in completed.stderr
    assert "Exception ignored" not in completed.stderr
    assert all(
        line.startswith("warning: ") or ": warning: " in line
        for line in completed.stderr.splitlines()
    )
    assert completed.returncode == 1, completed.stderr


@pytest.mark.parametrize("args", PIPED, ids=" ".join)
def test_a_closed_pipe_ends_quietly_with_exit_1(tmp_path: Path, args: list[str]) -> None:
    assert_ended_quietly(_into_closed_pipe(args, shell_environment()))


# `validate --format github` prints nothing for a valid dataset: no pipe to find closed.
BIG = [
    command.args("lab-0", output_format)
    for command, output_format in WITH_FORMATS
    if (command.name, output_format) != ("validate", "github")
]


@pytest.mark.parametrize("args", BIG, ids=" ".join)
def test_a_closed_pipe_ends_quietly_with_large_output(
    tmp_path: Path, big_dataset: Path, args: list[str]
) -> None:
    completed = _into_closed_pipe(["--data", str(big_dataset), *args], shell_environment())
    assert_ended_quietly(completed)


def test_a_reader_that_stops_after_one_line_ends_the_list_quietly(
    tmp_path: Path, big_dataset: Path
) -> None:
    process = subprocess.Popen(
        [str(SCRIPT), "--data", str(big_dataset), "list"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=shell_environment(),
    )
    assert process.stdout is not None
    assert process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()  # far more than a pipe's buffer is still unwritten
    stderr = process.stderr.read()
    process.stderr.close()
    assert process.wait(timeout=60) == 1
    assert first.startswith(b"lab-0\t")
    assert stderr == b""


@pytest.mark.parametrize("output_format", FORMATS)
def test_head_ends_the_export_quietly(big_dataset: Path, output_format: str) -> None:
    command = [*LEERLAB, "--data", str(big_dataset), "export", "--format", output_format]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=shell_environment()
    )
    assert process.stdout is not None
    assert process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read()
    process.wait(timeout=60)
    assert first
    assert stderr == b""
    # Not killed by SIGPIPE, and no other failure: exit 1 for the closed pipe, or 0
    # (whether the export sees the closed pipe at all depends on the kernel: a large
    # write may end short without an error).
    assert process.returncode in (0, 1), process.returncode


@pytest.mark.parametrize("output_format", FORMATS)
def test_export_into_a_closed_pipe_is_quiet(shipped: Path, output_format: str) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)
    with tempfile.TemporaryFile() as stderr:
        try:
            completed = subprocess.run(
                [*LEERLAB, "--data", str(shipped), "export", "--format", output_format],
                stdout=write_end,
                stderr=stderr,
                env=shell_environment(),
                timeout=60,
                check=False,
            )
        finally:
            os.close(write_end)
        stderr.seek(0)
        assert stderr.read() == b""
    # It met the closed pipe (exit 0 would mean it never wrote), and was not
    # killed by SIGPIPE but ended by itself.
    assert completed.returncode > 0


def test_shell_pipe_into_head(big_dataset: Path) -> None:
    script = Path(sys.executable).with_name("leerlab")
    if not script.exists():
        pytest.skip("the console script is not installed next to the interpreter")
    completed = subprocess.run(
        f"'{script}' --data '{big_dataset}' export --format csv | head -1",
        shell=True,
        capture_output=True,
        env=shell_environment(),
        timeout=60,
        check=False,
    )
    assert completed.stdout == (",".join(PLAIN_CSV_COLUMNS) + "\n").encode()
    assert completed.stderr == b""
