"""A word given to a command that selects leerlabs: a usage error saying what was meant."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import make_lab
from leerlab_cli.cli import app
from leerlab_cli.core.query import WordMeaning, meaning_of
from leerlab_cli.files.dataset import load


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["list", "zorg"],
            "Unexpected extra argument (zorg). To select by sector: leerlab list --sector zorg",
        ),
        (
            ["contacts", "ottoland"],
            "Unexpected extra argument (ottoland). To see that leerlab: leerlab show ottoland",
        ),
        (
            ["routes", "Limburg"],
            "Unexpected extra argument (Limburg). "
            "To select by province: leerlab routes --province Limburg",
        ),
        (
            ["export", "zerin"],
            "Unexpected extra argument (zerin). To search all text: leerlab export -q zerin",
        ),
        (
            ["list", "midden", "limburg"],
            "Unexpected extra arguments (midden limburg). "
            "To see that leerlab: leerlab show midden-limburg",
        ),
        (
            ["list", "--format", "json", "zorg & welzijn"],
            "Unexpected extra argument (zorg & welzijn). "
            "To select by sector: leerlab list --sector 'zorg & welzijn'",
        ),
        (
            ["provinces", "nassau"],
            "Unexpected extra argument (nassau). To search all text: leerlab provinces -q nassau",
        ),
    ],
)
def test_a_word_of_its_own_says_what_was_meant(
    runner: CliRunner, args: list[str], message: str
) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"error: {message}\n"


def test_the_hint_reads_the_dataset_named_by_data(
    runner: CliRunner, write_dataset: Callable[..., Path]
) -> None:
    path = write_dataset(make_lab(slug="zorg"))
    result = runner.invoke(app, ["--data", str(path), "list", "zorg"])
    assert result.stderr == (
        "error: Unexpected extra argument (zorg). To see that leerlab: leerlab show zorg\n"
    )


def test_without_a_readable_dataset_the_hint_is_a_search(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "missing.toml"
    result = runner.invoke(app, ["list", "--data", str(missing), "zorg"])
    assert result.exit_code == 2
    assert result.stderr == (
        "error: Unexpected extra argument (zorg). To search all text: leerlab list -q zorg\n"
    )


def test_a_command_that_selects_nothing_keeps_the_plain_message(runner: CliRunner) -> None:
    result = runner.invoke(app, ["info", "zorg"])
    assert result.exit_code == 2
    assert result.stderr == "error: Unexpected extra argument (zorg).\n"


def test_the_hint_in_dutch(runner: CliRunner) -> None:
    result = runner.invoke(app, ["list", "zorg"], env={"LEERLAB_LANG": "nl"})
    assert result.stderr == (
        "fout: Onverwacht extra argument (zorg). Kiezen op sector: leerlab list --sector zorg\n"
    )


def test_a_word_with_control_characters_is_escaped(runner: CliRunner) -> None:
    result = runner.invoke(app, ["list", "x\x1b[2J"])
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("ottoland", (WordMeaning.slug, "ottoland")),
        ("Noord Brabant", (WordMeaning.slug, "noord-brabant")),
        ("groen", (WordMeaning.sector, "groen")),
        ("hovenier", (WordMeaning.sector, "hovenier")),
        ("overijssel", (WordMeaning.province, "overijssel")),
        ("aventus", (WordMeaning.text, "aventus")),
        ("-", (WordMeaning.text, "-")),
    ],
)
def test_meaning_of_a_word(shipped: Path, word: str, expected: tuple[WordMeaning, str]) -> None:
    assert meaning_of(load(shipped).leerlab, word) == expected
