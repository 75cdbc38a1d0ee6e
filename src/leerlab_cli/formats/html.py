"""A self-contained HTML page: the overview, the route matrix and a section per leerlab.

The page is laid out by one Jinja2 template with autoescaping: every plain string
it is given is escaped, so text from the dataset is always shown as typed, never
read as markup. The wording stays in the formats; the template only lays it out.

All markup is the template's: this module hands it plain text in tuples, which it
unpacks (quicker than looking up attributes, at 10,000 leerlabs). The page is made
in parts (`html_parts`), so a big page is written as it is made rather than held
whole. Jinja2 is imported by this module alone, and this module only when HTML is
asked for.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote

import jinja2

from leerlab_cli.core.coverage import NIVEAUS, matrix_rows, route_matrix
from leerlab_cli.core.models import Leerlab, Meta
from leerlab_cli.formats import (
    Wording,
    interface_wording,
    lab_facts,
    route_label,
    section_labels,
    sector_summary,
    source_line,
    statement_text,
)
from leerlab_cli.formats.markdown import OVERVIEW_COLUMNS
from leerlab_cli.formats.messages import no_match
from leerlab_cli.formats.route_matrix import (
    CORNER,
    cell_summary,
    leerweg_label,
    legend,
    niveau_label,
)
from leerlab_cli.i18n import N_, _, active_language, ngettext

TEMPLATES = Path(__file__).resolve().parent / "templates"
TEMPLATE = "leerlabs.html.j2"

HEADINGS = {
    "overview": N_("Overview"),
    "matrix": N_("Routes from vmbo leerweg to mbo niveau"),
    "leerlabs": N_("The leerlabs"),
}
"""The headings of the page's parts, as message ids."""

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


class OverviewRow(NamedTuple):
    """One leerlab in the overview table."""

    slug: str
    name: str
    sector: str
    routes: list[str]
    """Each route with how far it is: ``bb → 2 (loopt)``."""
    phase: str


def overview_row(lab: Leerlab, wording: Wording) -> OverviewRow:
    """A row of the overview: name, sector, each route with how far it is, and the phase."""
    return OverviewRow(
        lab.slug,
        lab.name,
        sector_summary(lab, wording),
        [
            f"{route_label(route, wording)} ({wording.statuses[route.status]})"
            for route in lab.routes
        ],
        statement_text(lab.phase, wording.not_given, wording.undetermined),
    )


class ContactLink(NamedTuple):
    """A contact person as the page links them: ``mailto:`` address, name, organisation."""

    address: str
    """The e-mail address as a URL's path: percent-encoded where it must be."""
    name: str
    organisation: str
    """Empty when not given."""


class LabSection(NamedTuple):
    """One leerlab's section: its slug (the section's id), name, labelled facts and contacts."""

    slug: str
    name: str
    facts: list[tuple[str, list[str]]]
    contacts: list[ContactLink]


def lab_section(lab: Leerlab, wording: Wording, labels: Mapping[str, str]) -> LabSection:
    """A leerlab's section, with the facts labelled by `labels` (`section_labels`)."""
    return LabSection(
        lab.slug,
        lab.name,
        [(labels[field], values) for field, values in lab_facts(lab, wording)],
        [
            ContactLink(quote(person.email, safe="@"), person.name, person.organisation or "")
            for person in lab.contacts
        ],
    )


def paragraphs(text: str | None) -> list[str]:
    """A text split at its blank lines, as the paragraphs of the page."""
    if text is None:
        return []
    return [part.strip() for part in _PARAGRAPH_BREAK.split(text) if part.strip()]


def shown_count(count: int) -> str:
    """How many leerlabs the page shows, counted, whatever number its source's text names."""
    return ngettext(
        "This page shows {count} leerlab.", "This page shows {count} leerlabs.", count
    ).format(count=count)


def _template() -> jinja2.Template:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return environment.get_template(TEMPLATE)


def html_parts(
    meta: Meta, labs: Sequence[Leerlab], *, overview_only: bool = False
) -> Iterator[str]:
    """The page in parts, made as they are asked for: `export_html` joined, not held whole."""
    wording = interface_wording()
    labels = section_labels()
    cells = route_matrix(labs)
    stream = _template().stream(
        lang=active_language(),
        title=meta.title,
        source=source_line(meta),
        shown=shown_count(len(labs)) if labs else None,
        introduction=[] if overview_only else paragraphs(meta.introduction),
        no_match=no_match() if not labs else None,
        overview_only=overview_only,
        headings={key: _(message) for key, message in HEADINGS.items()},
        overview_columns=[_(column) for column in OVERVIEW_COLUMNS],
        overview=(overview_row(lab, wording) for lab in labs),
        matrix_header=[CORNER, *(niveau_label(niveau) for niveau in NIVEAUS)],
        matrix_rows=[
            (leerweg_label(leerweg), [cell_summary(cell) for cell in row])
            for leerweg, row in matrix_rows(cells)
        ],
        matrix_legend=legend(),
        labs=[] if overview_only else (lab_section(lab, wording, labels) for lab in labs),
        contacts_label=labels["contacts"],
        not_given=wording.not_given,
    )
    # The template yields every bit of text between its tags on its own: a part
    # gathers a thousand, so that writing the page is not a million small writes.
    stream.enable_buffering(1000)
    return stream


def export_html(meta: Meta, labs: Sequence[Leerlab], *, overview_only: bool = False) -> str:
    """The page: title, source, introduction, overview, route matrix, a section per leerlab.

    With `overview_only`, only the title, the source line and the overview table.
    """
    return "".join(html_parts(meta, labs, overview_only=overview_only))
