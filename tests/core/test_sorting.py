"""Sorting leerlabs: by each field, both ways, the ones without a value last, stably."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from helpers import make_lab
from leerlab_cli.core.models import Leerlab, validate_leerlab
from leerlab_cli.core.sorting import SortField, sort_key, sort_labs
from leerlab_cli.files.dataset import load


def lab(slug: str, **changes: Any) -> Leerlab:
    return validate_leerlab(make_lab(slug=slug, **changes))


@pytest.mark.parametrize(
    ("field", "ascending"),
    [
        (
            SortField.slug,
            ["apeldoorn", "assen", "midden-limburg", "noord-brabant", "oost", "ottoland"],
        ),
        (
            SortField.province,
            ["assen", "apeldoorn", "midden-limburg", "noord-brabant", "oost", "ottoland"],
        ),
        (
            SortField.place,
            ["assen", "apeldoorn", "oost", "ottoland", "midden-limburg", "noord-brabant"],
        ),
        # Oost and Noord-Brabant give no start: last, in the dataset's order.
        (
            SortField.start,
            ["ottoland", "apeldoorn", "midden-limburg", "assen", "oost", "noord-brabant"],
        ),
    ],
)
def test_the_shipped_dataset_sorted(shipped: Path, field: SortField, ascending: list[str]) -> None:
    labs = load(shipped).leerlab
    assert [lab.slug for lab in sort_labs(labs, field)] == ascending


def test_descending_keeps_those_without_a_value_last(shipped: Path) -> None:
    labs = load(shipped).leerlab
    assert [lab.slug for lab in sort_labs(labs, SortField.start, descending=True)] == [
        "assen",
        "midden-limburg",
        "apeldoorn",
        "ottoland",
        "oost",
        "noord-brabant",
    ]


def test_text_sorts_folded_and_ties_keep_their_order() -> None:
    labs = [
        lab("c", name="Zuid"),
        lab("a", name="élan"),
        lab("b", name="Elan"),
        lab("d", name="alfa"),
    ]
    assert [each.slug for each in sort_labs(labs, SortField.name)] == ["d", "a", "b", "c"]
    assert [each.slug for each in sort_labs(labs, SortField.name, descending=True)] == [
        "c",
        "a",
        "b",
        "d",
    ]


def test_start_is_the_earliest_start_of_the_routes() -> None:
    routes = [
        {"leerwegen": ["bb"], "niveaus": [2], "status": "scheduled", "start": "2023-09"},
        {"leerwegen": ["bb"], "niveaus": [3], "start": "2021"},
        {"leerwegen": ["bb"], "niveaus": [4]},
    ]
    assert sort_key(lab("a", routes=routes), SortField.start) == "2021"
    assert sort_key(lab("b", routes=[]), SortField.start) is None
