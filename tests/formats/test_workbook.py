"""The Excel workbook (`export --format xlsx`), read back with openpyxl cell for cell, and
opened by LibreOffice Calc where it is installed."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet
from typer.testing import CliRunner

from helpers import (
    FORMULA_STARTS,
    HOSTILE,
    META,
    WriteDataset,
    lab_with_every_text,
    make_lab,
    run_export,
)
from leerlab_cli.cli import app
from leerlab_cli.files.dataset import load

LAB = make_lab(
    contacts=[
        {"name": "Piet Test", "email": "piet@test.nl", "organisation": "ROC Test"},
        {"name": "Jan", "email": "jan@test.nl"},
    ],
    routes=[
        {"leerwegen": ["bb", "kb"], "niveaus": [2, 3], "status": "planned"},
        {"niveaus": [4], "start": "2021", "mbo_leerweg": "BBL", "status": "scheduled"},
    ],
)

EXPECTED_ENGLISH = {
    "Leerlabs": [
        (
            "slug",
            "name",
            "place",
            "provinces",
            "schools",
            "note on the schools",
            "sectors",
            "specialisations",
            "note on the sector",
            "vmbo profielen",
            "phase",
            "route as described",
            "routes",
            "kinds of route",
            "working on",
            "design of the route",
            "target group",
            "target group per school",
            "contact persons",
            "organisations of the contact persons",
            "source",
        ),
        (
            "testlab",
            "Leerlab Test",
            "Teststad",
            "Utrecht",
            "Testcollege (vo)\nROC Test (mbo)",
            "",
            "Zorg en Welzijn",
            "",
            "",
            "",
            "pilot",
            "van vmbo basis naar mbo niveau 2",
            "bb/kb → 2/3: possibly later\nleerweg not given → 4 BBL: start 2021",
            "doorlopende leerroute",
            "doorlopende leerroute",
            "samen",
            "iedereen",
            "",
            "Piet Test <piet@test.nl>\nJan <jan@test.nl>",
            "Piet Test: ROC Test",
            "",
        ),
    ],
    "Routes": [
        ("slug", "from vmbo leerweg", "to mbo niveau", "status", "start", "mbo leerweg"),
        ("testlab", "bb", 2, "possibly later", "", ""),
        ("testlab", "bb", 3, "possibly later", "", ""),
        ("testlab", "kb", 2, "possibly later", "", ""),
        ("testlab", "kb", 3, "possibly later", "", ""),
        ("testlab", "leerweg not given", 4, "start scheduled", "2021", "BBL"),
    ],
    "Contact persons": [
        ("slug", "leerlab", "name", "organisation", "email"),
        ("testlab", "Leerlab Test", "Piet Test", "ROC Test", "piet@test.nl"),
        ("testlab", "Leerlab Test", "Jan", "", "jan@test.nl"),
    ],
}
"""The whole workbook of `LAB`, sheet by sheet, in English."""


def workbook(runner: CliRunner, data: Path, *args: str, env: Any = None) -> Workbook:
    """The workbook `export --format xlsx` writes to stdout (a pipe, not a terminal)."""
    args_ = ["--data", str(data), "export", "--format", "xlsx", *args]
    result = runner.invoke(app, args_, env=env)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return openpyxl.load_workbook(io.BytesIO(result.stdout_bytes))


def values(sheet: Worksheet) -> list[tuple[Any, ...]]:
    return [tuple(cell.value for cell in row) for row in sheet.iter_rows()]


def column_width(sheet: Worksheet, column: int) -> float:
    """The width of a column; openpyxl keeps neighbours of the same width as one range."""
    (width,) = [
        dimension.width
        for dimension in sheet.column_dimensions.values()
        if dimension.min is not None and dimension.min <= column <= dimension.max
    ]
    return float(width)


def test_the_whole_workbook_cell_for_cell(runner: CliRunner, write_dataset: WriteDataset) -> None:
    book = workbook(runner, write_dataset(LAB))
    assert {sheet.title: values(sheet) for sheet in book} == EXPECTED_ENGLISH
    assert book.sheetnames == list(EXPECTED_ENGLISH)


def test_sheet_names_and_headers_in_dutch(runner: CliRunner, write_dataset: WriteDataset) -> None:
    book = workbook(runner, write_dataset(LAB), env={"LEERLAB_LANG": "nl"})
    assert book.sheetnames == ["Leerlabs", "Routes", "Contactpersonen"]
    assert values(book["Routes"])[:2] == [
        ("slug", "van vmbo-leerweg", "naar mbo-niveau", "status", "start", "mbo-leerweg"),
        ("testlab", "bb", 2, "mogelijk later", "", ""),
    ]
    assert values(book["Contactpersonen"])[0] == (
        "slug",
        "leerlab",
        "naam",
        "organisatie",
        "e-mail",
    )
    assert values(book["Leerlabs"])[0][:3] == ("slug", "naam", "plaats")
    assert values(book["Leerlabs"])[1][12] == (
        "bb/kb → 2/3: mogelijk later\nleerweg niet vermeld → 4 BBL: start 2021"
    )


def test_every_text_cell_is_a_string_and_the_niveau_a_number(
    runner: CliRunner, write_dataset: WriteDataset
) -> None:
    book = workbook(runner, write_dataset(LAB))
    for sheet in book:
        for row in sheet.iter_rows():
            for cell in row:
                expected = (
                    "n" if sheet.title == "Routes" and cell.column == 3 and cell.row > 1 else "s"
                )
                assert cell.data_type == expected, (sheet.title, cell.coordinate)


def test_layout_bold_frozen_header_filter_fitting_wrapped_columns(
    runner: CliRunner, write_dataset: WriteDataset
) -> None:
    book = workbook(runner, write_dataset(LAB))
    for sheet in book:
        rows = values(sheet)
        width = len(rows[0])
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(width)}{len(rows)}"
        assert all(cell.font.bold for cell in sheet[1]), sheet.title
        assert not any(cell.font.bold for row in sheet.iter_rows(min_row=2) for cell in row)
        assert all(
            cell.alignment.wrap_text
            for row in sheet.iter_rows(min_row=2)
            for cell in row
            if cell.data_type == "s"
        ), sheet.title
        for column in range(1, width + 1):
            letter = openpyxl.utils.get_column_letter(column)
            lines = [line for row in rows for line in str(row[column - 1]).split("\n")]
            fitted = column_width(sheet, column)
            # Wide enough for the header (and its filter button) and the longest line, up to 60.
            assert fitted >= min(max(map(len, lines)), 60), (sheet.title, letter, fitted)
            assert fitted <= 61, (sheet.title, letter, fitted)


def test_addresses_are_mailto_links_and_nothing_else_is_a_link(
    runner: CliRunner, write_dataset: WriteDataset
) -> None:
    book = workbook(runner, write_dataset(LAB))
    links = {
        (sheet.title, cell.coordinate): cell.hyperlink.target
        for sheet in book
        for row in sheet.iter_rows()
        for cell in row
        if cell.hyperlink is not None
    }
    assert links == {
        ("Contact persons", "E2"): "mailto:piet@test.nl",
        ("Contact persons", "E3"): "mailto:jan@test.nl",
    }


def test_properties_name_the_source_and_the_export_date(
    runner: CliRunner, write_dataset: WriteDataset
) -> None:
    before = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    book = workbook(runner, write_dataset(LAB, meta={**META, "edition": "Voorjaar 2021"}))
    after = datetime.now(UTC).replace(tzinfo=None)
    properties = book.properties
    assert properties.title == "Testbron"
    assert properties.subject == "Testers, Voorjaar 2021"
    assert properties.created is not None
    assert before <= properties.created <= after
    assert properties.description == (
        f"Exported by leerlab on {properties.created.date().isoformat()} "
        "from Testers, Voorjaar 2021"
    )
    custom = {prop.name: prop.value for prop in book.custom_doc_props.props}
    assert custom["Source"] == "Testers, Voorjaar 2021"
    assert custom["Exported"].replace(tzinfo=None) == properties.created


def test_the_shipped_dataset_has_a_row_per_leerlab_route_and_contact(
    runner: CliRunner, shipped: Path
) -> None:
    from leerlab_cli.core.contacts import contact_rows
    from leerlab_cli.core.coverage import route_rows

    labs = load(shipped).leerlab
    book = workbook(runner, shipped)
    assert [row[0] for row in values(book["Leerlabs"])[1:]] == [lab.slug for lab in labs]
    assert [row[:3] for row in values(book["Routes"])[1:]] == [
        (row.slug, row.leerweg.value if row.leerweg else "leerweg not given", row.niveau)
        for row in route_rows(labs)
    ]
    assert [row[4] for row in values(book["Contact persons"])[1:]] == [
        row.email for row in contact_rows(labs)
    ]


# --- Hostile text: every cell is data ----------------------------------------------------

HOSTILE_VALUES = (*FORMULA_STARTS, *HOSTILE)


@pytest.fixture
def hostile_dataset(write_dataset: WriteDataset) -> Path:
    """A leerlab per hostile value, whose every text is that value; the title too."""
    labs = [
        lab_with_every_text(value, slug=f"lab-{index}", email=f"-{index}+1@test.nl")
        for index, value in enumerate(HOSTILE_VALUES)
    ]
    return write_dataset(*labs, meta={**META, "title": FORMULA_STARTS[0]})


def test_hostile_text_stays_text_in_every_cell(runner: CliRunner, hostile_dataset: Path) -> None:
    book = workbook(runner, hostile_dataset)
    for sheet in book:
        for row in sheet.iter_rows(min_row=2):
            index = int(str(row[0].value).removeprefix("lab-"))
            value = HOSTILE_VALUES[index]
            for cell in row:
                if isinstance(cell.value, int):
                    continue
                # A string (never a formula: openpyxl reads one as data type "f").
                assert cell.data_type == "s", (sheet.title, cell.coordinate, cell.value)
                if cell.hyperlink is not None:
                    assert cell.hyperlink.target == f"mailto:-{index}%2B1@test.nl"
                    assert cell.value == f"-{index}+1@test.nl"
    leerlabs = values(book["Leerlabs"])
    header = leerlabs[0]
    for row in leerlabs[1:]:
        value = HOSTILE_VALUES[int(row[0].removeprefix("lab-"))]
        cells = dict(zip(header, row, strict=True))
        # The facts that are the value alone are the value exactly, as typed.
        for column in (
            "name",
            "place",
            "phase",
            "route as described",
            "design of the route",
        ):
            assert cells[column] == value, (column, value)
        assert cells["sectors"] == f"{value}\n{value}"
        assert cells["schools"] == f"{value} (vo), {value}: {value}"
    for row in values(book["Contact persons"])[1:]:
        value = HOSTILE_VALUES[int(row[0].removeprefix("lab-"))]
        assert row[1:4] == (value, value, value)
    assert book.properties.title == FORMULA_STARTS[0]


def test_a_text_longer_than_a_cell_holds_is_refused_not_cut(
    runner: CliRunner, write_dataset: WriteDataset, tmp_path: Path
) -> None:
    target = tmp_path / "labs.xlsx"
    long_text = "x" * 40_000
    result = run_export(runner, write_dataset(make_lab(design=long_text)), "-o", str(target))
    assert result.exit_code == 1, result.output
    assert result.stderr == (
        "error: the workbook cannot hold this export: cell P2 of sheet 'Leerlabs' would have "
        "40000 characters, and a cell holds at most 32767; use --format csv or json\n"
    )
    assert not target.exists()


def test_characters_xml_cannot_hold_become_replacement_characters(
    runner: CliRunner, write_dataset: WriteDataset
) -> None:
    book = workbook(runner, write_dataset(make_lab(name="a\ufffeb\uffffc")))
    assert values(book["Leerlabs"])[1][1] == "a\ufffdb\ufffdc"


# --- As LibreOffice Calc reads it ----------------------------------------------------------
#
# `soffice --headless --convert-to csv` opens the workbook as Calc does and writes every
# sheet as CSV, each cell as Calc shows it: a text that Calc took for a formula would come
# out as its result (``2`` for ``=1+1``). Without LibreOffice these tests skip, saying how
# to install it; in CI (the CI variable set) they fail instead, so CI never passes without
# having opened the workbook (.ci/run installs Debian's libreoffice-calc-nogui).

SOFFICE = shutil.which("soffice")
INSTALL_HINT = (
    "LibreOffice is not installed: the workbook is not opened in a spreadsheet program "
    "(Debian: apt-get install libreoffice-calc-nogui)"
)
# Comma, double quote, UTF-8, from line 1, cells as shown (not their formulas), every sheet.
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"
SHEETS = ("Leerlabs", "Routes", "Contact persons")


@pytest.fixture
def soffice() -> str:
    if SOFFICE is None:
        if os.environ.get("CI"):
            pytest.fail(INSTALL_HINT)
        pytest.skip(INSTALL_HINT)
    return SOFFICE


def as_calc_shows_it(soffice: str, workbook: Path) -> dict[str, list[list[str]]]:
    """Every sheet of `workbook` as LibreOffice Calc shows it, read back with `csv`."""
    out = workbook.parent / "calc"
    # A profile of its own: two conversions at once must not share one (xdist).
    profile = (workbook.parent / "profile").as_uri()
    completed = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            CSV_FILTER,
            "--outdir",
            str(out),
            str(workbook),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    sheets = {}
    for sheet in SHEETS:
        path = out / f"{workbook.stem}-{sheet}.csv"
        assert path.exists(), (completed.stdout, completed.stderr)
        with path.open(encoding="utf-8", newline="") as stream:
            sheets[sheet] = list(csv.reader(stream))
    return sheets


def test_calc_shows_every_hostile_text_as_typed(
    soffice: str, runner: CliRunner, write_dataset: WriteDataset, tmp_path: Path
) -> None:
    values = HOSTILE_VALUES
    labs = [
        lab_with_every_text(value, slug=f"lab-{index}", email=f"-{index}+1@test.nl")
        for index, value in enumerate(values)
    ]
    target = tmp_path / "hostile.xlsx"
    result = run_export(runner, write_dataset(*labs, meta=META), "-o", str(target))
    assert result.exit_code == 0, result.output
    sheets = as_calc_shows_it(soffice, target)

    leerlabs = sheets["Leerlabs"]
    header = leerlabs[0]
    assert len(leerlabs) == 1 + len(values)
    for row, value in zip(leerlabs[1:], values, strict=True):
        cells = dict(zip(header, row, strict=True))
        for column in ("name", "place", "phase", "route as described", "design of the route"):
            assert cells[column] == value, (column, value, cells[column])
        assert cells["schools"] == f"{value} (vo), {value}: {value}"
    for row, (index, value) in zip(sheets["Contact persons"][1:], enumerate(values), strict=True):
        assert row == [f"lab-{index}", value, value, value, f"-{index}+1@test.nl"]
    assert [row[2] for row in sheets["Routes"][1:]] == ["2"] * len(values)


def test_calc_reads_the_whole_workbook(
    soffice: str, runner: CliRunner, write_dataset: WriteDataset, tmp_path: Path
) -> None:
    target = tmp_path / "labs.xlsx"
    result = run_export(runner, write_dataset(LAB), "--format", "xlsx", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert as_calc_shows_it(soffice, target) == {
        sheet: [[str(cell) for cell in row] for row in rows]
        for sheet, rows in EXPECTED_ENGLISH.items()
    }


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("z.eralp@aventus.nl", "mailto:z.eralp@aventus.nl"),
        ("-1+1@test.nl", "mailto:-1%2B1@test.nl"),
        ("a%0d%0abcc@x.nl", "mailto:a%250d%250abcc@x.nl"),
        ("javascript:alert(1)", None),
        ("https://evil.example/@x.nl", None),
        ("piet@test.nl?cc=evil@x.nl", None),
        ("piet@localhost", None),
        ('=HYPERLINK("x")@x.nl', None),
        (f"{'a' * 250}@x.nl", None),
    ],
)
def test_only_a_valid_address_becomes_a_mailto_link(text: str, target: str | None) -> None:
    from leerlab_cli.formats.workbook import mail_target

    assert mail_target(text) == target


def test_source_date_epoch_pins_the_workbook(runner: CliRunner, shipped: Path) -> None:
    # A reproducible build: the same dataset and the same moment give the same bytes.
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    made = [
        runner.invoke(app, ["--data", str(shipped), "export", "--format", "xlsx"], env=env)
        for _ in range(2)
    ]
    assert [result.exit_code for result in made] == [0, 0]
    assert made[0].stdout_bytes == made[1].stdout_bytes
    book = openpyxl.load_workbook(io.BytesIO(made[0].stdout_bytes))
    assert book.properties.created == datetime(2023, 11, 14, 22, 13, 20)
