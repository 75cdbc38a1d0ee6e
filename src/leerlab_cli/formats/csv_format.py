"""CSV: one row per leerlab with every fact, for spreadsheets and other programs."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from leerlab_cli.core.models import Leerlab
from leerlab_cli.formats import (
    FIXED_WORDING,
    Wording,
    contact_line,
    interface_wording,
    lab_source_line,
    route_line,
    school_line,
    school_statement_line,
    statement_text,
)
from leerlab_cli.formats.json_format import left_open
from leerlab_cli.i18n import N_, _

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
    "profielen",
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
    "source",
)
"""The columns of the CSV export, in order: the model's fields, the contacts' organisations
inserted before the leerlab's own source (added last, so the columns before it kept their place)."""

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
    "profielen": N_("vmbo profielen"),
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
    "source": N_("source"),
}
"""The header of the CSV for a spreadsheet, for people: the columns in the interface language."""

PLAIN_CSV_COLUMNS = (*CSV_COLUMNS, "left_open")
"""The columns of plain CSV: those of `CSV_COLUMNS`, then the fields the source leaves open."""

ROWS_PER_PART = 1000
"""How many leerlabs `csv_parts` puts in one part: big enough to write in few calls."""

LIST_SEPARATOR = "; "
"""Joins the values of a multi-valued field within one cell of the CSV for a spreadsheet."""

# A spreadsheet runs a cell starting with one of these as a formula (OWASP, CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:[.,][0-9]+)?|[.,][0-9]+)")


Join = Callable[[Iterable[str]], str]
"""How a format writes the values of a multi-valued field into one cell."""


def people_list(values: Iterable[str]) -> str:
    """Values for a person to read: joined with ``; `` (not split back safely)."""
    return LIST_SEPARATOR.join(values)


def json_list(values: Iterable[str]) -> str:
    """Values for a program: a JSON array of strings, which splits back exactly."""
    return json.dumps(list(values), ensure_ascii=False)


def csv_row(lab: Leerlab, wording: Wording, join: Join = people_list) -> tuple[str, ...]:
    """The cells of one leerlab, in the order of `CSV_COLUMNS`, with the words of `wording`."""
    return (
        lab.slug,
        lab.name,
        lab.place,
        join(lab.provinces),
        join(school_line(school, wording) for school in lab.schools),
        lab.schools_note or "",
        join(lab.sectors),
        join(lab.specialisations),
        lab.sector_note or "",
        join(profiel.value for profiel in lab.profielen),
        statement_text(lab.phase, "", wording.undetermined),
        lab.route_text or "",
        join(route_line(route, wording) for route in lab.routes),
        join(kind.value for kind in lab.route_kinds),
        statement_text(lab.works_on, "", wording.undetermined),
        statement_text(lab.design, "", wording.undetermined),
        statement_text(lab.target_group, "", wording.undetermined),
        join(school_statement_line(item) for item in lab.target_group_per_school),
        join(contact_line(contact.name, contact.email) for contact in lab.contacts),
        join(
            f"{contact.name}: {contact.organisation}"
            for contact in lab.contacts
            if contact.organisation
        ),
        lab_source_line(lab.source) if lab.source is not None else "",
    )


def plain_csv_row(lab: Leerlab) -> tuple[str, ...]:
    """The cells of one leerlab for programs, in the order of `PLAIN_CSV_COLUMNS`."""
    return (*csv_row(lab, FIXED_WORDING, json_list), json_list(left_open(lab)))


def excel_safe(cell: str) -> str:
    """`cell` with a `'` in front when a spreadsheet would run it as a formula; numbers stay."""
    if cell.startswith(_FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(cell):
        return f"'{cell}"
    return cell


def csv_parts(
    labs: Sequence[Leerlab], *, excel: bool = False, fields: Sequence[str] | None = None
) -> Iterator[str]:
    """The CSV in parts, made as they are asked for: `labs_csv`, not held whole.

    The header row is the first part, then every `ROWS_PER_PART` leerlabs one part.
    `fields` are names of the columns (`PLAIN_CSV_COLUMNS`, or `CSV_COLUMNS` with
    `excel`): only those, in that order.
    """
    columns = CSV_COLUMNS if excel else PLAIN_CSV_COLUMNS
    positions = [columns.index(field) for field in fields or columns]

    def chosen(row: Sequence[str]) -> list[str]:
        return [row[position] for position in positions]

    buffer = io.StringIO(newline="")
    writer = _writer(buffer, excel=excel)
    # The file for a spreadsheet is for people, in the interface language; plain CSV is
    # for programs, the same in every language, its lists as JSON arrays.
    if excel:
        wording = interface_wording()
        writer.writerow(chosen([excel_safe(_(EXCEL_HEADERS[column])) for column in CSV_COLUMNS]))
    else:
        writer.writerow(chosen(PLAIN_CSV_COLUMNS))
    yield _taken(buffer)
    for start in range(0, len(labs), ROWS_PER_PART):
        part = labs[start : start + ROWS_PER_PART]
        if excel:
            for lab in part:
                writer.writerow(chosen([excel_safe(cell) for cell in csv_row(lab, wording)]))
        else:
            writer.writerows(chosen(plain_csv_row(lab)) for lab in part)
        yield _taken(buffer)


def table_csv(header: Sequence[str], rows: Iterable[Sequence[str]], *, excel: bool = False) -> str:
    """A header row and `rows` as CSV: plain, or with `excel` in the dialect of `labs_csv`."""
    buffer = io.StringIO(newline="")
    writer = _writer(buffer, excel=excel)
    if excel:
        writer.writerow(map(excel_safe, header))
        writer.writerows(map(excel_safe, row) for row in rows)
    else:
        writer.writerow(header)
        writer.writerows(rows)
    return buffer.getvalue()


def _writer(buffer: io.StringIO, *, excel: bool) -> Any:
    # Plain CSV, or the dialect of a Dutch-locale spreadsheet: a byte order mark, ';', CRLF.
    if excel:
        buffer.write("\ufeff")
        return csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    return csv.writer(buffer, lineterminator="\n")


def _taken(buffer: io.StringIO) -> str:
    # What the buffer holds, which it then forgets.
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def labs_csv(labs: Sequence[Leerlab], *, excel: bool = False) -> str:
    """A header row and one row per leerlab, quoted as Python's `csv` module reads it back.

    With `excel`, the text is for a Dutch-locale spreadsheet: a byte order mark,
    `;` between cells, CRLF line endings, and formulas defused.
    """
    return "".join(csv_parts(labs, excel=excel))
