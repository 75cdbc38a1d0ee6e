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

import base64
import datetime
import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from leerlab_cli.core.coverage import NIVEAUS, Cell, matrix_rows, route_matrix
from leerlab_cli.core.models import NIVEAU_NAMES, Contact, Leerlab, Leerweg, Meta, RouteStatus
from leerlab_cli.core.provinces import ProvinceOverview, province_overview
from leerlab_cli.core.text import fold
from leerlab_cli.formats import (
    Wording,
    contact_name,
    interface_wording,
    lab_facts,
    route_label,
    route_line,
    section_labels,
    sector_summary,
    source_line,
    statement_text,
)
from leerlab_cli.formats.markdown import OVERVIEW_COLUMNS
from leerlab_cli.formats.messages import no_match
from leerlab_cli.formats.province_map import ShadedProvince
from leerlab_cli.formats.provinces import PROVINCE_COLUMNS, province_legend
from leerlab_cli.formats.route_matrix import (
    CORNER,
    PLANNED_MARK,
    leerweg_label,
    niveau_code,
    niveau_label,
)
from leerlab_cli.i18n import N_, _, active_language, ngettext

TEMPLATES = Path(__file__).resolve().parent / "templates"
TEMPLATE = "leerlabs.html.j2"
SCRIPT = "filters.js"
"""The page's one script: the filters. It is static, so its hash is known in advance."""

HEADINGS = {
    "overview": N_("Overview"),
    "matrix": N_("Routes from vmbo leerweg to mbo niveau"),
    "provinces": N_("Per province"),
    "leerlabs": N_("The leerlabs"),
}
"""The headings of the page's parts, as message ids."""

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


class ContactLink(NamedTuple):
    """A contact person as the page shows them: name (organisation) and a mail link."""

    address: str
    """The e-mail address as a URL's path: percent-encoded where it must be."""
    email: str
    """The e-mail address as typed, the link's text."""
    name: str
    """The name, with the organisation when given: ``Zerin Eralp (Aventus)``."""


def contact_link(person: Contact) -> ContactLink:
    """A contact person as the page links them."""
    return ContactLink(quote(person.email, safe="@"), person.email, contact_name(person))


_NOT_A_KEY = re.compile(r"[^a-z0-9]+")


def filter_key(text: str) -> str:
    """`text` as the page's filters name it: ``Zorg en Welzijn`` is ``zorg-en-welzijn``.

    Lower case without accents, every run of other characters one hyphen: a key is
    safe in an attribute, a URL fragment and a CSS selector. The page's script folds
    what a fragment says the same way.
    """
    # Not core.text.fold, which drops the separators the key keeps as hyphens.
    if text.isascii():
        plain = text.lower()  # no accents to strip: the usual case, done at once
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        plain = "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
    return _NOT_A_KEY.sub("-", plain).strip("-")[:64]


class LabKeys(NamedTuple):
    """What the page's filters know of a leerlab, as space-separated keys."""

    sectors: str
    provinces: str
    routes: str
    """Each counting route's transitions as ``leerweg:niveau`` (``none:3`` with no leerweg)."""


def lab_keys(lab: Leerlab) -> LabKeys:
    """The keys the filters match a leerlab by: its sectors, provinces and routes."""
    routes = {
        f"{leerweg}:{niveau}"
        for route in lab.routes
        if route.counts
        for leerweg in ([item.value for item in route.leerwegen] or ["none"])
        for niveau in route.niveaus
    }
    return LabKeys(
        " ".join(dict.fromkeys(key for key in map(filter_key, lab.sectors) if key)),
        " ".join(
            dict.fromkeys(
                key for key in (filter_key(p.province.value) for p in lab.provinces) if key
            )
        ),
        " ".join(sorted(routes)),
    )


class OverviewRow(NamedTuple):
    """One leerlab in the overview table."""

    slug: str
    name: str
    sector: str
    routes: list[str]
    """Each route with how far it is: ``bb → 2 (loopt)``."""
    phase: str
    contacts: list[ContactLink]
    keys: LabKeys


