"""`leerlab routes`: which vmbo leerweg to mbo niveau transitions the leerlabs cover."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from leerlab_cli.cli.options import (
    DataOption,
    FromOption,
    PlannedOption,
    ProvinceOption,
    SearchOption,
    SectorOption,
    ToOption,
    load_dataset,
    make_filters,
)
from leerlab_cli.cli.terminal import note, render, stdout_is_terminal, write
from leerlab_cli.coverage import route_matrix
from leerlab_cli.formats.messages import no_match
from leerlab_cli.i18n import N_
from leerlab_cli.query import select


class RoutesFormat(StrEnum):
    """How `routes` prints: a matrix for people, JSON or a Markdown table for programs."""

    table = "table"
    json = "json"
    markdown = "markdown"


HELP = N_(
    "Show which vmbo leerweg to mbo niveau routes the leerlabs offer, as a matrix.\n\n"
    "The filters select leerlabs as list does; the matrix then shows all routes of the "
    "selected leerlabs, so --from kb shows every route of the labs that start one from "
    "kader. Routes only possible later are marked and not counted."
)
EXAMPLES = N_("Examples:\n\nleerlab routes\n\nleerlab routes --province Gelderland --format json")


def route_coverage(
    ctx: typer.Context,
    sector: SectorOption = None,
    from_: FromOption = None,
    to: ToOption = None,
    province: ProvinceOption = None,
    search: SearchOption = None,
    include_planned: PlannedOption = False,
    data: DataOption = None,
    output_format: Annotated[
        RoutesFormat | None,
        typer.Option(
            "--format",
            "-f",
            help=N_("table, json or markdown (default: table on a terminal, markdown in a pipe)."),
            metavar="FORMAT",
            show_default=False,
        ),
    ] = None,
) -> None:
    """The route matrix of the leerlabs that pass the filters (the help is `HELP`)."""
    filters = make_filters(sector, from_, to, province, search, include_planned)
    labs = select(load_dataset(ctx).leerlab, filters)
    if not labs:
        note(no_match())
    cells = route_matrix(labs)
    chosen = output_format or (
        RoutesFormat.table if stdout_is_terminal() else RoutesFormat.markdown
    )
    if chosen is RoutesFormat.table:
        from leerlab_cli.formats.terminal_overview import route_matrix_view

        render(route_matrix_view(cells))
    elif chosen is RoutesFormat.json:
        from leerlab_cli.formats.route_matrix import routes_json

        write(routes_json(cells))
    else:
        from leerlab_cli.formats.route_matrix import routes_markdown

        write(routes_markdown(cells))
