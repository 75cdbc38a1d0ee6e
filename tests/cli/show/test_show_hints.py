"""`show` given a word that is not a leerlab's name: where to find the leerlabs with it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import make_lab
from leerlab_cli.cli import app


@pytest.mark.parametrize(
    ("query", "message"),
    [
        # A sector.
        (
            "zorg",
            "no leerlab is named 'zorg'; 2 leerlabs have it in their text: leerlab list -q zorg",
        ),
        # A contact's name.
        (
            "zerin",
            "no leerlab is named 'zerin'; 1 leerlab has it in its text: leerlab list -q zerin",
        ),
        (
            "Zorg & Welzijn",
            "no leerlab is named 'Zorg & Welzijn'; 2 leerlabs have it in their text: "
            "leerlab list -q 'Zorg & Welzijn'",
        ),
    ],
)
def test_a_word_of_the_text_points_at_list_search(
    runner: CliRunner, query: str, message: str
) -> None:
    result = runner.invoke(app, ["show", query])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"error: {message}\n"


def test_a_school_of_several_leerlabs_points_at_list_search(
    runner: CliRunner, write_dataset: Callable[..., Path]
) -> None:
    path = write_dataset(
        make_lab(slug="een", name="Leerlab Een"), make_lab(slug="twee", name="Leerlab Twee")
    )
    result = runner.invoke(app, ["--data", str(path), "show", "roc test"])
    assert result.exit_code == 1
    assert result.stderr == (
        "error: 'roc test' matches more than one leerlab: een (Leerlab Een), "
        "twee (Leerlab Twee); 2 leerlabs have it in their text: leerlab list -q 'roc test'\n"
    )


def test_a_word_of_the_text_wins_over_a_slug_spelt_like_it(
    runner: CliRunner, write_dataset: Callable[..., Path]
) -> None:
    # "groen" is a sector here, and close to the slug "groep": it is not taken as a typo.
    path = write_dataset(make_lab(slug="groep"), make_lab(slug="twee", sectors=["Groen"]))
    result = runner.invoke(app, ["--data", str(path), "show", "groen"])
    assert result.exit_code == 1
    assert result.stderr == (
        "error: no leerlab is named 'groen'; 1 leerlab has it in its text: leerlab list -q groen\n"
    )


def test_the_hint_in_dutch(runner: CliRunner) -> None:
    result = runner.invoke(app, ["show", "zerin"], env={"LEERLAB_LANG": "nl"})
    assert result.stderr == (
        "fout: geen leerlab heet 'zerin'; 1 leerlab heeft het in zijn tekst: "
        "leerlab list -q zerin\n"
    )


def test_words_of_one_query_unquoted_say_how_to_quote_them(runner: CliRunner) -> None:
    result = runner.invoke(app, ["show", "midden", "limburg"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "error: Unexpected extra argument (limburg). "
        "To look for them together: leerlab show 'midden limburg'\n"
    )