def overview_row(lab: Leerlab, wording: Wording) -> OverviewRow:
    """A row of the overview: name, sector, each route with how far it is, phase, contacts."""
    return OverviewRow(
        lab.slug,
        lab.name,
        sector_summary(lab, wording),
        [
            f"{route_label(route, wording)} ({wording.statuses[route.status]})"
            for route in lab.routes
        ],
        statement_text(lab.phase, wording.not_given, wording.undetermined),
        [contact_link(person) for person in lab.contacts],
        lab_keys(lab),
    )


class Fact(NamedTuple):
    """A labelled fact of a leerlab's section.

    `lead` is the source's own sentence, shown first; `values` the fact's lines
    (one is shown as text, more as a list, and a list too under a lead); `notes`
    are what the source or the maintainers add, each as (label, text).
    """

    label: str
    lead: str
    values: list[str]
    notes: list[tuple[str, str]]


class LabSection(NamedTuple):
    """One leerlab's section: its slug (the section's id), name, labelled facts and contacts."""

    slug: str
    name: str
    facts: list[Fact]
    contacts: list[ContactLink]


def section_facts(lab: Leerlab, wording: Wording, labels: Mapping[str, str]) -> list[Fact]:
    """The facts of a leerlab's section, each label once.

    The source's "Route" sentence leads the routes read from it; its "Werken aan"
    leads the kinds of route read from it; a note on the sectors is a note, not
    a second sector.
    """
    facts = dict(lab_facts(lab, wording))
    note_label = _("Note")
    shown: list[Fact] = []
    for field, values in facts.items():
        if field == "sector" and lab.sectors and lab.sector_note:
            shown.append(Fact(labels[field], "", values[:1], [(note_label, lab.sector_note)]))
        elif field == "route_text":
            routes = [route_line(route, wording) for route in lab.routes]
            lead = lab.route_text or ""
            shown.append(Fact(labels[field], lead, routes or ([] if lead else values), []))
        elif field == "works_on":
            kinds = ", ".join(kind.value for kind in lab.route_kinds)
            notes = [(labels["route_kinds"], kinds)] if kinds else []
            shown.append(Fact(labels[field], "", values, notes))
        elif field not in ("routes", "route_kinds"):
            shown.append(Fact(labels[field], "", values, []))
    return shown


def lab_section(lab: Leerlab, wording: Wording, labels: Mapping[str, str]) -> LabSection:
    """A leerlab's section, with the facts labelled by `labels` (`section_labels`)."""
    return LabSection(
        lab.slug,
        lab.name,
        section_facts(lab, wording, labels),
        [contact_link(person) for person in lab.contacts],
    )


class Heading(NamedTuple):
    """A header of the route matrix: short, with its full name (empty when it has none)."""

    short: str
    full: str


def matrix_header() -> list[Heading]:
    """The columns of the route matrix: the corner, then ``mbo 1`` … ``mbo 4``."""
    return [Heading(CORNER, ""), *(Heading(niveau_code(n), niveau_label(n)) for n in NIVEAUS)]


def leerweg_heading(leerweg: Leerweg | None) -> Heading:
    """A row of the route matrix: ``bb`` for the basisberoepsgerichte leerweg."""
    if leerweg is None:
        return Heading(leerweg_label(None), "")
    return Heading(leerweg.value, leerweg.dutch)


class MatrixCell(NamedTuple):
    """A cell of the route matrix: how many leerlabs, and which (slug, planned)."""

    leerlab_count: int
    leerlabs: list[tuple[str, bool]]


def matrix_cell(cell: Cell) -> MatrixCell:
    """A cell as the page shows it: the count, then the leerlabs, planned ones marked."""
    return MatrixCell(
        cell.count,
        [(slug, False) for slug in cell.leerlabs] + [(slug, True) for slug in cell.planned],
    )


def matrix_legend() -> list[str]:
    """What the matrix's numbers, names and asterisks mean, in plain words."""
    return [
        _(
            "Each cell: how many leerlabs have a route there that runs, starts or is being "
            "developed, and which."
        ),
        _(
            "A name with an asterisk ({mark}): that leerlab mentions this route only as a "
            "possibility for later, so it is not counted."
        ).format(mark=PLANNED_MARK),
    ]


