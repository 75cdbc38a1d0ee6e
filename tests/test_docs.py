"""The help is the documentation: every command and option is in the README, which cannot
drift from `--help` (as sqlite-utils' tests/test_docs.py keeps its docs).

The README's reference section is generated from the app's command tree by
tests/readme_reference.py; the prose elsewhere in the README must name each command too.
"""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from helpers import REPOSITORY, stdout_of
from readme_reference import END, START, commands, options, reference, root_command

README = (REPOSITORY / "README.md").read_text(encoding="utf-8")
SECTION = README[README.index(START) : README.index(END) + len(END)]
PROSE = README.replace(SECTION, "")

COMMANDS = list(commands())
OPTIONS = [
    (name, opt)
    for name, command in [("", root_command()), *commands().items()]
    for option in options(command)
    for opt in [*option.opts, *option.secondary_opts]
]


def command_section(name: str) -> str:
    """The README's reference of one command (the global options for "")."""
    heading = f"#### `leerlab {name}".rstrip() + " "
    start = SECTION.index(heading) if name else SECTION.index("#### `leerlab [")
    end = SECTION.find("\n#### ", start + 1)
    return SECTION[start : end if end != -1 else len(SECTION)]


def test_the_reference_is_up_to_date() -> None:
    assert reference() == SECTION, "stale: run .venv/bin/python tests/readme_reference.py"


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_in_the_usage_and_the_reference(name: str) -> None:
    assert re.search(rf"^leerlab (--data \S+ )?{name}\b", PROSE, re.MULTILINE), name
    assert f"#### `leerlab {name}" in SECTION


@pytest.mark.parametrize(("name", "option"), OPTIONS, ids=lambda value: value or "leerlab")
def test_every_option_is_documented_under_its_command(name: str, option: str) -> None:
    assert re.search(rf"`{re.escape(option)}`", command_section(name)), (name, option)


@pytest.mark.parametrize("name", ["", *COMMANDS])
def test_the_reference_shows_what_the_help_shows(runner: CliRunner, name: str) -> None:
    # Each option and its placeholder as `leerlab [COMMAND] --help` prints them.
    help_text = " ".join(
        stdout_of(runner, [*name.split(), "--help"], env={"COLUMNS": "200"}).split()
    )
    for row in re.findall(r"^\| (`.*?) \| (.*?) \| (.*) \|$", command_section(name), re.MULTILINE):
        names, value, meaning = row
        first = names.split("`")[1]
        assert first in help_text, (name, first)
        if value:
            assert re.search(rf"{re.escape(first)}\s.*?{re.escape(value.strip('`'))}", help_text)
        assert " ".join(meaning.replace("\\|", "|").split())[:40] in help_text, (name, meaning)
