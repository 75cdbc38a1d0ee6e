"""Output formats: pure functions from leerlabs to text (or to rich renderables)."""

from __future__ import annotations

from collections.abc import Callable

from leerlab_cli.models import STATUS_NAMES, Contact, Leerlab, Route, RouteStatus, School
from leerlab_cli.query import route_label, sector_summary, statement_text, target_group_lines

Section = tuple[str, list[str]]
"""A labelled fact of a leerlab: its Dutch label and one or more lines of value."""


def school_line(school: School) -> str:
    """A school as the source names it: ``Aventus (mbo)``."""
    types = " en ".join(kind.value for kind in school.types)
    line = f"{school.name} ({types})"
    return f"{line}: {school.note}" if school.note else line


def route_line(route: Route) -> str:
    """One route with all its facts: ``bb → 2 BBL: loopt, sinds 2019 (School A, School B)``."""
    label = route_label(route)
    if route.mbo_leerweg is not None:
        label = f"{label} {route.mbo_leerweg.value}"
    if route.start is None:
        status = STATUS_NAMES[route.status]
    elif route.status is RouteStatus.running:
        status = f"loopt, sinds {route.start}"
    elif route.status is RouteStatus.scheduled:
        status = f"start {route.start}"
    else:
        status = f"{STATUS_NAMES[route.status]}, start {route.start}"
    line = f"{label}: {status}"
    if route.schools:
        line = f"{line} ({', '.join(route.schools)})"
    return line


def contact_line(name: str, email: str) -> str:
    """A contact person as a mail client shows one: ``Name <address>``."""
    return f"{name} <{email}>"


def _as_written(text: str) -> str:
    return text


def _contact_text(contact: Contact) -> str:
    return contact_line(contact.name, contact.email)


def lab_sections(
    lab: Leerlab,
    text: Callable[[str], str] = _as_written,
    contact: Callable[[Contact], str] = _contact_text,
) -> list[Section]:
    """Every fact of `lab`, labelled as the source digizine labels it, in its order.

    A format passes how it writes a value (`text`) and a contact person (`contact`):
    Markdown escapes values, but writes a contact as a mail link.
    """
    sector = [sector_summary(lab)] if lab.sectors or lab.sector_note else []
    if lab.sectors and lab.sector_note:
        sector.append(lab.sector_note)
    schools = [school_line(school) for school in lab.schools]
    if lab.schools_note:
        schools.append(lab.schools_note)
    sections: list[Section] = [
        ("Plaats", [lab.place]),
        ("Provincie", [", ".join(lab.provinces)]),
        ("Samenwerkende scholen", schools),
        ("Sector/opleidingsrichting", sector or ["niet vermeld"]),
        ("Fase", [statement_text(lab.phase)]),
        ("Route", [lab.route_text or "niet vermeld"]),
        ("Routes", [route_line(route) for route in lab.routes] or ["niet vermeld"]),
    ]
    if lab.route_kinds:
        sections.append(("Soort route", [", ".join(kind.value for kind in lab.route_kinds)]))
    sections += [
        ("Werken aan", [statement_text(lab.works_on)]),
        ("Ontwerp van de route", [statement_text(lab.design)]),
        ("Doelgroep", target_group_lines(lab)),
    ]
    written = [(label, [text(value) for value in values]) for label, values in sections]
    contacts = [contact(person) for person in lab.contacts] or [text("niet vermeld")]
    return [*written, ("Meer weten?", contacts)]
