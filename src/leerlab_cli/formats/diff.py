"""What changed between two editions, worded: a plain report, a newsletter section, JSON.

The plain report and JSON keep the paths, with each item named by who or what it is
(``contacts[email=a@b.nl].name``); the newsletter section says in words what changed,
in the interface language, with no paths or codes. Values are never cut.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from itertools import groupby
from typing import Any

from leerlab_cli.core.diff import Change, ChangeKind, DatasetDiff, Identity
from leerlab_cli.core.models import Leerlab, Leerweg, Profiel, RouteStatus
from leerlab_cli.core.text import printable
from leerlab_cli.formats import (
    SECTION_LABELS,
    Wording,
    contact_line,
    interface_wording,
    lab_source_line,
    leerweg_not_given,
    profiel_line,
)
from leerlab_cli.formats.markdown import escape
from leerlab_cli.i18n import N_, _, ngettext

_UNDETERMINED = {"nader_te_bepalen": True}


def full_value(value: Any) -> str:
    """A value as the dataset file writes it, whole: ``"kader"``, ``[3, 4]``, ``{ name = "…" }``."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, list | tuple):
        text = "[" + ", ".join(full_value(item) for item in value) + "]"
    elif isinstance(value, Mapping):
        items = [
            f"{key} = {full_value(item)}" for key, item in value.items() if item not in (None, [])
        ]
        text = "{ " + ", ".join(items) + " }" if items else "{}"
    else:
        text = str(value)
    return printable(text)


def _value(value: Any) -> str:
    # A value as written in the dataset file; "nothing" for a value that is not there.
    return _("(nothing)") if value is None else full_value(value)


def _by_lab(diff: DatasetDiff) -> Iterator[tuple[str, list[Change]]]:
    for slug, changes in groupby(diff.changed, key=lambda change: change.slug):
        yield slug, list(changes)


def _change_text(change: Change) -> str:
    if change.kind is ChangeKind.added:
        said = _("added {value}").format(value=full_value(change.new))
    elif change.kind is ChangeKind.removed:
        said = _("removed {value}").format(value=full_value(change.old))
    elif change.kind is ChangeKind.order:
        said = _("order changed")
    else:
        said = f"{_value(change.old)} → {_value(change.new)}"
    return f"    {printable(change.field)}: {said}"


def diff_text(diff: DatasetDiff) -> str:
    """A plain report for a terminal or a pipe: added, removed, then each change of each leerlab."""
    if not diff.differs:
        return _("No differences.") + "\n"
    lines: list[str] = []
    for heading, labs in ((_("Added:"), diff.added), (_("Removed:"), diff.removed)):
        if labs:
            lines.append(heading)
            lines.extend(f"  {printable(lab.slug)}  {printable(lab.name)}" for lab in labs)
    if diff.changed:
        lines.append(_("Changed:"))
    for slug, changes in _by_lab(diff):
        lines.append(f"  {printable(slug)}  {printable(diff.names[slug])}")
        lines.extend(_change_text(change) for change in changes)
    lines.append(_summary(diff))
    return "\n".join(lines) + "\n"


def _summary(diff: DatasetDiff) -> str:
    labs = len({change.slug for change in diff.changed})
    added, removed = len(diff.added), len(diff.removed)
    return ", ".join(
        [
            ngettext("{count} added", "{count} added", added).format(count=added),
            ngettext("{count} removed", "{count} removed", removed).format(count=removed),
            ngettext("{count} changed", "{count} changed", labs).format(count=labs),
        ]
    )


