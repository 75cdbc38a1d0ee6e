"""An Excel workbook (.xlsx): the leerlabs, their routes and their contact persons, for people.

Written with XlsxWriter, which only writes: every cell is given its type
explicitly (`write_string`, `write_number`, `write_url`), so a text that starts
with ``=``, ``+``, ``-`` or ``@`` is a string and never a formula, and nothing is
guessed from what a value looks like. A hyperlink is written only for an e-mail
address that matches the dataset's address pattern, as ``mailto:``.

Sheet names, headers and the words around the data are in the interface language,
as in the CSV for a spreadsheet (`export --excel`); the values are the same as
there, a multi-valued field one value per line of its (wrapped) cell.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any
from urllib.parse import quote

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

from leerlab_cli.core.contacts import contact_rows
from leerlab_cli.core.coverage import route_rows
from leerlab_cli.core.errors import TooLargeForWorkbook
from leerlab_cli.core.models import EMAIL_PATTERN, Leerlab, Meta
from leerlab_cli.formats import interface_wording, source_line
from leerlab_cli.formats.contact_list import contact_csv_fields, contact_csv_headers
from leerlab_cli.formats.csv_format import CSV_COLUMNS, EXCEL_HEADERS, csv_row
from leerlab_cli.i18n import N_, _

CELL_LIMIT = 32767
"""The most characters (UTF-16 code units) an Excel cell holds."""

URL_LIMIT = 255
"""The longest hyperlink every Excel version keeps."""

WIDEST_COLUMN = 60
"""The widest a column is made, in characters; longer text wraps within it."""

ROUTE_HEADERS = (
    N_("slug"),
    N_("from vmbo leerweg"),
    N_("to mbo niveau"),
    N_("status"),
    N_("start"),
    N_("mbo leerweg"),
)
"""The headers of the sheet of routes: the columns of the tidy route rows."""

# A cell Excel would run as a formula if someone edits it; such cells get Excel's
# quote prefix (the cell stays text when edited), on top of being written as text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_EMAIL = re.compile(EMAIL_PATTERN)
# XML 1.0 has no place for these two non-characters; the dataset's texts may hold them.
_NOT_XML = re.compile("[\ufffe\uffff]")

Cell = str | int


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class _Sheet:
    """One worksheet: a bold, frozen header row with a filter, and columns sized to fit."""

    def __init__(self, book: Any, name: str, header: Sequence[str], styles: dict[str, Any]):
        self.sheet = book.add_worksheet(name)
        self.name = name
        self.styles = styles
        self.widths = [len(title) + 4 for title in header]  # room for the filter's button
        self.row = 0
        for column, title in enumerate(header):
            self.sheet.write_string(0, column, _xml_text(title), styles["header"])

    def add(self, cells: Sequence[Cell], *, link_column: int | None = None) -> None:
        """A row of data: texts as strings, numbers as numbers, a valid address as a link."""
        self.row += 1
        for column, value in enumerate(cells):
            if isinstance(value, int):
                self.sheet.write_number(self.row, column, value, self.styles["number"])
                self._fit(column, str(value))
                continue
            text = _xml_text(value)
            if _utf16_length(text) > CELL_LIMIT:
                cell = xl_rowcol_to_cell(self.row, column)
                raise TooLargeForWorkbook(self.name, cell, _utf16_length(text), CELL_LIMIT)
            self._fit(column, text)
            if column == link_column and (target := mail_target(text)) is not None:
                self.sheet.write_url(
                    self.row, column, target, self.styles["link"], string=text, tip=text
                )
            elif text.startswith(_FORMULA_STARTS):
                self.sheet.write_string(self.row, column, text, self.styles["quoted"])
            else:
                self.sheet.write_string(self.row, column, text, self.styles["text"])

    def _fit(self, column: int, text: str) -> None:
        # The longest line, up to the widest column (a longer one wraps).
        longest = max(map(len, text.split("\n")), default=0) if text else 0
        self.widths[column] = min(max(self.widths[column], longest + 2), WIDEST_COLUMN)

    def finish(self) -> None:
        """Freeze the header row, put a filter on it, and set the widths."""
        self.sheet.freeze_panes(1, 0)
        self.sheet.autofilter(0, 0, self.row, len(self.widths) - 1)
        for column, width in enumerate(self.widths):
            self.sheet.set_column(column, column, width)


def mail_target(address: str) -> str | None:
    """The ``mailto:`` link of an address that is valid, percent-encoded; None for another text.

    Percent-encoded as on the HTML page: an address may hold ``%0d%0a``, which a mail
    program would otherwise decode into a line break (a header of its own).
    """
    if len(address) > 254 or not _EMAIL.fullmatch(address):
        return None
    target = "mailto:" + quote(address, safe="@")
    return target if len(target) <= URL_LIMIT else None


def _xml_text(text: str) -> str:
    # XlsxWriter escapes control characters itself (as _xHHHH_, read back by Excel).
    return _NOT_XML.sub("\ufffd", text) if "\ufffe" in text or "\uffff" in text else text


def _join_lines(values: Iterable[str]) -> str:
    return "\n".join(values)


def workbook_bytes(meta: Meta, labs: Sequence[Leerlab], exported: datetime) -> bytes:
    """The workbook of `labs`: sheets of leerlabs, routes and contact persons, as .xlsx bytes.

    `exported` is the moment of the export, kept with the source in the workbook's
    properties. Raises `TooLargeForWorkbook` for a text longer than a cell holds,
    rather than cut it short.
    """
    buffer = io.BytesIO()
    options = {
        "in_memory": True,
        "strings_to_formulas": False,
        "strings_to_numbers": False,
        "strings_to_urls": False,
    }
    book = xlsxwriter.Workbook(buffer, options)
    try:
        _fill(book, meta, labs, exported)
    finally:
        book.close()
    return buffer.getvalue()


def _fill(book: Any, meta: Meta, labs: Sequence[Leerlab], exported: datetime) -> None:
    source = _xml_text(source_line(meta))
    book.set_properties(
        {
            "title": _xml_text(meta.title),
            "subject": source,
            "author": "leerlab",
            "comments": _("Exported by leerlab on {date} from {source}").format(
                date=exported.date().isoformat(), source=source
            ),
            "created": exported,
        }
    )
    book.set_custom_property(_("Source"), source)
    book.set_custom_property(_("Exported"), exported)
    wrapped = {"text_wrap": True, "valign": "top"}
    styles = {
        "header": book.add_format({"bold": True, "valign": "top", "text_wrap": True}),
        "text": book.add_format(wrapped),
        "quoted": book.add_format({**wrapped, "quote_prefix": True}),
        "number": book.add_format({"valign": "top", "align": "left"}),
        "link": book.add_format({**wrapped, "font_color": "#0563C1", "underline": 1}),
    }
    wording = interface_wording()

    leerlabs = _Sheet(book, _("Leerlabs"), [_(EXCEL_HEADERS[c]) for c in CSV_COLUMNS], styles)
    for lab in labs:
        leerlabs.add(csv_row(lab, wording, _join_lines))
    leerlabs.finish()

    routes = _Sheet(book, _("Routes"), [_(title) for title in ROUTE_HEADERS], styles)
    for row in route_rows(labs):
        routes.add(
            (
                row.slug,
                row.leerweg.value if row.leerweg is not None else wording.leerweg_not_given,
                row.niveau,
                wording.statuses[row.status],
                row.start or "",
                row.mbo_leerweg.value if row.mbo_leerweg is not None else "",
            )
        )
    routes.finish()

    contacts = _Sheet(book, _("Contact persons"), contact_csv_headers(), styles)
    email_column = len(contact_csv_headers()) - 1
    for contact in contact_rows(labs):
        contacts.add(contact_csv_fields(contact), link_column=email_column)
    contacts.finish()
