"""`leerlab schema`: the JSON Schema of the dataset format, for editors and other tools."""

from __future__ import annotations

from leerlab_cli.cli.terminal import write
from leerlab_cli.schema import schema_json


def print_schema() -> None:
    """Print the JSON Schema of the dataset format, to validate and complete a dataset in an editor.

    Save it, then put `#:schema path/to/leerlabs.schema.json` (relative to the TOML
    file) on the first line of a dataset for Taplo or Even Better TOML.
    """
    write(schema_json())
