"""`leerlab provinces`: per province, the leerlabs, their sectors and their routes."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from leerlab_cli.cli.options import (
    FOREIGN_SUFFIXES,
    DataOption,
    ForeignKind,
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
    output_file,
)
from leerlab_cli.cli.terminal import note, render, write
from leerlab_cli.core.query import select
from leerlab_cli.i18n import N_, _


class ProvincesFormat(StrEnum):
    """How `provinces` prints: a table for people, Markdown, JSON for programs, or a map."""

    table = "table"
    markdown = "markdown"
    json = "json"
    svg = "svg"


SUFFIX_FORMATS = {
    ".svg": ProvincesFormat.svg,
    ".md": ProvincesFormat.markdown,
    ".markdown": ProvincesFormat.markdown,
    ".json": ProvincesFormat.json,
}
"""The format an `--output` file's suffix (in any case) stands for."""


FORMAT_SUFFIXES = {
    ProvincesFormat.svg: ".svg",
    ProvincesFormat.markdown: ".md",
    ProvincesFormat.json: ".json",
}
"""The suffix a file of each format gets, in a hint."""

FOREIGN_TO_PROVINCES = {
    **FOREIGN_SUFFIXES,
    ".xlsx": ForeignKind.spreadsheet,
    ".csv": ForeignKind.spreadsheet,
}
"""The suffixes of files `provinces` does not write but export does, or nothing does."""


def chosen_format(output_format: ProvincesFormat | None, output: str | None) -> ProvincesFormat:
    """`--format` if given, else the one `--output`'s suffix names, else the table.

    The table is for the terminal only; a file without a suffix (such as /dev/stdout)
    gets Markdown, as with `export`. A suffix that names another format than `--format`,
    that names none, or that belongs to a document leerlab does not write (`.docx`,
    `.png`) is a usage error, saying what to write instead.
    """
    if output is None:
        return output_format or ProvincesFormat.table
    if output_format is ProvincesFormat.table:
        raise typer.BadParameter(
            _("the table is for the terminal: give --format svg, markdown or json"),
            param_hint="'--output'",
        )
    suffix = Path(output).suffix
    by_suffix = SUFFIX_FORMATS.get(suffix.lower())
    foreign = FOREIGN_TO_PROVINCES.get(suffix.lower())
    if output_format is None:
        if by_suffix is not None or not suffix:
            return by_suffix or ProvincesFormat.markdown
        message = _("unknown file suffix '{suffix}': use one of {known}, or give --format").format(
            suffix=suffix, known=", ".join(SUFFIX_FORMATS)
        )
        if foreign is not None:
            message = f"{message}; {_foreign_hint(foreign)}"
        raise typer.BadParameter(message, param_hint="'--output'")
    if foreign is not None:
        raise typer.BadParameter(
            _(
                "{option} asks for {asked}, which the suffix '{suffix}' does not fit: "
                "write -o {instead}; {hint}"
            ).format(
                option="--format",
                asked=output_format.value,
                suffix=suffix,
                instead=Path(output).with_suffix(FORMAT_SUFFIXES[output_format]),
                hint=_foreign_hint(foreign),
            ),
            param_hint="'--output'",
        )
    if by_suffix is not None and by_suffix is not output_format:
        raise typer.BadParameter(
            _("the suffix '{suffix}' means {by_suffix}, but {option} asks for {asked}").format(
                suffix=suffix,
                by_suffix=by_suffix.value,
                option="--format",
                asked=output_format.value,
            ),
            param_hint="'--output'",
        )
    return output_format


def _foreign_hint(kind: ForeignKind) -> str:
    # What to write instead of a file `provinces` does not make.
    if kind is ForeignKind.word:
        return _("Word inserts the map as a picture (-o NAME.svg)")
    if kind is ForeignKind.pdf:
        return _("for a PDF, open the map (-o NAME.svg) in a browser and print it")
    if kind is ForeignKind.image:
        return _("the map is an SVG picture (-o NAME.svg), which browsers and Word open")
    return _("for a spreadsheet, leerlab export -o NAME.xlsx writes a workbook")


HELP = N_(
    "Show the leerlabs per province, with their sectors and routes.\n\n"
    "A leerlab whose schools lie in two provinces counts in both. All twelve provinces are "
    "shown, those without a leerlab too; with --province only the provinces it names. The "
    "other filters select leerlabs as list does. Routes read vmbo leerweg → mbo niveaus."
)
EXAMPLES = N_(
    "Examples:\n\nleerlab provinces\n\nleerlab provinces --province limburg\n\n"
    "leerlab provinces --sector zorg --format json\n\n"
    "leerlab provinces --sector zorg -o kaart.svg"
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
        ProvincesFormat | None,
        typer.Option(
            "--format",
            "-f",
            parser=choice_of(ProvincesFormat),
            help=N_("table (default), markdown, json, or svg: a map for a newsletter."),
            metavar=N_("FORMAT"),
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            callback=output_file,
            help=N_(
                "Write to this file instead of stdout (the format from its suffix: .svg, .md, "
                ".json); it is replaced whole, and only when all went well."
            ),
            metavar=N_("PATH"),
            show_default=False,
        ),
    ] = None,
) -> None:
    """The leerlabs per province (the help is `HELP`)."""
    from leerlab_cli.core import provinces

    filters = make_filters(
        sector, from_, to, province, search, include_planned, kind=kind, profiel=profiel
    )
    output_format = chosen_format(output_format, output)
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
        return
    if output_format is ProvincesFormat.svg:
        from leerlab_cli.formats.province_map import newsletter_map

        text = newsletter_map(dataset.meta, overviews)
    elif output_format is ProvincesFormat.json:
        from leerlab_cli.formats.provinces import provinces_json

        text = provinces_json(overviews)
    else:
        from leerlab_cli.formats.provinces import provinces_markdown

        text = provinces_markdown(overviews)
    if output is None:
        write(text)
        return
    from leerlab_cli.files.output import write_atomically
    from leerlab_cli.formats.messages import wrote

    write_atomically(Path(output), text.encode("utf-8"))
    note(wrote(len(labs), Path(output)))
