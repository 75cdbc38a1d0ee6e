"""Contact persons as text for programs: tab-separated rows and JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable

from leerlab_cli.core.contacts import ContactRow
from leerlab_cli.i18n import _

CONTACT_COLUMNS = ("slug", "name", "email", "organisation")
"""The fields of `leerlab contacts`, in the order of its table, rows and JSON objects."""


CONTACT_CSV_COLUMNS = ("slug", "leerlab", "name", "organisation", "email")
"""The columns of `leerlab contacts --format csv`, for a mail merge: the leerlab's name too."""


def contact_csv_headers() -> tuple[str, ...]:
    """The header of `contacts --format csv --excel`, in the interface language."""
    return (_("slug"), _("leerlab"), _("name"), _("organisation"), _("email"))


def contact_csv_fields(row: ContactRow) -> tuple[str, ...]:
    """The cells of one contact person, in the order of `CONTACT_CSV_COLUMNS`."""
    return (row.slug, row.leerlab, row.name, row.organisation or "", row.email)


def contacts_csv(rows: Iterable[ContactRow], *, excel: bool = False) -> str:
    """A header and one CSV row per contact person; with `excel`, for a Dutch spreadsheet."""
    from leerlab_cli.formats.csv_format import table_csv

    header = contact_csv_headers() if excel else CONTACT_CSV_COLUMNS
    return table_csv(header, map(contact_csv_fields, rows), excel=excel)


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
