"""`leerlab provinces`: per province, the leerlabs, their sectors and their routes."""

from enum import StrEnum
from typing import Annotated

import typer

from leerlab_cli.cli.options import (
    DataOption,
    FromOption,
    KindOption,
    PlannedOption,
    ProfielOption,
    ProvinceOption,
    SearchOption,
    SectorOption,
    ToOption,
    choice_of,
    load_dataset,
    make_filters,
)
from leerlab_cli.cli.terminal import render, write
from leerlab_cli.core.query import select
from leerlab_cli.i18n import N_


class ProvincesFormat(StrEnum):
    """How `provinces` prints: a table for people, Markdown, JSON for programs, or a map."""

    table = "table"
    markdown = "markdown"
    json = "json"
    svg = "svg"


HELP = N_(
    "Show the leerlabs per province, with their sectors and routes.\n\n"
    "A leerlab whose schools lie in two provinces counts in both. All twelve provinces are "
    "shown, those without a leerlab too; with --province only the provinces it names. The "
    "other filters select leerlabs as list does. Routes read vmbo leerweg → mbo niveaus."
)
EXAMPLES = N_(
    "Examples:\n\nleerlab provinces\n\nleerlab provinces --province limburg\n\n"
    "leerlab provinces --sector zorg --format json"
)


def province_overview(
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
        ProvincesFormat,
        typer.Option(
            "--format",
            "-f",
            parser=choice_of(ProvincesFormat),
            help=N_("table (default), markdown, json, or svg: a map for a newsletter."),
            metavar=N_("FORMAT"),
            show_default=False,
        ),
    ] = ProvincesFormat.table,
) -> None:
    """The leerlabs per province (the help is `HELP`)."""
    from leerlab_cli.core import provinces

    filters = make_filters(
        sector, from_, to, province, search, include_planned, kind=kind, profiel=profiel
    )
    dataset = load_dataset(ctx)
    labs = select(dataset.leerlab, filters)
    overviews = [
        overview
        for overview in provinces.province_overview(labs)
        if filters.province_matches(overview.province)
    ]
    if output_format is ProvincesFormat.table:
        from leerlab_cli.formats.terminal_overview import provinces_view

        render(provinces_view(overviews))
    elif output_format is ProvincesFormat.svg:
        from leerlab_cli.formats.province_map import newsletter_map

        write(newsletter_map(dataset.meta, overviews))
    elif output_format is ProvincesFormat.json:
        from leerlab_cli.formats.provinces import provinces_json

        write(provinces_json(overviews))
    else:
        from leerlab_cli.formats.provinces import provinces_markdown

        write(provinces_markdown(overviews))
