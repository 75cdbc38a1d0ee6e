"""The JSON export: strict JSON, every field, in the model's order."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import HOSTILE, WriteDataset, exported, make_lab, strict_json
from leerlab_cli.dataset import load
from leerlab_cli.formats.json_format import lab_object
from leerlab_cli.models import Leerlab, field_names


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
