"""Strict types: a value of the wrong TOML type is an error, never converted."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from helpers import META, make_lab
from leerlab_cli.core.errors import DatasetError
from leerlab_cli.files import dataset
from leerlab_cli.formats.messages import error_lines

WRONG_TYPES: dict[str, tuple[dict[str, Any], dict[str, Any], str]] = {
    "boolean niveau": (
        make_lab(routes=[{"leerwegen": ["bb"], "niveaus": [True]}]),
        META,
        "routes[0].niveaus[0]: true must be a whole number",
    ),
    "float niveau": (
        make_lab(routes=[{"leerwegen": ["bb"], "niveaus": [3.0]}]),
        META,
        "routes[0].niveaus[0]: 3.0 must be a whole number",
    ),
    "string niveau": (
        make_lab(routes=[{"leerwegen": ["bb"], "niveaus": ["3"]}]),
        META,
        'routes[0].niveaus[0]: "3" must be a whole number',
    ),
    "float year": (
        make_lab(),
        {**META, "year": 2021.0},
        "meta.year: 2021.0 must be a whole number",
    ),
    "empty table as undetermined": (
        make_lab(phase={}),
        META,
        "phase.nader_te_bepalen: required field nader_te_bepalen is missing",
    ),
    "one as undetermined": (
        make_lab(phase={"nader_te_bepalen": 1}),
        META,
        "phase.nader_te_bepalen: 1 must be true",
    ),
    "number as text": (make_lab(place=1), META, "place: 1 must be text"),
    "boolean in a list of text": (
        make_lab(sectors=[True]),
        META,
        "sectors[0]: true must be text",
    ),
    "number as a leerweg": (
        make_lab(routes=[{"leerwegen": [1], "niveaus": [2]}]),
        META,
        'routes[0].leerwegen[0]: 1 is not one of "bb", "kb", "gl", "tl"',
    ),
}


@pytest.mark.parametrize(("lab", "meta", "expected"), WRONG_TYPES.values(), ids=list(WRONG_TYPES))
def test_a_wrong_type_is_rejected_with_its_field(
    write_dataset: Callable[..., Path], lab: dict[str, Any], meta: dict[str, Any], expected: str
) -> None:
    path = write_dataset(lab, meta=meta)
    with pytest.raises(DatasetError) as raised:
        dataset.load(path)
    assert any(expected in line for line in tuple(error_lines(raised.value))), tuple(
        error_lines(raised.value)
    )


def test_vocabularies_are_still_read_from_their_strings(
    write_dataset: Callable[..., Path],
) -> None:
    lab = make_lab(
        routes=[{"leerwegen": ["kb"], "niveaus": [3], "status": "planned", "mbo_leerweg": "BBL"}],
        phase={"nader_te_bepalen": True},
    )
    loaded = dataset.load(write_dataset(lab)).leerlab[0]
    assert loaded.routes[0].leerwegen[0].value == "kb"
    assert loaded.routes[0].status.value == "planned"
    assert str(loaded.phase) == "nader te bepalen"
