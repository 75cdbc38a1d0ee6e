"""The leerlabs per province as text: its column names, legend, JSON and a Markdown table."""

from __future__ import annotations

import json
from collections.abc import Sequence

from leerlab_cli.core.coverage import Cell
from leerlab_cli.core.models import Leerweg
from leerlab_cli.core.provinces import ProvinceOverview
from leerlab_cli.formats import leerweg_not_given
from leerlab_cli.formats.markdown import escape
from leerlab_cli.formats.route_matrix import PLANNED_MARK
from leerlab_cli.i18n import N_, _

PROVINCE_COLUMNS = (N_("Province"), N_("Leerlabs"), N_("Sectors"), N_("Routes"))
"""The columns of the overview per province, as message ids."""


def province_headers() -> tuple[str, ...]:
    """The column names, in the interface language."""
    return tuple(_(column) for column in PROVINCE_COLUMNS)


def province_legend() -> str:
    """The line under the overview that says how its routes read."""
    return _(
        "Routes: vmbo leerweg → the mbo niveaus the leerlabs of the province lead to; "
        "niveau{mark}: a route only possible later."
    ).format(mark=PLANNED_MARK)


def leerlab_summary(overview: ProvinceOverview) -> str:
    """How many leerlabs, and which: ``2: apeldoorn, oost``, or ``0``."""
    if not overview.leerlabs:
        return "0"
    return f"{overview.count}: {', '.join(overview.leerlabs)}"


def route_lines(overview: ProvinceOverview) -> list[str]:
    """The routes a line per vmbo leerweg: ``bb → 2/3``, ``kb → 3/4*``."""
    niveaus: dict[Leerweg | None, list[str]] = {}
    for cell in overview.routes:
        niveau = str(cell.niveau) if cell.leerlabs else f"{cell.niveau}{PLANNED_MARK}"
        niveaus.setdefault(cell.leerweg, []).append(niveau)
    return [
        f"{_leerweg_code(leerweg)} → {'/'.join(reached)}" for leerweg, reached in niveaus.items()
    ]


def _leerweg_code(leerweg: Leerweg | None) -> str:
    return leerweg.value if leerweg is not None else leerweg_not_given()


def provinces_json(overviews: Sequence[ProvinceOverview]) -> str:
    """Every province as ``{"province", "leerlabs", "sectors", "routes"}``, codes only.

    Each route is a cell of the route matrix: ``{"from": "kb", "to": 3, "leerlabs":
    [...], "planned": [...]}``, ``"from": null`` where the leerweg is not stated.
    """
    data = [
        {
            "province": overview.province,
            "leerlabs": list(overview.leerlabs),
            "sectors": list(overview.sectors),
            "routes": [_cell_data(cell) for cell in overview.routes],
        }
        for overview in overviews
    ]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _cell_data(cell: Cell) -> dict[str, object]:
    return {
        "from": cell.leerweg.value if cell.leerweg is not None else None,
        "to": cell.niveau,
        "leerlabs": list(cell.leerlabs),
        "planned": list(cell.planned),
    }


def provinces_markdown(overviews: Sequence[ProvinceOverview]) -> str:
    """A Markdown table, a row per province, then the legend."""
    headers = province_headers()
    lines = [_row(headers), "|" + "|".join("---" for _ in headers) + "|"]
    for overview in overviews:
        lines.append(
            "| "
            + " | ".join(
                [
                    escape(overview.province),
                    escape(leerlab_summary(overview)),
                    ", ".join(escape(sector) for sector in overview.sectors),
                    escape(" · ".join(route_lines(overview))),
                ]
            )
            + " |"
        )
    return "\n".join([*lines, "", escape(province_legend())]) + "\n"


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(escape(cell) for cell in cells) + " |"
