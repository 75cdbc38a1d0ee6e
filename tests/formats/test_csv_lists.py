"""Plain CSV for programs: every cell reads back exactly, lists as JSON arrays.

Read with Python's csv module and with pandas, as a script would.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from helpers import HOSTILE, WriteDataset, exported, make_lab
from leerlab_cli.core.models import Dataset, Leerlab, Undetermined
from leerlab_cli.files.dataset import load
from leerlab_cli.formats.csv_format import PLAIN_CSV_COLUMNS, json_list, labs_csv
from strategies import generated_datasets

NASTY = (
    "Maritiem; offshore",
    "a;b",
    "semi;",
    'quote " inside',
    '"quoted"',
    "comma, and more",
    "line one\nline two",
    "=1+1",
    '=HYPERLINK("http://x")',
    "+31 6 12345678",
    "back\\slash",
    "trailing \\",
    "\\; escaped?",
    '["looks", "like json"]',
    "NA",
    "null",
    " leading and trailing ",
    *HOSTILE,
)
"""Values that break a naive split: separators, quotes, line breaks, formulas, escapes."""

TEXT_COLUMNS = ("slug", "name", "place", "schools_note", "sector_note", "route_text")
STATEMENT_COLUMNS = ("phase", "works_on", "design", "target_group")
LIST_COLUMNS = ("provinces", "sectors", "specialisations", "route_kinds")


def expected_cells(lab: Leerlab) -> dict[str, Any]:
    """What a script should read back for `lab`: texts ('' when not given) and lists."""
    cells: dict[str, Any] = {name: getattr(lab, name) or "" for name in TEXT_COLUMNS}
    cells |= {name: str(getattr(lab, name) or "") for name in STATEMENT_COLUMNS}
    cells |= {name: [str(value) for value in getattr(lab, name)] for name in LIST_COLUMNS}
    cells["left_open"] = [
        name for name in STATEMENT_COLUMNS if isinstance(getattr(lab, name), Undetermined)
    ]
    return cells


def read_with_csv(text: str) -> list[dict[str, Any]]:
    """The rows as the README tells a Python script to read them."""
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    for row in rows:
        for column in (*LIST_COLUMNS, "left_open"):
            row[column] = json.loads(row[column])
    return rows


def read_with_pandas(text: str) -> list[dict[str, Any]]:
    """The rows as the README tells a pandas user to read them."""
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    assert list(frame.columns) == list(PLAIN_CSV_COLUMNS)
    for column in (*LIST_COLUMNS, "left_open"):
        frame[column] = frame[column].map(json.loads)
    return [dict(row) for row in frame.to_dict(orient="records")]


def assert_reads_back(text: str, labs: list[Leerlab]) -> None:
    for rows in (read_with_csv(text), read_with_pandas(text)):
        assert len(rows) == len(labs)
        for row, lab in zip(rows, labs, strict=True):
            expected = expected_cells(lab)
            assert {column: row[column] for column in expected} == expected


@pytest.mark.parametrize("value", NASTY)
def test_hostile_values_read_back_exactly(
    runner: CliRunner, write_dataset: WriteDataset, value: str
) -> None:
    lab = make_lab(
        name=value,
        design=value,
        sector_note=value,
        provinces=["Zuid-Holland", "Utrecht"],
        sectors=[value],
        specialisations=["Zorg; Welzijn", value, "a\\b"],
    )
    path = write_dataset(lab)
    text = exported(runner, path, "--format", "csv")
    assert_reads_back(text, list(load(path).leerlab))


def test_the_shipped_dataset_reads_back_exactly(runner: CliRunner, shipped: Path) -> None:
    text = exported(runner, shipped, "--format", "csv")
    labs = list(load(shipped).leerlab)
    assert_reads_back(text, labs)
    (brabant,) = (row for row in read_with_pandas(text) if row["slug"] == "noord-brabant")
    assert brabant["left_open"] == ["works_on", "target_group"]
    assert brabant["design"] == ""


def test_a_value_with_the_separator_is_one_value(
    runner: CliRunner, write_dataset: WriteDataset
) -> None:
    path = write_dataset(make_lab(specialisations=["Maritiem; offshore", "Haven"]))
    (row,) = read_with_csv(exported(runner, path, "--format", "csv"))
    assert row["specialisations"] == ["Maritiem; offshore", "Haven"]


def test_empty_lists_are_empty_arrays(runner: CliRunner, write_dataset: WriteDataset) -> None:
    lab = make_lab(sectors=[], route_kinds=[])
    (row,) = list(csv.DictReader(io.StringIO(exported(runner, write_dataset(lab), "-f", "csv"))))
    assert row["sectors"] == row["route_kinds"] == row["left_open"] == "[]"
    assert row["specialisations"] == "[]"


@given(generated_datasets())
def test_generated_datasets_read_back_exactly(dataset: Dataset) -> None:
    assert_reads_back(labs_csv(dataset.leerlab), list(dataset.leerlab))


@given(st.lists(st.text()))
def test_a_list_cell_is_the_json_of_its_values(values: list[str]) -> None:
    # Written without json.dumps for speed: the text must be exactly what it would write.
    assert json_list(values) == json.dumps(values, ensure_ascii=False)
    assert json.loads(json_list(values)) == values
