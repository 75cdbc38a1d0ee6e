"""CSV: one row per leerlab with every fact, for spreadsheets and other programs."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

from leerlab_cli.formats import (
    FIXED_WORDING,
    Wording,
    contact_line,
    interface_wording,
    route_line,
    school_line,
    school_statement_line,
    statement_text,
)
from leerlab_cli.i18n import N_, _
from leerlab_cli.models import Leerlab

CSV_COLUMNS = (
    "slug",
    "name",
    "place",
    "provinces",
    "schools",
    "schools_note",
    "sectors",
    "specialisations",
    "sector_note",
    "phase",
    "route_text",
    "routes",
    "route_kinds",
    "works_on",
    "design",
    "target_group",
    "target_group_per_school",
    "contacts",
    "contact_organisations",
)
"""The columns of the CSV export, in order: the model's fields, then the contacts' organisations."""

EXCEL_HEADERS = {
    "slug": N_("slug"),
    "name": N_("name"),
    "place": N_("place"),
    "provinces": N_("provinces"),
    "schools": N_("schools"),
    "schools_note": N_("note on the schools"),
    "sectors": N_("sectors"),
    "specialisations": N_("specialisations"),
    "sector_note": N_("note on the sector"),
    "phase": N_("phase"),
    "route_text": N_("route as described"),
    "routes": N_("routes"),
    "route_kinds": N_("kinds of route"),
    "works_on": N_("working on"),
    "design": N_("design of the route"),
    "target_group": N_("target group"),
    "target_group_per_school": N_("target group per school"),
    "contacts": N_("contact persons"),
    "contact_organisations": N_("organisations of the contact persons"),
}
"""The header of the CSV for a spreadsheet, for people: the columns in the interface language."""

LIST_SEPARATOR = "; "
"""Joins the values of a multi-valued field within one cell."""

# A spreadsheet runs a cell starting with one of these as a formula (OWASP, CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:[.,][0-9]+)?|[.,][0-9]+)")


def _joined(values: Iterable[str]) -> str:
    return LIST_SEPARATOR.join(values)


def csv_row(lab: Leerlab, wording: Wording) -> tuple[str, ...]:
    """The cells of one leerlab, in the order of `CSV_COLUMNS`, with the words of `wording`."""
    return (
        lab.slug,
        lab.name,
        lab.place,
        _joined(lab.provinces),
        _joined(school_line(school, wording) for school in lab.schools),
        lab.schools_note or "",
        _joined(lab.sectors),
        _joined(lab.specialisations),
        lab.sector_note or "",
        statement_text(lab.phase, missing=""),
        lab.route_text or "",
        _joined(route_line(route, wording) for route in lab.routes),
        _joined(kind.value for kind in lab.route_kinds),
        statement_text(lab.works_on, missing=""),
        statement_text(lab.design, missing=""),
        statement_text(lab.target_group, missing=""),
        _joined(school_statement_line(item) for item in lab.target_group_per_school),
        _joined(contact_line(contact.name, contact.email) for contact in lab.contacts),
        _joined(
            f"{contact.name}: {contact.organisation}"
            for contact in lab.contacts
            if contact.organisation
        ),
    )


def excel_safe(cell: str) -> str:
    """`cell` with a `'` in front when a spreadsheet would run it as a formula; numbers stay."""
    if cell.startswith(_FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(cell):
        return f"'{cell}"
    return cell


def labs_csv(labs: Sequence[Leerlab], *, excel: bool = False) -> str:
    """A header row and one row per leerlab, quoted as Python's `csv` module reads it back.

    With `excel`, the text is for a Dutch-locale spreadsheet: a byte order mark,
    `;` between cells, CRLF line endings, and formulas defused.
    """
    buffer = io.StringIO(newline="")
    if excel:
        buffer.write("\ufeff")
        writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    else:
        writer = csv.writer(buffer, lineterminator="\n")
    # The file for a spreadsheet is for people, in the interface language; plain CSV is
    # for programs, the same in every language.
    if excel:
        header = tuple(_(EXCEL_HEADERS[column]) for column in CSV_COLUMNS)
        wording = interface_wording()
    else:
        header, wording = CSV_COLUMNS, FIXED_WORDING
    rows = [header, *(csv_row(lab, wording) for lab in labs)]
    for row in rows:
        writer.writerow([excel_safe(cell) for cell in row] if excel else row)
    return buffer.getvalue()
