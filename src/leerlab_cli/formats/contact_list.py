"""Contact persons as text for programs: tab-separated rows and JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable

from leerlab_cli.contacts import ContactRow
from leerlab_cli.text import one_line

CONTACT_COLUMNS = ("slug", "name", "email", "organisation")
"""The fields of `leerlab contacts`, in the order of its table, rows and JSON objects."""


def contact_fields(row: ContactRow) -> tuple[str, ...]:
    """The fields of one contact person; an unknown organisation is empty."""
    return (row.slug, row.name, row.email, row.organisation or "")


def contacts_tsv(rows: Iterable[ContactRow]) -> str:
    """One line per contact person, fields separated by tabs, no header."""
    return "".join(
        "\t".join(one_line(field) for field in contact_fields(row)) + "\n" for row in rows
    )


def contacts_json(rows: Iterable[ContactRow]) -> str:
    """An array of objects with slug, name, email and organisation (null when unknown)."""
    data = [
        {"slug": row.slug, "name": row.name, "email": row.email, "organisation": row.organisation}
        for row in rows
    ]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
