"""`leerlab routes`: which vmbo leerweg to mbo niveau transitions the leerlabs cover."""

from enum import StrEnum
from typing import Annotated

import typer

from leerlab_cli.cli.options import (
    DataOption,
    FromOption,
    HeaderOption,
    KindOption,
    PlannedOption,
    ProfielOption,
    ProvinceOption,
    SearchOption,
    SectorOption,
    ToOption,
    check_header,
    choice_of,
    load_dataset,
    make_filters,
)
from leerlab_cli.cli.terminal import note, render, stdout_is_terminal, write
from leerlab_cli.core.query import select
from leerlab_cli.i18n import N_


class RoutesFormat(StrEnum):
    """How `routes` prints: a matrix (table, Markdown, JSON) or one row per route (tsv, csv)."""

    table = "table"
    tsv = "tsv"
    csv = "csv"
    json = "json"
    markdown = "markdown"


HELP = N_(
    "Show which vmbo leerweg to mbo niveau routes the leerlabs offer, as a matrix.\n\n"
    "The filters select leerlabs as list does; the matrix then shows all routes of the "
    "selected leerlabs, so --from kb shows every route of the labs that start one from "
    "kader. Routes only possible later are marked and not counted.\n\n"
    "In a pipe, and with --format tsv or csv, it prints one row per leerlab, route, "
    "leerweg and niveau instead: slug, from, to, status, start, mbo_leerweg."
)
EXAMPLES = N_(
    "Examples:\n\nleerlab routes\n\nleerlab routes --province Gelderland --format json\n\n"
    "leerlab routes --format tsv --header"
)


def route_coverage(
    ctx: typer.Context,
    sector: SectorOption = None,
    from_: FromOption = None,
    to: ToOption = None,
    province: ProvinceOption = None,
    kind: KindOption = None,
    profiel: ProfielOption = None,
    search: SearchOption = None,
    include_planned: PlannedOption = False,
    data: DataOption = None,
    output_format: Annotated[
        RoutesFormat | None,
        typer.Option(
            "--format",
            "-f",
            parser=choice_of(RoutesFormat),
            help=N_("table, markdown, json, tsv or csv (default: table, or tsv in a pipe)."),
            metavar=N_("FORMAT"),
            show_default=False,
        ),
    ] = None,
    header: HeaderOption = False,
) -> None:
    """The route matrix of the leerlabs that pass the filters (the help is `HELP`)."""
    check_header(header, output_format, (RoutesFormat.tsv,))
    filters = make_filters(
        sector, from_, to, province, search, include_planned, kind=kind, profiel=profiel
    )
    labs = select(load_dataset(ctx).leerlab, filters)
    if not labs:
        from leerlab_cli.formats.messages import no_match

        note(no_match())
    chosen = output_format or (RoutesFormat.table if stdout_is_terminal() else RoutesFormat.tsv)
    if chosen is RoutesFormat.tsv:
        from leerlab_cli.core.coverage import route_rows
        from leerlab_cli.formats.route_rows import route_rows_tsv

        write(route_rows_tsv(route_rows(labs), header=header))
        return
    if chosen is RoutesFormat.csv:
        from leerlab_cli.core.coverage import route_rows
        from leerlab_cli.formats.route_rows import route_rows_csv

        write(route_rows_csv(route_rows(labs)))
        return
    from leerlab_cli.core.coverage import route_matrix

    cells = route_matrix(labs)
    if chosen is RoutesFormat.table:
        from leerlab_cli.formats.terminal_overview import route_matrix_view

        render(route_matrix_view(cells))
    elif chosen is RoutesFormat.json:
        from leerlab_cli.formats.route_matrix import routes_json

        write(routes_json(cells))
    else:
        from leerlab_cli.formats.route_matrix import routes_markdown

        write(routes_markdown(cells))
