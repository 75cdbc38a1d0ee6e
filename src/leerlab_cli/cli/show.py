"""`leerlab show`: one leerlab with every fact the source gives."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from leerlab_cli.cli.completion import complete_slug
from leerlab_cli.cli.options import load_dataset
from leerlab_cli.cli.terminal import render, stdout_is_terminal, write
from leerlab_cli.query import resolve


class ShowFormat(StrEnum):
    """How `show` prints: a panel for people, or text, JSON or Markdown."""

    panel = "panel"
    text = "text"
    json = "json"
    markdown = "markdown"


def show_lab(
    ctx: typer.Context,
    query: Annotated[
        str,
        typer.Argument(
            help="Slug, slug prefix, or part of the name, place, province or a school's name.",
            show_default=False,
            autocompletion=complete_slug,
        ),
    ],
    output_format: Annotated[
        ShowFormat | None,
        typer.Option(
            "--format",
            help="Output format (default: panel on a terminal, text in a pipe).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Show one leerlab: schools, sector, phase, routes, design, target group, contacts."""
    lab = resolve(load_dataset(ctx).leerlab, query)
    chosen = output_format or (ShowFormat.panel if stdout_is_terminal() else ShowFormat.text)
    if chosen is ShowFormat.panel:
        from leerlab_cli.formats.terminal import LabPanel

        render(LabPanel(lab))
    elif chosen is ShowFormat.json:
        from leerlab_cli.formats.json_format import lab_json

        write(lab_json(lab))
    elif chosen is ShowFormat.markdown:
        from leerlab_cli.formats.markdown import lab_markdown

        write(lab_markdown(lab))
    else:
        from leerlab_cli.formats.plain import lab_text

        write(lab_text(lab))
