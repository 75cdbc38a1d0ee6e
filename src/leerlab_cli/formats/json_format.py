"""JSON: complete leerlab objects for programs, UTF-8, in a fixed key order.

The shape is the contract for scripts (README, "Voor scripts / For scripts"):
every field of the model in its order, then ``left_open``. A fact the source
leaves open is the string ``nader te bepalen`` rather than the dataset file's
``{ nader_te_bepalen = true }`` table, so that every text field is a string or
null; ``left_open`` names those fields. `leerlab schema output` describes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pydantic_core

from leerlab_cli.core.models import Leerlab, Undetermined, as_data, field_names

UNDETERMINED_TEXT = "nader te bepalen"
"""How a fact the source leaves open reads in JSON: the source's own words."""
LEFT_OPEN_KEY = "left_open"
"""The key, after the model's fields, that lists the fields the source leaves open."""


def left_open(lab: Leerlab) -> list[str]:
    """The fields of `lab` the source leaves open ("nader te bepalen"), in the model's order."""
    return [name for name in field_names(Leerlab) if isinstance(getattr(lab, name), Undetermined)]


def lab_object(lab: Leerlab) -> dict[str, Any]:
    """One leerlab as a JSON-ready dict: the model's fields in order, then ``left_open``."""
    data = as_data(lab)
    open_fields = left_open(lab)
    for name in open_fields:
        data[name] = UNDETERMINED_TEXT
    data[LEFT_OPEN_KEY] = open_fields
    return data


def labs_json(labs: Sequence[Leerlab]) -> str:
    """An array of complete leerlab objects, every field present, in a fixed order."""
    return _dumps([lab_object(lab) for lab in labs])


def lab_json(lab: Leerlab) -> str:
    """One complete leerlab object, the same shape as an item of `labs_json`."""
    return _dumps(lab_object(lab))


def _dumps(data: object) -> str:
    # The same bytes as json.dumps(data, indent=2, ensure_ascii=False), in a quarter of
    # the time: with an indent, the standard library encodes in Python, not in C.
    return pydantic_core.to_json(data, indent=2).decode() + "\n"
