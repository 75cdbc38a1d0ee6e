"""The schema explains itself: every field has a description and examples, shown on hover."""

from __future__ import annotations

from typing import Any

import pytest

from leerlab_cli.core.schema import dataset_schema


def _properties() -> list[tuple[str, str, dict[str, Any]]]:
    schema = dataset_schema()
    tables = {"Dataset": schema, **schema["$defs"]}
    return [
        (table, name, field)
        for table, definition in tables.items()
        for name, field in definition.get("properties", {}).items()
    ]


@pytest.mark.parametrize(
    ("table", "name", "field"), _properties(), ids=[f"{t}.{n}" for t, n, _ in _properties()]
)
def test_every_field_has_a_description(table: str, name: str, field: dict[str, Any]) -> None:
    assert len(field.get("description", "")) > 20, (table, name)
    if table != "Dataset":
        assert field.get("examples"), (table, name)


def test_the_forms_of_start_are_in_the_schema() -> None:
    start = dataset_schema()["$defs"]["Route"]["properties"]["start"]
    assert "2019-2020" in start["description"]
    assert start["examples"] == ["2019", "2019-2020", "2021-09"]
