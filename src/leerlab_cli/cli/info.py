"""`leerlab info`: which dataset is in use, why, and what it holds."""

from enum import StrEnum
from typing import Annotated

import typer

from leerlab_cli.cli.dataset_choice import dataset_in_use
from leerlab_cli.cli.options import DataOption, choice_of
from leerlab_cli.cli.terminal import write
from leerlab_cli.files import dataset
from leerlab_cli.i18n import N_


class InfoFormat(StrEnum):
    """How `info` prints: labelled lines for people, or JSON for scripts."""

    text = "text"
    json = "json"


HELP = N_(
    "Say which dataset is in use and why (--data, $LEERLAB_DATA or the shipped one): "
    "its path, title, edition and number of leerlabs."
)
EXAMPLES = N_("Examples:\n\nleerlab info\n\nleerlab --data mijn-leerlabs.toml info --format json")


def dataset_info(
    ctx: typer.Context,
    output_format: Annotated[
        InfoFormat,
        typer.Option(
            "--format",
            "-f",
            parser=choice_of(InfoFormat),
            help=N_("text (default) or json."),
            metavar=N_("FORMAT"),
            show_default=False,
        ),
    ] = InfoFormat.text,
    data: DataOption = None,
) -> None:
    """Describe the dataset in use (the help is `HELP`)."""
    from leerlab_cli.formats.info import info_json, info_text

    choice = dataset_in_use(ctx)
    labs = dataset.load(choice.path)
    if output_format is InfoFormat.json:
        write(info_json(choice, labs))
    else:
        write(info_text(choice, labs))
