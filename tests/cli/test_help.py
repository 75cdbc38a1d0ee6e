"""Help that reads well in Dutch and in English, framework words included; no orphans."""

from __future__ import annotations

import functools
import json
import re
import subprocess
import sys

import pytest
import typer
import typer.main
from typer.core import TyperCommand, TyperGroup, TyperOption
from typer.testing import CliRunner

from helpers import foreign_words, shell_environment
from leerlab_cli.cli import COMMANDS, app

HELPS = [[], *([name] for name in COMMANDS)]
"""The app's help and each command's."""


def help_text(runner: CliRunner, args: list[str], language: str, columns: int = 80) -> str:
    """The help of `args` as an 80-column terminal shows it, colours left out."""
    env = {"LEERLAB_LANG": language, "COLUMNS": str(columns), "TERMINAL_WIDTH": None}
    result = runner.invoke(app, [*args, "--help"], env=env)
    assert result.exit_code == 0, result.output
    return result.stdout


def orphans(text: str) -> list[str]:
    """Lines of wrapped text holding a single word: the end of a paragraph left alone.

    Box borders are taken off; a heading (``Examples:``) and typer's ``[required]``
    are single words by design.
    """
    found = []
    for line in text.splitlines():
        content = line.strip().strip("│").strip()
        words = content.split()
        if len(words) != 1 or content.endswith(":") or content.startswith("["):
            continue
        if set(content) <= set("─╭╮╰╯"):
            continue
        found.append(content)
    return found


# Prints the help of each of HELPS, as JSON, from one process that imports the app once.
_EVERY_HELP = """
import json, sys
from typer.testing import CliRunner
from leerlab_cli.cli import app
helps = []
for args in json.loads(sys.argv[1]):
    result = CliRunner().invoke(app, [*args, "--help"], prog_name="leerlab")
    helps.append([result.exit_code, result.stdout])
print(json.dumps(helps))
"""


@functools.cache
def helps_of_one_process(language: str) -> dict[str, tuple[int, str]]:
    """Every help as one process in `language` prints it: typer words its own part of the
    help ("[required]") once, when it is imported, so a process speaks one language."""
    completed = subprocess.run(
        [sys.executable, "-c", _EVERY_HELP, json.dumps(HELPS)],
        env=shell_environment(LEERLAB_LANG=language, COLUMNS="80"),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=True,
    )
    return {
        " ".join(args): (code, text)
        for args, (code, text) in zip(HELPS, json.loads(completed.stdout), strict=True)
    }


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("args", HELPS, ids=["leerlab", *COMMANDS])
def test_help_speaks_one_language(args: list[str], language: str) -> None:
    code, text = helps_of_one_process(language)[" ".join(args)]
    assert code == 0, text
    assert re.match(r"\s*(Usage|Gebruik): leerlab", text), text
    assert foreign_words(text, language) == [], text


@pytest.mark.parametrize("columns", [80])
@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("args", HELPS, ids=["leerlab", *COMMANDS])
def test_help_wraps_without_orphans(
    runner: CliRunner, args: list[str], language: str, columns: int
) -> None:
    text = help_text(runner, args, language, columns)
    assert orphans(text) == [], text


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("args", HELPS, ids=["leerlab", *COMMANDS])
def test_help_has_no_markup_left_over(runner: CliRunner, args: list[str], language: str) -> None:
    text = help_text(runner, args, language)
    assert "`" not in text
    assert "<bool>" not in text.lower()
    assert "BOOLEAN" not in text


@pytest.mark.parametrize(("language", "heading"), [("nl", "Voorbeeld"), ("en", "Example")])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_each_command_shows_examples(
    runner: CliRunner, command: str, language: str, heading: str
) -> None:
    text = help_text(runner, [command], language)
    found = re.search(rf"^ {heading}(en|s)?:\s+leerlab (--data \S+ )?{command}\b", text, re.M)
    assert found, text


@pytest.mark.parametrize(
    ("language", "fields"),
    [
        ("en", "Each tab-separated line has the fields slug, name, sector, routes and phase."),
        ("nl", "Elke regel met tabs heeft de velden slug, naam, sector, routes en fase."),
    ],
)
def test_list_help_names_the_tab_separated_fields(
    runner: CliRunner, language: str, fields: str
) -> None:
    text = help_text(runner, ["list"], language, columns=200)
    assert fields in text


def _built_commands() -> dict[str, TyperCommand | TyperGroup]:
    group = typer.main.get_command(app)
    assert isinstance(group, TyperGroup)
    return {"leerlab": group, **{name: group.commands[name] for name in COMMANDS}}


