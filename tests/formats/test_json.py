"""The JSON export: strict JSON, every field, in the model's order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from typer.testing import CliRunner

from helpers import HOSTILE, WriteDataset, exported, make_lab, strict_json
from leerlab_cli.core.models import Leerlab, field_names
from leerlab_cli.files.dataset import load
from leerlab_cli.formats.json_format import lab_json, lab_object, labs_json
from strategies import leerlabs


def test_json_is_strict_complete_and_in_model_order(runner: CliRunner, shipped: Path) -> None:
    text = exported(runner, shipped, "--format", "json")
    labs = strict_json(text)
    dataset = load(shipped)
    assert labs == [lab_object(lab) for lab in dataset.leerlab]
    for lab in labs:
        assert list(lab) == [*field_names(Leerlab), "left_open"]
    brabant = next(lab for lab in labs if lab["slug"] == "noord-brabant")
    assert brabant["works_on"] == "nader te bepalen"
    assert brabant["left_open"] == ["works_on", "target_group"]
    assert brabant["design"] is None
    assert "geïntegreerde" in text
    assert "\\u" not in text


def test_json_without_matches_is_an_empty_array(runner: CliRunner, shipped: Path) -> None:
    assert strict_json(exported(runner, shipped, "--format", "json", "-q", "nowhere")) == []


@pytest.mark.parametrize("value", HOSTILE)
def test_json_keeps_hostile_values(
    runner: CliRunner, write_dataset: WriteDataset, value: str
) -> None:
    (lab,) = strict_json(exported(runner, write_dataset(make_lab(name=value)), "--format", "json"))
    assert lab["name"] == value


@given(labs=leerlabs())
def test_json_is_what_the_standard_library_writes(labs: list[Leerlab]) -> None:
    # The JSON is encoded by pydantic-core for speed; its bytes must be the standard
    # library's, whatever the text: quotes, backslashes, controls, non-ASCII.
    expected = json.dumps([lab_object(lab) for lab in labs], indent=2, ensure_ascii=False)
    assert labs_json(labs) == expected + "\n"
    for lab in labs:
        assert lab_json(lab) == json.dumps(lab_object(lab), indent=2, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_text_is_encoded_as_the_standard_library_does(
    write_dataset: WriteDataset, value: str
) -> None:
    labs = load(write_dataset(make_lab(name=value, place=value))).leerlab
    assert labs_json(labs) == json.dumps([lab_object(labs[0])], indent=2, ensure_ascii=False) + "\n"
