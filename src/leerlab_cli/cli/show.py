"""`leerlab show`: one leerlab with every fact the source gives."""

from enum import StrEnum
from typing import Annotated

import typer

from leerlab_cli.cli.completion import complete_slug
from leerlab_cli.cli.options import DataOption, choice_of, load_dataset
from leerlab_cli.cli.terminal import note, render, stdout_is_terminal, write
from leerlab_cli.core.query import MatchKind, find
from leerlab_cli.i18n import N_


class ShowFormat(StrEnum):
    """How `show` prints: a panel for people, or text, JSON or Markdown."""

    panel = "panel"
    text = "text"
    json = "json"
    markdown = "markdown"


HELP = N_(
    "Show every fact of one leerlab.\n\n"
    "The query may be the slug, the start of the slug, or part of the name, place, "
    "province or a school's name; the terminal then says which leerlab was chosen, and "
    "why. With --exact only the slug is accepted."
)
EXAMPLES = N_("Examples:\n\nleerlab show apeldoorn\n\nleerlab show aventus --format markdown")


def show_lab(
    ctx: typer.Context,
    query: Annotated[
        str,
        typer.Argument(
            help=N_("Slug, slug prefix, or part of the name, place, province or a school's name."),
            metavar=N_("QUERY"),
            show_default=False,
            autocompletion=complete_slug,
        ),
    ],
    output_format: Annotated[
        ShowFormat | None,
        typer.Option(
            "--format",
            "-f",
            parser=choice_of(ShowFormat),
            help=N_(
                "panel, text, json or markdown (default: panel on a terminal, text in a pipe)."
            ),
            metavar=N_("FORMAT"),
            show_default=False,
        ),
    ] = None,
    exact: Annotated[
        bool,
        typer.Option("--exact", help=N_("Accept only the exact slug.")),
    ] = False,
    data: DataOption = None,
) -> None:
    """Show the one leerlab the query names (the help is `HELP`)."""
    match = find(load_dataset(ctx).leerlab, query, exact=exact)
    if match.kind is not MatchKind.slug:
        from leerlab_cli.formats.messages import chosen

        note(chosen(query, match))
    lab = match.lab
    chosen_format = output_format or (ShowFormat.panel if stdout_is_terminal() else ShowFormat.text)
    if chosen_format is ShowFormat.panel:
        from leerlab_cli.formats.terminal import LabPanel

        render(LabPanel(lab))
    elif chosen_format is ShowFormat.json:
        from leerlab_cli.formats.json_format import lab_json

        write(lab_json(lab))
    elif chosen_format is ShowFormat.markdown:
        from leerlab_cli.formats.markdown import lab_markdown

        write(lab_markdown(lab))
    else:
        from leerlab_cli.formats.plain import lab_text

        write(lab_text(lab))
