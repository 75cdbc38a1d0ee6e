"""The CSV export, plain and for Excel, read back with the csv module."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given
from typer.testing import CliRunner

from helpers import HOSTILE, WriteDataset, exported, make_lab, run_export, strict_json
from leerlab_cli.core.models import Dataset, Leerlab, field_names
from leerlab_cli.files.dataset import load
from leerlab_cli.formats.csv_format import (
    CSV_COLUMNS,
    EXCEL_HEADERS,
    PLAIN_CSV_COLUMNS,
    excel_safe,
    labs_csv,
)
from leerlab_cli.formats.json_format import lab_object, labs_json
from strategies import generated_datasets

EXPECTED_CSV = (
    ",".join(PLAIN_CSV_COLUMNS) + "\n"
    'testlab,Leerlab Test,Teststad,"[""Utrecht""]","[""Testcollege (vo)"", ""ROC Test (mbo)""]",,'
    '"[""Zorg en Welzijn""]",[],,[],pilot,van vmbo basis naar mbo niveau 2,"[""bb → 2: running""]",'
    '"[""doorlopende leerroute""]",doorlopende leerroute,samen,iedereen,[],'
    '"[""Piet Test <piet@test.nl>""]",[],,[]\n'
)


EXCEL_HEADER = [EXCEL_HEADERS[column] for column in CSV_COLUMNS]
"""The header of the CSV for a spreadsheet, in English (the tests' interface language)."""


def read_csv(
    text: str, delimiter: str = ",", header: list[str] | None = None
) -> list[dict[str, str]]:
    """The rows of a CSV with `header` (default: plain CSV's columns) by column name."""
    columns = list(PLAIN_CSV_COLUMNS) if header is None else list(CSV_COLUMNS)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    assert rows[0] == (header or columns)
    assert all(len(row) == len(columns) for row in rows)
    return [dict(zip(columns, row, strict=True)) for row in rows[1:]]


def test_csv_whole_output(runner: CliRunner, write_dataset: WriteDataset) -> None:
    result = run_export(runner, write_dataset(), "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == EXPECTED_CSV.encode("utf-8")


def test_csv_columns_start_with_slug_and_cover_every_field() -> None:
    assert CSV_COLUMNS[0] == "slug"
    assert len(set(CSV_COLUMNS)) == len(CSV_COLUMNS)
    assert set(field_names(Leerlab)) <= set(CSV_COLUMNS)
    assert "contact_organisations" in CSV_COLUMNS


def test_csv_of_the_shipped_dataset(runner: CliRunner, shipped: Path) -> None:
    # The CSV for a spreadsheet, for people: lists joined with "; ", Dutch words.
    text = exported(runner, shipped, "--format", "csv", "--excel")
    rows = {
        row["slug"]: row
        for row in read_csv(text.removeprefix("\ufeff"), delimiter=";", header=EXCEL_HEADER)
    }
    assert list(rows) == [lab.slug for lab in load(shipped).leerlab]
    brabant = rows["noord-brabant"]
    assert brabant["works_on"] == "to be decided"
    assert brabant["design"] == ""
    assert brabant["schools"] == (
        "Walewyc-mavo (vo), Waalwijk; Campus 013 (vo), Tilburg; ROC Tilburg (mbo), Tilburg"
    )
    assert brabant["routes"] == (
        "bb → 2: in development (Campus 013, ROC Tilburg); "
        "gl/tl → 4: in development (Walewyc-mavo, ROC Tilburg)"
    )
    assert brabant["target_group_per_school"] == (
        "Walewyc-mavo: leerlingen met LO2 als examenvak; "
        "Campus 013: leerlingen met het keuzevak Sport en Leiderschap"
    )
    assert rows["assen"]["contacts"] == (
        "Huubs Hubbeling <hub@dr.nassaucollege.nl>; Karin Stoffers <k.stoffers@drenthecollege.nl>"
    )
    assert rows["assen"]["contact_organisations"] == (
        "Huubs Hubbeling: Dr. Nassau College; Karin Stoffers: Drenthe College"
    )
    assert rows["ottoland"]["routes"] == "bb → 2 BBL: running, since 2019"
    assert rows["ottoland"]["specialisations"] == "Melkveehouderij; Groen, Grond & Infra; Hovenier"
    assert rows["oost"]["schools"] == (
        "Landstede Groep (vo, mbo), Zwolle: verschillende vo scholen en mbo"
    )
    assert rows["oost"]["routes"] == "bb → 2: running; leerweg not given → 3/4: possibly later"
    assert rows["apeldoorn"]["route_kinds"] == "verkorte route; doorlopende leerlijn"


def test_csv_writes_every_fact(runner: CliRunner, write_dataset: WriteDataset) -> None:
    lab = make_lab(
        schools=[
            {"name": "Testcollege", "types": ["vo", "mbo"], "note": "twee locaties"},
            {"name": "ROC Test", "types": ["mbo"]},
        ],
        schools_note="en anderen",
        specialisations=["Verpleging", "Kraamzorg"],
        sector_note="ook sport",
        routes=[
            {"leerwegen": ["kb", "gl"], "niveaus": [3, 4], "status": "planned", "start": "2030"},
            {
                "leerwegen": ["bb"],
                "niveaus": [2],
                "status": "scheduled",
                "start": "2022-09",
                "mbo_leerweg": "BOL",
                "schools": ["ROC Test"],
            },
        ],
        target_group={"nader_te_bepalen": True},
        target_group_per_school=[{"school": "Testcollege", "text": "klas 3"}],
        contacts=[
            {"name": "Piet Test", "email": "piet@test.nl", "organisation": "ROC Test"},
            {"name": "An Test", "email": "an@test.nl"},
        ],
        source={"title": "Routes in Zeeland", "year": 2024, "url": "https://example.org/z"},
    )
    del lab["design"]
    (row,) = read_csv(exported(runner, write_dataset(lab), "--format", "csv"))
    assert row == {
        "slug": "testlab",
        "name": "Leerlab Test",
        "place": "Teststad",
        "provinces": '["Utrecht"]',
        "schools": '["Testcollege (vo, mbo): twee locaties", "ROC Test (mbo)"]',
        "schools_note": "en anderen",
        "sectors": '["Zorg en Welzijn"]',
        "specialisations": '["Verpleging", "Kraamzorg"]',
        "sector_note": "ook sport",
        "profielen": "[]",
        "phase": "pilot",
        "route_text": "van vmbo basis naar mbo niveau 2",
        "routes": '["kb/gl → 3/4: planned, start 2030", '
        '"bb → 2 BOL: scheduled, start 2022-09 (ROC Test)"]',
        "route_kinds": '["doorlopende leerroute"]',
        "works_on": "doorlopende leerroute",
        "design": "",
        "target_group": "nader te bepalen",
        "target_group_per_school": '["Testcollege: klas 3"]',
        "contacts": '["Piet Test <piet@test.nl>", "An Test <an@test.nl>"]',
        "contact_organisations": '["Piet Test: ROC Test"]',
        "source": "Routes in Zeeland, 2024, https://example.org/z",
        "left_open": '["target_group"]',
    }


@pytest.mark.parametrize("value", HOSTILE)
def test_csv_round_trips_through_the_csv_module(
    runner: CliRunner, write_dataset: WriteDataset, value: str
) -> None:
    result = run_export(
        runner, write_dataset(make_lab(name=value, design=value)), "--format", "csv"
    )
    assert result.exit_code == 0, result.output
    raw = result.stdout_bytes
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in raw
    (row,) = read_csv(raw.decode("utf-8"))
    assert row["name"] == value
    assert row["design"] == value


def test_csv_writes_formulas_as_they_are(runner: CliRunner, write_dataset: WriteDataset) -> None:
    path = write_dataset(make_lab(name='=HYPERLINK("http://x")', place="-2+3"))
    (row,) = read_csv(exported(runner, path, "--format", "csv"))
    assert row["name"] == '=HYPERLINK("http://x")'
    assert row["place"] == "-2+3"


def test_csv_without_matches_is_the_header(runner: CliRunner, shipped: Path) -> None:
    text = exported(runner, shipped, "--format", "csv", "--province", "nowhere")
    assert text == ",".join(PLAIN_CSV_COLUMNS) + "\n"


def test_excel_csv_bytes(runner: CliRunner, write_dataset: WriteDataset) -> None:
    path = write_dataset(make_lab(design="regel een\nregel twee; met puntkomma"))
    result = run_export(runner, path, "--format", "csv", "--excel")
    assert result.exit_code == 0, result.output
    raw = result.stdout_bytes
    assert raw.startswith(b"\xef\xbb\xbfslug;name;place;")
    assert raw.endswith(b"\r\n")
    # Records end in CRLF; the line break inside the quoted cell stays as written.
    assert raw.count(b"\r\n") == 2
    assert b'"regel een\nregel twee; met puntkomma"' in raw
    (row,) = read_csv(raw.decode("utf-8-sig"), delimiter=";", header=EXCEL_HEADER)
    assert row["design"] == "regel een\nregel twee; met puntkomma"
    assert row["contacts"] == "Piet Test <piet@test.nl>"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+31 6 12345678", "'+31 6 12345678"),
        ("-2+3", "'-2+3"),
        ("- dash", "'- dash"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-5", "-5"),
        ("+3,5", "+3,5"),
        ("-0.25", "-0.25"),
        ("2019", "2019"),
        ("2019-2020", "2019-2020"),
        ("a=b", "a=b"),
        ("", ""),
        ("'quoted", "'quoted"),
    ],
)
def test_excel_safe(cell: str, expected: str) -> None:
    assert excel_safe(cell) == expected


def test_excel_defuses_formulas_in_data(runner: CliRunner, write_dataset: WriteDataset) -> None:
    path = write_dataset(make_lab(name="=cmd|' /C calc'!A0", place="@Teststad", sectors=["-1"]))
    result = run_export(runner, path, "--format", "csv", "--excel")
    assert result.exit_code == 0, result.output
    (row,) = read_csv(result.stdout_bytes.decode("utf-8-sig"), delimiter=";", header=EXCEL_HEADER)
    assert row["name"] == "'=cmd|' /C calc'!A0"
    assert row["place"] == "'@Teststad"
    assert row["sectors"] == "-1"


@given(generated_datasets())
def test_csv_and_json_of_generated_datasets(dataset: Dataset) -> None:
    labs = dataset.leerlab
    for excel, delimiter, header in ((False, ",", None), (True, ";", EXCEL_HEADER)):
        text = labs_csv(labs, excel=excel)
        rows = read_csv(text.removeprefix("\ufeff"), delimiter=delimiter, header=header)
        assert [row["slug"] for row in rows] == [lab.slug for lab in labs]
        if not excel:
            assert [row["name"] for row in rows] == [lab.name for lab in labs]
            assert [row["place"] for row in rows] == [lab.place for lab in labs]
    assert strict_json(labs_json(labs)) == [lab_object(lab) for lab in labs]
