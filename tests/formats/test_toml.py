"""The TOML export: the complete dataset, read back by `--data` as it was."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from typer.testing import CliRunner

from helpers import HOSTILE, META, WriteDataset, exported, make_lab, run_export
from leerlab_cli.core.models import Dataset, as_data, validate_dataset
from leerlab_cli.files.dataset import load, parse_document, validate_document
from leerlab_cli.formats.json_format import labs_json
from leerlab_cli.formats.toml_format import dataset_toml
from strategies import generated_datasets


def round_trip(runner: CliRunner, data: Path, tmp_path: Path, *filters: str) -> None:
    """Exported TOML, read back with `--data`, exports the same JSON as the original."""
    target = tmp_path / "exported.toml"
    result = run_export(runner, data, *filters, "--format", "toml", "--output", str(target))
    assert result.exit_code == 0, result.output
    tomllib.loads(target.read_text(encoding="utf-8"))
    again = exported(runner, target, "--format", "json")
    assert again == exported(runner, data, *filters, "--format", "json")


def test_toml_round_trip_of_the_shipped_dataset(
    runner: CliRunner, shipped: Path, tmp_path: Path
) -> None:
    round_trip(runner, shipped, tmp_path)


@pytest.mark.parametrize("filters", [["--to", "4"], ["--province", "nowhere"]])
def test_toml_round_trip_of_a_selection(
    runner: CliRunner, shipped: Path, tmp_path: Path, filters: list[str]
) -> None:
    round_trip(runner, shipped, tmp_path, *filters)


def test_toml_round_trip_of_hostile_values(
    runner: CliRunner, write_dataset: WriteDataset, tmp_path: Path
) -> None:
    labs = [
        make_lab(slug=f"lab-{index}", name=value, design=value, phase={"nader_te_bepalen": True})
        for index, value in enumerate(HOSTILE)
    ]
    round_trip(runner, write_dataset(*labs, meta={**META, "introduction": "a\nb"}), tmp_path)


def test_toml_is_the_complete_dataset(runner: CliRunner, shipped: Path) -> None:
    document = tomllib.loads(exported(runner, shipped, "--format", "toml"))
    dataset = load(shipped)
    assert document["meta"] == as_data(dataset.meta, exclude_none=True)
    brabant = next(lab for lab in document["leerlab"] if lab["slug"] == "noord-brabant")
    # Undetermined stays undetermined; a fact not given stays out (TOML has no null).
    assert brabant["works_on"] == {"nader_te_bepalen": True}
    assert brabant["target_group"] == {"nader_te_bepalen": True}
    assert "design" not in brabant
    assert validate_dataset(document) == dataset


@given(generated_datasets())
def test_toml_round_trip_of_generated_datasets(dataset: Dataset) -> None:
    text = dataset_toml(dataset.meta, dataset.leerlab)
    again = validate_document(parse_document(text.encode("utf-8"), "exported"), "exported")
    assert labs_json(again.leerlab) == labs_json(dataset.leerlab)
    assert again == dataset
