"""The notes the commands write to stderr for a person, worded once."""

from __future__ import annotations

from pathlib import Path

NO_MATCH = "No leerlab matches these filters."
"""When the filters select no leerlab (`list`, `routes`, `export`)."""

NO_CONTACT = "No contact person in the leerlabs that match these filters."
"""When the selected leerlabs have no contact person (`contacts`)."""


def wrote(count: int, path: Path) -> str:
    """What `export --output` reports once the file is written."""
    return f"Wrote {count} leerlab(s) to {path}."
