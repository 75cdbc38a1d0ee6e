"""`leerlab new`: a start for a new leerlab, every field with its description."""

import re
from typing import Annotated

import typer

from leerlab_cli.cli.options import output_file
from leerlab_cli.cli.terminal import note, write
from leerlab_cli.core.models import SLUG_MAX_LENGTH, SLUG_PATTERN
from leerlab_cli.core.text import printable
from leerlab_cli.i18n import N_, _

HELP = N_(
    "Print the TOML table of a new leerlab: every field, each with its description as "
    "a comment.\n\n"
    "The required fields are written empty: fill them in, uncomment what the source gives, "
    "add the table to a dataset and run leerlab validate."
)
EXAMPLES = N_(
    "Examples:\n\nleerlab new zeeland >> data/leerlabs.toml\n\nleerlab new zeeland -o zeeland.toml"
)


def _slug(value: str) -> str:
    # The slug only goes into the table; it never names a file (only --output does).
    if len(value) > SLUG_MAX_LENGTH or not re.match(SLUG_PATTERN, value):
        raise typer.BadParameter(
            _(
                "{value!r} is not a slug: lowercase letters a-z, digits and single hyphens, "
                "like 'noord-brabant'"
            ).format(value=printable(value))
        )
    return value


def new_lab(
    slug: Annotated[
        str,
        typer.Argument(
            help=N_("The new leerlab's slug: lowercase letters a-z, digits and single hyphens."),
            metavar=N_("SLUG"),
            parser=_slug,
            show_default=False,
        ),
    ],
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            callback=output_file,
            help=N_(
                "Write to this new file instead of stdout ('-': stdout), whole or not at all; "
                "an existing file is never replaced."
            ),
            metavar=N_("PATH"),
            show_default=False,
        ),
    ] = None,
) -> None:
    """Print a start for a new leerlab (the help is `HELP`)."""
    from leerlab_cli.formats.new_lab import new_lab_toml

    text = new_lab_toml(slug)
    if output is None:
        write(text)
        return
    from pathlib import Path

    from leerlab_cli.files.output import write_atomically
    from leerlab_cli.formats.messages import wrote_new_lab

    target = Path(output)
    if target.is_file():
        # `new -o data/leerlabs.toml` would put one empty leerlab in place of a dataset.
        raise typer.BadParameter(
            _("{path} exists: new never replaces a file; add the table with >>").format(
                path=printable(output)
            ),
            param_hint="'--output'",
        )
    write_atomically(target, text.encode("utf-8"))
    note(wrote_new_lab(slug, target))
