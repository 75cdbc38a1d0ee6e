"""Every write to stdout is complete, or the command says so in one line and exits 1.

A full disk, a closed stdout and a reader that goes away are each one outcome, never a
traceback, an "Exception ignored" or a quiet exit 0; a non-blocking stdout receives all.
"""

from __future__ import annotations

import os
import select
import subprocess
import time
from pathlib import Path

import pytest

from helpers import SCRIPT, Runner, invoke_into, shell_environment
from leerlab_cli.cli import app

NO_SPACE = "error: cannot write output: no space left on the device\n"
CLOSED = "error: cannot write output: bad file descriptor (closed)\n"


def run(args: list[str], stdout: int, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        env=shell_environment(**extra),
        timeout=60,
        check=False,
    )


def into_full_disk(args: list[str], **extra: str) -> subprocess.CompletedProcess[str]:
    descriptor = os.open("/dev/full", os.O_WRONLY)
    try:
        return run(args, descriptor, **extra)
    finally:
        os.close(descriptor)


needs_dev_full = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")


ARGS = [
    ["list"],
    ["show", "assen"],
    ["export"],
    ["--version"],
    ["--help"],
    ["export", "--help"],
    ["export", "--format", "xlsx"],
    ["list", "--fields", "slug,name", "--sort", "-start"],
    ["list", "--count"],
    ["contacts", "--format", "csv"],
    ["provinces"],
    ["provinces", "--format", "svg"],
    ["new", "zeeland"],
]
"""Output of each kind: a command's (the newest commands and options too), and click's own
(version, help)."""


@needs_dev_full
@pytest.mark.parametrize("args", ARGS, ids=" ".join)
def test_a_full_disk_is_one_error_line_and_exit_1(args: list[str]) -> None:
    descriptor = os.open("/dev/full", os.O_WRONLY)
    try:
        assert invoke_into(args, descriptor) == (1, NO_SPACE)
    finally:
        os.close(descriptor)


# As a process, with Python's own stdout buffered and unbuffered below leerlab's.
@needs_dev_full
@pytest.mark.parametrize(
    ("args", "unbuffered"), [(["list"], ""), (["--help"], "1"), (["export"], "1")], ids=str
)
def test_a_full_disk_ends_the_process_with_one_error_line(
    big_dataset: Path, args: list[str], unbuffered: str
) -> None:
    data = ["--data", str(big_dataset)] if args == ["export"] else []
    extra = {"PYTHONUNBUFFERED": unbuffered} if unbuffered else {}
    result = into_full_disk([*data, *args], **extra)
    assert (result.returncode, result.stderr) == (1, NO_SPACE)


@pytest.mark.parametrize("args", [["--version"], ["export"]], ids=" ".join)
def test_a_closed_stdout_is_one_error_line_and_exit_1(args: list[str]) -> None:
    assert invoke_into(args, None) == (1, CLOSED)


def test_a_process_started_without_stdout_says_so_in_one_line() -> None:
    # As `leerlab list >&-`: the command starts without a file descriptor 1.
    result = subprocess.run(
        [str(SCRIPT), "list"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=shell_environment(),
        timeout=60,
        check=False,
        preexec_fn=lambda: os.close(1),
    )
    assert (result.returncode, result.stderr) == (1, CLOSED)


@pytest.mark.parametrize(
    ("args", "unbuffered"),
    [(["export"], ""), (["export"], "1"), (["export", "-o", "/dev/stdout"], "")],
    ids=str,
)
def test_a_reader_that_stops_early_means_exit_1_quietly(
    big_dataset: Path, args: list[str], unbuffered: str
) -> None:
    # As `leerlab export | head -c 1000`: not all was written, so not exit 0; the same
    # when the export writes to the pipe through /dev/stdout.
    extra = {"PYTHONUNBUFFERED": unbuffered} if unbuffered else {}
    process = subprocess.Popen(
        [str(SCRIPT), "--data", str(big_dataset), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=shell_environment(**extra),
    )
    assert process.stdout is not None
    assert process.stderr is not None
    assert len(process.stdout.read(1000)) == 1000
    process.stdout.close()  # far more than a pipe's buffer is still unwritten
    stderr = process.stderr.read()
    assert process.wait(timeout=60) == 1
    assert stderr == b""


@pytest.mark.parametrize("unbuffered", ["", "1"])
def test_a_non_blocking_stdout_receives_everything(
    big_dataset: Path, tmp_path: Path, unbuffered: str
) -> None:
    expected_file = tmp_path / "export.md"
    reference = Runner().invoke(
        app, ["--data", str(big_dataset), "export", "-o", str(expected_file)]
    )
    assert reference.exit_code == 0, reference.output
    expected = expected_file.read_bytes()
    assert len(expected) > 1_000_000

    extra = {"PYTHONUNBUFFERED": unbuffered} if unbuffered else {}
    read_end, write_end = os.pipe()
    os.set_blocking(write_end, False)
    process = subprocess.Popen(
        [str(SCRIPT), "--data", str(big_dataset), "export"],
        stdout=write_end,
        stderr=subprocess.PIPE,
        env=shell_environment(**extra),
    )
    os.close(write_end)
    received = bytearray()
    with os.fdopen(read_end, "rb", buffering=0) as reader:
        while True:
            select.select([reader], [], [], 10)
            chunk = reader.read(256 * 1024)
            if not chunk:
                break
            received += chunk
            # A slow reader: the pipe fills and the writer is told to wait.
            time.sleep(0.005)
    assert process.stderr is not None
    stderr = process.stderr.read()
    assert process.wait(timeout=60) == 0, stderr
    assert stderr == b""
    assert bytes(received) == expected
