"""The notes the commands write to stderr for a person, worded once."""

from __future__ import annotations

from pathlib import Path

from leerlab_cli.text import printable

NO_MATCH = "No leerlab matches these filters."
"""When the filters select no leerlab (`list`, `routes`, `export`)."""

NO_CONTACT = "No contact person in the leerlabs that match these filters."
"""When the selected leerlabs have no contact person (`contacts`)."""


def wrote(count: int, path: Path) -> str:
    """What `export --output` reports once the file is written."""
    # The path is echoed input: a newline or tab in it is shown escaped, as `\n`.
    return f"Wrote {count} leerlab(s) to {printable(str(path))}."


def bad_no_cache_value(variable: str, value: str) -> str:
    """When $LEERLAB_NO_CACHE holds a value that is neither on nor off."""
    return (
        f"{variable}={value!r} is not understood: use 1, true or yes to turn the cache off, "
        "or 0, false, no or nothing to leave it on"
    )


def dataset_too_large(name: str, limit: int, variable: str) -> str:
    """When a dataset file is larger than the limit."""
    return (
        f"{name}: larger than {limit} bytes, the most a dataset file may have; "
        f"set {variable} to a larger number of bytes to read it"
    )


def bad_size_limit(variable: str, value: str) -> str:
    """When $LEERLAB_MAX_BYTES is not a positive whole number."""
    return f"{variable}={value!r} is not understood: give a positive number of bytes"


def cannot_write_output(reason: str) -> str:
    """When stdout cannot take the output (a full disk, a closed stdout); `reason` is strerror."""
    return f"cannot write output: {reason[:1].lower()}{reason[1:]}"
