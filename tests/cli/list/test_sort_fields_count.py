"""`list --sort`, `--fields` and `--count`: order, choose columns, count."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from helpers import stdout_of
from leerlab_cli.cli import app


def lines(runner: CliRunner, *args: str) -> list[list[str]]:
    output = stdout_of(runner, ["list", *args, "--format", "tsv"])
    return [line.split("\t") for line in output.splitlines()]


@pytest.mark.parametrize(
    ("sort", "slugs"),
    [
        ("slug", ["apeldoorn", "assen", "midden-limburg", "noord-brabant", "oost", "ottoland"]),
        ("-slug", ["ottoland", "oost", "noord-brabant", "midden-limburg", "assen", "apeldoorn"]),
        ("name", ["apeldoorn", "assen", "midden-limburg", "noord-brabant", "oost", "ottoland"]),
        ("province", ["assen", "apeldoorn", "midden-limburg", "noord-brabant", "oost", "ottoland"]),
        ("start", ["ottoland", "apeldoorn", "midden-limburg", "assen", "oost", "noord-brabant"]),
        ("-start", ["assen", "midden-limburg", "apeldoorn", "ottoland", "oost", "noord-brabant"]),
    ],
)
def test_sort(runner: CliRunner, sort: str, slugs: list[str]) -> None:
    assert [row[0] for row in lines(runner, "--sort", sort)] == slugs
    assert [row[0] for row in lines(runner, f"--sort={sort}")] == slugs


def test_sort_applies_to_json_and_after_the_filters(runner: CliRunner) -> None:
    output = stdout_of(runner, ["list", "--sector", "zorg", "--sort", "-slug", "--format", "json"])
    assert [lab["slug"] for lab in json.loads(output)] == ["midden-limburg", "apeldoorn"]


def test_an_unknown_sort_field_lists_the_fields(runner: CliRunner) -> None:
    result = runner.invoke(app, ["list", "--sort", "-plaats"])
    assert result.exit_code == 2
    assert result.stderr == (
        "error: Invalid value for '--sort': unknown field '-plaats'; sort by one of: slug, "
        "name, place, province, start, each with - for descending\n"
    )


def test_fields_of_the_tab_separated_lines(runner: CliRunner) -> None:
    output = stdout_of(
        runner,
        [
            "list",
            "--province",
            "gelderland",
            "--fields",
            "slug,provinces,place",
            "--header",
            "--format",
            "tsv",
        ],
    )
    assert output == (
        "slug\tprovinces\tplace\n"
        "apeldoorn\tGelderland, Overijssel\tDeventer (vo) en Apeldoorn (mbo)\n"
        "oost\tOverijssel, Gelderland\tLandstede Groep, regio Zwolle en Harderwijk\n"
    )


def test_the_default_fields_named_are_the_default_output(runner: CliRunner) -> None:
    assert lines(runner, "--fields", "slug,name,sector,routes,phase") == lines(runner)


def test_fields_of_json_keep_the_order_given_and_each_once(runner: CliRunner) -> None:
    output = stdout_of(
        runner, ["list", "--to", "4", "--fields", "provinces,slug,slug", "--format", "json"]
    )
    assert json.loads(output) == [
        {"provinces": ["Noord-Brabant"], "slug": "noord-brabant"},
        {"provinces": ["Limburg"], "slug": "midden-limburg"},
    ]
    assert list(json.loads(output)[0]) == ["provinces", "slug"]


@pytest.mark.parametrize(
    ("format_", "known"),
    [
        ("tsv", "slug, name, sector, routes, phase, place, provinces"),
        (
            "json",
            "slug, name, place, provinces, schools, schools_note, sectors, specialisations, "
            "sector_note, profielen, phase, route_text, routes, route_kinds, works_on, design, "
            "target_group, target_group_per_school, contacts, source, left_open",
        ),
    ],
)
def test_an_unknown_field_lists_the_fields_there_are(
    runner: CliRunner, format_: str, known: str
) -> None:
    result = runner.invoke(app, ["list", "--fields", "slug,plaats", "--format", format_])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"error: Invalid value for '--fields': unknown field 'plaats'; the fields are: {known}\n"
    )


def test_fields_are_not_for_the_table(runner: CliRunner) -> None:
    result = runner.invoke(app, ["list", "--fields", "slug", "--format", "table"])
    assert result.exit_code == 2
    assert result.stderr == (
        "error: Invalid value for '--fields': only applies to --format tsv or json\n"
    )


@pytest.mark.parametrize(
    ("args", "number"),
    [([], "6"), (["--province", "limburg"], "1"), (["--sector", "techniek"], "0")],
)
def test_count(runner: CliRunner, args: list[str], number: str) -> None:
    assert stdout_of(runner, ["list", *args, "--count"]) == f"{number}\n"


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["--format", "json"], "format"),
        (["--fields", "slug"], "fields"),
        (["--header"], "header"),
    ],
)
def test_count_refuses_what_shapes_the_output(
    runner: CliRunner, args: list[str], option: str
) -> None:
    result = runner.invoke(app, ["list", "--count", *args])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: Invalid value for '--count': prints only the number: leave out --{option}\n"
    )


FIELDS_OF_TSV = "slug, name, sector, routes, phase, place, provinces"
SORT_FIELDS = "slug, name, place, province, start, each with - for descending"


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--fields", "__class__", f"unknown field '__class__'; the fields are: {FIELDS_OF_TSV}"),
        ("--fields", "__dict__", f"unknown field '__dict__'; the fields are: {FIELDS_OF_TSV}"),
        ("--fields", "slug,,name", f"unknown field ''; the fields are: {FIELDS_OF_TSV}"),
        ("--fields", "", f"unknown field ''; the fields are: {FIELDS_OF_TSV}"),
        ("--sort", "__class__", f"unknown field '__class__'; sort by one of: {SORT_FIELDS}"),
        ("--sort", "", f"unknown field ''; sort by one of: {SORT_FIELDS}"),
        ("--sort", "-", f"unknown field '-'; sort by one of: {SORT_FIELDS}"),
    ],
)
def test_names_that_are_not_fields_are_a_usage_error(
    runner: CliRunner, option: str, value: str, message: str
) -> None:
    # Field names come from a fixed table, never from an object's attributes.
    result = runner.invoke(app, ["list", option, value])
    assert (result.exit_code, result.stdout) == (2, ""), result.output
    assert result.stderr == f"error: Invalid value for '{option}': {message}\n"
