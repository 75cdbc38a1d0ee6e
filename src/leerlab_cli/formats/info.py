"""What `leerlab info` says about the dataset in use: labelled lines, or JSON."""

from __future__ import annotations

import json

from leerlab_cli.core.choice import DatasetChoice, DatasetSource
from leerlab_cli.core.models import Dataset
from leerlab_cli.core.text import printable, shown_path
from leerlab_cli.i18n import _


def _source_text(source: DatasetSource) -> str:
    return {
        DatasetSource.option: _("named by --data"),
        DatasetSource.environment: _("named by $LEERLAB_DATA"),
        DatasetSource.shipped: _("the dataset shipped with leerlab"),
    }[source]


def info_text(choice: DatasetChoice, data: Dataset) -> str:
    """``Label: value`` lines for a person."""
    meta = data.meta
    rows = [
        (_("Dataset"), shown_path(choice.path)),
        (_("Chosen"), _source_text(choice.source)),
        (_("Title"), printable(meta.title)),
        (_("Edition"), printable(meta.edition or str(meta.year))),
        (_("Leerlabs"), str(len(data.leerlab))),
    ]
    width = max(len(label) for label, _value in rows) + 1
    return "".join(f"{label + ':':<{width}} {value}\n" for label, value in rows)


def info_json(choice: DatasetChoice, data: Dataset) -> str:
    """An object with path, source, title, edition, year and leerlabs."""
    meta = data.meta
    fields = {
        "path": shown_path(choice.path),
        "source": choice.source.value,
        "title": meta.title,
        "edition": meta.edition,
        "year": meta.year,
        "leerlabs": len(data.leerlab),
    }
    return json.dumps(fields, indent=2, ensure_ascii=False) + "\n"
