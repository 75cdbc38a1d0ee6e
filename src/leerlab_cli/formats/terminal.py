"""Rich renderables for a terminal. Data is wrapped in `Text`, never parsed as markup."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rich import box
from rich.console import Console, ConsoleOptions, RenderResult
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from leerlab_cli.core.models import Leerlab
from leerlab_cli.formats import interface_wording, lab_sections, route_summaries
from leerlab_cli.formats.plain import LIST_COLUMNS, list_headers, list_row

NARROW = 72
"""Below this many columns the panel of `show` puts labels above their values."""
LIST_TABLE_WIDTH = 120
"""Below this many columns the five columns of `list` fold words: labs are stacked instead."""


class LabList:
    """The `list` view: a table on a wide terminal, one small block per leerlab on a narrow one."""

    def __init__(self, labs: Sequence[Leerlab]) -> None:
        self.labs = labs

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if options.max_width >= LIST_TABLE_WIDTH:
            yield lab_table(self.labs)
        else:
            yield from _stacked(self.labs)


def lab_table(labs: Sequence[Leerlab]) -> Table:
    """The `list` table: one row per leerlab; long text wraps rather than being cut."""
    table = Table(box=box.SIMPLE_HEAD, expand=True, show_lines=True)
    for column, header in zip(LIST_COLUMNS, list_headers(), strict=True):
        if column == "slug":
            table.add_column(header, style="bold", no_wrap=True)
        else:
            table.add_column(header, overflow="fold", ratio=3 if column == "phase" else 2)
    routes = LIST_COLUMNS.index("routes")
    wording = interface_wording()
    for lab in labs:
        fields = list(list_row(lab, wording))
        # A route a line: a route's arrow and niveaus never end up on separate lines.
        fields[routes] = "\n".join(route_summaries(lab, wording))
        table.add_row(*(Text(field) for field in fields))
    return table


def _stacked(labs: Sequence[Leerlab]) -> Iterator[Table | Text]:
    wording = interface_wording()
    for index, lab in enumerate(labs):
        if index:
            yield Text("")
        slug, *fields = list_row(lab, wording)
        yield Text(slug, style="bold")
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="dim", no_wrap=True)
        grid.add_column(overflow="fold")
        for label, value in zip(list_headers()[1:], fields, strict=True):
            grid.add_row(Text(label), Text(value))
        yield grid


class LabPanel:
    """The `show` view: a panel of labelled facts; on a narrow terminal, labels above values."""

    def __init__(self, lab: Leerlab) -> None:
        self.lab = lab

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        title = Text(f"{self.lab.name} ({self.lab.slug})", style="bold")
        sections = lab_sections(self.lab)
        if options.max_width >= NARROW:
            label_width = max(len(label) for label, _ in sections)
            grid = Table.grid(padding=(0, 2))
            grid.add_column(style="bold", min_width=label_width, no_wrap=True)
            grid.add_column(overflow="fold")
            for label, values in sections:
                grid.add_row(Text(label), Text("\n".join(values)))
            yield Panel(grid, title=title, title_align="left", box=box.ROUNDED)
            return
        yield title
        for label, values in sections:
            yield Text(label, style="bold")
            for value in values:
                yield Padding(Text(value, overflow="fold"), (0, 0, 0, 2), expand=False)
