"""JSON: complete leerlab objects for programs, UTF-8, in a fixed key order.

The shape is the contract for scripts (README, "Voor scripts / For scripts"):
every field of the model in its order, then ``left_open``. A fact the source
leaves open is the string ``nader te bepalen`` rather than the dataset file's
``{ nader_te_bepalen = true }`` table, so that every text field is a string or
null; ``left_open`` names those fields. `leerlab schema output` describes it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any

from pydantic import TypeAdapter

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
    return "".join(labs_json_parts(labs))


JSON_FIELDS = (*field_names(Leerlab), LEFT_OPEN_KEY)
"""The keys of a leerlab object, in order: what `--fields` may choose for JSON."""


def labs_json_parts(labs: Sequence[Leerlab], fields: Sequence[str] = JSON_FIELDS) -> Iterator[str]:
    """`labs_json` a leerlab at a time, so that a big array is never held whole.

    `fields` are keys of `JSON_FIELDS`: each object has those only, in that order.
    """
    if not labs:
        yield "[]\n"
        return
    every = tuple(fields) == JSON_FIELDS
    yield "["
    for number, lab in enumerate(labs):
        data = lab_object(lab)
        if not every:
            data = {field: data[field] for field in fields}
        # Each object indented one level deeper, as inside the array.
        yield ("\n  " if number == 0 else ",\n  ") + _dumps(data).replace("\n", "\n  ")
    yield "\n]\n"


def lab_json(lab: Leerlab) -> str:
    """One complete leerlab object, the same shape as an item of `labs_json`."""
    return _dumps(lab_object(lab)) + "\n"


@cache
def _encoder() -> TypeAdapter[dict[str, Any]]:
    return TypeAdapter(dict[str, Any])


def _dumps(data: dict[str, Any]) -> str:
    # The same text as json.dumps(data, indent=2, ensure_ascii=False), encoded by
    # pydantic in a quarter of the time: with an indent, the standard library
    # encodes in Python, not in C.
    return _encoder().dump_json(data, indent=2).decode()
