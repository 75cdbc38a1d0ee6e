"""`leerlab export`: the filtered leerlabs as Markdown, HTML, CSV, JSON, TOML or an Excel
workbook, to stdout or file.

The format is `--format`, else the suffix of `--output`, else Markdown; the suffix
and the format always agree.
"""

import datetime
import os
from collections.abc import Iterable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from leerlab_cli.cli.options import (
    FOREIGN_SUFFIXES,
    CountOption,
    DataOption,
    FieldsOption,
    ForeignKind,
    FromOption,
    KindOption,
    PlannedOption,
    ProfielOption,
    ProvinceOption,
    SearchOption,
    SectorOption,
    SortOption,
    ToOption,
    check_count,
    choice_of,
    chosen_fields,
    load_dataset,
    make_filters,
    output_file,
    sort_order,
)
from leerlab_cli.cli.terminal import note, stdout_is_terminal, write_bytes, write_parts
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
    xlsx = "xlsx"


SUFFIX_FORMATS = {
    ".md": ExportFormat.markdown,
    ".markdown": ExportFormat.markdown,
    ".html": ExportFormat.html,
    ".htm": ExportFormat.html,
    ".csv": ExportFormat.csv,
    ".json": ExportFormat.json,
    ".toml": ExportFormat.toml,
    ".xlsx": ExportFormat.xlsx,
}
"""The format an `--output` file's suffix (in any case) stands for."""

FORMAT_SUFFIXES = {
    ExportFormat.markdown: ".md",
    ExportFormat.html: ".html",
    ExportFormat.csv: ".csv",
    ExportFormat.json: ".json",
    ExportFormat.toml: ".toml",
    ExportFormat.xlsx: ".xlsx",
}
"""The suffix a file of each format gets, in a hint."""


BINARY_FORMATS = (ExportFormat.xlsx,)
"""The formats whose bytes would garble a terminal."""

OVERVIEW_FORMATS = (ExportFormat.markdown, ExportFormat.html)
"""The formats `--overview` applies to: documents for people."""


def chosen_format(
    output_format: ExportFormat | None, output: Path | None, *, excel: bool
) -> ExportFormat:
    """`--format` if given, else CSV for `--excel`, else the one `--output`'s suffix names.

    Without any of them, Markdown. A suffix that names another format than `--format`
    (or `--excel`) asks for two things at once, a suffix of a document leerlab does not
    write (`.docx`, `.pdf`) would make a file its program refuses, and an unknown suffix
    with nothing else to go by is a guess: all are usage errors, each saying what to
    write instead. A file name without a suffix (such as /dev/stdout) gets the default.
    """
    asked = output_format or (ExportFormat.csv if excel else None)
    if excel and asked is not ExportFormat.csv:
        raise typer.BadParameter(_("only applies to --format csv"), param_hint="'--excel'")
    suffix = output.suffix if output is not None else ""
    by_suffix = SUFFIX_FORMATS.get(suffix.lower())
    foreign = FOREIGN_SUFFIXES.get(suffix.lower())
    if asked is None:
        if by_suffix is not None or not suffix:
            return by_suffix or ExportFormat.markdown
        message = _("unknown file suffix '{suffix}': use one of {known}, or give --format").format(
            suffix=suffix, known=", ".join(SUFFIX_FORMATS)
        )
        if foreign is not None:
            message = f"{message}; {_foreign_hint(foreign)}"
        raise typer.BadParameter(message, param_hint="'--output'")
    option = "--format" if output_format else "--excel"
    instead = _with_suffix(output, FORMAT_SUFFIXES[asked])
    if foreign is not None:
        raise typer.BadParameter(
            _(
                "{option} asks for {asked}, which the suffix '{suffix}' does not fit: "
                "write -o {instead}; {hint}"
            ).format(
                option=option,
                asked=asked.value,
                suffix=suffix,
                instead=instead,
                hint=_foreign_hint(foreign),
            ),
            param_hint="'--output'",
        )
    if by_suffix is not None and by_suffix is not asked:
        raise typer.BadParameter(
            _(
                "the suffix '{suffix}' means {by_suffix}, but {option} asks for {asked}: "
                "write -o {instead}, or leave out {option}"
            ).format(
                suffix=suffix,
                by_suffix=by_suffix.value,
                option=option,
                asked=asked.value,
                instead=instead,
            ),
            param_hint="'--output'",
        )
    return asked


def known_fields(output_format: ExportFormat, *, excel: bool) -> tuple[str, ...]:
    """The fields `--fields` may name in `output_format`: the columns of CSV, the keys of JSON."""
    if output_format is ExportFormat.csv:
        from leerlab_cli.formats.csv_format import CSV_COLUMNS, PLAIN_CSV_COLUMNS

        return CSV_COLUMNS if excel else PLAIN_CSV_COLUMNS
    if output_format is ExportFormat.json:
        from leerlab_cli.formats.json_format import JSON_FIELDS

        return JSON_FIELDS
    raise typer.BadParameter(
        _("only applies to csv and json, not {format}").format(format=output_format.value),
        param_hint="'--fields'",
    )


def _to_a_terminal(output: str | None) -> bool:
    # Where binary output would garble a screen: stdout on a terminal, or a terminal's
    # device named with -o (/dev/tty, or /dev/stdout on a terminal).
    if output is None:
        return stdout_is_terminal()
    from leerlab_cli.files.output import names_a_terminal

    return names_a_terminal(Path(output))


def _with_suffix(output: Path | None, suffix: str) -> str:
    # The user's file name with the suffix that fits, for a hint.
    return str(output.with_suffix(suffix)) if output is not None else f"leerlabs{suffix}"


