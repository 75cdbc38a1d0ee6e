"""`leerlab schema`: the JSON Schema of the dataset format, its committed copy, what it accepts."""

from __future__ import annotations

import copy
import json
import tomllib
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from pydantic_core import ValidationError
from typer.testing import CliRunner

from helpers import META, REPOSITORY, make_lab
from leerlab_cli.cli import app
from leerlab_cli.core.models import validate_dataset
from leerlab_cli.core.schema import DIALECT, dataset_schema

COMMITTED = REPOSITORY / "schema" / "leerlabs.schema.json"
SHIPPED_DATA = REPOSITORY / "data" / "leerlabs.toml"


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return dataset_schema()


def lab_validator(schema: dict[str, Any]) -> Draft202012Validator:
    """A validator for one leerlab object: the schema's Leerlab definition."""
    return Draft202012Validator(
        {"$schema": DIALECT, "$defs": schema["$defs"], "$ref": "#/$defs/Leerlab"}
    )


def test_schema_command_prints_the_schema_as_json(runner: CliRunner) -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    printed = json.loads(result.stdout)
    assert printed == dataset_schema()
    assert list(printed)[:3] == ["$schema", "title", "description"]
    assert printed["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert printed["title"] == "leerlab dataset"
    assert set(printed["$defs"]) >= {"Leerlab", "Meta", "Route", "Contact", "School"}


def test_committed_schema_is_the_output_of_the_command(runner: CliRunner) -> None:
    # If this fails, the models changed: run `leerlab schema > schema/leerlabs.schema.json`.
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0, result.output
    assert COMMITTED.read_text(encoding="utf-8") == result.stdout


def test_shipped_dataset_points_editors_at_the_committed_schema() -> None:
    first_line = SHIPPED_DATA.read_text(encoding="utf-8").splitlines()[0]
    # Taplo's header directive; a relative path is relative to the TOML file.
    assert first_line == "#:schema ../schema/leerlabs.schema.json"
    target = (SHIPPED_DATA.parent / first_line.removeprefix("#:schema ")).resolve()
    assert target == COMMITTED.resolve()


def test_schema_is_a_valid_2020_12_schema(schema: dict[str, Any]) -> None:
    Draft202012Validator.check_schema(schema)


def test_schema_validates_the_shipped_dataset(schema: dict[str, Any]) -> None:
    document = tomllib.loads(SHIPPED_DATA.read_text(encoding="utf-8"))
    errors = list(Draft202012Validator(schema).iter_errors(document))
    assert errors == []
    assert len(document["leerlab"]) == 6


def test_a_lab_with_nader_te_bepalen_and_every_field_validates(schema: dict[str, Any]) -> None:
    lab = make_lab(
        works_on={"nader_te_bepalen": True},
        schools_note="noot",
        specialisations=["Hovenier"],
        target_group_per_school=[{"school": "Testcollege", "text": "iedereen"}],
        routes=[
            {
                "leerwegen": ["gl", "tl"],
                "niveaus": [4],
                "status": "scheduled",
                "start": "2022-09",
                "mbo_leerweg": "BOL",
                "schools": ["ROC Test"],
            }
        ],
    )
    assert list(lab_validator(schema).iter_errors(lab)) == []
    validate_dataset({"meta": META, "leerlab": [lab]})


def with_route(**changes: Any) -> dict[str, Any]:
    route = {"leerwegen": ["bb"], "niveaus": [2], **changes}
    return make_lab(routes=[route])


INVALID_LABS = {
    "slug with a space": make_lab(slug="Leerlab Test"),
    "slug too long": make_lab(slug="a" * 65),
    "empty name": make_lab(name=""),
    "control character": make_lab(name="Leerlab \x1b[31mTest"),
    "bidi override": make_lab(place="Test\u202estad"),
    "no provinces": make_lab(provinces=[]),
    "no schools": make_lab(schools=[]),
    "school type": make_lab(schools=[{"name": "X", "types": ["hbo"]}]),
    "unknown field": make_lab(website="https://example.nl"),
    "niveau 5": with_route(niveaus=[5]),
    "niveau 0": with_route(niveaus=[0]),
    "leerweg bbl": with_route(leerwegen=["bbl"]),
    "no leerwegen": with_route(leerwegen=[]),
    "status maybe": with_route(status="maybe"),
    "mbo leerweg": with_route(mbo_leerweg="bol"),
    "route kind": make_lab(route_kinds=["snelle route"]),
    "nader te bepalen false": make_lab(works_on={"nader_te_bepalen": False}),
    "statement extra key": make_lab(design={"nader_te_bepalen": True, "why": "x"}),
    "bad e-mail": make_lab(contacts=[{"name": "A", "email": "not an address"}]),
    "contact without e-mail": make_lab(contacts=[{"name": "A"}]),
}


@pytest.mark.parametrize("lab", INVALID_LABS.values(), ids=INVALID_LABS.keys())
def test_schema_rejects_what_the_models_reject(schema: dict[str, Any], lab: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        validate_dataset({"meta": META, "leerlab": [lab]})
    assert list(lab_validator(schema).iter_errors(lab)) != []
    document = {"meta": META, "leerlab": [lab]}
    assert not Draft202012Validator(schema).is_valid(document)


@pytest.mark.parametrize(
    "meta",
    [{**META, "year": 1800}, {key: META[key] for key in ("title", "year")}, {**META, "extra": 1}],
    ids=["year", "missing publisher", "unknown field"],
)
def test_schema_rejects_a_bad_meta(schema: dict[str, Any], meta: dict[str, Any]) -> None:
    document = {"meta": meta, "leerlab": [make_lab()]}
    assert not Draft202012Validator(schema).is_valid(document)
    valid = copy.deepcopy(document)
    valid["meta"] = META
    assert Draft202012Validator(schema).is_valid(valid)
