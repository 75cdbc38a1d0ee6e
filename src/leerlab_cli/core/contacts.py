"""The contact persons of leerlabs, one row each, and one mailing list without repeats (pure)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from leerlab_cli.core.models import Leerlab


@dataclass(frozen=True)
class ContactRow:
    """A contact person with the leerlab they speak for."""

    slug: str
    name: str
    email: str
    organisation: str | None = None
    leerlab: str = ""
    """The leerlab's name as the source prints it (the slug names it for programs)."""


def contact_rows(labs: Iterable[Leerlab]) -> list[ContactRow]:
    """One row per contact person, in the order of the leerlabs and of their contacts."""
    return [
        ContactRow(lab.slug, contact.name, contact.email, contact.organisation, lab.name)
        for lab in labs
        for contact in lab.contacts
    ]


def unique_addresses(rows: Iterable[ContactRow]) -> list[ContactRow]:
    """The first row for each e-mail address; addresses that differ only in case are one."""
    seen: set[str] = set()
    unique: list[ContactRow] = []
    for row in rows:
        key = row.email.casefold()
        if key not in seen:
            seen.add(key)
            unique.append(row)
    return unique
