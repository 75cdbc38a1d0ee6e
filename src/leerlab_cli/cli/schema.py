"""`leerlab schema`: the JSON Schema of the dataset format, for editors and other tools."""

from __future__ import annotations

from leerlab_cli.cli.terminal import write
from leerlab_cli.i18n import N_
from leerlab_cli.schema import schema_json

HELP = N_(
    "Print the JSON Schema of the dataset format, to check and complete a dataset in an "
    "editor.\n\n"
    "Save it, then put #:schema path/to/leerlabs.schema.json (relative to the TOML file) on "
    "the first line of a dataset for Taplo or Even Better TOML."
)
EXAMPLES = N_("Example:\n\nleerlab schema > leerlabs.schema.json")


def print_schema() -> None:
    """Print the JSON Schema of the dataset format (the help is `HELP`)."""
    write(schema_json())
