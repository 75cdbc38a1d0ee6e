"""The route matrix as text: its labels and legend, JSON, and a Markdown table."""

from __future__ import annotations

import json
from collections.abc import Sequence

from leerlab_cli.core.coverage import NIVEAUS, Cell, matrix_rows
from leerlab_cli.core.models import NIVEAU_NAMES, Leerweg
from leerlab_cli.formats import leerweg_not_given
from leerlab_cli.formats.markdown import escape
from leerlab_cli.i18n import _

PLANNED_MARK = "*"
"""Marks a leerlab whose route to a cell is only possible later ("mogelijk later")."""
CORNER = "vmbo → mbo"
"""The label above the column of leerwegen."""


def legend() -> str:
    """The line under the matrix that says what its numbers and marks mean."""
    return _(
        "Each cell: how many leerlabs have a route there that runs, starts or is being "
        "developed, and which; slug{mark}: a route only possible later, not counted."
    ).format(mark=PLANNED_MARK)


def leerweg_label(leerweg: Leerweg | None) -> str:
    """A vmbo leerweg by its Dutch name and code: ``basisberoepsgerichte leerweg (bb)``.

    None, the row of routes whose leerweg the source does not state, reads
    ``leerweg niet vermeld`` (in the interface language).
    """
    if leerweg is None:
        return leerweg_not_given()
    return f"{leerweg.dutch} ({leerweg.value})"


def niveau_code(niveau: int) -> str:
    """An mbo niveau in short: ``mbo 1``."""
    return f"mbo {niveau}"


def niveau_label(niveau: int) -> str:
    """An mbo niveau by number and name: ``mbo 1 Entree``."""
    return f"{niveau_code(niveau)} {NIVEAU_NAMES[niveau]}"


def planned_label(slug: str) -> str:
    """A leerlab whose route to a cell is only planned: ``oost*``."""
    return f"{slug}{PLANNED_MARK}"


def cell_summary(cell: Cell) -> str:
    """A cell on one line: ``1: assen, oost*``, or ``0`` when no leerlab has a route there."""
    slugs = [*cell.leerlabs, *(planned_label(slug) for slug in cell.planned)]
    return f"{cell.count}: {', '.join(slugs)}" if slugs else str(cell.count)


def routes_json(cells: Sequence[Cell]) -> str:
    """Every cell as ``{"from": "kb", "to": 3, "leerlabs": [...], "planned": [...]}``.

    Cells of routes whose leerweg the source does not state have ``"from": null``.
    """
    data = [
        {
            "from": cell.leerweg.value if cell.leerweg is not None else None,
            "to": cell.niveau,
            "leerlabs": list(cell.leerlabs),
            "planned": list(cell.planned),
        }
        for cell in cells
    ]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def routes_markdown(cells: Sequence[Cell]) -> str:
    """A Markdown table, a row per leerweg and a column per niveau, then the legend."""
    header = [CORNER, *(niveau_label(niveau) for niveau in NIVEAUS)]
    lines = [
        _markdown_row(header),
        "|" + "|".join("---" for _ in header) + "|",
    ]
    lines += [
        _markdown_row([leerweg_label(leerweg), *(cell_summary(cell) for cell in row)])
        for leerweg, row in matrix_rows(cells)
    ]
    return "\n".join([*lines, "", escape(legend())]) + "\n"


def _markdown_row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(escape(cell) for cell in cells) + " |"
