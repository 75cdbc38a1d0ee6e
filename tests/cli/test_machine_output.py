"""Output for programs: the codes in every language, and `--header` on tab-separated output."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import WriteDataset, exported, make_lab, stdout_of
from leerlab_cli.cli import app
from leerlab_cli.formats.contact_list import CONTACT_COLUMNS
from leerlab_cli.formats.plain import LIST_COLUMNS
from leerlab_cli.formats.route_rows import ROUTE_ROW_COLUMNS

DUTCH_STATUS_WORDS = ("loopt", "start gepland", "in ontwikkeling", "mogelijk later", "sinds")
LANGUAGES = [{"LEERLAB_LANG": "nl"}, {"LEERLAB_LANG": "en"}]

MACHINE_OUTPUTS = [
    ["list", "--format", "tsv"],
    ["list", "--format", "json"],
    ["show", "oost", "--format", "json"],
    ["contacts", "--format", "tsv"],
    ["contacts", "--format", "json"],
    ["routes", "--format", "tsv"],
    ["routes", "--format", "csv"],
    ["routes", "--format", "json"],
    ["export", "--format", "csv"],
    ["export", "--format", "json"],
    ["export", "--format", "toml"],
]


ALL_STATUSES = [
    {"leerwegen": ["bb"], "niveaus": [2], "status": "running", "start": "2019"},
    {"leerwegen": ["kb"], "niveaus": [3], "status": "scheduled", "start": "2022"},
    {"leerwegen": ["gl"], "niveaus": [4], "status": "in-development"},
    {"leerwegen": ["tl"], "niveaus": [4], "status": "planned"},
]

WITH_EVERY_STATUS = {
    "list --format json",
    "show oost --format json",
    "routes --format tsv",
    "routes --format csv",
    "export --format csv",
    "export --format json",
}


@pytest.mark.parametrize("args", MACHINE_OUTPUTS, ids=" ".join)
def test_machine_output_uses_codes_whatever_the_language(
    runner: CliRunner, write_dataset: WriteDataset, args: list[str]
) -> None:
    # The data has none of the words, so any that show are leerlab's own.
    lab = make_lab(slug="oost", routes=ALL_STATUSES)
    del lab["phase"]
    path = write_dataset(lab)
    dutch, english = (stdout_of(runner, ["--data", str(path), *args], env=env) for env in LANGUAGES)
    assert dutch == english
    for word in DUTCH_STATUS_WORDS:
        assert word not in dutch, word
    assert "niet vermeld" not in dutch
    if " ".join(args) in WITH_EVERY_STATUS:
        assert all(status["status"] in dutch for status in ALL_STATUSES)


def test_list_tsv_marks_planned_routes_with_the_code(runner: CliRunner) -> None:
    lines = stdout_of(runner, ["list", "--province", "overijssel"]).splitlines()
    assert lines == [
        "apeldoorn\tLeerlab Apeldoorn\tZorg en Welzijn\tbb → 2\tpilot gestart in 2019, leerlingen "
        "gestart in schooljaar 2019-2020",
        "oost\tLeerlab Oost\tdiverse opleidingsrichtingen op verschillende locaties; in totaal "
        "draaien er elf pilots\tbb → 2 · → 3/4 (planned)\t"
        "de pilots variëren van een startfase tot initiatieven die al vijf jaar draaien",
    ]


def test_export_csv_routes_use_codes(runner: CliRunner, shipped: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(exported(runner, shipped, "-f", "csv"), newline="")))
    routes = {row["slug"]: row["routes"] for row in rows}
    assert routes["oost"] == '["bb → 2: running", "→ 3/4: planned"]'
    assert routes["ottoland"] == '["bb → 2 BBL: running, start 2019"]'
    assert routes["midden-limburg"].startswith('["bb → 2: scheduled, start 2021-09"')


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["export", "--format", "markdown"], ("loopt", "mogelijk later")),
        (["export", "--format", "csv", "--excel"], ("loopt, sinds 2019", "mogelijk later")),
        (["show", "ottoland", "--format", "text"], ("loopt, sinds 2019",)),
        (["routes", "--format", "markdown"], ("basisberoepsgerichte leerweg",)),
    ],
)
def test_output_for_people_uses_dutch_words(
    runner: CliRunner, args: list[str], words: tuple[str, ...]
) -> None:
    output = stdout_of(runner, args, env={"LEERLAB_LANG": "nl"})
    assert all(word in output for word in words)


@pytest.mark.parametrize(
    ("command", "columns"),
    [("list", LIST_COLUMNS), ("contacts", CONTACT_COLUMNS), ("routes", ROUTE_ROW_COLUMNS)],
)
def test_header_prints_the_column_names_first(
    runner: CliRunner, command: str, columns: tuple[str, ...]
) -> None:
    without = stdout_of(runner, [command])
    assert stdout_of(runner, [command, "--format", "tsv"]) == without
    assert not without.startswith("slug\t")
    with_header = stdout_of(runner, [command, "--header"])
    assert with_header == "\t".join(columns) + "\n" + without
    assert stdout_of(runner, [command, "--header", "-f", "tsv"], env=LANGUAGES[0]) == with_header
    widths = {len(line.split("\t")) for line in with_header.splitlines()}
    assert widths == {len(columns)}


@pytest.mark.parametrize(
    ("command", "columns"),
    [("list", LIST_COLUMNS), ("contacts", CONTACT_COLUMNS), ("routes", ROUTE_ROW_COLUMNS)],
)
def test_no_match_with_header_is_the_header(
    runner: CliRunner, command: str, columns: tuple[str, ...]
) -> None:
    result = runner.invoke(app, [command, "--header", "--sector", "techniek"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "\t".join(columns) + "\n"
    without = runner.invoke(app, [command, "--sector", "techniek"])
    assert without.stdout == ""


@pytest.mark.parametrize("command", ["list", "contacts", "routes"])
def test_header_with_another_format_is_a_usage_error(runner: CliRunner, command: str) -> None:
    result = runner.invoke(app, [command, "--header", "--format", "json"])
    assert result.exit_code == 2
    assert "'--header'" in result.stderr
    assert "only applies to --format tsv" in result.stderr
    assert result.stdout == ""


def test_header_on_a_terminal_is_ignored(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("leerlab_cli.cli.list_cmd.stdout_is_terminal", lambda: True)
    assert stdout_of(runner, ["list", "--header"]) == stdout_of(runner, ["list"])
