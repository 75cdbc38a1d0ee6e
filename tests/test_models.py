"""The models' hand-written pydantic-core schemas give what the dataclasses' types promise.

models.py writes each field's type twice: as the dataclass annotation that mypy and the
formats rely on, and as the schema that validates a file. These tests hold the two
together: every value that validation makes has the annotated type, exactly (a text is a
`str`, a niveau an `int` and never a `bool`, a leerweg a `Leerweg`), and every field of
every class has a schema, and a table with every field filled loads back to equal values.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from pathlib import Path
from typing import Any, Literal

from hypothesis import given

from leerlab_cli import models
from leerlab_cli.dataset import load
from leerlab_cli.models import MODELS, Dataset, field_names
from strategies import generated_datasets


def mismatches(value: Any, annotation: Any, where: str) -> list[str]:
    """Where `value` is not of type `annotation`, with exact classes: no subclass passes."""
    origin = typing.get_origin(annotation)
    arguments = typing.get_args(annotation)
    if origin is typing.Union or isinstance(annotation, types.UnionType):
        if any(not mismatches(value, option, where) for option in arguments):
            return []
        return [f"{where}: {value!r} is none of {annotation}"]
    if origin is list:
        if type(value) is not list:
            return [f"{where}: {value!r} is not a list"]
        return [
            problem
            for index, item in enumerate(value)
            for problem in mismatches(item, arguments[0], f"{where}[{index}]")
        ]
    if origin is Literal:
        ok = any(type(value) is type(choice) and value == choice for choice in arguments)
        return [] if ok else [f"{where}: {value!r} is not one of {arguments}"]
    if annotation is None or annotation is type(None):
        return [] if value is None else [f"{where}: {value!r} is not None"]
    if dataclasses.is_dataclass(annotation):
        if type(value) is not annotation:
            return [f"{where}: {value!r} is not a {annotation.__name__}"]
        hints = typing.get_type_hints(annotation)
        return [
            problem
            for name in field_names(annotation)
            for problem in mismatches(getattr(value, name), hints[name], f"{where}.{name}")
        ]
    if type(value) is not annotation:
        return [f"{where}: {value!r} is a {type(value).__name__}, not a {annotation.__name__}"]
    return []


def test_the_shipped_dataset_has_the_annotated_types(shipped: Path) -> None:
    assert mismatches(load(shipped), Dataset, "dataset") == []


@given(dataset=generated_datasets())
def test_generated_datasets_have_the_annotated_types(dataset: Dataset) -> None:
    assert mismatches(dataset, Dataset, "dataset") == []


def test_every_field_has_a_schema_a_description_and_a_class_docstring() -> None:
    for model in MODELS:
        assert model.__doc__, model
        for item in dataclasses.fields(model):
            assert set(item.metadata) == {"schema", "description", "examples"}, (model, item.name)
            assert item.metadata["description"].strip(), (model, item.name)


def test_a_lab_with_every_field_written_loads_back_to_the_same_values() -> None:
    table = {
        "slug": "alles",
        "name": "Leerlab Alles",
        "place": "Ergens",
        "provinces": ["Utrecht"],
        "schools": [{"name": "School A", "types": ["vo", "mbo"], "note": "n", "place": "Houten"}],
        "schools_note": "samen",
        "sectors": ["Zorg en Welzijn"],
        "specialisations": ["Verpleging"],
        "sector_note": "meer later",
        "profielen": ["zw"],
        "phase": "pilot",
        "route_text": "van vmbo basis naar mbo niveau 2",
        "routes": [
            {
                "leerwegen": ["bb"],
                "niveaus": [2],
                "status": "scheduled",
                "start": "2021-09",
                "mbo_leerweg": "BBL",
                "schools": ["School A"],
            }
        ],
        "route_kinds": ["doorlopende leerroute"],
        "works_on": {"nader_te_bepalen": True},
        "design": "praktijk",
        "target_group": "iedereen",
        "target_group_per_school": [{"school": "School A", "text": "bb"}],
        "contacts": [{"name": "Piet", "email": "piet@test.nl", "organisation": "School A"}],
    }
    assert tuple(table) == field_names(models.Leerlab)
    lab = models.validate_leerlab(table)
    assert mismatches(lab, models.Leerlab, "lab") == []
    assert models.as_data(lab) == {**table, "works_on": {"nader_te_bepalen": True}}
