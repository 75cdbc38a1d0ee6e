"""Tidy route rows for programs: tab-separated or CSV, one row per transition."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from leerlab_cli.core.coverage import RouteRow
from leerlab_cli.formats.plain import tsv_lines

ROUTE_ROW_COLUMNS = ("slug", "from", "to", "status", "start", "mbo_leerweg")
"""The columns of `leerlab routes --format tsv|csv`, in order."""


def route_row_fields(row: RouteRow) -> tuple[str, ...]:
    """The fields of one route row as codes; what the source does not give is empty."""
    return (
        row.slug,
        row.leerweg.value if row.leerweg is not None else "",
        str(row.niveau),
        row.status.value,
        row.start or "",
        row.mbo_leerweg.value if row.mbo_leerweg is not None else "",
    )


def route_rows_tsv(rows: Iterable[RouteRow], *, header: bool = False) -> str:
    """One tab-separated line per route row; with `header`, the column names first."""
    return tsv_lines(ROUTE_ROW_COLUMNS if header else None, map(route_row_fields, rows))


def route_rows_csv(rows: Iterable[RouteRow]) -> str:
    """A header row and one CSV row per route row, as Python's `csv` module reads it back."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(ROUTE_ROW_COLUMNS)
    writer.writerows(route_row_fields(row) for row in rows)
    return buffer.getvalue()
