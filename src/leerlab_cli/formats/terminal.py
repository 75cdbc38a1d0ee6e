"""Rich renderables for a terminal. Data is wrapped in `Text`, never parsed as markup."""

from __future__ import annotations

from collections.abc import Iterable

from rich import box
from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from leerlab_cli.formats import lab_sections
from leerlab_cli.formats.plain import LIST_COLUMNS, list_row
from leerlab_cli.models import Leerlab


def lab_table(labs: Iterable[Leerlab]) -> Table:
    """The `list` table: one row per leerlab; long text wraps rather than being cut."""
    table = Table(box=box.SIMPLE_HEAD, expand=False, show_lines=False)
    for column in LIST_COLUMNS:
        table.add_column(column, overflow="fold", style="bold" if column == "slug" else None)
    for lab in labs:
        table.add_row(*(Text(field) for field in list_row(lab)))
    return table


def lab_panel(lab: Leerlab) -> Panel:
    """One leerlab with every fact, labels left, values right."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold", no_wrap=False, overflow="fold")
    grid.add_column(overflow="fold")
    for label, values in lab_sections(lab):
        grid.add_row(Text(label), Text("\n".join(values)))
    title = Text(f"{lab.name} ({lab.slug})", style="bold")
    return Panel(Group(grid), title=title, title_align="left", box=box.ROUNDED)