def _foreign_hint(kind: ForeignKind) -> str:
    # What to write instead of a document leerlab does not make.
    if kind is ForeignKind.word:
        return _("Word opens the .html page (-o NAME.html), Excel the workbook (--format xlsx)")
    if kind is ForeignKind.pdf:
        return _("for a PDF, open the .html page (-o NAME.html) in a browser and print it")
    if kind is ForeignKind.image:
        return _("export makes no pictures: leerlab provinces -o NAME.svg draws the map")
    return _("Excel and LibreOffice open the workbook (--format xlsx, -o NAME.xlsx)")


def export_parts(
    output_format: ExportFormat,
    meta: Meta,
    labs: Sequence[Leerlab],
    *,
    excel: bool = False,
    overview: bool = False,
    fields: Sequence[str] | None = None,
    exported_on: datetime.date | None = None,
) -> Iterable[str]:
    """The export of `labs` in `output_format`, in parts to write one after the other.

    CSV, Markdown and HTML are made part by part as they are written, so a big
    export is never held whole; JSON and TOML come in one part. `excel` applies to
    CSV only; `overview` (Markdown and HTML only) keeps only the title, source and
    overview table; `fields` (CSV and JSON only, names of `known_fields`) the
    columns or keys to keep, in their order. The HTML page's footer says the day of
    the export, `exported_on` (default: `export_date()`).
    """
    if output_format is ExportFormat.csv:
        from leerlab_cli.formats.csv_format import csv_parts

        return csv_parts(labs, excel=excel, fields=fields)
    if output_format is ExportFormat.json:
        from leerlab_cli.formats.json_format import JSON_FIELDS, labs_json_parts

        return labs_json_parts(labs, fields or JSON_FIELDS)
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


def _pinned_time() -> datetime.datetime | None:
    # SOURCE_DATE_EPOCH (seconds since 1970) is how reproducible builds pin a date;
    # a value that is not a whole number of seconds is ignored.
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isascii() and epoch.isdigit() and len(epoch) <= 11:
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC)
    return None


def export_date() -> datetime.date:
    """Today, or the day `SOURCE_DATE_EPOCH` names (in UTC), for a page made again the same."""
    pinned = _pinned_time()
    return pinned.date() if pinned is not None else datetime.date.today()


def export_time() -> datetime.datetime:
    """Now (UTC, whole seconds), or the moment `SOURCE_DATE_EPOCH` names, for a workbook."""
    pinned = _pinned_time()
    return pinned or datetime.datetime.now(datetime.UTC).replace(microsecond=0)


HELP = N_(
    "Export the leerlabs: Markdown, HTML, CSV, JSON, TOML or Excel.\n\n"
    "--fields chooses the columns of CSV (by the names of its header) or the keys of JSON."
)
EXAMPLES = N_(
    "Examples:\n\n"
    "leerlab export --sector zorg -o zorg.md\n\n"
    "leerlab export -o leerlabs.html\n\n"
    "leerlab export -o leerlabs.xlsx\n\n"
    "leerlab export --excel -o leerlabs.csv\n\n"
    "leerlab export --format csv --fields slug,name,provinces --sort province\n\n"
    "leerlab export --sector zorg --count"
)


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
            help=N_(
                "markdown, html, csv, json, toml or xlsx (default: from the suffix of --output)."
            ),
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
            callback=output_file,
            help=N_(
                "Write to this file instead of stdout ('-': stdout); it is replaced whole, "
                "and only when the export succeeds."
            ),
            metavar=N_("PATH"),
            show_default=False,
        ),
    ] = None,
    sort: SortOption = None,
    fields: FieldsOption = None,
    count: CountOption = False,
) -> None:
    """Export the leerlabs that pass the filters (the help is `HELP`)."""
    filters = make_filters(
        sector, from_, to, province, search, include_planned, kind=kind, profiel=profiel
    )
    check_count(
        count,
        format=output_format is not None,
        excel=excel,
        overview=overview,
        output=output is not None,
        fields=fields is not None,
    )
    if count:
        write_parts([f"{len(select(load_dataset(ctx).leerlab, filters))}\n"])
        return
    export_format = chosen_format(output_format, Path(output) if output else None, excel=excel)
    if export_format in BINARY_FORMATS and _to_a_terminal(output):
        raise typer.BadParameter(
            _("{format} is binary and would garble the terminal: write -o NAME.xlsx").format(
                format=export_format.value
            ),
            param_hint="'--format'",
        )
    if overview and export_format not in OVERVIEW_FORMATS:
        raise typer.BadParameter(
            _("only applies to markdown and html, not {format}").format(format=export_format.value),
            param_hint="'--overview'",
        )
    columns = None
    if fields is not None:
        columns = chosen_fields(fields, known_fields(export_format, excel=excel))
    chosen_dataset = load_dataset(ctx)
    labs = select(chosen_dataset.leerlab, filters)
    if not labs:
        from leerlab_cli.formats.messages import no_match

        note(no_match())
    if sort is not None:
        from leerlab_cli.core.sorting import sort_labs

        field, descending = sort_order(sort)
        labs = sort_labs(labs, field, descending=descending)
    if export_format is ExportFormat.xlsx:
        from leerlab_cli.formats.workbook import workbook_bytes

        content = workbook_bytes(chosen_dataset.meta, labs, export_time())
        if output is None:
            write_bytes(content)
            return
    else:
        parts = export_parts(
            export_format, chosen_dataset.meta, labs, excel=excel, overview=overview, fields=columns
        )
        if output is None:
            write_parts(parts)
            return
        content = b"".join(part.encode("utf-8") for part in parts)
    from leerlab_cli.files.output import write_atomically

    write_atomically(Path(output), content)
    from leerlab_cli.formats.messages import wrote

    note(wrote(len(labs), Path(output)))
