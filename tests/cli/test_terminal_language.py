"""On a real terminal (a pseudo-terminal), everything a person reads is in one language."""

from __future__ import annotations

import fcntl
import os
import re
import struct
import subprocess
import termios
from pathlib import Path

import pytest

from helpers import SCRIPT, foreign_words, shell_environment

SGR = re.compile(r"\x1b\[[0-9;]*m")


def run_in_terminal(
    args: list[str], language: str, cwd: Path, columns: int = 100
) -> tuple[int, str]:
    """Run the installed command on a terminal (stdin, stdout, stderr): exit code and text."""
    controller, terminal = os.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    env = shell_environment(LEERLAB_LANG=language, COLUMNS=str(columns), TERM="xterm")
    process = subprocess.Popen(
        [str(SCRIPT), *args], stdin=terminal, stdout=terminal, stderr=terminal, env=env, cwd=cwd
    )
    os.close(terminal)
    chunks = []
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal is gone: the process has ended
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(controller)
    exit_code = process.wait(timeout=60)
    return exit_code, SGR.sub("", b"".join(chunks).decode("utf-8").replace("\r\n", "\n"))


OUTPUTS = [
    (["list", "--sector", "zorg"], 0, ("naam", "fase"), ("name", "phase")),
    (
        ["show", "ottoland"],
        0,
        ("Plaats", "Samenwerkende scholen", "Meer weten?", "loopt, sinds"),
        ("Place", "Cooperating schools", "Want to know more?", "running, since"),
    ),
    (["show", "oost"], 0, ("Doelgroep",), ("Target group",)),
    (["routes"], 0, ("Elke cel", "niet meegeteld"), ("Each cell", "not counted")),
    (["contacts", "--sector", "groen"], 0, ("naam", "organisatie"), ("name", "organisation")),
    (["validate"], 0, ("0 fouten", "1 waarschuwing"), ("0 errors", "1 warning")),
    (["show", "aventus"], 0, ("geen slug", "getoond"), ("not a slug", "shown")),
    (["list", "--json"], 2, ("Onbekende optie", "fout:"), ("No such option", "error:")),
    (["show"], 2, ("Ontbrekend argument", "fout:"), ("Missing argument", "error:")),
    (["list", "--to", "5"], 2, ("Ongeldige waarde", "fout:"), ("Invalid value", "error:")),
]


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize(
    ("args", "exit_code", "dutch", "english"), OUTPUTS, ids=[" ".join(o[0]) for o in OUTPUTS]
)
def test_a_terminal_shows_one_language(
    tmp_path: Path,
    args: list[str],
    exit_code: int,
    dutch: tuple[str, ...],
    english: tuple[str, ...],
    language: str,
) -> None:
    code, text = run_in_terminal(args, language, tmp_path)
    assert code == exit_code, text
    assert "Traceback" not in text
    ours, theirs = (dutch, english) if language == "nl" else (english, dutch)
    for words in ours:
        assert words in text, text
    for words in theirs:
        assert not re.search(rf"\b{re.escape(words)}\b", text), (words, text)
    assert foreign_words(text, language) == [], text


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_usage_error_on_a_terminal_is_one_line(tmp_path: Path, language: str) -> None:
    # As in a pipe: one line on stderr, with the prefix of every runtime message.
    code, text = run_in_terminal(["list", "--sectr", "zorg"], language, tmp_path)
    assert code == 2
    prefix = "fout:" if language == "nl" else "error:"
    assert text.count("\n") == 1, text
    assert text.startswith(f"{prefix} "), text
    assert text.endswith(" '--sector'?\n"), text


def test_show_names_its_choice_on_a_terminal(tmp_path: Path) -> None:
    code, text = run_in_terminal(["show", "aventus", "--format", "text"], "en", tmp_path)
    assert code == 0, text
    assert text.startswith("'aventus' is not a slug; shown: apeldoorn: school \"Aventus\"\n")
    code, text = run_in_terminal(["show", "apeldoorn", "--format", "text"], "en", tmp_path)
    assert "not a slug" not in text
    code, text = run_in_terminal(["show", "midden limbrug", "--format", "text"], "en", tmp_path)
    assert code == 0, text
    assert text.startswith(
        "'midden limbrug' is not a slug; shown: midden-limburg: the one slug spelt much like it\n"
    )
