"""A self-contained HTML page: the overview, the route matrix and a section per leerlab.

The page is rendered from one Jinja2 template with autoescaping, so text from the
dataset is always shown as typed, never read as markup. Everything the template
shows is prepared here as plain strings (or `Markup` built with escaping), so the
wording stays in the formats and the template only lays it out. Jinja2 is imported
by this module alone, and this module only when HTML is asked for.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from leerlab_cli.coverage import NIVEAUS, matrix_rows, route_matrix
from leerlab_cli.formats import (
    Section,
    interface_wording,
    lab_sections,
    route_label,
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
from leerlab_cli.i18n import N_, _, active_language
from leerlab_cli.models import Contact, Leerlab, Meta

TEMPLATES = Path(__file__).resolve().parent / "templates"
TEMPLATE = "leerlabs.html.j2"

HEADINGS = {
    "overview": N_("Overview"),
    "matrix": N_("Routes from vmbo leerweg to mbo niveau"),
    "leerlabs": N_("The leerlabs"),
}
"""The headings of the page's parts, as message ids."""

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class OverviewRow:
    """One leerlab in the overview table."""

    slug: str
    name: str
    sector: str
    routes: list[str]
    phase: str


@dataclass(frozen=True)
class LabPage:
    """One leerlab's section: its slug (the section's id), name and labelled facts."""

    slug: str
    name: str
    sections: list[Section]


def contact_link(contact: Contact) -> Markup:
    """A contact person as a mail link with the name, then the organisation if given."""
    link = Markup('<a href="mailto:{address}">{name}</a>').format(
        address=quote(contact.email, safe="@"), name=contact.name
    )
    if contact.organisation is None:
        return link
    return Markup("{link} ({organisation})").format(link=link, organisation=contact.organisation)


def overview_rows(labs: Sequence[Leerlab]) -> list[OverviewRow]:
    """A row per leerlab: name, sector, each route with how far it is, and the phase."""
    wording = interface_wording()
    return [
        OverviewRow(
            slug=lab.slug,
            name=lab.name,
            sector=sector_summary(lab, wording),
            routes=[
                f"{route_label(route)} ({wording.statuses[route.status]})" for route in lab.routes
            ],
            phase=statement_text(lab.phase, wording.not_given),
        )
        for lab in labs
    ]


def paragraphs(text: str | None) -> list[str]:
    """A text split at its blank lines, as the paragraphs of the page."""
    if text is None:
        return []
    return [part.strip() for part in _PARAGRAPH_BREAK.split(text) if part.strip()]


def _template() -> jinja2.Template:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return environment.get_template(TEMPLATE)


def export_html(meta: Meta, labs: Sequence[Leerlab], *, overview_only: bool = False) -> str:
    """The page: title, source, introduction, overview, route matrix, a section per leerlab.

    With `overview_only`, only the title, the source line and the overview table.
    """
    cells = route_matrix(labs)
    return _template().render(
        lang=active_language(),
        title=meta.title,
        source=source_line(meta),
        introduction=[] if overview_only else paragraphs(meta.introduction),
        no_match=no_match() if not labs else None,
        overview_only=overview_only,
        headings={key: _(message) for key, message in HEADINGS.items()},
        overview_columns=[_(column) for column in OVERVIEW_COLUMNS],
        overview=overview_rows(labs),
        matrix_header=[CORNER, *(niveau_label(niveau) for niveau in NIVEAUS)],
        matrix_rows=[
            (leerweg_label(leerweg), [cell_summary(cell) for cell in row])
            for leerweg, row in matrix_rows(cells)
        ],
        matrix_legend=legend(),
        labs=[]
        if overview_only
        else [LabPage(lab.slug, lab.name, lab_sections(lab, contact=contact_link)) for lab in labs],
    )
