"""The JSON contract for scripts: text is a string or null, left_open, one schema for all."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from helpers import WriteDataset, exported, make_lab, stdout_of, strict_json
from leerlab_cli.cli import app
from leerlab_cli.core.models import Dataset, Leerlab, field_names
from leerlab_cli.core.schema import output_schema
from leerlab_cli.files.dataset import load
from leerlab_cli.formats.json_format import labs_json
from strategies import generated_datasets

KEYS = [*field_names(Leerlab), "left_open"]
"""The keys of every leerlab object, in order."""
TEXT_FIELDS = ("name", "place", "schools_note", "sector_note", "phase", "route_text")
STATEMENT_FIELDS = ("phase", "works_on", "design", "target_group")


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = output_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def scalars(value: Any) -> list[Any]:
    """Every value in a JSON document that is not an array or an object."""
    if isinstance(value, dict):
        return [item for inner in value.values() for item in scalars(inner)]
    if isinstance(value, list):
        return [item for inner in value for item in scalars(inner)]
    return [value]


def labs_from_every_command(runner: CliRunner, data: Path) -> list[list[dict[str, Any]]]:
    """The leerlab objects of `list`, `export` and, one by one, `show`, all as JSON."""
    base = ["--data", str(data)]
    listed = strict_json(stdout_of(runner, [*base, "list", "--format", "json"]))
    exported_labs = strict_json(exported(runner, data, "--format", "json"))
    shown = [
        strict_json(stdout_of(runner, [*base, "show", lab["slug"], "--exact", "-f", "json"]))
        for lab in listed
    ]
    return [listed, exported_labs, shown]


def test_the_jq_example_runs_on_the_shipped_dataset(runner: CliRunner, shipped: Path) -> None:
    # leerlab export --format json | jq '.[] | .target_group | ascii_downcase'
    labs = strict_json(exported(runner, shipped, "--format", "json"))
    lowered = [lab["target_group"].lower() for lab in labs]
    assert lowered[4] == "nader te bepalen"


def test_every_text_is_a_string_or_null_and_lists_are_lists(
    runner: CliRunner, shipped: Path
) -> None:
    for labs in labs_from_every_command(runner, shipped):
        for lab in labs:
            assert list(lab) == KEYS
            for value in scalars(lab):
                assert value is None or isinstance(value, str | int), value
                assert not isinstance(value, bool), value
            for field in TEXT_FIELDS + STATEMENT_FIELDS:
                assert lab[field] is None or isinstance(lab[field], str)
                if lab[field] is not None:
                    lab[field].lower()
            for name, item in Leerlab.model_fields.items():
                if "list" in str(item.annotation):
                    assert isinstance(lab[name], list), name


def test_list_show_and_export_give_the_same_objects(runner: CliRunner, shipped: Path) -> None:
    listed, exported_labs, shown = labs_from_every_command(runner, shipped)
    assert listed == exported_labs == shown
    assert [lab["slug"] for lab in listed] == [lab.slug for lab in load(shipped).leerlab]


def test_left_open_names_what_the_source_leaves_open(runner: CliRunner, shipped: Path) -> None:
    labs = {lab["slug"]: lab for lab in strict_json(exported(runner, shipped, "-f", "json"))}
    brabant = labs["noord-brabant"]
    assert brabant["left_open"] == ["works_on", "target_group"]
    assert brabant["works_on"] == brabant["target_group"] == "nader te bepalen"
    # Not given is not the same as left open: null, and not in left_open.
    assert brabant["design"] is None
    assert all(lab["left_open"] == [] for slug, lab in labs.items() if slug != "noord-brabant")


def test_every_statement_left_open(runner: CliRunner, write_dataset: WriteDataset) -> None:
    undetermined = {"nader_te_bepalen": True}
    lab = make_lab(**dict.fromkeys(STATEMENT_FIELDS, undetermined))
    (shown,) = strict_json(exported(runner, write_dataset(lab), "--format", "json"))
    assert shown["left_open"] == list(STATEMENT_FIELDS)
    assert all(shown[field] == "nader te bepalen" for field in STATEMENT_FIELDS)


def test_the_toml_export_keeps_the_marker_and_round_trips(
    runner: CliRunner, shipped: Path, tmp_path: Path
) -> None:
    toml = exported(runner, shipped, "--format", "toml")
    brabant = tomllib.loads(toml)["leerlab"][4]
    assert brabant["works_on"] == {"nader_te_bepalen": True}
    copy = tmp_path / "copy.toml"
    copy.write_text(toml, encoding="utf-8")
    assert load(copy).leerlab == load(shipped).leerlab
    assert exported(runner, copy, "-f", "json") == exported(runner, shipped, "-f", "json")


def test_every_json_output_validates_against_the_output_schema(
    runner: CliRunner, shipped: Path, validator: Draft202012Validator
) -> None:
    listed, exported_labs, shown = labs_from_every_command(runner, shipped)
    for document in (listed, exported_labs, *shown, []):
        assert list(validator.iter_errors(document)) == []


@pytest.mark.parametrize(
    "broken",
    [
        {"works_on": {"nader_te_bepalen": True}},
        {"left_open": ["name"]},
        {"left_open": None},
        {"sectors": None},
        {"extra": 1},
    ],
)
def test_the_output_schema_refuses_other_shapes(
    runner: CliRunner, validator: Draft202012Validator, broken: dict[str, Any]
) -> None:
    lab = strict_json(stdout_of(runner, ["show", "ottoland", "--format", "json"]))
    assert not validator.is_valid(lab | broken)
    without = {key: value for key, value in lab.items() if key != "left_open"}
    assert not validator.is_valid(without)


@given(generated_datasets())
def test_generated_datasets_match_the_output_schema(dataset: Dataset) -> None:
    schema = output_schema()
    labs = strict_json(labs_json(dataset.leerlab))
    assert list(Draft202012Validator(schema).iter_errors(labs)) == []
    for lab in labs:
        assert list(lab) == KEYS
        assert all(value is None or isinstance(value, str | int) for value in scalars(lab))


def test_schema_output_prints_the_output_schema(runner: CliRunner) -> None:
    printed = json.loads(stdout_of(runner, ["schema", "output"]))
    assert printed == output_schema()
    assert printed["$defs"]["Leerlab"]["required"] == KEYS
    assert "Undetermined" not in printed["$defs"]
    assert json.loads(stdout_of(runner, ["schema", "dataset"])) == json.loads(
        stdout_of(runner, ["schema"])
    )


def test_schema_of_something_else_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["schema", "outputs"])
    assert result.exit_code == 2
    assert "'output'" in result.stderr


def test_contacts_and_route_cells_json(runner: CliRunner, shipped: Path) -> None:
    contacts = strict_json(stdout_of(runner, ["contacts", "--format", "json"]))
    for contact in contacts:
        assert list(contact) == ["slug", "name", "email", "organisation"]
        assert all(value is None or isinstance(value, str) for value in contact.values())
    cells = strict_json(stdout_of(runner, ["routes", "--format", "json"]))
    # 16 cells, and 4 more for Oost's route whose leerweg the source does not state.
    assert len(cells) == 20
    for cell in cells:
        assert list(cell) == ["from", "to", "leerlabs", "planned"]
        assert cell["from"] in ("bb", "kb", "gl", "tl", None)
        assert cell["to"] in (1, 2, 3, 4)
        assert all(isinstance(slug, str) for slug in cell["leerlabs"] + cell["planned"])
