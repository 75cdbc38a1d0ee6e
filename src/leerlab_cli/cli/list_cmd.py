"""`leerlab list`: the leerlabs that pass the filters, one line or row each."""

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
from leerlab_cli.cli.terminal import note, render, stdout_is_terminal, write, write_parts
from leerlab_cli.core.query import select
from leerlab_cli.i18n import N_


class ListFormat(StrEnum):
    """How `list` prints: a table for people, tab-separated or JSON for programs."""

    table = "table"
    tsv = "tsv"
    json = "json"


HELP = N_(
    "List the leerlabs: a table on a terminal; tab-separated lines in a pipe.\n\n"
    "Each tab-separated line has the fields slug, name, sector, routes and phase. "
    "--header prints their names first."
)
EXAMPLES = N_(
    "Examples:\n\nleerlab list --sector zorg\n\nleerlab list --from kb --to 3 --format json"
)


def list_labs(
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
        ListFormat | None,
        typer.Option(
            "--format",
            "-f",
            parser=choice_of(ListFormat),
            help=N_("table, tsv or json (default: table on a terminal, tsv in a pipe)."),
            metavar=N_("FORMAT"),
            show_default=False,
        ),
    ] = None,
    header: HeaderOption = False,
) -> None:
    """List the leerlabs that pass the filters (the help is `HELP`)."""
    check_header(header, output_format, (ListFormat.tsv,))
    filters = make_filters(
        sector, from_, to, province, search, include_planned, kind=kind, profiel=profiel
    )
    labs = select(load_dataset(ctx).leerlab, filters)
    chosen = output_format or (ListFormat.table if stdout_is_terminal() else ListFormat.tsv)
    if chosen is ListFormat.json:
        from leerlab_cli.formats.json_format import labs_json_parts

        write_parts(labs_json_parts(labs))
    elif not labs:
        from leerlab_cli.formats.messages import no_match

        note(no_match())
        if header and chosen is ListFormat.tsv:
            from leerlab_cli.formats.plain import tsv

            write(tsv(labs, header=True))
    elif chosen is ListFormat.table:
        from leerlab_cli.formats.terminal import LabList

        render(LabList(labs))
    else:
        from leerlab_cli.formats.plain import tsv

        write(tsv(labs, header=header))
