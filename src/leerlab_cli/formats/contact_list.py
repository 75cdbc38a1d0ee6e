"""Contact persons as text for programs: tab-separated rows and JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable

from leerlab_cli.core.contacts import ContactRow
from leerlab_cli.i18n import _

CONTACT_COLUMNS = ("slug", "name", "email", "organisation")
"""The fields of `leerlab contacts`, in the order of its table, rows and JSON objects."""


def contact_headers() -> tuple[str, ...]:
    """The headers of the `contacts` table, in the order of `CONTACT_COLUMNS`."""
    return (_("slug"), _("name"), _("email"), _("organisation"))


def contact_values(row: ContactRow) -> tuple[str, str, str, str | None]:
    """The fields of one contact person, in the order of `CONTACT_COLUMNS`."""
    return (row.slug, row.name, row.email, row.organisation)


def contact_fields(row: ContactRow) -> tuple[str, ...]:
    """The fields of one contact person as text; an unknown organisation is empty."""
    return tuple(value or "" for value in contact_values(row))


def contacts_tsv(rows: Iterable[ContactRow], *, header: bool = False) -> str:
    """One line per contact person, fields separated by tabs; with `header`, the names first."""
    from leerlab_cli.formats.plain import tsv_lines

    return tsv_lines(CONTACT_COLUMNS if header else None, map(contact_fields, rows))


def contacts_json(rows: Iterable[ContactRow]) -> str:
    """An array of objects with slug, name, email and organisation (null when unknown)."""
    data = [dict(zip(CONTACT_COLUMNS, contact_values(row), strict=True)) for row in rows]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
