"""TOML: a complete dataset file, as `--data` reads it back."""

from __future__ import annotations

from collections.abc import Sequence

import tomli_w

from leerlab_cli.models import Leerlab, Meta


def dataset_toml(meta: Meta, labs: Sequence[Leerlab]) -> str:
    """The meta and `labs` as a dataset file that loads back into the same models.

    A fact not given is left out, as TOML has no null; an undetermined one is
    written ``{ nader_te_bepalen = true }``, as in the shipped dataset.
    """
    document = {
        "meta": meta.model_dump(mode="json", exclude_none=True),
        "leerlab": [lab.model_dump(mode="json", exclude_none=True) for lab in labs],
    }
    return tomli_w.dumps(document)
