"""`leerlab diff`: what changed between two editions of a dataset."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from leerlab_cli.cli.options import choice_of, path_named
from leerlab_cli.cli.terminal import report, write
from leerlab_cli.core.errors import DatasetError
from leerlab_cli.files import dataset
from leerlab_cli.i18n import N_

HELP = N_(
    "Show what changed between two editions of a dataset.\n\n"
    "Leerlabs added and removed, and each field that changed; both files are validated first."
)
EXAMPLES = N_(
    "Examples:\n\nleerlab diff oud.toml nieuw.toml\n\n"
    "leerlab diff oud.toml nieuw.toml --format markdown >> nieuwsbrief.md"
)


class DiffFormat(StrEnum):
    """How `diff` reports: plain text, a newsletter section in Markdown, or JSON."""

    text = "text"
    markdown = "markdown"
    json = "json"


def diff_datasets(
    old: Annotated[
        Path,
        typer.Argument(
            help=N_("The older edition."), metavar=N_("OLD"), show_default=False, parser=path_named
        ),
    ],
    new: Annotated[
        Path,
        typer.Argument(
            help=N_("The newer edition."), metavar=N_("NEW"), show_default=False, parser=path_named
        ),
    ],
    output_format: Annotated[
        DiffFormat,
        typer.Option(
            "--format",
            "-f",
            parser=choice_of(DiffFormat),
            help=N_("text, json, or markdown for a newsletter."),
            metavar=N_("FORMAT"),
            case_sensitive=False,
            # The first format named is the default; typer's "[default: …]" is
            # worded once per process, so a run in another language would show it.
            show_default=False,
        ),
    ] = DiffFormat.text,
    exit_code: Annotated[
        bool,
        typer.Option("--exit-code", help=N_("Exit 1 when they differ, like git diff.")),
    ] = False,
) -> None:
    """Show what changed between two datasets (the help is `HELP`)."""
    from leerlab_cli.core.diff import compare
    from leerlab_cli.formats import diff as worded
    from leerlab_cli.formats.problems import text_report

    editions = []
    invalid = False
    for path in (old, new):
        # Every problem of both files, not only the first file's.
        try:
            checked = dataset.check(path)
        except DatasetError as unreadable:
            invalid = True
            report(_lines(unreadable))
            continue
        if checked.errors:
            invalid = True
            report(text_report(checked.errors))
        else:
            editions.append(dataset.load(path))
    if invalid:
        raise typer.Exit(1)
    found = compare(*editions)
    if output_format is DiffFormat.json:
        write(worded.diff_json(found))
    elif output_format is DiffFormat.markdown:
        write(worded.diff_markdown(found))
    else:
        write(worded.diff_text(found))
    if exit_code and found.differs:
        raise typer.Exit(1)


def _lines(problem: DatasetError) -> str:
    from leerlab_cli.core.errors import InvalidDataset
    from leerlab_cli.formats.problems import text_report

    if isinstance(problem, InvalidDataset):
        return text_report(problem.problems)
    from leerlab_cli.formats.messages import error_lines

    return "".join(f"error: {line}\n" for line in error_lines(problem))
