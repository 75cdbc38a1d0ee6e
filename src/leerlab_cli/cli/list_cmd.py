"""`leerlab list`: the leerlabs that pass the filters, one line or row each."""

from enum import StrEnum
from typing import Annotated

import typer

from leerlab_cli.cli.options import (
    CountOption,
    DataOption,
    FieldsOption,
    FromOption,
    HeaderOption,
    KindOption,
    PlannedOption,
    ProfielOption,
    ProvinceOption,
    SearchOption,
    SectorOption,
    SortOption,
    ToOption,
    check_count,
    check_header,
    choice_of,
    chosen_fields,
    load_dataset,
    make_filters,
    sort_order,
)
from leerlab_cli.cli.terminal import note, render, stdout_is_terminal, write, write_parts
from leerlab_cli.core.query import select
from leerlab_cli.i18n import N_, _


class ListFormat(StrEnum):
    """How `list` prints: a table for people, tab-separated or JSON for programs."""

    table = "table"
    tsv = "tsv"
    json = "json"


HELP = N_(
    "List the leerlabs: a table on a terminal; tab-separated lines in a pipe.\n\n"
    "Each tab-separated line has the fields slug, name, sector, routes and phase. "
    "--header prints their names first. --fields chooses others: of slug, name, sector, "
    "routes, phase, place and provinces for tab-separated lines, and of the keys of the "
    "objects for JSON."
)
EXAMPLES = N_(
    "Examples:\n\nleerlab list --sector zorg\n\nleerlab list --from kb --to 3 --format json\n\n"
    "leerlab list --sort -start --fields slug,name,place\n\n"
    "leerlab list --province limburg --count"
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
    sort: SortOption = None,
    fields: FieldsOption = None,
    count: CountOption = False,
) -> None:
    """List the leerlabs that pass the filters (the help is `HELP`)."""
    check_header(header, output_format, (ListFormat.tsv,))
    check_count(count, format=output_format is not None, fields=fields is not None, header=header)
    filters = make_filters(
        sector, from_, to, province, search, include_planned, kind=kind, profiel=profiel
    )
    chosen = output_format or (ListFormat.table if stdout_is_terminal() else ListFormat.tsv)
    if fields is not None and chosen is ListFormat.table:
        raise typer.BadParameter(_("only applies to --format tsv or json"), param_hint="'--fields'")
    labs = select(load_dataset(ctx).leerlab, filters)
    if count:
        write(f"{len(labs)}\n")
        return
    if sort is not None:
        from leerlab_cli.core.sorting import sort_labs

        field, descending = sort_order(sort)
        labs = sort_labs(labs, field, descending=descending)
    if chosen is ListFormat.json:
        from leerlab_cli.formats.json_format import JSON_FIELDS, labs_json_parts

        keys = JSON_FIELDS if fields is None else chosen_fields(fields, JSON_FIELDS)
        write_parts(labs_json_parts(labs, keys))
        return
    from leerlab_cli.formats.plain import LIST_COLUMNS, TSV_FIELDS, tsv

    columns = LIST_COLUMNS if fields is None else chosen_fields(fields, TSV_FIELDS)
    if not labs:
        from leerlab_cli.formats.messages import no_match

        note(no_match())
        if header and chosen is ListFormat.tsv:
            write(tsv(labs, header=True, fields=columns))
    elif chosen is ListFormat.table:
        from leerlab_cli.formats.terminal import LabList

        render(LabList(labs))
    else:
        write(tsv(labs, header=header, fields=columns))
