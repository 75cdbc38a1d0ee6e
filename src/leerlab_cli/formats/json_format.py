"""JSON: complete objects serialised by pydantic-core, UTF-8, stable key order."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import TypeAdapter

from leerlab_cli.models import Leerlab


def labs_json(labs: Sequence[Leerlab]) -> str:
    """An array of complete leerlab objects, every field present, in the model's order."""
    adapter: TypeAdapter[list[Leerlab]] = TypeAdapter(list[Leerlab])
    return adapter.dump_json(list(labs), indent=2).decode("utf-8") + "\n"


def lab_json(lab: Leerlab) -> str:
    """One complete leerlab object."""
    return lab.model_dump_json(indent=2) + "\n"
