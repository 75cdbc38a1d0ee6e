"""TOML: a complete dataset file, as `--data` reads it back."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import tomli_w

from leerlab_cli.core.models import Leerlab, Meta, as_data


def dataset_toml(meta: Meta, labs: Sequence[Leerlab]) -> str:
    """The meta and `labs` as a dataset file that loads back into the same models.

    A fact not given is left out, as TOML has no null, and so is a leerweg the source
    does not state; an undetermined fact is written ``{ nader_te_bepalen = true }``,
    as in the shipped dataset.
    """
    document = {
        "meta": as_data(meta, exclude_none=True),
        "leerlab": [_lab_table(lab) for lab in labs],
    }
    return tomli_w.dumps(document)


def _lab_table(lab: Leerlab) -> dict[str, Any]:
    table = as_data(lab, exclude_none=True)
    for route in table["routes"]:
        # A leerweg the source does not state is left out: `leerwegen = []` is an error.
        if not route["leerwegen"]:
            del route["leerwegen"]
    if lab.source is not None and lab.source.date is not None:
        # A TOML date, not the text JSON writes for it: the file takes a date only.
        table["source"]["date"] = lab.source.date
    return table
