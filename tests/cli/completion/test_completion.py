"""Shell completion: Typer's install/show options, and suggestions read from the dataset in use."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import SCRIPT, complete_bash, make_lab, shell_environment
from leerlab_cli.cli import app
from leerlab_cli.core.suggest import (
    matching,
    province_suggestions,
    sector_suggestions,
    slug_suggestions,
)
from leerlab_cli.files.dataset import load

SLUGS = ["apeldoorn", "assen", "oost", "ottoland", "noord-brabant", "midden-limburg"]


# --- the core -------------------------------------------------------------------------------------


def test_suggestions_of_the_shipped_dataset(shipped: Path) -> None:
    labs = load(shipped).leerlab
    assert slug_suggestions(labs)[0] == ("apeldoorn", "Leerlab Apeldoorn")
    assert [value for value, _ in slug_suggestions(labs)] == SLUGS
    assert sector_suggestions(labs) == [
        ("Zorg en Welzijn", "sector"),
        ("Horeca, Bakkerij & Recreatie", "sector"),
        ("Groen", "sector"),
        ("Sport en Bewegen", "sector"),
        ("Melkveehouderij", "specialisation"),
        ("Groen, Grond & Infra", "specialisation"),
        ("Hovenier", "specialisation"),
    ]
    assert province_suggestions(labs) == [
        ("Gelderland", "apeldoorn, oost"),
        ("Overijssel", "apeldoorn, oost"),
        ("Drenthe", "assen"),
        ("Zuid-Holland", "ottoland"),
        ("Utrecht", "ottoland"),
        ("Noord-Brabant", "noord-brabant"),
        ("Limburg", "midden-limburg"),
    ]


@pytest.mark.parametrize(
    ("incomplete", "expected"),
    [
        ("", ["Gelderland", "Groen", "groen"]),
        ("G", ["Gelderland", "Groen"]),
        ("gr", ["groen"]),
        ("GEL", ["GELderland"]),
        ("x", []),
    ],
)
def test_matching_ignores_case_and_keeps_what_was_typed(
    incomplete: str, expected: list[str]
) -> None:
    suggestions = [("Gelderland", ""), ("Groen", ""), ("groen", "")]
    assert [value for value, _ in matching(suggestions, incomplete)] == expected


# --- through the app ------------------------------------------------------------------------------


def test_show_completes_slugs(runner: CliRunner) -> None:
    assert complete_bash(runner, "leerlab show ap") == ["apeldoorn"]
    assert complete_bash(runner, "leerlab show ") == SLUGS
    assert complete_bash(runner, "leerlab show m") == ["midden-limburg"]
    assert complete_bash(runner, "leerlab show x") == []


def test_a_completed_slug_in_another_case_still_shows_the_lab(runner: CliRunner) -> None:
    (suggestion,) = complete_bash(runner, "leerlab show AP")
    assert suggestion == "APeldoorn"
    result = runner.invoke(app, ["show", suggestion, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert '"slug": "apeldoorn"' in result.stdout


def test_completion_reads_the_dataset_named_by_data(
    runner: CliRunner, write_dataset: Callable[..., Path]
) -> None:
    path = write_dataset(make_lab(slug="eigen-lab"), make_lab(slug="ander-lab"))
    assert complete_bash(runner, f"leerlab --data {path} show ") == ["eigen-lab", "ander-lab"]
    assert complete_bash(runner, f"leerlab --data {path} show e") == ["eigen-lab"]


def test_completion_reads_the_dataset_named_by_the_environment(
    runner: CliRunner, write_dataset: Callable[..., Path]
) -> None:
    path = write_dataset(make_lab(slug="eigen-lab"))
    env = {"LEERLAB_DATA": str(path)}
    assert complete_bash(runner, "leerlab show ", env=env) == ["eigen-lab"]
    # --data wins over the environment, as for every command.
    other = write_dataset(make_lab(slug="data-lab"), name="other.toml")
    assert complete_bash(runner, f"leerlab --data {other} show ", env=env) == ["data-lab"]


@pytest.mark.parametrize(
    "content",
    [
        None,  # no such file
        b"[meta\n",  # invalid TOML
        b'[meta]\ntitle = "x"\n',  # not a valid dataset
        b"\xff\xfe",  # not UTF-8
    ],
)
def test_an_unreadable_dataset_suggests_nothing_quietly(
    runner: CliRunner, tmp_path: Path, content: bytes | None
) -> None:
    path = tmp_path / "broken.toml"
    if content is not None:
        path.write_bytes(content)
    for line in (f"leerlab --data {path} show a", f"leerlab --data {path} list --sector "):
        assert complete_bash(runner, line) == []
    assert complete_bash(runner, "leerlab show a", env={"LEERLAB_DATA": str(path)}) == []


def test_a_folder_as_dataset_suggests_nothing(runner: CliRunner, tmp_path: Path) -> None:
    assert complete_bash(runner, f"leerlab --data {tmp_path} show ") == []


@pytest.mark.parametrize("command", ["list", "routes", "contacts"])
def test_sector_completes_sectors_and_specialisations(runner: CliRunner, command: str) -> None:
    # Bash puts a suggestion on the line as it is, so spaces and & come escaped.
    assert complete_bash(runner, f"leerlab {command} --sector ") == [
        "Zorg\\ en\\ Welzijn",
        "Horeca,\\ Bakkerij\\ \\&\\ Recreatie",
        "Groen",
        "Sport\\ en\\ Bewegen",
        "Melkveehouderij",
        "Groen,\\ Grond\\ \\&\\ Infra",
        "Hovenier",
    ]
    assert complete_bash(runner, f"leerlab {command} --sector zo") == ["zorg\\ en\\ Welzijn"]


@pytest.mark.parametrize("command", ["list", "routes", "contacts"])
def test_province_completes_provinces(runner: CliRunner, command: str) -> None:
    assert complete_bash(runner, f"leerlab {command} --province ") == [
        "Gelderland",
        "Overijssel",
        "Drenthe",
        "Zuid-Holland",
        "Utrecht",
        "Noord-Brabant",
        "Limburg",
    ]
    assert complete_bash(runner, f"leerlab {command} --province noord") == ["noord-Brabant"]


@pytest.mark.parametrize("command", ["list", "routes", "contacts"])
def test_from_completes_the_leerweg_choices(runner: CliRunner, command: str) -> None:
    assert complete_bash(runner, f"leerlab {command} --from g") == ["gl", "gemengd", "gt"]
    assert complete_bash(runner, f"leerlab {command} --from ") == [
        "bb",
        "kb",
        "gl",
        "tl",
        "basis",
        "kader",
        "gemengd",
        "theoretisch",
        "gt",
    ]


def test_zsh_and_fish_get_unescaped_values_with_help(runner: CliRunner) -> None:
    zsh = runner.invoke(
        app,
        [],
        prog_name="leerlab",
        env={
            "_LEERLAB_COMPLETE": "complete_zsh",
            "_TYPER_COMPLETE_ARGS": "leerlab list --sector Zo",
        },
    )
    assert zsh.exit_code == 0, zsh.output
    assert zsh.stdout == '_arguments \'*: :(("Zorg en Welzijn":"sector"))\'\n'
    fish = runner.invoke(
        app,
        [],
        prog_name="leerlab",
        env={
            "_LEERLAB_COMPLETE": "complete_fish",
            "_TYPER_COMPLETE_FISH_ACTION": "get-args",
            "_TYPER_COMPLETE_ARGS": "leerlab show a",
        },
    )
    assert fish.exit_code == 0, fish.output
    assert fish.stdout == "apeldoorn\tLeerlab Apeldoorn\nassen\tLeerlab Assen\n"


def test_help_offers_to_install_and_show_completion(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "--install-completion" in result.stdout
    assert "--show-completion" in result.stdout


# --- in a real bash -------------------------------------------------------------------------------

needs_bash = pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")


def in_bash(script: str) -> subprocess.CompletedProcess[str]:
    environment = shell_environment()
    environment["PATH"] = f"{SCRIPT.parent}{os.pathsep}{environment.get('PATH', '')}"
    return subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", script],
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


@needs_bash
def test_show_completion_prints_a_bash_script() -> None:
    result = in_bash("leerlab --show-completion")
    assert result.returncode == 0, result.stderr
    assert "_LEERLAB_COMPLETE=complete_bash" in result.stdout
    assert "complete -o default -F _leerlab_completion leerlab" in result.stdout


@needs_bash
@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("leerlab show ap", ["apeldoorn"]),
        ("leerlab list --sector Zo", ["Zorg\\ en\\ Welzijn"]),
        ("leerlab routes --from k", ["kb", "kader"]),
    ],
)
def test_the_installed_script_completes_in_bash(words: str, expected: list[str]) -> None:
    # What bash does on Tab: load the script, then call its function for the current word.
    script = f"""
        eval "$(leerlab --show-completion)"
        COMP_WORDS=({words})
        COMP_CWORD={len(words.split()) - 1}
        _leerlab_completion leerlab
        printf '%s\\n' "${{COMPREPLY[@]}}"
    """
    result = in_bash(script)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == expected
    # And the line bash builds from it is one argument again.
    check = in_bash(f"printf '%s\\n' {expected[0]}")
    assert len(check.stdout.splitlines()) == 1
