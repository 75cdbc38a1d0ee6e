"""`leerlab export`: the filtered leerlabs as Markdown, HTML, CSV, JSON or TOML, to stdout or file.

The format is `--format`, else the suffix of `--output`, else Markdown.
"""

import datetime
import os
from collections.abc import Iterable, Sequence
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
    choice_of,
    load_dataset,
    make_filters,
)
from leerlab_cli.cli.terminal import note, write_parts
from leerlab_cli.core.models import Leerlab, Meta
from leerlab_cli.core.query import select
from leerlab_cli.i18n import N_, _


class ExportFormat(StrEnum):
    """What `export` writes: a document for people, or data for other programs."""

    markdown = "markdown"
    html = "html"
    csv = "csv"
    json = "json"
    toml = "toml"


SUFFIX_FORMATS = {
    ".md": ExportFormat.markdown,
    ".markdown": ExportFormat.markdown,
    ".html": ExportFormat.html,
    ".htm": ExportFormat.html,
    ".csv": ExportFormat.csv,
    ".json": ExportFormat.json,
    ".toml": ExportFormat.toml,
}
"""The format an `--output` file's suffix (in any case) stands for."""

OVERVIEW_FORMATS = (ExportFormat.markdown, ExportFormat.html)
"""The formats `--overview` applies to: documents for people."""


def chosen_format(
    output_format: ExportFormat | None, output: Path | None, *, excel: bool
) -> ExportFormat:
    """`--format` if given, else CSV for `--excel`, else the one `--output`'s suffix names.

    Without any of them, Markdown. A suffix that names another format than `--format`
    (or `--excel`) asks for two things at once, and an unknown suffix with nothing
    else to go by is a guess: both are usage errors. A file name without a suffix
    (such as /dev/stdout) gets the default.
    """
    asked = output_format or (ExportFormat.csv if excel else None)
    if excel and asked is not ExportFormat.csv:
        raise typer.BadParameter(_("only applies to --format csv"), param_hint="'--excel'")
    suffix = output.suffix if output is not None else ""
    by_suffix = SUFFIX_FORMATS.get(suffix.lower())
    if asked is None:
        if by_suffix is not None or not suffix:
            return by_suffix or ExportFormat.markdown
        raise typer.BadParameter(
            _("unknown file suffix '{suffix}': use one of {known}, or give --format").format(
                suffix=suffix, known=", ".join(SUFFIX_FORMATS)
            ),
            param_hint="'--output'",
        )
    if by_suffix is not None and by_suffix is not asked:
        option = "--format" if output_format else "--excel"
        raise typer.BadParameter(
            _("the suffix '{suffix}' means {by_suffix}, but {option} asks for {asked}").format(
                suffix=suffix, by_suffix=by_suffix.value, option=option, asked=asked.value
            ),
            param_hint="'--output'",
        )
    return asked


def export_parts(
    output_format: ExportFormat,
    meta: Meta,
    labs: Sequence[Leerlab],
    *,
    excel: bool = False,
    overview: bool = False,
    exported_on: datetime.date | None = None,
) -> Iterable[str]:
    """The export of `labs` in `output_format`, in parts to write one after the other.

    CSV, Markdown and HTML are made part by part as they are written, so a big
    export is never held whole; JSON and TOML come in one part. `excel` applies to
    CSV only; `overview` (Markdown and HTML only) keeps only the title, source and
    overview table. The HTML page's footer says the day of the export, `exported_on`
    (default: `export_date()`).
    """
    if output_format is ExportFormat.csv:
        from leerlab_cli.formats.csv_format import csv_parts

        return csv_parts(labs, excel=excel)
    if output_format is ExportFormat.json:
        from leerlab_cli.formats.json_format import labs_json_parts

        return labs_json_parts(labs)
    if output_format is ExportFormat.toml:
        from leerlab_cli.formats.toml_format import dataset_toml

        return [dataset_toml(meta, labs)]
    if output_format is ExportFormat.html:
        # Jinja2 is imported only here: it would add to every command's start-up.
        from leerlab_cli.formats.html import html_parts

        return html_parts(
            meta, labs, exported_on=exported_on or export_date(), overview_only=overview
        )
    from leerlab_cli.formats.markdown import markdown_parts

    return markdown_parts(meta, labs, overview_only=overview)


def export_date() -> datetime.date:
    """Today, or the day `SOURCE_DATE_EPOCH` names (in UTC), for a page made again the same.

    SOURCE_DATE_EPOCH (seconds since 1970) is how reproducible builds pin a date;
    a value that is not a whole number of seconds is ignored.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isascii() and epoch.isdigit() and len(epoch) <= 11:
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).date()
    return datetime.date.today()


HELP = N_("Export the leerlabs, filtered: Markdown, HTML, CSV, JSON or TOML.")
EXAMPLES = N_(
    "Examples:\n\n"
    "leerlab export --sector zorg -o zorg.md\n\n"
    "leerlab export -o leerlabs.html\n\n"
    "leerlab export --excel -o leerlabs.csv"
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
        ExportFormat | None,
        typer.Option(
            "--format",
            "-f",
            parser=choice_of(ExportFormat),
            help=N_("markdown, html, csv, json or toml (default: from the suffix of --output)."),
            metavar=N_("FORMAT"),
            show_default=False,
        ),
    ] = None,
    excel: Annotated[
        bool,
        typer.Option(
            "--excel",
            help=N_(
                "CSV for a Dutch spreadsheet (BOM, ';', CRLF, formulas defused), "
                "with the column names in the interface language."
            ),
        ),
    ] = False,
    overview: Annotated[
        bool,
        typer.Option(
            "--overview",
            help=N_(
                "Only the title, the source and the overview table (markdown and html), "
                "for a newsletter item."
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
            metavar=N_("PATH"),
            show_default=False,
        ),
    ] = None,
) -> None:
    """Export the leerlabs that pass the filters (the help is `HELP`)."""
    filters = make_filters(
        sector, from_, to, province, search, include_planned, kind=kind, profiel=profiel
    )
    export_format = chosen_format(output_format, Path(output) if output else None, excel=excel)
    if overview and export_format not in OVERVIEW_FORMATS:
        raise typer.BadParameter(
            _("only applies to markdown and html, not {format}").format(format=export_format.value),
            param_hint="'--overview'",
        )
    chosen_dataset = load_dataset(ctx)
    labs = select(chosen_dataset.leerlab, filters)
    if not labs:
        from leerlab_cli.formats.messages import no_match

        note(no_match())
    parts = export_parts(export_format, chosen_dataset.meta, labs, excel=excel, overview=overview)
    if output is None:
        write_parts(parts)
        return
    from leerlab_cli.files.output import write_atomically

    write_atomically(Path(output), b"".join(part.encode("utf-8") for part in parts))
    from leerlab_cli.formats.messages import wrote

    note(wrote(len(labs), Path(output)))
