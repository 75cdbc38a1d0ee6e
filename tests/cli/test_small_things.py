"""Small promises: an ambiguous query lists a few candidates, the "Wrote …" note escapes
the path, and COLUMNS=0 on a terminal is taken as unset."""

from __future__ import annotations

import os
import pty
import subprocess
from pathlib import Path

from typer.testing import CliRunner

from helpers import SCRIPT, WriteDataset, make_lab, shell_environment
from leerlab_cli.cli import app
from leerlab_cli.core.query import MAX_CANDIDATES
from leerlab_cli.formats.messages import wrote


def test_an_ambiguous_query_lists_a_few_candidates_and_counts_the_rest(
    runner: CliRunner, write_dataset: WriteDataset
) -> None:
    labs = [make_lab(slug=f"lab-{number}", name=f"Leerlab {number}") for number in range(500)]
    data = write_dataset(*labs)
    result = runner.invoke(app, ["--data", str(data), "show", "leerlab"])
    assert result.exit_code == 1, result.output
    [line] = result.stderr.splitlines()
    assert line.count("(Leerlab ") == MAX_CANDIDATES
    assert line.endswith(f", and {500 - MAX_CANDIDATES} more")
    assert len(line) < 500


def test_the_wrote_note_escapes_control_characters_in_the_path() -> None:
    note = wrote(2, Path("uit\nvoer\t.md"))
    assert note == "Wrote 2 leerlabs to uit\\x0avoer\\x09.md."


def _on_a_terminal(args: list[str], **extra: str) -> str:
    controller, terminal = pty.openpty()
    try:
        process = subprocess.Popen(
            [str(SCRIPT), *args],
            stdin=subprocess.DEVNULL,
            stdout=terminal,
            stderr=subprocess.PIPE,
            env=shell_environment(TERM="xterm", **extra),
        )
    finally:
        os.close(terminal)
    received = bytearray()
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # EIO: the other end has closed
            break
        if not chunk:
            break
        received += chunk
    os.close(controller)
    assert process.wait(timeout=60) == 0
    return received.decode("utf-8", "replace")


def test_columns_zero_on_a_terminal_is_taken_as_unset() -> None:
    shown = _on_a_terminal(["list"], COLUMNS="0")
    assert "apeldoorn" in shown
    assert shown == _on_a_terminal(["list"])
