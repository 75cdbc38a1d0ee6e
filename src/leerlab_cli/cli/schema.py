"""`leerlab schema`: the JSON Schema of the dataset format or of the JSON output."""

from enum import StrEnum
from typing import Annotated

import typer

from leerlab_cli.cli.options import choice_of
from leerlab_cli.cli.terminal import write
from leerlab_cli.i18n import N_


class SchemaKind(StrEnum):
    """Which schema `schema` prints: of the dataset file, or of the JSON output."""

    dataset = "dataset"
    output = "output"


HELP = N_(
    "Print the JSON Schema of the dataset format, to check and complete a dataset in an "
    "editor.\n\n"
    "Save it, then put #:schema path/to/leerlabs.schema.json (relative to the TOML file) on "
    "the first line of a dataset for Taplo or Even Better TOML. With output: print instead the "
    "schema of the JSON that list, show and export write."
)
EXAMPLES = N_(
    "Examples:\n\nleerlab schema > leerlabs.schema.json\n\n"
    "leerlab schema output > output.schema.json"
)


def print_schema(
    kind: Annotated[
        SchemaKind,
        typer.Argument(
            parser=choice_of(SchemaKind),
            help=N_("dataset: the dataset file (the default); output: the JSON output."),
            metavar=N_("KIND"),
            show_default=False,
        ),
    ] = SchemaKind.dataset,
) -> None:
    """Print the JSON Schema of the dataset format (the help is `HELP`)."""
    from leerlab_cli.core.schema import output_schema_json, schema_json

    write(output_schema_json() if kind is SchemaKind.output else schema_json())
