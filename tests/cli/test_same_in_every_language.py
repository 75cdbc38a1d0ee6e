"""Output for programs is byte for byte the same in Dutch and in English."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import app_commands
from leerlab_cli.cli import app

MACHINE_FORMATS: dict[str, tuple[str | None, ...]] = {
    "list": ("tsv", "json"),
    "show": ("json",),
    "routes": ("json", "tsv", "csv"),
    "provinces": ("json",),
    "contacts": ("tsv", "json", "csv", "emails"),
    "export": ("csv", "json", "toml"),
    "info": ("json",),
    "schema": (None,),
    "validate": ("json",),
    "diff": ("json",),
}
"""Each command's formats for programs (None: the command's only output)."""

PEOPLE_FORMATS: dict[str, tuple[str | None, ...]] = {
    "list": ("table",),
    "show": ("panel", "text", "markdown"),
    "routes": ("table", "markdown"),
    "provinces": ("table", "markdown", "svg"),
    "contacts": ("table",),
    "export": ("markdown", "html", "xlsx"),
    "info": ("text",),
    "validate": ("text", "github"),
    "diff": ("text", "markdown"),
    "new": (None,),
}
"""The formats for people, in the interface language."""

CASES = [
    (command, output_format, filters)
    for command, formats in MACHINE_FORMATS.items()
    for output_format in formats
    for filters in (["--sector", "zorg"], [])
    if (command in ("list", "routes", "contacts", "export") or not filters)
    # diff compares two files it is given: see its own test below; validate's message
    # and hint follow the interface language (tests/test_validate_json_language.py).
    and command not in ("diff", "validate")
]


def test_every_format_is_for_programs_or_for_people() -> None:
    # A new format must be put on one side: a test then checks what it promises.
    for name, command in app_commands().items():
        formats = set(MACHINE_FORMATS.get(name, ())) | set(PEOPLE_FORMATS.get(name, ()))
        assert formats == set(command.formats), name
        assert not set(MACHINE_FORMATS.get(name, ())) & set(PEOPLE_FORMATS.get(name, ()))


@pytest.mark.parametrize(
    ("command", "output_format", "filters"),
    CASES,
    ids=[f"{c}-{f or 'default'}{'-zorg' if x else ''}" for c, f, x in CASES],
)
def test_machine_output_is_the_same_in_dutch_and_english(
    runner: CliRunner, command: str, output_format: str | None, filters: list[str]
) -> None:
    args = app_commands()[command].args("ottoland", output_format) + filters
    outputs = {}
    for language in ("nl", "en"):
        env = {"LEERLAB_LANG": language}
        result = runner.invoke(app, args, env=env)
        assert result.exit_code == 0, result.output
        outputs[language] = result.stdout_bytes
    assert outputs["nl"] == outputs["en"]
    assert outputs["nl"]


def test_the_excel_csv_is_for_people_and_plain_csv_is_not(runner: CliRunner) -> None:
    outputs = {
        language: runner.invoke(
            app, ["export", "--format", "csv", "--excel"], env={"LEERLAB_LANG": language}
        ).stdout
        for language in ("nl", "en")
    }
    assert outputs["nl"] != outputs["en"]


def test_diff_json_is_the_same_in_dutch_and_english(
    runner: CliRunner, shipped: Path, tmp_path: Path
) -> None:
    new = tmp_path / "new.toml"
    edited = shipped.read_text(encoding="utf-8").replace(
        'email = "hub@dr.nassaucollege.nl"', 'email = "hub@drnassau.nl"'
    )
    new.write_text(edited, encoding="utf-8")
    outputs = {}
    for language in ("nl", "en"):
        args = ["diff", "--format", "json", str(shipped), str(new)]
        result = runner.invoke(app, args, env={"LEERLAB_LANG": language})
        assert result.exit_code == 0, result.output
        outputs[language] = result.stdout_bytes
    assert outputs["nl"] == outputs["en"]
    assert b"contacts[name=Huubs Hubbeling].email" in outputs["nl"]