def abbreviations() -> list[Heading]:
    """The short names in the matrix with their full names, for the legend."""
    return [
        *(Heading(leerweg.value, leerweg.dutch) for leerweg in Leerweg),
        *(Heading(niveau_code(n), NIVEAU_NAMES[n]) for n in NIVEAUS),
    ]


class ProvinceRow(NamedTuple):
    """A province in the page: its name, its leerlabs, sectors and routes, each with the
    slugs of the leerlabs it comes from (so the filters can hide what they hide)."""

    name: str
    leerlabs: list[tuple[str, bool]]
    sectors: list[tuple[str, str]]
    """Each sector with the slugs of its leerlabs, space-separated."""
    routes: list[tuple[str, str, bool]]
    """Each transition (``bb → 2``), its leerlabs' slugs, and whether it is only planned."""


def province_row(overview: ProvinceOverview, labs: Mapping[str, Leerlab]) -> ProvinceRow:
    """A province's row: its leerlabs, and its sectors and routes with where they come from."""
    # Which leerlabs name each sector, in one pass over them (folded, as the overview is).
    named_by: dict[str, dict[str, None]] = {}
    for slug in overview.leerlabs:
        for sector in labs[slug].sectors:
            named_by.setdefault(fold(sector), {})[slug] = None
    sectors = [(sector, " ".join(named_by.get(fold(sector), {}))) for sector in overview.sectors]
    routes = [
        (
            f"{cell.leerweg.value if cell.leerweg is not None else leerweg_label(None)}"
            f" → {cell.niveau}{'' if cell.leerlabs else PLANNED_MARK}",
            " ".join([*cell.leerlabs, *cell.planned]),
            not cell.leerlabs,
        )
        for cell in overview.routes
    ]
    return ProvinceRow(
        overview.province, [(slug, False) for slug in overview.leerlabs], sectors, routes
    )


class Choice(NamedTuple):
    """A filter of the page: the fragment's key, its label, and its options (key, text)."""

    key: str
    label: str
    options: list[tuple[str, str]]


def filter_choices(labs: Sequence[Leerlab]) -> list[Choice]:
    """The page's filters: sector, vmbo leerweg, mbo niveau and province.

    Sectors and provinces are those of the leerlabs on the page; the keys are the
    words a URL fragment uses: ``#sector=zorg&van=kb&naar=3``, ``#provincie=limburg``.
    """
    sectors: dict[str, str] = {}
    provinces: dict[str, str] = {}
    for lab in labs:
        for sector in lab.sectors:
            if filter_key(sector):
                sectors.setdefault(filter_key(sector), sector)
        for written in lab.provinces:
            name = written.province.value
            if filter_key(name):
                provinces.setdefault(filter_key(name), name)
    return [
        Choice("sector", _("Sector"), sorted(sectors.items(), key=lambda item: item[0])),
        Choice(
            "van",
            _("From vmbo leerweg"),
            [(leerweg.value, f"{leerweg.value}: {leerweg.dutch}") for leerweg in Leerweg],
        ),
        Choice("naar", _("To mbo niveau"), [(str(n), niveau_label(n)) for n in NIVEAUS]),
        Choice("provincie", _("Province"), sorted(provinces.items(), key=lambda item: item[0])),
    ]


@functools.cache
def filter_script() -> tuple[Markup, str]:
    """The page's script and its hash for the Content-Security-Policy, ``sha256-…``.

    The script is a file of this package, never made from data; a browser runs it
    only because the page's policy names its hash.
    """
    script = (TEMPLATES / SCRIPT).read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return Markup(script), f"sha256-{digest}"


def shown_template(total: int) -> str:
    """How many leerlabs the filters show, with ``{shown}`` for the script to fill in."""
    return ngettext(
        "{shown} of {total} leerlab shown", "{shown} of {total} leerlabs shown", total
    ).format(shown="{shown}", total=total)


class PageMap(NamedTuple):
    """The map in the page's section per province, and the words around it."""

    view_box: str
    provinces: list[ShadedProvince]
    title: str
    shades: list[str]
    attribution: str
    one: str
    """A province's accessible name for one leerlab, ``{province}: {count} leerlab``, for the
    script to fill in; `many` for another number."""
    many: str


