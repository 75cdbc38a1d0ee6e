"""`leerlab export`: the filtered leerlabs as Markdown, CSV, JSON or TOML, to stdout or a file."""

from __future__ import annotations

import os
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
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
    load_dataset,
    make_filters,
)
from leerlab_cli.cli.terminal import note, write
from leerlab_cli.formats.messages import no_match, wrote
from leerlab_cli.i18n import N_, _
from leerlab_cli.models import Leerlab, Meta
from leerlab_cli.query import select


class ExportFormat(StrEnum):
    """What `export` writes: a document for people, or data for other programs."""

    markdown = "markdown"
    csv = "csv"
    json = "json"
    toml = "toml"


def export_text(
    output_format: ExportFormat, meta: Meta, labs: Sequence[Leerlab], *, excel: bool = False
) -> str:
    """The export of `labs` in `output_format`; `excel` applies to CSV only."""
    if output_format is ExportFormat.csv:
        from leerlab_cli.formats.csv_format import labs_csv

        return labs_csv(labs, excel=excel)
    if output_format is ExportFormat.json:
        from leerlab_cli.formats.json_format import labs_json

        return labs_json(labs)
    if output_format is ExportFormat.toml:
        from leerlab_cli.formats.toml_format import dataset_toml

        return dataset_toml(meta, labs)
    from leerlab_cli.formats.markdown import export_markdown

    return export_markdown(meta, labs)


HELP = N_("Export the leerlabs, filtered: Markdown, CSV, JSON or TOML.")
EXAMPLES = N_(
    "Examples:\n\n"
    "leerlab export --sector zorg -o zorg.md\n\n"
    "leerlab export --format csv --excel -o leerlabs.csv"
)


def _file_path(value: str | None) -> str | None:
    # Path() would drop a trailing slash and write a file where a folder was meant.
    if value == "":
        raise typer.BadParameter(_("an empty path names no file"))
    if value is not None and value.endswith(("/", os.sep)):
        raise typer.BadParameter(_("give a file: a path ending in '/' names a folder"))
    return value


def export_labs(
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
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help=N_("markdown (default), csv, json or toml."),
            metavar="FORMAT",
            show_default=False,
        ),
    ] = ExportFormat.markdown,
    excel: Annotated[
        bool,
        typer.Option(
            "--excel",
            help=N_(
                "With --format csv: for a Dutch spreadsheet (BOM, ';', CRLF, formulas defused), "
                "with the column names in the interface language."
            ),
        ),
    ] = False,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            callback=_file_path,
            help=N_(
                "Write to this file instead of stdout; it is replaced whole, and only "
                "when the export succeeds."
            ),
            metavar="PATH",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Export the leerlabs that pass the filters (the help is `HELP`)."""
    filters = make_filters(
        sector, from_, to, province, search, include_planned, kind=kind, profiel=profiel
    )
    if excel and output_format is not ExportFormat.csv:
        raise typer.BadParameter(_("only applies to --format csv"), param_hint="'--excel'")
    chosen_dataset = load_dataset(ctx)
    labs = select(chosen_dataset.leerlab, filters)
    if not labs:
        note(no_match())
    text = export_text(output_format, chosen_dataset.meta, labs, excel=excel)
    if output is None:
        write(text)
        return
    from leerlab_cli.output import write_atomically

    write_atomically(Path(output), text.encode("utf-8"))
    note(wrote(len(labs), Path(output)))
