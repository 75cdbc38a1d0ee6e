"""The terminal module: data goes to stdout as it is, messages to stderr escaped."""

from __future__ import annotations

import pytest

from leerlab_cli.cli import terminal


def test_write_passes_data_through(capsys: pytest.CaptureFixture[str]) -> None:
    terminal.write("a\tb\nc\n")
    assert capsys.readouterr() == ("a\tb\nc\n", "")


def test_error_and_warning_are_one_escaped_line_each(capsys: pytest.CaptureFixture[str]) -> None:
    terminal.error("Elders\ncollege\x1b[31m")
    terminal.warning("niveau 1\u202e")
    assert capsys.readouterr() == (
        "",
        "error: Elders\\x0acollege\\x1b[31m\nwarning: niveau 1\\u202e\n",
    )


def test_note_keeps_its_lines_on_a_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    terminal.note("Wrote 2 leerlab(s)\nto x\x1b.")
    assert capsys.readouterr() == ("", "Wrote 2 leerlab(s)\nto x\\x1b.\n")


def test_note_is_silent_in_a_pipe(capsys: pytest.CaptureFixture[str]) -> None:
    terminal.note("No leerlab matches these filters.")
    assert capsys.readouterr() == ("", "")
