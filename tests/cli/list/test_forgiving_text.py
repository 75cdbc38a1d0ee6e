"""Text filters forgive the way people type: spaces, hyphens, `&` for `en`, punctuation.

Each filter compares text folded by `core.text.fold` (its properties are in
tests/core/test_text.py); these are the examples people gave, through the commands.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from helpers import complete_bash, stdout_of
from leerlab_cli.cli import app
from leerlab_cli.core.models import Profiel
from leerlab_cli.core.query import profielen_named


def listed(runner: CliRunner, *args: str) -> list[str]:
    output = stdout_of(runner, ["list", *args, "--format", "json"])
    return [lab["slug"] for lab in json.loads(output)]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--province", "noord brabant"], ["noord-brabant"]),
        (["--province", "zuid holland"], ["ottoland"]),
        (["--province", "NoordBrabant"], ["noord-brabant"]),
        (["--sector", "zorg & welzijn"], ["apeldoorn", "midden-limburg"]),
        (["--sector", "Zorg-en-Welzijn"], ["apeldoorn", "midden-limburg"]),
        (["--sector", "horeca bakkerij"], ["assen"]),
        (["-q", "horeca bakkerij"], ["assen"]),
        (["-q", "Dr Nassau"], ["assen"]),
        (["--kind", "doorlopende-leerroute"], ["assen"]),
        (["--profiel", "zorg"], ["apeldoorn", "midden-limburg"]),
        (["--profiel", "welzijn"], ["apeldoorn", "midden-limburg"]),
        (["--profiel", "Horeca"], ["assen"]),
        (["--profiel", "horeca bakkerij"], ["assen"]),
    ],
)
def test_filters_match_as_people_type(
    runner: CliRunner, args: list[str], expected: list[str]
) -> None:
    assert listed(runner, *args) == expected


@pytest.mark.parametrize("command", ["routes", "contacts", "export", "provinces"])
def test_every_command_with_filters_folds_alike(runner: CliRunner, command: str) -> None:
    folded = stdout_of(runner, [command, "--province", "noord brabant", "--format", "json"])
    as_written = stdout_of(runner, [command, "--province", "Noord-Brabant", "--format", "json"])
    assert folded == as_written


def test_a_word_of_several_profielen_lists_them(runner: CliRunner) -> None:
    result = runner.invoke(app, ["list", "--profiel", "produc"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "error: Invalid value for '--profiel': 'produc' may be more than one vmbo profiel; "
        "choose one of: pie (Produceren, installeren en energie), "
        "dp (Dienstverlening en producten)\n"
    )


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("zorg", (Profiel.zw,)),
        ("ZORG", (Profiel.zw,)),
        ("ict", (Profiel.mvi,)),
        ("bakker", (Profiel.hbr,)),
        ("zw", (Profiel.zw,)),
        ("produc", (Profiel.pie, Profiel.dp)),
        # `en` joins the parts of every name: it names none.
        ("en", ()),
        ("sport", ()),
        ("-", ()),
    ],
)
def test_profielen_named_by_a_word(word: str, expected: tuple[Profiel, ...]) -> None:
    assert profielen_named(word) == expected


@pytest.mark.parametrize("value", ["-", "--", " . "])
def test_text_without_a_letter_or_digit_is_a_usage_error(runner: CliRunner, value: str) -> None:
    # Compared by its letters and digits only, it would match every leerlab.
    result = runner.invoke(app, ["list", "--sector", value])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: Invalid value for '--sector': '{value}' has no letter or digit to look for\n"
    )


def test_a_value_that_folds_to_en_is_still_looked_for(runner: CliRunner) -> None:
    # `&` reads as `en`, which is a letter pair like any other.
    assert listed(runner, "--sector", "&") == listed(runner, "--sector", "en")


def test_completion_folds_what_was_typed(runner: CliRunner) -> None:
    assert complete_bash(runner, "leerlab list --province noordb") == ["noordbrabant"]
    assert complete_bash(runner, "leerlab list --province zuid_h") == ["zuid_holland"]
    assert complete_bash(runner, "leerlab list --sector zorg-en") == ["zorg-en\\ Welzijn"]
