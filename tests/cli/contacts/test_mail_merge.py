"""Contacts for a mail merge: `contacts --format csv` (plain and `--excel`), read back with
Python's csv module, and `--format emails --separator`."""

from __future__ import annotations

import csv
import io

import pytest
from typer.testing import CliRunner

from helpers import FORMULA_STARTS, WriteDataset, make_lab, stdout_of
from leerlab_cli.cli import app

SHIPPED_CSV = [
    ["slug", "leerlab", "name", "organisation", "email"],
    ["apeldoorn", "Leerlab Apeldoorn", "Zerin Eralp", "Aventus", "z.eralp@aventus.nl"],
    ["assen", "Leerlab Assen", "Huubs Hubbeling", "Dr. Nassau College", "hub@dr.nassaucollege.nl"],
    ["assen", "Leerlab Assen", "Karin Stoffers", "Drenthe College", "k.stoffers@drenthecollege.nl"],
    ["oost", "Leerlab Oost", "Gerdien Martens", "Landstede Groep", "gmartens@landstede.nl"],
]


def contacts(runner: CliRunner, *args: str, env: dict[str, str] | None = None) -> str:
    return stdout_of(runner, ["contacts", *args], env=env)


def test_csv_of_the_shipped_dataset(runner: CliRunner) -> None:
    text = contacts(runner, "--format", "csv")
    assert text.startswith("slug,leerlab,name,organisation,email\n")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[: len(SHIPPED_CSV)] == SHIPPED_CSV
    assert len(rows) == 1 + 8
    # The same in every language: output for programs.
    assert contacts(runner, "--format", "csv", env={"LEERLAB_LANG": "nl"}) == text


def test_csv_for_a_sector(runner: CliRunner) -> None:
    rows = list(csv.DictReader(io.StringIO(contacts(runner, "--sector", "zorg", "-f", "csv"))))
    assert [(row["leerlab"], row["email"]) for row in rows] == [
        ("Leerlab Apeldoorn", "z.eralp@aventus.nl"),
        ("Leerlab Midden-Limburg", "t.martinussen@rocgilde.nl"),
    ]


def test_csv_without_a_match_is_the_header(runner: CliRunner) -> None:
    assert contacts(runner, "--format", "csv", "--search", "nothing like this") == (
        "slug,leerlab,name,organisation,email\n"
    )


def test_excel_csv_in_dutch(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["contacts", "--excel", "--sector", "zorg"], env={"LEERLAB_LANG": "nl"}
    )
    assert result.exit_code == 0, result.output
    data = result.stdout_bytes
    assert data.startswith("\ufeff".encode())
    assert data.count(b"\r\n") == 3
    assert data.decode("utf-8") == (
        "\ufeffslug;leerlab;naam;organisatie;e-mail\r\n"
        "apeldoorn;Leerlab Apeldoorn;Zerin Eralp;Aventus;z.eralp@aventus.nl\r\n"
        "midden-limburg;Leerlab Midden-Limburg;Tom Martinussen;Gilde Opleidingen;"
        "t.martinussen@rocgilde.nl\r\n"
    )


def test_excel_csv_defuses_formulas(runner: CliRunner, write_dataset: WriteDataset) -> None:
    labs = [
        make_lab(
            slug=f"lab-{index}",
            name=value,
            contacts=[{"name": value, "email": "piet@test.nl", "organisation": value}],
        )
        for index, value in enumerate(FORMULA_STARTS)
    ]
    args = ["--data", str(write_dataset(*labs)), "contacts", "--format", "csv", "--excel"]
    text = stdout_of(runner, args, env={"LEERLAB_LANG": "nl"})
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=";"))
    defused = [f"'{value}" if value[0] in "=+-@\t" else value for value in FORMULA_STARTS]
    assert rows == [
        ["slug", "leerlab", "naam", "organisatie", "e-mail"],
        *(
            [f"lab-{index}", value, value, value, "piet@test.nl"]
            for index, value in enumerate(defused)
        ),
    ]


@pytest.mark.parametrize(
    ("args", "option", "message"),
    [
        (["--format", "tsv", "--excel"], "--excel", "only applies to --format csv"),
        (["--format", "csv", "--separator", ";"], "--separator", "only applies to --format emails"),
        (["--separator", ";"], "--separator", "only applies to --format emails"),
        (
            ["--format", "emails", "--separator", ""],
            "--separator",
            "give a separator of visible characters, such as ';'",
        ),
        (
            ["--format", "emails", "--separator", "\n"],
            "--separator",
            "give a separator of visible characters, such as ';'",
        ),
    ],
)
def test_options_that_do_not_apply_are_usage_errors(
    runner: CliRunner, args: list[str], option: str, message: str
) -> None:
    result = runner.invoke(app, ["contacts", *args])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr == f"error: Invalid value for '{option}': {message}\n"


def test_emails_with_a_semicolon(runner: CliRunner) -> None:
    assert contacts(runner, "--sector", "zorg", "--format", "emails", "--separator", ";") == (
        "Zerin Eralp <z.eralp@aventus.nl>;Tom Martinussen <t.martinussen@rocgilde.nl>\n"
    )
    assert contacts(runner, "--sector", "zorg", "--format", "emails", "--separator", "; ") == (
        "Zerin Eralp <z.eralp@aventus.nl>; Tom Martinussen <t.martinussen@rocgilde.nl>\n"
    )


def test_emails_default_separator_stays(runner: CliRunner) -> None:
    assert contacts(runner, "--sector", "zorg", "--format", "emails") == (
        "Zerin Eralp <z.eralp@aventus.nl>, Tom Martinussen <t.martinussen@rocgilde.nl>\n"
    )


def test_csv_reads_back_hostile_names(runner: CliRunner, write_dataset: WriteDataset) -> None:
    name = 'Bak, "Margriet"\nline two; end'
    lab = make_lab(contacts=[{"name": name, "email": "m@x.nl", "organisation": "a,b"}])
    text = stdout_of(runner, ["--data", str(write_dataset(lab)), "contacts", "--format", "csv"])
    assert list(csv.reader(io.StringIO(text, newline=""))) == [
        ["slug", "leerlab", "name", "organisation", "email"],
        ["testlab", "Leerlab Test", name, "a,b", "m@x.nl"],
    ]
