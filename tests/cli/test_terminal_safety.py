"""Nothing reaches the terminal that the data or the user did not mean literally: rich
markup in the data is printed as text, and control characters typed by the user are
echoed escaped."""

from __future__ import annotations

import html
import re
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from helpers import (
    META,
    SCRIPT,
    UNSAFE,
    Command,
    app_commands,
    commands_with_formats,
    make_lab,
    shell_environment,
    strict_json,
)
from leerlab_cli.cli import app
from leerlab_cli.core.text import printable

COMMANDS = app_commands()
# `diff` reads two files it is given, not the dataset in use: tests/cli/diff/ has its own.
# A workbook is bytes for a spreadsheet program, never text for a terminal (which it
# refuses): tests/formats/test_workbook.py reads its hostile text back cell for cell.
WITH_FORMATS = [
    pair for pair in commands_with_formats() if pair[0].name != "diff" and pair[1] != "xlsx"
]
SGR = re.compile(r"\x1b\[[0-9;]*m")
# The commands that print the text of leerlabs; the others print counts, slugs or a schema.
SHOWS_TEXT = {"list", "show", "export", "contacts"}

MARKUP = "[bold]vet[/] [link=https://x.example]klik[/link] :smile: [red]"


@pytest.fixture
def hostile_dataset(write_dataset: Callable[..., Path]) -> Path:
    """A leerlab whose every kind of text is rich markup."""
    lab = make_lab(
        name=MARKUP,
        place=MARKUP,
        sectors=[MARKUP],
        phase=MARKUP,
        design=MARKUP,
        schools=[{"name": MARKUP, "types": ["vo"]}, {"name": "ROC Test", "types": ["mbo"]}],
        contacts=[{"name": MARKUP, "email": "piet@test.nl", "organisation": MARKUP}],
    )
    return write_dataset(lab, meta={**META, "title": MARKUP})


def _as_read(output_format: str | None, stdout: str) -> str:
    """The text a reader sees: Markdown rendered to HTML, the rest as it is."""
    if output_format == "markdown":
        return html.unescape(MarkdownIt("commonmark").enable("table").render(stdout))
    return stdout


@pytest.mark.parametrize("colour", [False, True], ids=["pipe", "forced colour"])
@pytest.mark.parametrize(
    ("command", "output_format"),
    WITH_FORMATS,
    ids=[f"{command.name}-{output_format}" for command, output_format in WITH_FORMATS],
)
def test_markup_in_the_data_is_printed_literally(
    runner: CliRunner,
    hostile_dataset: Path,
    command: Command,
    output_format: str | None,
    colour: bool,
) -> None:
    env = {"COLUMNS": "1000", "FORCE_COLOR": "1" if colour else None}
    args = ["--data", str(hostile_dataset), *command.args("testlab", output_format)]
    result = runner.invoke(app, args, env=env)
    assert result.exit_code == 0, result.output
    assert "😄" not in result.stdout
    assert "\x1b]8;" not in result.stdout  # no terminal hyperlink from [link=…]
    plain = SGR.sub("", result.stdout)
    assert not UNSAFE.search(plain), repr(plain)
    if output_format == "json":
        strict_json(result.stdout)
    if command.name in SHOWS_TEXT:
        shown = _as_read(output_format, plain)
        assert all(piece in shown for piece in MARKUP.split()), shown
        if output_format == "markdown":
            assert 'href="https://x.example"' not in shown


HOSTILE_ARGUMENT = "\x1b[2J\x07\n\x9b\u202e[bold]x"
ESCAPED_ARGUMENT = "\\x1b[2J\\x07\\x0a\\x9b\\u202e[bold]x"


def _hostile_invocations() -> Iterator[tuple[list[str], int]]:
    bad = HOSTILE_ARGUMENT
    yield ["show", bad], 1
    yield ["--data", f"evil{bad}.toml", "list"], 1
    yield ["validate", f"evil{bad}.toml"], 1
    yield ["export", "--output", f"missing{bad}/export.md"], 1
    yield ["list", "--sector", bad], 0
    yield ["list", "--search", bad, "--province", bad], 0
    yield [bad], 2
    yield [f"--x{bad}", "list"], 2
    yield ["list", bad], 2
    yield ["list", f"--x{bad}"], 2
    yield ["list", "--fields", f"slug,{bad}"], 2
    yield ["export", "--sort", bad], 2
    yield ["new", bad], 2
    yield ["new", "zeeland", "-o", f"missing{bad}/zeeland.toml"], 1
    for command in COMMANDS.values():
        for option in command.choices:
            yield [*command.args("oost"), option, bad], 2


HOSTILE_INVOCATIONS = list(_hostile_invocations())


@pytest.mark.parametrize(
    ("args", "exit_code"),
    HOSTILE_INVOCATIONS,
    ids=[printable(" ".join(args)) for args, _ in HOSTILE_INVOCATIONS],
)
def test_the_users_own_arguments_are_echoed_escaped(
    runner: CliRunner, args: list[str], exit_code: int
) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == exit_code, result.output
    assert not UNSAFE.search(result.stdout + result.stderr), repr(result.stderr)
    if exit_code == 0:
        assert (result.stdout, result.stderr) == ("", "")  # nothing matches, nothing to say
    if exit_code == 1:
        assert ESCAPED_ARGUMENT in result.stderr
        assert len(result.stderr.splitlines()) == 1, result.stderr


@pytest.mark.parametrize("rich", ["1", "0"], ids=["rich errors", "plain errors"])
@pytest.mark.parametrize(
    ("args", "exit_code"),
    [
        ([b"list", b"--x\x1b[2J\xe2\x80\xae\x9b"], 2),
        ([b"--x\xe2\x80\xae\x1b", b"list"], 2),
        ([b"list", b"\xe2\x80\xae\x1b"], 2),
        ([b"show", b"\xe2\x80\xae\x1b\x9b"], 1),  # a query that matches no leerlab
        ([b"list", b"--format", b"\xe2\x80\xae\x1b"], 2),
    ],
    ids=["option", "global option", "argument", "query", "choice"],
)
def test_usage_errors_of_the_installed_command_escape_what_was_typed(
    tmp_path: Path, args: list[bytes], exit_code: int, rich: str
) -> None:
    # Raw bytes, as a shell passes them: not all of them are UTF-8.
    completed = subprocess.run(
        [bytes(SCRIPT), *args],
        capture_output=True,
        env=shell_environment(TYPER_USE_RICH=rich),
        check=False,
    )
    assert completed.returncode == exit_code, completed.stderr
    output = completed.stdout + completed.stderr
    for raw in (b"\x1b", b"\x9b", "\u202e".encode()):
        assert raw not in output, output
    assert b"Traceback" not in output