def page_map(overviews: Sequence[ProvinceOverview]) -> PageMap:
    """The map of the provinces as the page shows it, keyed as its filters are."""
    from leerlab_cli.formats.province_map import (
        map_attribution,
        netherlands,
        shade_labels,
        shaded_provinces,
    )

    keys = {province.name: filter_key(province.name) for province in netherlands().provinces}
    return PageMap(
        netherlands().view_box,
        shaded_provinces(overviews, keys),
        _("Map: the number of leerlabs per province"),
        shade_labels(),
        map_attribution(),
        ngettext("{province}: {count} leerlab", "{province}: {count} leerlabs", 1),
        ngettext("{province}: {count} leerlab", "{province}: {count} leerlabs", 2),
    )


def colophon(meta: Meta, exported_on: datetime.date) -> list[str]:
    """The footer: where the data comes from, and when the page was made."""
    return [
        _("Source: {title}, {source}.").format(title=meta.title, source=source_line(meta)),
        _("Exported with leerlab on {date}.").format(date=exported_on.isoformat()),
    ]


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
    meta: Meta,
    labs: Sequence[Leerlab],
    *,
    exported_on: datetime.date,
    overview_only: bool = False,
) -> Iterator[str]:
    """The page in parts, made as they are asked for: `export_html` joined, not held whole."""
    wording = interface_wording()
    labels = section_labels()
    cells = route_matrix(labs)
    columns = [_(column) for column in OVERVIEW_COLUMNS]
    script, script_hash = filter_script()
    by_slug = {lab.slug: lab for lab in labs}
    overviews = [] if overview_only or not labs else province_overview(labs)
    stream = _template().stream(
        lang=active_language(),
        title=meta.title,
        source=source_line(meta),
        shown=shown_count(len(labs)) if labs else None,
        introduction=[] if overview_only else paragraphs(meta.introduction),
        no_match=no_match() if not labs else None,
        overview_only=overview_only,
        headings={key: _(message) for key, message in HEADINGS.items()},
        # The overview alone is the page to mail round: it names whom to ask.
        overview_columns=[*columns, _("Contacts")] if overview_only else columns,
        overview=(overview_row(lab, wording) for lab in labs),
        matrix_header=matrix_header(),
        matrix_rows=[
            (leerweg_heading(leerweg), [matrix_cell(cell) for cell in row])
            for leerweg, row in matrix_rows(cells)
        ],
        matrix_legend=matrix_legend(),
        abbreviations=abbreviations(),
        abbreviations_label=_("Abbreviations"),
        planned_mark=PLANNED_MARK,
        planned_title=wording.statuses[RouteStatus.planned],
        labs=[] if overview_only else (lab_section(lab, wording, labels) for lab in labs),
        contacts_label=labels["contacts"],
        not_given=wording.not_given,
        province_columns=[_(column) for column in PROVINCE_COLUMNS],
        provinces=[province_row(overview, by_slug) for overview in overviews],
        province_map=page_map(overviews) if overviews else None,
        province_legend=province_legend(),
        filters=filter_choices(labs),
        filters_label=_("Filter the leerlabs"),
        all_label=_("all"),
        reset_label=_("Show all"),
        shown_template=shown_template(len(labs)),
        script=script,
        script_hash=script_hash,
        colophon=colophon(meta, exported_on),
    )
    # The template yields every bit of text between its tags on its own: a part
    # gathers a thousand, so that writing the page is not a million small writes.
    stream.enable_buffering(1000)
    return stream


def export_html(
    meta: Meta,
    labs: Sequence[Leerlab],
    *,
    exported_on: datetime.date,
    overview_only: bool = False,
) -> str:
    """The page: title, source, introduction, overview, route matrix, a section per leerlab.

    With `overview_only`, only the title, the source line and the overview table,
    with a column of contacts. The footer says the source and `exported_on`.
    """
    return "".join(html_parts(meta, labs, exported_on=exported_on, overview_only=overview_only))
