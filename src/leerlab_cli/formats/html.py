"""A self-contained HTML page: the overview, the route matrix and a section per leerlab.

The page is laid out by one Jinja2 template with autoescaping: every plain string
it is given is escaped, so text from the dataset is always shown as typed, never
read as markup. The wording stays in the formats; the template only lays it out.

The rows of the overview and the sections of the leerlabs, most of a big page, come
to the template as `Markup` made here from fixed tags and dataset text escaped by
markupsafe, as Jinja2 escapes: one escape per row or section (`escape_all`) instead
of one per value, which at 10,000 leerlabs was most of the export's time. The page
is made in parts (`html_parts`), so a big page can be written as it is made rather
than held whole. Jinja2 is imported by this module alone, and this module only when
HTML is asked for.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from urllib.parse import quote

import jinja2
from markupsafe import Markup, escape

from leerlab_cli.coverage import NIVEAUS, matrix_rows, route_matrix
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
from leerlab_cli.i18n import N_, _, active_language
from leerlab_cli.models import Leerlab, Meta

TEMPLATES = Path(__file__).resolve().parent / "templates"
TEMPLATE = "leerlabs.html.j2"

HEADINGS = {
    "overview": N_("Overview"),
    "matrix": N_("Routes from vmbo leerweg to mbo niveau"),
    "leerlabs": N_("The leerlabs"),
}
"""The headings of the page's parts, as message ids."""

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


# Joins the texts that `escape_all` escapes in one go: escaping leaves it as it is.
_SEPARATOR = "\x00"


def escape_all(texts: Sequence[str]) -> list[str]:
    """Each of `texts` escaped for HTML, exactly as markupsafe's `escape` escapes it.

    Escaping replaces characters one by one, so the texts are joined, escaped in
    one call and split again. If a text holds the separator itself, each text is
    escaped on its own.
    """
    joined = _SEPARATOR.join(texts)
    if joined.count(_SEPARATOR) != len(texts) - 1:
        return [str(escape(text)) for text in texts]
    return str(escape(joined)).split(_SEPARATOR)


def overview_row(lab: Leerlab, wording: Wording, *, linked: bool) -> Markup:
    """A row of the overview: name (`linked` to the leerlab's section), sector, routes, phase.

    Each route is shown with how far it is.
    """
    slug, name, sector, phase, *routes = escape_all(
        [
            lab.slug,
            lab.name,
            sector_summary(lab, wording),
            statement_text(lab.phase, wording.not_given),
            *(f"{route_label(route)} ({wording.statuses[route.status]})" for route in lab.routes),
        ]
    )
    if linked:
        name = f'<a href="#{slug}">{name}</a>'
    route_list = f"<ul>{_items(routes)}</ul>" if routes else ""
    return Markup(
        f'<tr><th scope="row">{name}</th><td>{sector}</td><td>{route_list}</td>'
        f"<td>{phase}</td></tr>"
    )


def escaped_labels() -> dict[str, str]:
    """The label of every fact in the interface language, escaped, by field: once per page."""
    return {field: str(escape(label)) for field, label in section_labels().items()}


def lab_section(lab: Leerlab, wording: Wording, labels: Mapping[str, str]) -> Markup:
    """A leerlab's section: its name, then each fact, labelled, with its value or values.

    `labels` are the labels of the facts, escaped (`escaped_labels`).
    """
    facts = lab_facts(lab, wording)
    texts = [lab.slug, lab.name]
    for _field, values in facts:
        texts += values
    for contact in lab.contacts:
        texts += [quote(contact.email, safe="@"), contact.name, contact.organisation or ""]
    escaped = iter(escape_all(texts))
    slug, name = next(escaped), next(escaped)
    parts = [
        f'<section id="{slug}" class="leerlab" aria-labelledby="{slug}_name">\n'
        f'<h3 id="{slug}_name">{name}</h3>\n<dl>\n'
    ]
    for field, values in facts:
        parts.append(_definition(labels[field], [next(escaped) for _value in values]))
    contacts = [
        _contact_link(address, name, organisation)
        for address, name, organisation in zip(escaped, escaped, escaped, strict=True)
    ]
    parts.append(_definition(labels["contacts"], contacts or [str(escape(wording.not_given))]))
    parts.append("</dl>\n</section>")
    return Markup("".join(parts))


def _definition(label: str, values: Sequence[str]) -> str:
    # A label and its value, or its values as a list; both already escaped.
    if len(values) == 1:
        return f"<dt>{label}</dt>\n<dd>{values[0]}</dd>\n"
    return f"<dt>{label}</dt>\n<dd><ul>{_items(values)}</ul></dd>\n"


def _items(values: Sequence[str]) -> str:
    return "".join(f"<li>{value}</li>" for value in values)


def _contact_link(address: str, name: str, organisation: str) -> str:
    # A contact person as a mail link with the name, then the organisation if given;
    # all three already escaped.
    link = f'<a href="mailto:{address}">{name}</a>'
    return f"{link} ({organisation})" if organisation else link


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


def html_parts(
    meta: Meta, labs: Sequence[Leerlab], *, overview_only: bool = False
) -> Iterator[str]:
    """The page in parts, made as they are asked for: `export_html` joined, not held whole."""
    wording = interface_wording()
    labels = escaped_labels()
    cells = route_matrix(labs)
    return _template().generate(
        lang=active_language(),
        title=meta.title,
        source=source_line(meta),
        introduction=[] if overview_only else paragraphs(meta.introduction),
        no_match=no_match() if not labs else None,
        overview_only=overview_only,
        headings={key: _(message) for key, message in HEADINGS.items()},
        overview_columns=[_(column) for column in OVERVIEW_COLUMNS],
        overview=(overview_row(lab, wording, linked=not overview_only) for lab in labs),
        matrix_header=[CORNER, *(niveau_label(niveau) for niveau in NIVEAUS)],
        matrix_rows=[
            (leerweg_label(leerweg), [cell_summary(cell) for cell in row])
            for leerweg, row in matrix_rows(cells)
        ],
        matrix_legend=legend(),
        labs=[] if overview_only else (lab_section(lab, wording, labels) for lab in labs),
    )


def export_html(meta: Meta, labs: Sequence[Leerlab], *, overview_only: bool = False) -> str:
    """The page: title, source, introduction, overview, route matrix, a section per leerlab.

    With `overview_only`, only the title, the source line and the overview table.
    """
    return "".join(html_parts(meta, labs, overview_only=overview_only))
