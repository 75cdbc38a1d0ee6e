"""validate on a real terminal (a pseudo-terminal): colour unless NO_COLOR, wrapped lines."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from helpers import SCRIPT, shell_environment

BAD = """[meta]
title = "T"
publisher = "P"
year = 2021

[[leerlab]]
slug = "zeeland"
name = "Leerlab Zeeland"
place = "Goes"
provinces = ["Zeland"]
schools = [{ name = "Scalda", types = ["mbo"], place = "Goes" }]
"""


def _on_a_terminal(path: Path, **environment: str) -> str:
    # stderr is the terminal, stdout a pipe: what a person sees of the problems.
    main, terminal = os.openpty()
    try:
        finished = subprocess.run(
            [str(SCRIPT), "validate", str(path)],
            stdout=subprocess.PIPE,
            stderr=terminal,
            env=shell_environment(**environment),
            timeout=60,
            check=False,
        )
        os.close(terminal)
        seen = b""
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        os.close(main)
    assert finished.returncode == 1
    return seen.decode("utf-8")


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    path = tmp_path / "bad.toml"
    path.write_text(BAD, encoding="utf-8")
    return path


def test_colour_on_a_terminal_and_none_with_no_color(bad: Path) -> None:
    coloured = _on_a_terminal(bad, COLUMNS="200")
    assert f"\x1b[1m{bad}:10:14:\x1b[0m \x1b[1;31merror:\x1b[0m leerlab 'zeeland'" in coloured
    assert "\x1b[1;36mnote:\x1b[0m" in coloured
    plain = _on_a_terminal(bad, COLUMNS="200", NO_COLOR="1")
    assert "\x1b" not in plain
    assert plain.startswith(f"{bad}:10:14: error: leerlab 'zeeland': provinces[0]: ")


def test_wrapped_to_the_terminal_and_plain_in_a_pipe(bad: Path) -> None:
    wrapped = _on_a_terminal(bad, COLUMNS="60", NO_COLOR="1")
    lines = wrapped.replace("\r\n", "\n").splitlines()
    # The location may be wider than the terminal (a long path); the rest never is.
    assert all(len(line) <= 60 for line in lines if line.startswith("    "))
    assert len(lines) > 4
    assert lines[0].startswith(f"{bad}:10:14: error:")
    assert lines[1].startswith("    ")
    piped = subprocess.run(
        [str(SCRIPT), "validate", str(bad)],
        capture_output=True,
        env=shell_environment(COLUMNS="60"),
        timeout=60,
        check=False,
    )
    assert piped.stderr.decode().count("\n") == 2
    assert b"\x1b" not in piped.stderr
