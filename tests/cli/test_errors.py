"""Error messages: one line each, naming the place of the problem; usage errors name the
valid choices. The commands and their choice options are read from the app itself, so
a new command or option is covered when it is added.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import Command, app_commands, make_lab, shell_environment
from leerlab_cli.cli import app

COMMANDS = app_commands()
# `diff` reads the two files it is given (tests/cli/diff/test_diff.py), not the dataset in use;
# `schema` and `new` read none.
DATA_COMMANDS = [
    command for name, command in COMMANDS.items() if name not in ("schema", "diff", "new")
]
INTERNAL_ERROR = (
    "error: internal error ({kind}): this is a bug in leerlab; "
    "run again with LEERLAB_DEBUG=1 to see the traceback\n"
)


def test_the_commands_are_read_from_the_app() -> None:
    assert {"list", "show", "validate", "export"} <= set(COMMANDS)
    assert COMMANDS["show"].takes_query
    assert COMMANDS["list"].choices["--format"] == ("table", "tsv", "json")
    assert set(COMMANDS["export"].formats) == {"markdown", "html", "csv", "json", "toml", "xlsx"}
    assert "--from" in COMMANDS["list"].choices


@pytest.mark.parametrize("command", DATA_COMMANDS, ids=lambda command: command.name)
def test_a_syntax_error_names_file_line_and_column(
    runner: CliRunner, tmp_path: Path, command: Command
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[meta]\ntitle = "x"\nyear = \n', encoding="utf-8")
    result = runner.invoke(app, ["--data", str(path), *command.args("x")])
    assert result.exit_code == 1, result.output
    reason = 'this is not a value: text needs quotes ("…"), true and false are lowercase'
    if command.name == "validate":
        assert result.stderr == f"{path}:3:8: error: invalid TOML: {reason}\n"
    else:
        assert result.stderr == f"error: {path}:3:8: invalid TOML: {reason}\n"


@pytest.mark.parametrize(
    ("content", "position", "reason"),
    [
        (
            '[meta]\ntitle = "Samen op',
            "2:18",
            "a text is not closed with its quote on the same line",
        ),
        ("[[leerlab", "1:10", "a [[table]] header must end with ']]' on the same line"),
        (
            '[meta]\nintroduction = """\nDrie\nregels\n',
            "5:1",
            "a text is not closed with its quote on the same line",
        ),
    ],
)
def test_a_file_that_ends_too_early_names_its_last_line(
    runner: CliRunner, tmp_path: Path, content: str, position: str, reason: str
) -> None:
    path = tmp_path / "cut.toml"
    path.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["--data", str(path), "list"])
    assert result.exit_code == 1, result.output
    assert result.stderr == (
        f"error: {path}:{position}: invalid TOML: {reason}; the file ends too early\n"
    )


@pytest.mark.parametrize("command", DATA_COMMANDS, ids=lambda command: command.name)
def test_a_schema_error_names_the_leerlab_and_field_path(
    runner: CliRunner, write_dataset: Callable[..., Path], command: Command
) -> None:
    path = write_dataset(
        make_lab(), make_lab(slug="tweede", routes=[{"leerwegen": ["bb"], "niveaus": [2, 5]}])
    )
    result = runner.invoke(app, ["--data", str(path), *command.args("testlab")])
    assert result.exit_code == 1, result.output
    problem = "leerlab 'tweede': routes[0].niveaus[1]: 5 must be 4 or less\n"
    if command.name == "validate":
        assert result.stderr == f"{path}:88:5: error: {problem}"
    else:
        assert result.stderr == f"error: {path}:88:5: {problem}"


def test_validate_keeps_a_problem_that_quotes_the_data_on_one_line(
    runner: CliRunner, write_dataset: Callable[..., Path]
) -> None:
    school = "Elders\ncollege\u2028B"
    path = write_dataset(
        make_lab(routes=[{"leerwegen": ["bb"], "niveaus": [2], "schools": [school]}])
    )
    problem = (
        "leerlab 'testlab': routes[0].schools[0]: "
        '"Elders\\ncollege\\u2028B" is not one of the leerlab\'s schools; '
        'did you mean "Testcollege"?\n'
    )
    for args, line in (
        (["validate", str(path)], f"{path}:48:5: error: {problem}"),
        (["--data", str(path), "list"], f"error: {path}:48:5: {problem}"),
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 1, result.output
        assert result.stderr == line, args


@pytest.mark.usefixtures("no_debug")
def test_an_internal_error_while_reading_the_global_options_is_one_line(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(text: str) -> None:
        raise ZeroDivisionError

    monkeypatch.setattr("leerlab_cli.cli.write", broken)
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 1
    assert result.stderr == INTERNAL_ERROR.format(kind="ZeroDivisionError")


CRASHING_LIST = """
import sys
import leerlab_cli.cli.list_cmd

def select(labs, filters):
    secret_local = "s3cr3t-local-value"
    raise RuntimeError("a bug")

leerlab_cli.cli.list_cmd.select = select
sys.argv = ["leerlab", "list"]
from leerlab_cli.cli import main
main()
"""


def test_an_internal_error_in_a_real_process_is_one_line_without_locals(tmp_path: Path) -> None:
    command = [sys.executable, "-c", CRASHING_LIST]
    crash = subprocess.run(
        command, capture_output=True, text=True, env=shell_environment(), check=False
    )
    assert (crash.returncode, crash.stdout) == (1, "")
    assert crash.stderr == INTERNAL_ERROR.format(kind="RuntimeError")
    debug = subprocess.run(
        command,
        capture_output=True,
        text=True,
        env=shell_environment(LEERLAB_DEBUG="1"),
        check=False,
    )
    assert debug.returncode == 1
    assert "Traceback" in debug.stderr
    assert "a bug" in debug.stderr
    assert "s3cr3t-local-value" not in debug.stderr


# --- Usage errors -------------------------------------------------------------------------

CHOICE_OPTIONS = [
    (command, option, choices)
    for command in COMMANDS.values()
    for option, choices in command.choices.items()
]


@pytest.mark.parametrize(
    ("command", "option", "choices"),
    CHOICE_OPTIONS,
    ids=[f"{command.name} {option}" for command, option, _ in CHOICE_OPTIONS],
)
def test_an_invalid_choice_is_exit_2_naming_every_valid_one(
    runner: CliRunner, command: Command, option: str, choices: tuple[str, ...]
) -> None:
    result = runner.invoke(app, [*command.args("oost"), option, "nonsense"])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    message = " ".join(result.stderr.replace("│", " ").split())
    assert all(f"'{choice}'" in message for choice in choices), message


def test_every_choice_option_is_checked() -> None:
    named = {(command.name, option) for command, option, _ in CHOICE_OPTIONS}
    assert {("list", "--format"), ("list", "--from"), ("list", "--to")} <= named
    assert {("show", "--format"), ("export", "--format")} <= named
