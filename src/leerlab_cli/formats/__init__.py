"""Formats: pure functions from leerlabs to text (or to rich renderables), and all wording.

One module per output format (csv_format, markdown, html, …), the words of the
results and of every message (messages.py, problems.py), in the interface language
through i18n. A format takes the core's values and returns text; it reads no file,
writes nothing and imports nothing of files/ or cli/: the command decides between
stdout and `--output`. This module holds the wording that several formats share:
how a route, a sector, a school or a statement reads.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from leerlab_cli.core.models import (
    Contact,
    Leerlab,
    Meta,
    Profiel,
    Route,
    RouteStatus,
    School,
    SchoolStatement,
    Source,
    Undetermined,
)
from leerlab_cli.i18n import N_, _

Section = tuple[str, list[str]]
"""A labelled fact of a leerlab: its label and one or more lines of value."""


@dataclass(frozen=True)
class Wording:
    """The words leerlab puts around the data: how far a route is, and a fact not given."""

    statuses: Mapping[RouteStatus, str]
    """How far a route is: ``loopt``, ``start gepland``, ``in ontwikkeling``, ``mogelijk later``."""
    not_given: str
    """What a fact the source does not give reads as: ``niet vermeld``."""
    running_since: str
    """A running route with its start: ``loopt, sinds {start}``."""
    starting: str
    """A scheduled route with its start: ``start {start}``."""
    status_starting: str
    """Another route with its start: ``{status}, start {start}``."""
    undetermined: str
    """A fact the source leaves open: ``nader te bepalen`` (``to be decided`` in English)."""
    leerweg_not_given: str
    """A route whose vmbo leerweg the source does not state: ``leerweg niet vermeld``."""


UNDETERMINED_CODE = "nader te bepalen"
"""A fact left open in output for programs, as JSON's contract has it (with `left_open`)."""


FIXED_WORDING = Wording(
    statuses={status: status.value for status in RouteStatus},
    not_given="",
    running_since="running, start {start}",
    starting="scheduled, start {start}",
    status_starting="{status}, start {start}",
    undetermined=UNDETERMINED_CODE,
    leerweg_not_given="",
)
"""The words of the output for programs (tab-separated, plain CSV): the status codes.

Output for programs must not depend on the interface language, and uses the
dataset's codes (``running``, ``planned``); a fact not given is an empty value, an
unstated leerweg too (`` → 3/4``), and a fact left open is the code JSON has for it.
"""

_STATUS_NAMES = {
    RouteStatus.running: N_("running"),
    RouteStatus.scheduled: N_("start scheduled"),
    RouteStatus.in_development: N_("in development"),
    RouteStatus.planned: N_("possibly later"),
}


def interface_wording() -> Wording:
    """The same words in the interface language, for output a person reads."""
    return Wording(
        statuses={status: _(name) for status, name in _STATUS_NAMES.items()},
        not_given=_("not given"),
        running_since=_("running, since {start}"),
        starting=_("start {start}"),
        status_starting=_("{status}, start {start}"),
        undetermined=_("to be decided"),
        leerweg_not_given=leerweg_not_given(),
    )


def leerweg_not_given() -> str:
    """What a route without a stated vmbo leerweg reads as, in the interface language."""
    return _("leerweg not given")


SECTION_LABELS = {
    "place": N_("Place"),
    "provinces": N_("Province"),
    "schools": N_("Cooperating schools"),
    "sector": N_("Sector/specialisation"),
    "profielen": N_("vmbo profiel"),
    "phase": N_("Phase"),
    "route_text": N_("Route"),
    "routes": N_("Routes"),
    "route_kinds": N_("Kind of route"),
    "works_on": N_("Working on"),
    "design": N_("Design of the route"),
    "target_group": N_("Target group"),
    "contacts": N_("Want to know more?"),
    "source": N_("Source"),
}
"""The label of each fact; in Dutch, the label the source digizine gives it."""


def source_line(meta: Meta) -> str:
    """Where the dataset comes from, under an export's title: ``STERK Beroepsonderwijs, 2021``."""
    return f"{meta.publisher}, {meta.edition or meta.year}"


