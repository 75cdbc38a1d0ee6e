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

from helpers import SCRIPT, shell_environment

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


@needs_dev_full
@pytest.mark.parametrize(
    "args",
    [["list"], ["show", "assen"], ["export"], ["--version"], ["--help"], ["export", "--help"]],
)
@pytest.mark.parametrize("unbuffered", ["", "1"])
def test_a_full_disk_is_one_error_line_and_exit_1(args: list[str], unbuffered: str) -> None:
    extra = {"PYTHONUNBUFFERED": unbuffered} if unbuffered else {}
    result = into_full_disk(args, **extra)
    assert (result.returncode, result.stderr) == (1, NO_SPACE)


@needs_dev_full
def test_a_large_unbuffered_export_to_a_full_disk_fails(big_dataset: Path) -> None:
    result = into_full_disk(["--data", str(big_dataset), "export"], PYTHONUNBUFFERED="1")
    assert (result.returncode, result.stderr) == (1, NO_SPACE)


@pytest.mark.parametrize("args", [["list"], ["--version"], ["export"]])
def test_a_closed_stdout_is_one_error_line_and_exit_1(args: list[str]) -> None:
    # As `leerlab list >&-`: the command starts without a file descriptor 1.
    result = subprocess.run(
        [str(SCRIPT), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=shell_environment(),
        timeout=60,
        check=False,
        preexec_fn=lambda: os.close(1),
    )
    assert (result.returncode, result.stderr) == (1, CLOSED)


@pytest.mark.parametrize("unbuffered", ["", "1"])
def test_a_reader_that_stops_early_means_exit_1_quietly(big_dataset: Path, unbuffered: str) -> None:
    # As `leerlab export | head -c 1000`: not all was written, so not exit 0.
    extra = {"PYTHONUNBUFFERED": unbuffered} if unbuffered else {}
    process = subprocess.Popen(
        [str(SCRIPT), "--data", str(big_dataset), "export"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=shell_environment(**extra),
    )
    assert process.stdout is not None
    assert process.stderr is not None
    assert len(process.stdout.read(1000)) == 1000
    process.stdout.close()
    stderr = process.stderr.read()
    assert process.wait(timeout=60) == 1
    assert stderr == b""


@pytest.mark.parametrize("unbuffered", ["", "1"])
def test_a_non_blocking_stdout_receives_everything(
    big_dataset: Path, tmp_path: Path, unbuffered: str
) -> None:
    expected_file = tmp_path / "export.md"
    reference = run(
        ["--data", str(big_dataset), "export", "-o", str(expected_file)], subprocess.DEVNULL
    )
    assert reference.returncode == 0, reference.stderr
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
