"""A FIFO named as the dataset is waited for, as `cat` waits; Ctrl-C ends the wait."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from helpers import SCRIPT, shell_environment


def _list_from_a_fifo(
    folder: Path, command: tuple[str, ...] = ("list",)
) -> tuple[Path, subprocess.Popen[bytes]]:
    # `leerlab list` (or `command`) started on a new FIFO as its dataset, before anyone
    # writes to it.
    fifo = folder / "leerlabs.toml"
    os.mkfifo(fifo)
    process = subprocess.Popen(
        [str(SCRIPT), "--data", str(fifo), *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=shell_environment(),
        # Ctrl-C as in a terminal, even when the tests run as a background job.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    return fifo, process


def test_ctrl_c_ends_the_wait_for_a_fifo_writer(tmp_path: Path) -> None:
    _, process = _list_from_a_fifo(tmp_path)
    # Long enough for leerlab to be waiting in open(); a signal before that is covered
    # by the start-up tests.
    time.sleep(3)
    assert process.poll() is None, "leerlab did not wait for a writer"
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert (stdout, stderr) == (b"", b"")


@pytest.mark.parametrize(
    ("command", "first_line"),
    [
        (("list",), "apeldoorn\t"),
        (("list", "--count"), "6"),
        (("list", "--fields", "slug", "--sort", "-slug"), "ottoland"),
        (("provinces", "--format", "markdown"), "| Province |"),
        (("contacts", "--format", "csv"), "slug,leerlab,name,organisation,email"),
    ],
    ids=" ".join,
)
def test_a_fifo_with_a_writer_is_read_to_its_end(
    tmp_path: Path, shipped: Path, command: tuple[str, ...], first_line: str
) -> None:
    fifo, process = _list_from_a_fifo(tmp_path, command)
    with fifo.open("wb") as writer:
        writer.write(shipped.read_bytes())
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 0, stderr
    assert stdout.decode().splitlines()[0].startswith(first_line)