def lab_source_line(source: Source) -> str:
    """Where one leerlab's facts come from: ``Title, Publisher, 2024, https://…``.

    The parts the data gives, joined with ``, `` in every language; a date is
    written as the file writes it (``2024-03-15``).
    """
    when = source.date.isoformat() if source.date is not None else source.year
    parts = [source.title, source.publisher, when, source.url]
    return ", ".join(str(part) for part in parts if part is not None)


def route_label(route: Route, wording: Wording = FIXED_WORDING) -> str:
    """A route in a few characters, such as ``kb/gl/tl → 3/4`` or ``leerweg niet vermeld → 3/4``."""
    leerwegen = "/".join(leerweg.value for leerweg in route.leerwegen) or wording.leerweg_not_given
    niveaus = "/".join(str(niveau) for niveau in route.niveaus)
    # For programs an unstated leerweg is an empty value: ``→ 3/4``.
    return f"{leerwegen} → {niveaus}".lstrip()


def route_summaries(lab: Leerlab, wording: Wording) -> list[str]:
    """Each route of a leerlab in short, planned ones marked: ``bb → 3/4 (mogelijk later)``."""
    return [
        route_label(route, wording)
        if route.counts
        else f"{route_label(route, wording)} ({wording.statuses[route.status]})"
        for route in lab.routes
    ]


def route_summary(lab: Leerlab, wording: Wording) -> str:
    """All routes of a leerlab on one line: ``bb → 2 · bb → 3/4 (mogelijk later)``."""
    return " · ".join(route_summaries(lab, wording))


def sector_summary(lab: Leerlab, wording: Wording) -> str:
    """The sector(s) with their specialisations, or the source's note where none is named.

    The data's lists are joined with ``, ``, in every language: leerlab's own
    words (``en``, ``and``) never go inside the data.
    """
    if not lab.sectors:
        return lab.sector_note or ""
    sectors = ", ".join(lab.sectors)
    if lab.specialisations:
        return f"{sectors} ({', '.join(lab.specialisations)})"
    return sectors


def statement_text(
    value: str | Undetermined | None, missing: str, undetermined: str = UNDETERMINED_CODE
) -> str:
    """A statement: its text, `undetermined` for a fact left open, or `missing` if not given.

    Output for people passes the interface language's words for a fact left open
    (``to be decided``, ``nader te bepalen``); output for programs keeps the code.
    """
    if value is None:
        return missing
    if isinstance(value, Undetermined):
        return undetermined
    return value


def school_statement_line(statement: SchoolStatement) -> str:
    """What the source says for one school: ``School A: leerlingen uit bb``."""
    return f"{statement.school}: {statement.text}"


def target_group_lines(lab: Leerlab, wording: Wording) -> list[str]:
    """The target group, then one line per school where the source gives one per school."""
    lines = [statement_text(lab.target_group, wording.not_given, wording.undetermined)]
    lines.extend(school_statement_line(statement) for statement in lab.target_group_per_school)
    return lines


def school_line(school: School, wording: Wording) -> str:
    """A school as the source names it, with its place: ``Aventus (mbo), Apeldoorn``."""
    types = ", ".join(kind.value for kind in school.types)
    line = f"{school.name} ({types})"
    if school.place:
        line = f"{line}, {school.place}"
    return f"{line}: {school.note}" if school.note else line


def route_line(route: Route, wording: Wording) -> str:
    """One route with all its facts: ``bb → 2 BBL: loopt, sinds 2019 (School A, School B)``."""
    label = route_label(route, wording)
    if route.mbo_leerweg is not None:
        label = f"{label} {route.mbo_leerweg.value}"
    if route.start is None:
        status = wording.statuses[route.status]
    elif route.status is RouteStatus.running:
        status = wording.running_since.format(start=route.start)
    elif route.status is RouteStatus.scheduled:
        status = wording.starting.format(start=route.start)
    else:
        status = wording.status_starting.format(
            status=wording.statuses[route.status], start=route.start
        )
    line = f"{label}: {status}"
    if route.schools:
        line = f"{line} ({', '.join(route.schools)})"
    return line