def diff_json(diff: DatasetDiff) -> str:
    """``{"added": [...], "removed": [...], "changed": [...]}``, each change with its path.

    A change is ``{"slug", "field", "change", "old", "new"}``; ``change`` is ``changed``,
    ``added``, ``removed`` or ``order``.
    """
    document = {
        "added": [lab.slug for lab in diff.added],
        "removed": [lab.slug for lab in diff.removed],
        "changed": [
            {
                "slug": change.slug,
                "field": change.field,
                "change": change.kind.value,
                "old": change.old,
                "new": change.new,
            }
            for change in diff.changed
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# --- The newsletter: what changed, in words ------------------------------------------------

FIELD_LABELS = {
    **SECTION_LABELS,
    "name": N_("Name"),
    "schools_note": SECTION_LABELS["schools"],
    "sectors": SECTION_LABELS["sector"],
    "specialisations": SECTION_LABELS["sector"],
    "sector_note": SECTION_LABELS["sector"],
    "target_group_per_school": SECTION_LABELS["target_group"],
    "status": N_("status"),
    "start": N_("start"),
    "mbo_leerweg": N_("mbo leerweg"),
    "types": N_("kind of school"),
    "note": N_("note"),
    "email": N_("e-mail address"),
    "organisation": N_("organisation"),
    "text": SECTION_LABELS["target_group"],
    "title": N_("title"),
    "publisher": N_("publisher"),
    "year": N_("year"),
    "date": N_("date"),
    "url": N_("web address"),
}
"""The word for each field in a sentence of the newsletter."""

_LEERWEG_WORDS = {
    Leerweg.bb: "basis",
    Leerweg.kb: "kader",
    Leerweg.gl: "gemengd",
    Leerweg.tl: "theoretisch",
}


def route_words(leerwegen: Any, niveaus: Any) -> str:
    """A route in words: ``van vmbo basis naar mbo 2`` (``from vmbo basis to mbo 2``)."""
    levels = "/".join(str(niveau) for niveau in niveaus or ())
    named = [_LEERWEG_WORDS[Leerweg(value)] for value in leerwegen or ()]
    if not named:
        return _("to mbo {niveaus} ({unstated})").format(
            unstated=leerweg_not_given(), niveaus=levels
        )
    return _("from vmbo {leerwegen} to mbo {niveaus}").format(
        leerwegen="/".join(named), niveaus=levels
    )


def _route_state(route: Mapping[str, Any], wording: Wording) -> str:
    status = RouteStatus(route.get("status") or RouteStatus.running)
    start = route.get("start")
    if start and status is RouteStatus.scheduled:
        return _("scheduled for {start}").format(start=start)
    if start and status is RouteStatus.running:
        return wording.running_since.format(start=start)
    return wording.statuses[status]


def _words(value: Any, wording: Wording) -> str:
    # A value of the data, in words for the newsletter (data escaped, never cut).
    if value is None:
        return wording.not_given
    if value == _UNDETERMINED:
        return wording.undetermined
    if isinstance(value, list):
        return ", ".join(_words(item, wording) for item in value)
    if isinstance(value, Mapping):
        return ", ".join(_words(item, wording) for item in value.values() if item is not None)
    return str(value)


def _person(contact: Mapping[str, Any]) -> str:
    name = str(contact.get("name", ""))
    if contact.get("organisation"):
        name = f"{name} ({contact['organisation']})"
    return contact_line(name, str(contact.get("email", "")))


def _school(school: Mapping[str, Any]) -> str:
    place = school.get("place")
    return f"{school.get('name')} ({place})" if place else str(school.get("name"))


def _item_words(field: str, identity: Identity) -> str:
    # An item of a list as the newsletter names it.
    if field == "contacts":
        return _("contact person {person}").format(
            person=identity.value("name") or identity.value("email")
        )
    if field == "schools":
        return _("school {school}").format(school=identity.value("name"))
    if field == "routes":
        return _("route {route}").format(
            route=route_words(identity.value("leerwegen"), identity.value("niveaus"))
        )
    return _("target group at {school}").format(school=identity.value("school"))


def _label(field: str) -> str:
    return _(FIELD_LABELS.get(field, field))


def _set_value(field: str, value: Any) -> str:
    if field == "profielen":
        return profiel_line(Profiel(value))
    return str(value)


def _sentences(change: Change, new: Leerlab | None, wording: Wording) -> list[str]:
    """What one change says in the newsletter; nothing for a change of order only."""
    if change.kind is ChangeKind.order:
        return []
    field = change.path[0] if isinstance(change.path[0], str) else ""
    if field == "source":
        if new is not None and new.source is not None:
            return [_("source now: {source}").format(source=lab_source_line(new.source))]
        return [_("source now: that of the dataset")]
    if len(change.path) == 1:
        label = _label(field)
        if change.kind is ChangeKind.added:
            return [
                _("{label}: also {value}").format(label=label, value=_set_value(field, change.new))
            ]
        if change.kind is ChangeKind.removed:
            return [
                _("{label}: no longer {value}").format(
                    label=label, value=_set_value(field, change.old)
                )
            ]
        if change.new is None:
            return [_("{label}: no longer given").format(label=label)]
        return [_("{label} now: {value}").format(label=label, value=_words(change.new, wording))]
    identity = change.path[1]
    if not isinstance(identity, Identity):
        return []
    if len(change.path) == 2:
        return [_item_added_or_removed(field, change, identity, wording)]
    inner = change.path[2] if isinstance(change.path[2], str) else ""
    if field == "contacts" and inner == "email" and change.kind is ChangeKind.changed:
        return [
            _("new e-mail address for {name}: {email}").format(
                name=identity.value("name"), email=change.new
            )
        ]
    if field == "routes" and inner in ("status", "start") and new is not None:
        route = _route_in(new, identity)
        if route is not None:
            return [
                _("{route}: now {state}").format(
                    route=_item_words(field, identity), state=_route_state(route, wording)
                )
            ]
    item = _item_words(field, identity)
    if change.kind is ChangeKind.added:
        said = _("{label}: also {value}").format(label=_label(inner), value=change.new)
    elif change.kind is ChangeKind.removed:
        said = _("{label}: no longer {value}").format(label=_label(inner), value=change.old)
    elif change.new is None:
        said = _("{label}: no longer given").format(label=_label(inner))
    else:
        said = _("{label} now: {value}").format(
            label=_label(inner), value=_words(change.new, wording)
        )
    return [f"{item}: {said}"]


def _item_added_or_removed(field: str, change: Change, identity: Identity, wording: Wording) -> str:
    item = change.new if change.kind is ChangeKind.added else change.old
    added = change.kind is ChangeKind.added
    if field == "contacts":
        person = _person(item)
        if added:
            return _("new contact person {person}").format(person=person)
        return _("contact person {person} no longer listed").format(person=person)
    if field == "schools":
        school = _school(item)
        if added:
            return _("new school {school}").format(school=school)
        return _("school {school} no longer listed").format(school=school)
    if field == "routes":
        route = route_words(item.get("leerwegen"), item.get("niveaus"))
        if added:
            return _("new route {route} ({state})").format(
                route=route, state=_route_state(item, wording)
            )
        return _("route {route} no longer listed").format(route=route)
    if added:
        return _("target group at {school}: {text}").format(
            school=item.get("school"), text=item.get("text")
        )
    return _("no target group of its own at {school} any more").format(school=item.get("school"))


def _route_in(lab: Leerlab, identity: Identity) -> Mapping[str, Any] | None:
    wanted = (set(identity.value("leerwegen") or ()), set(identity.value("niveaus") or ()))
    for route in lab.routes:
        if ({str(value) for value in route.leerwegen}, set(route.niveaus)) == (
            {str(value) for value in wanted[0]},
            wanted[1],
        ):
            return route.model_dump(mode="json")
    return None


def new_lab_words(lab: Leerlab) -> str:
    """A new leerlab in one line: name (place), sectors, routes.

    ``Leerlab Zeeland (Goes), Zorg en Welzijn, van vmbo basis naar mbo 2``.
    """
    parts = [f"{lab.name} ({lab.place})"]
    if lab.sectors:
        parts.append(", ".join(lab.sectors))
    parts.extend(
        route_words([leerweg.value for leerweg in route.leerwegen], route.niveaus)
        for route in lab.routes
    )
    return ", ".join(parts)


def diff_markdown(diff: DatasetDiff) -> str:
    """A "What's new" section for a newsletter, in the interface language: words, no codes."""
    lines = ["## " + _("What's new"), ""]
    if not diff.differs:
        return "\n".join([*lines, _("Nothing has changed."), ""])
    wording = interface_wording()
    for lab in diff.added:
        lines.append("- " + escape(_("New: {lab}").format(lab=new_lab_words(lab))))
    for lab in diff.removed:
        lines.append("- " + escape(_("No longer in the dataset: {lab}").format(lab=lab.name)))
    for slug, changes in _by_lab(diff):
        new = diff.labs.get(slug)
        name = diff.names[slug]
        seen: set[str] = set()
        for change in changes:
            for sentence in _sentences(change, new, wording):
                # A route's status and start changed together: one sentence.
                if sentence not in seen:
                    seen.add(sentence)
                    lines.append("- " + escape(f"{name}: {sentence}"))
    if len(lines) == 2:
        lines.append(_("Nothing has changed but the order of some lists."))
    return "\n".join([*lines, ""])
