"""Rich renderables for `routes` and `contacts`: data wrapped in `Text`, never read as markup."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from leerlab_cli.core.contacts import ContactRow
from leerlab_cli.core.coverage import NIVEAUS, Cell, matrix_rows
from leerlab_cli.core.models import NIVEAU_NAMES
from leerlab_cli.core.provinces import ProvinceOverview
from leerlab_cli.formats.contact_list import CONTACT_COLUMNS, contact_fields, contact_headers
from leerlab_cli.formats.route_matrix import (
    CORNER,
    leerweg_label,
    legend,
    niveau_code,
    planned_label,
)

_PLANNED_STYLE = "dim italic"
_UNLIMITED = 10_000


class Fitted:
    """The first of `choices` that fits the console without breaking a word; else the last.

    A table squeezed below its minimum width cuts slugs and e-mail addresses in
    the middle, so a narrower form, and in the end a list, takes its place.
    """

    def __init__(self, *choices: RenderableType) -> None:
        self.choices = choices

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """Yield the first choice whose minimum width fits."""
        # Measured without a limit: a measurement is otherwise capped at the width it gets.
        unlimited = options.update_width(_UNLIMITED)
        for choice in self.choices[:-1]:
            if Measurement.get(console, unlimited, choice).minimum <= options.max_width:
                yield choice
                return
        yield self.choices[-1]


def route_matrix_view(cells: Sequence[Cell]) -> Group:
    """The route matrix and its legend: a table where it fits, else a list per leerweg."""
    explanation = Text(legend(), style="dim")
    matrix = Fitted(
        _matrix_table(cells, named=True), _matrix_table(cells, named=False), _matrix_list(cells)
    )
    return Group(matrix, Text(""), explanation)


def _compact_table() -> Table:
    return Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)


def _add_fixed_column(table: Table, header: Text, cells: Sequence[Text]) -> None:
    # A column that never wraps, at the width of its widest line. Its measured minimum
    # is then its real width, so `Fitted` knows exactly what the table needs: when the
    # table is too wide, rich shrinks only the columns that may wrap.
    width = max(cell_len(line) for text in (header, *cells) for line in text.plain.split("\n"))
    table.add_column(header, no_wrap=True, min_width=width)


def _matrix_table(cells: Sequence[Cell], *, named: bool) -> Table:
    rows = matrix_rows(cells)
    table = _compact_table()
    table.add_column(Text(CORNER), style="bold")
    for index, niveau in enumerate(NIVEAUS):
        code = niveau_code(niveau)
        header = f"{code}\n{NIVEAU_NAMES[niveau]}" if named else code
        _add_fixed_column(table, Text(header), [_cell_lines(row[index]) for _, row in rows])
    for number, (leerweg, row) in enumerate(rows, start=1):
        table.add_row(
            Text(leerweg_label(leerweg)),
            *(_cell_lines(cell) for cell in row),
            end_section=number < len(rows),
        )
    return table


def _matrix_list(cells: Sequence[Cell]) -> Group:
    parts: list[RenderableType] = []
    for leerweg, row in matrix_rows(cells):
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True)
        grid.add_column(justify="right", no_wrap=True)
        grid.add_column(overflow="fold")
        for cell in row:
            grid.add_row(Text(f"→ {niveau_code(cell.niveau)}"), _count(cell), _slugs(cell, ", "))
        if parts:
            parts.append(Text(""))
        parts += [Text(leerweg_label(leerweg), style="bold"), Padding(grid, (0, 0, 0, 2))]
    return Group(*parts)


def _count(cell: Cell) -> Text:
    return Text(str(cell.count), style="bold" if cell.count else "dim")


def _slugs(cell: Cell, separator: str) -> Text:
    slugs = [Text(slug) for slug in cell.leerlabs]
    slugs += [Text(planned_label(slug), style=_PLANNED_STYLE) for slug in cell.planned]
    return Text(separator).join(slugs)


def _cell_lines(cell: Cell) -> Text:
    slugs = _slugs(cell, "\n")
    return Text("\n").join([_count(cell), slugs]) if slugs else _count(cell)


def contacts_view(rows: Sequence[ContactRow]) -> Fitted:
    """The contact persons: a table where it fits, else a small block per person."""
    table = _compact_table()
    columns = list(zip(*(contact_fields(row) for row in rows), strict=True)) or [
        () for _ in CONTACT_COLUMNS
    ]
    for name, header, values in zip(CONTACT_COLUMNS, contact_headers(), columns, strict=True):
        if name == "organisation":
            table.add_column(header)
        else:
            _add_fixed_column(table, Text(header), [Text(value) for value in values])
    for row in rows:
        table.add_row(*(Text(field) for field in contact_fields(row)))
    return Fitted(table, _contact_blocks(rows))


def _contact_blocks(rows: Sequence[ContactRow]) -> Group:
    parts: list[RenderableType] = []
    for index, row in enumerate(rows):
        if index:
            parts.append(Text(""))
        where = f"{row.slug} · {row.organisation}" if row.organisation else row.slug
        parts += [
            Text(row.name, style="bold"),
            Padding(Text(row.email, overflow="fold"), (0, 0, 0, 2)),
            Padding(Text(where), (0, 0, 0, 2)),
        ]
    return Group(*parts)


def provinces_view(overviews: Sequence[ProvinceOverview]) -> Group:
    """The leerlabs per province and the legend: a table where it fits, else a block each."""
    from leerlab_cli.formats.provinces import (
        leerlab_summary,
        province_headers,
        province_legend,
        route_lines,
    )

    table = _compact_table()
    province, leerlabs, sectors, routes = province_headers()
    table.add_column(province, style="bold", no_wrap=True)
    # The count above the slugs, a slug a line: a slug is never cut.
    labs = [Text("\n".join([str(overview.count), *overview.leerlabs])) for overview in overviews]
    _add_fixed_column(table, Text(leerlabs), labs)
    table.add_column(sectors)
    reached = [Text("\n".join(route_lines(overview))) for overview in overviews]
    _add_fixed_column(table, Text(routes), reached)
    for overview, lab_lines, route_text in zip(overviews, labs, reached, strict=True):
        table.add_row(
            Text(overview.province),
            lab_lines,
            Text("\n".join(overview.sectors)),
            route_text,
            end_section=True,
        )
    blocks: list[RenderableType] = []
    for overview in overviews:
        if blocks:
            blocks.append(Text(""))
        blocks.append(Text(overview.province, style="bold"))
        lines = [
            f"{leerlabs}: {leerlab_summary(overview)}",
            f"{sectors}: {', '.join(overview.sectors)}".rstrip(),
            f"{routes}: {' · '.join(route_lines(overview))}".rstrip(),
        ]
        blocks += [Padding(Text(line, overflow="fold"), (0, 0, 0, 2)) for line in lines]
    return Group(Fitted(table, Group(*blocks)), Text(""), Text(province_legend(), style="dim"))