def test_every_value_has_an_uppercase_metavar() -> None:
    # One style: PATH, TEXT, LEERWEG, NIVEAU, FORMAT, QUERY; never [a|b|c] or <bool>.
    for name, command in _built_commands().items():
        for param in command.params:
            if isinstance(param, TyperOption) and param.is_flag:
                continue
            metavar = (param.metavar or "").strip("[].")
            assert re.fullmatch("[A-Z]+", metavar), (name, param.name, metavar)


@pytest.mark.parametrize(
    ("long", "short", "metavar"), [("--format", "-f", "FORMAT"), ("--output", "-o", "PATH")]
)
def test_short_options_mean_the_same_on_every_command(long: str, short: str, metavar: str) -> None:
    having = []
    for name, command in _built_commands().items():
        for param in command.params:
            if long in param.opts or short in param.opts:
                assert sorted(param.opts) == sorted([long, short]), (name, param.opts)
                assert param.metavar == metavar, (name, param.name)
                having.append(name)
    assert having


def test_format_help_names_every_choice(runner: CliRunner) -> None:
    # The choices as the error for a wrong one lists them: '--format' is not one of ….
    for name, command in _built_commands().items():
        for param in command.params:
            if "--format" in param.opts:
                result = runner.invoke(app, [name, "--format", "nonsense"])
                assert result.exit_code == 2, result.output
                choices = re.findall(r"'(\w+)'", result.output.split("one of", 1)[1])
                help_words = re.findall(r"\w+", getattr(param, "help", "") or "")
                assert choices, result.output
                assert set(choices) <= set(help_words), (name, param.help)


@pytest.mark.parametrize("args", HELPS, ids=["leerlab", *COMMANDS])
def test_the_usage_line_is_in_the_interface_language(runner: CliRunner, args: list[str]) -> None:
    dutch = help_text(runner, args, "nl")
    english = help_text(runner, args, "en")
    assert "[OPTIES]" in dutch, dutch
    assert "OPTIONS" not in dutch, dutch
    assert "[OPTIONS]" in english, english
    assert "OPTIES" not in english, english
    if not args:
        assert "OPDRACHT [ARGUMENTEN]..." in dutch, dutch
        assert "COMMAND [ARGS]..." in english, english


@pytest.mark.parametrize(
    ("args", "dutch_usage", "english_usage"),
    [
        (
            ["validate"],
            "leerlab validate [OPTIES] [BESTAND]...",
            "leerlab validate [OPTIONS] [FILE]...",
        ),
        (["diff"], "leerlab diff [OPTIES] {OUD} {NIEUW}", "leerlab diff [OPTIONS] {OLD} {NEW}"),
        (["show"], "leerlab show [OPTIES] {ZOEKTERM}", "leerlab show [OPTIONS] {QUERY}"),
    ],
)
def test_the_arguments_of_the_usage_line_are_in_the_interface_language(
    runner: CliRunner, args: list[str], dutch_usage: str, english_usage: str
) -> None:
    # Each placeholder once, in the language of the help: "[BESTAND]...", not "[FILE...]...".
    dutch = help_text(runner, args, "nl", columns=120)
    english = help_text(runner, args, "en", columns=120)
    assert f"Gebruik: {dutch_usage}" in _lines(dutch), dutch
    assert f"Usage: {english_usage}" in _lines(english), english


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines()]


EXAMPLES_HEADING = {"nl": "Voorbeelden:", "en": "Examples:"}


@pytest.mark.parametrize("columns", [40, 59])
@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("args", HELPS, ids=["leerlab", *COMMANDS])
def test_narrow_help_is_a_list_that_cuts_no_word(
    runner: CliRunner, args: list[str], language: str, columns: int
) -> None:
    # Below 60 columns typer's table would cut words ("opleidi…"): the help is a list.
    text = help_text(runner, args, language, columns)
    assert "…" not in text, text
    assert not set(text) & set("│╭╰"), text
    assert foreign_words(text, language) == [], text
    described, _heading, examples = text.partition(EXAMPLES_HEADING[language])
    for line in described.splitlines():
        assert len(line) <= columns, (line, text)
    for example in filter(None, examples.splitlines()):
        # Commands to copy stay whole: the terminal wraps them, not leerlab.
        assert example.startswith("  leerlab "), (example, text)
    command = typer.main.get_command(app)
    if args:
        assert isinstance(command, TyperGroup)
        command = command.commands[args[0]]
    for param in command.params:
        if isinstance(param, TyperOption) and not param.hidden:
            assert f"  {param.opts[-1]}" in text or f" {param.opts[-1]} " in text, (param, text)


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("args", HELPS, ids=["leerlab", *COMMANDS])
def test_from_60_columns_typers_table_cuts_no_word(
    runner: CliRunner, args: list[str], language: str
) -> None:
    # The narrowest terminal that gets typer's table must fit its longest words.
    text = help_text(runner, args, language, columns=60)
    assert "│" in text, text
    assert "…" not in text, text