def contact_line(name: str, email: str) -> str:
    """A contact person as a mail client shows one: ``Name <address>``."""
    return f"{name} <{email}>"


def contact_name(contact: Contact) -> str:
    """A contact person with the organisation read from the address: ``Zerin Eralp (Aventus)``."""
    if contact.organisation:
        return f"{contact.name} ({contact.organisation})"
    return contact.name


def profiel_line(profiel: Profiel) -> str:
    """A vmbo profiel by its official name and abbreviation: ``Zorg en welzijn (Z&W)``."""
    if profiel.abbreviation == profiel.dutch:
        return profiel.dutch
    return f"{profiel.dutch} ({profiel.abbreviation})"


def section_labels() -> dict[str, str]:
    """The label of every fact in the interface language, by field: once per export.

    Translating the labels once rather than for every leerlab matters at
    thousands of leerlabs.
    """
    return {field: _(label) for field, label in SECTION_LABELS.items()}


def lab_facts(lab: Leerlab, wording: Wording) -> list[tuple[str, list[str]]]:
    """Every fact of `lab` but its contact persons, by field, in the source digizine's order.

    The values are plain text, with the words of `wording` where the data leaves a gap.
    """
    not_given = wording.not_given
    sector = [sector_summary(lab, wording)] if lab.sectors or lab.sector_note else []
    if lab.sectors and lab.sector_note:
        sector.append(lab.sector_note)
    schools = [school_line(school, wording) for school in lab.schools]
    if lab.schools_note:
        schools.append(lab.schools_note)
    facts: list[tuple[str, list[str]]] = [
        ("place", [lab.place]),
        ("provinces", [", ".join(lab.provinces)]),
        ("schools", schools),
        ("sector", sector or [not_given]),
    ]
    if lab.profielen:
        # Beside the source's own sector words: the official profiel they name.
        facts.append(("profielen", [", ".join(profiel_line(p) for p in lab.profielen)]))
    facts += [
        ("phase", [statement_text(lab.phase, not_given, wording.undetermined)]),
        ("route_text", [lab.route_text or not_given]),
        ("routes", [route_line(route, wording) for route in lab.routes] or [not_given]),
    ]
    if lab.route_kinds:
        facts.append(("route_kinds", [", ".join(kind.value for kind in lab.route_kinds)]))
    facts += [
        ("works_on", [statement_text(lab.works_on, not_given, wording.undetermined)]),
        ("design", [statement_text(lab.design, not_given, wording.undetermined)]),
        ("target_group", target_group_lines(lab, wording)),
    ]
    if lab.source is not None:
        # Its own source takes the place of the dataset's (meta) for this leerlab.
        facts.append(("source", [lab_source_line(lab.source)]))
    return facts


def _as_written(text: str) -> str:
    return text


def _contact_text(contact: Contact) -> str:
    return contact_line(contact_name(contact), contact.email)


def lab_sections(
    lab: Leerlab,
    text: Callable[[str], str] = _as_written,
    contact: Callable[[Contact], str] = _contact_text,
    *,
    wording: Wording | None = None,
    labels: Mapping[str, str] | None = None,
) -> list[Section]:
    """Every fact of `lab`, labelled as the source digizine labels it, in its order.

    A format passes how it writes a value (`text`) and a contact person (`contact`):
    Markdown escapes values, but writes a contact as a mail link. The words around
    the data are in the interface language: this is output for people. An export
    of many leerlabs passes the `wording` and the `labels` (`section_labels`, or
    those labels as the format writes them), made once for all of them.
    """
    wording = wording or interface_wording()
    labels = labels or section_labels()
    written = [
        (labels[field], [text(value) for value in values])
        for field, values in lab_facts(lab, wording)
    ]
    contacts = [contact(person) for person in lab.contacts] or [text(wording.not_given)]
    return [*written, (labels["contacts"], contacts)]
