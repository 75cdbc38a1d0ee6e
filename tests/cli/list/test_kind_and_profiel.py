"""The filters of "Routes in kaart": `--kind` (kind of route) and `--profiel` (vmbo profiel)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import complete_bash, exported, stdout_of
from leerlab_cli.cli import app
from leerlab_cli.core.models import Leerlab, Profiel
from leerlab_cli.core.query import Filters, profiel_named, select
from leerlab_cli.core.suggest import kind_suggestions
from leerlab_cli.files.dataset import load

ALL = ["apeldoorn", "assen", "oost", "ottoland", "noord-brabant", "midden-limburg"]
CODES = ["bwi", "pie", "mt", "mvi", "mat", "zw", "eo", "hbr", "dp", "groen"]


def listed(runner: CliRunner, *args: str) -> list[str]:
    output = stdout_of(runner, ["list", *args, "--format", "json"])
    return [lab["slug"] for lab in json.loads(output)]


@pytest.fixture
def labs(shipped: Path) -> list[Leerlab]:
    return load(shipped).leerlab


# --- the core -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(kinds=("doorlopende leerroute",)), ["assen"]),
        (Filters(kinds=("GEÏNTEGREERDE",)), ["ottoland"]),
        (Filters(kinds=("leerlijn",)), ["apeldoorn", "midden-limburg"]),
        (Filters(kinds=("verkorte", "maatwerk")), ["apeldoorn", "assen"]),
        (Filters(kinds=("techniek",)), []),
        (Filters(profielen=frozenset({Profiel.zw})), ["apeldoorn", "midden-limburg"]),
        (
            Filters(profielen=frozenset({Profiel.zw, Profiel.groen})),
            ["apeldoorn", "ottoland", "midden-limburg"],
        ),
        (Filters(profielen=frozenset({Profiel.bwi})), []),
        (Filters(kinds=("leerroute",), profielen=frozenset({Profiel.hbr})), ["assen"]),
        (Filters(kinds=("leerlijn",), provinces=("limburg",)), ["midden-limburg"]),
    ],
)
def test_filters(labs: list[Leerlab], filters: Filters, expected: list[str]) -> None:
    assert [lab.slug for lab in select(labs, filters)] == expected


@pytest.mark.parametrize(
    ("word", "profiel"),
    [
        ("zw", Profiel.zw),
        ("Z&W", Profiel.zw),
        ("z & w", Profiel.zw),
        ("zorg en welzijn", Profiel.zw),
        ("Zorg & Welzijn", Profiel.zw),
        ("HBR", Profiel.hbr),
        ("horeca, bakkerij & recreatie", Profiel.hbr),
        ("groen", Profiel.groen),
        ("mt", Profiel.mt),
        ("M&T", Profiel.mt),
        ("mobiliteit en transport", Profiel.mt),
        ("MaT", Profiel.mat),
        ("maritiem & techniek", Profiel.mat),
        ("media, vormgeving en ict", Profiel.mvi),
        ("d&p", Profiel.dp),
        ("e&o", Profiel.eo),
        ("PIE", Profiel.pie),
        ("bwi", Profiel.bwi),
    ],
)
def test_a_profiel_by_code_abbreviation_or_name(word: str, profiel: Profiel) -> None:
    assert profiel_named(word) is profiel


@pytest.mark.parametrize("word", ["sport en bewegen", "zorg", "techniek", ""])
def test_other_words_name_no_profiel(word: str) -> None:
    assert profiel_named(word) is None


def test_the_ten_profielen() -> None:
    assert [profiel.value for profiel in Profiel] == CODES
    assert Profiel.mt.dutch == "Mobiliteit en transport"
    assert Profiel.mat.dutch == "Maritiem en techniek"


# --- the commands ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--kind", "doorlopende leerroute"], ["assen"]),
        (["--kind", "geintegreerde"], ["ottoland"]),
        (["--kind", "Doorlopende"], ["apeldoorn", "assen", "midden-limburg"]),
        (["--kind", "verkorte", "--kind", "maatwerk"], ["apeldoorn", "assen"]),
        (["--kind", "leerlijn", "--province", "limburg"], ["midden-limburg"]),
        (["--kind", "leerroute", "--to", "3"], ["assen"]),
        (["--kind", "techniek"], []),
        (["--profiel", "zw"], ["apeldoorn", "midden-limburg"]),
        (["--profiel", "Z&W"], ["apeldoorn", "midden-limburg"]),
        (["--profiel", "zorg en welzijn"], ["apeldoorn", "midden-limburg"]),
        (["--profiel", "hbr"], ["assen"]),
        (["--profiel", "groen"], ["ottoland"]),
        (["--profiel", "zw", "--profiel", "groen"], ["apeldoorn", "ottoland", "midden-limburg"]),
        (["--profiel", "zw", "--from", "kb"], ["midden-limburg"]),
        (["--profiel", "zw", "--kind", "verkorte"], ["apeldoorn"]),
        (["--profiel", "zw", "--kind", "maatwerk"], []),
        (["--profiel", "bwi"], []),
        ([], ALL),
    ],
)
def test_list_filters(runner: CliRunner, args: list[str], expected: list[str]) -> None:
    assert listed(runner, *args) == expected


def test_no_match_is_success_with_empty_output(runner: CliRunner) -> None:
    result = runner.invoke(app, ["list", "--profiel", "mvi"])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_an_unknown_profiel_is_a_usage_error_listing_the_ten(runner: CliRunner) -> None:
    result = runner.invoke(app, ["list", "--profiel", "sport"])
    assert result.exit_code == 2
    assert result.stdout == ""
    message = " ".join(result.stderr.split())
    assert "unknown vmbo profiel 'sport'; choose one of: bwi (Bouwen, wonen en interieur)" in (
        message
    )
    assert all(f"{code} (" in message for code in CODES)


def test_an_empty_kind_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["list", "--kind", " "])
    assert result.exit_code == 2
    assert "must not be empty" in result.stderr


def test_every_selecting_command_takes_the_new_filters(runner: CliRunner, shipped: Path) -> None:
    contacts = json.loads(stdout_of(runner, ["contacts", "--profiel", "hbr", "--format", "json"]))
    assert {row["slug"] for row in contacts} == {"assen"}
    cells = json.loads(stdout_of(runner, ["routes", "--kind", "geintegreerde", "--format", "json"]))
    assert [(c["from"], c["to"]) for c in cells if c["leerlabs"]] == [("bb", 2)]
    labs = json.loads(exported(runner, shipped, "--format", "json", "--profiel", "groen"))
    assert [lab["slug"] for lab in labs] == ["ottoland"]
    labs = json.loads(exported(runner, shipped, "--format", "json", "--kind", "maatwerk"))
    assert [lab["slug"] for lab in labs] == ["assen"]


# --- completion -----------------------------------------------------------------------------------


def test_kind_suggestions_of_the_shipped_dataset(labs: list[Leerlab]) -> None:
    assert kind_suggestions(labs) == [
        ("verkorte route", "apeldoorn"),
        ("doorlopende leerlijn", "apeldoorn, midden-limburg"),
        ("doorlopende leerroute", "assen"),
        ("maatwerktraject", "assen"),
        ("geïntegreerde leerroute", "ottoland"),
    ]


@pytest.mark.parametrize("command", ["list", "routes", "contacts", "export"])
def test_kind_completes_from_the_data(runner: CliRunner, command: str) -> None:
    assert complete_bash(runner, f"leerlab {command} --kind doorl") == [
        "doorlopende\\ leerlijn",
        "doorlopende\\ leerroute",
    ]
    assert complete_bash(runner, f"leerlab {command} --kind ma") == ["maatwerktraject"]


@pytest.mark.parametrize("command", ["list", "routes", "contacts", "export"])
def test_profiel_completes_the_ten_codes(runner: CliRunner, command: str) -> None:
    assert complete_bash(runner, f"leerlab {command} --profiel ") == CODES
    assert complete_bash(runner, f"leerlab {command} --profiel h") == ["hbr"]
