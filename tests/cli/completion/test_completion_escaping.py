"""Each shell reads back exactly the values leerlab offers it, and runs none (issue #31).

`offered_to` is tested directly; then the app's whole answer to each shell's completion
request goes through that shell's own parsing (non-interactively), as its completion
script would: bash reads each line as a word, zsh evaluates the line as `_arguments`
does, fish completes with `complete -C`. Tab in an interactive shell is tested in
test_completion_shells.py.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import (
    MARKER,
    SCRIPT,
    SHELL_ATTACKS,
    WriteDataset,
    complete_bash,
    make_lab,
    shell_environment,
)
from leerlab_cli.cli import app
from leerlab_cli.cli.completion import HELP_LENGTH, offered_to

PRINTABLE = [value for value in SHELL_ATTACKS if value.isprintable()]
"""The attacks a shell can be offered: all but those with a line break or a tab."""
ZSH_EXACT = [value for value in PRINTABLE if '"' not in value and "'" not in value]
"""The attacks zsh can be offered exactly: typer's zsh quoting drops a quote."""


def _in(shell: str, argv: list[str], cwd: Path) -> str:
    if shutil.which(shell) is None:
        if os.environ.get("CI"):
            pytest.fail(f"{shell} is not installed")
        pytest.skip(f"{shell} is not installed")
    environment = shell_environment()
    environment["PATH"] = f"{SCRIPT.parent}{os.pathsep}{environment.get('PATH', '')}"
    result = subprocess.run(
        [shell, *argv],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert not (cwd / MARKER).exists(), f"{shell} ran a value"
    return result.stdout


@pytest.fixture
def hostile(write_dataset: WriteDataset) -> Path:
    """A dataset whose sectors are the attacks, in order, and nothing else."""
    return write_dataset(make_lab(sectors=list(SHELL_ATTACKS)), name="hostile.toml")


# --- offered_to -----------------------------------------------------------------------------------


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish", "powershell", None])
@pytest.mark.parametrize(
    "value",
    ["two\nlines", "tab\there", "cr\rhere", "esc\x1b[31m", "line\u2028sep", "bidi\u202e", ""],
)
def test_a_value_that_is_not_printable_is_left_out(shell: str | None, value: str) -> None:
    assert offered_to(shell, [(value, "help"), ("Groen", "help")]) == [("Groen", "help")]


@pytest.mark.parametrize(
    ("value", "word"),
    [
        ("Groen", "Groen"),
        ("Zorg en Welzijn", "Zorg\\ en\\ Welzijn"),
        ("x\\", "x\\\\"),
        ("$(touch M)", "\\$\\(touch\\ M\\)"),
        ("a'b\"c", "a\\'b\\\"c"),
        ("*", "\\*"),
        ("Geïntegreerd", "Geïntegreerd"),
    ],
)
def test_bash_gets_each_special_character_behind_a_backslash(value: str, word: str) -> None:
    assert offered_to("bash", [(value, "")]) == [(word, "")]


@pytest.mark.parametrize(
    ("value", "word"),
    [
        ("Zorg en Welzijn", "Zorg en Welzijn"),
        ("x\\", "x\\\\\\\\"),
        ("$(touch M)", "$(touch M)"),  # typer escapes $, ` and : itself
        ("a\\:b", "a\\\\\\\\:b"),
        ("it's", None),
        ('a "b"', None),
        ("two  spaces", None),
    ],
)
def test_zsh_gets_a_backslash_as_four_and_no_quotes(value: str, word: str | None) -> None:
    expected = [] if word is None else [(word, "")]
    assert offered_to("zsh", [(value, "")]) == expected


def test_fish_gets_the_value_as_it_is() -> None:
    assert offered_to("fish", [(value, "") for value in PRINTABLE]) == [
        (value, "") for value in PRINTABLE
    ]


def test_a_shell_not_known_gets_only_values_that_need_no_quoting() -> None:
    suggestions = [("Noord-Brabant", ""), ("Zorg en Welzijn", ""), ("x\\", ""), ("a$b", "")]
    assert offered_to("powershell", suggestions) == [("Noord-Brabant", "")]


@pytest.mark.parametrize(
    ("help_text", "shown"),
    [
        ("Leerlab Apeldoorn", "Leerlab Apeldoorn"),
        ("Horeca, Bakkerij & Recreatie", "Horeca, Bakkerij & Recreatie"),
        ('x\\ "$(touch M)" `id` [bold]b[/bold]', "x (touch M) id bold b /bold"),
        ("two\nlines\tand  spaces", "two lines and spaces"),
        ("a" * 60, "a" * (HELP_LENGTH - 1) + "…"),
    ],
)
def test_help_keeps_what_reads_the_same_everywhere(help_text: str, shown: str) -> None:
    ((_, kept),) = offered_to("zsh", [("value", help_text)])
    assert kept == shown
    assert len(kept) <= HELP_LENGTH


# --- read back by each shell ----------------------------------------------------------------------


def test_bash_reads_back_every_printable_value(
    runner: CliRunner, hostile: Path, tmp_path: Path
) -> None:
    words = complete_bash(runner, f"leerlab --data {hostile} list --sector ")
    # One line a value: a value with a line break is left out, not split in two.
    assert len(words) == len(PRINTABLE)
    read_back = _in("bash", ["--norc", "-c", f"printf '%s\\0' {' '.join(words)}"], tmp_path)
    assert read_back.split("\0")[:-1] == PRINTABLE


# What zsh does with typer's answer: `eval $(...)` in the completion function, then
# `_arguments '*: :((...))'` evaluates what is inside (( )) as the words of an array.
_ZSH_ARGUMENTS = r"""
_arguments() {
  local action=${1#\*: :}
  local -a ws
  eval ws\=\( "${action[3,-3]}" \)
  print -rn -- ${(pj:\0:)ws}
}
eval $(<answer)
"""


def _described(word: str) -> tuple[str, str]:
    # As zsh's _describe reads a word: value and help split at the first colon that
    # no backslash quotes, and then each backslash quoting the character after it.
    def unquoted(text: str) -> str:
        out, escaped = [], False
        for char in text:
            if char == "\\" and not escaped:
                escaped = True
                continue
            out.append(char)
            escaped = False
        return "".join(out)

    position, escaped = 0, False
    for position, char in enumerate(word):  # noqa: B007
        if char == ":" and not escaped:
            break
        escaped = char == "\\" and not escaped
    else:
        return unquoted(word), ""
    return unquoted(word[:position]), unquoted(word[position + 1 :])


def test_zsh_reads_back_every_value_it_can_exactly(
    runner: CliRunner, hostile: Path, tmp_path: Path
) -> None:
    result = runner.invoke(
        app,
        [],
        prog_name="leerlab",
        env={
            "_LEERLAB_COMPLETE": "complete_zsh",
            "_TYPER_COMPLETE_ARGS": f"leerlab --data {hostile} list --sector ",
        },
    )
    assert result.exit_code == 0, result.output
    (tmp_path / "answer").write_text(result.stdout, encoding="utf-8")
    words = _in("zsh", ["-f", "-c", _ZSH_ARGUMENTS], tmp_path).split("\0")
    assert [_described(word) for word in words] == [(value, "sector") for value in ZSH_EXACT]


def test_fish_completes_every_printable_value(hostile: Path, tmp_path: Path) -> None:
    script = subprocess.run(
        [str(SCRIPT)],
        env={**shell_environment(), "_LEERLAB_COMPLETE": "source_fish"},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    (tmp_path / "leerlab.fish").write_text(script, encoding="utf-8")
    line = f"leerlab --data {hostile.name} list --sector "
    command = f"source leerlab.fish; complete -C {_fish_quoted(line)}"
    completions = _in("fish", ["--no-config", "-c", command], tmp_path).splitlines()
    # fish sorts what it offers.
    assert sorted(completion.split("\t")[0] for completion in completions) == sorted(PRINTABLE)


def _fish_quoted(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"
