"""The words maintainers write for each code of a closed vocabulary, and the code they mean (pure).

A suggestion for a mistyped value must keep its meaning: "gepland" is `scheduled`,
not `planned` (which is "mogelijk later"), and "vmbo" is `vo`, never `mbo`. So a
value is first looked up among the words people write, in Dutch and English; only
then is spelling closeness tried, and only against those words and the codes
themselves, with a strict cutoff. No suggestion is better than a wrong one.
"""

from __future__ import annotations

import difflib
from enum import StrEnum

from leerlab_cli.core.models import (
    MboLeerweg,
    Profiel,
    Province,
    RouteKind,
    RouteStatus,
    SchoolType,
)
from leerlab_cli.core.text import fold

WORDS: dict[type[StrEnum], dict[str, StrEnum]] = {
    RouteStatus: {
        **dict.fromkeys(
            ("loopt", "lopend", "gestart", "actief", "draait", "active", "started", "ongoing"),
            RouteStatus.running,
        ),
        **dict.fromkeys(
            ("gepland", "ingepland", "start in", "vanaf", "gaat starten", "upcoming"),
            RouteStatus.scheduled,
        ),
        **dict.fromkeys(
            (
                "in ontwikkeling",
                "ontwikkelfase",
                "ontwikkeling",
                "in voorbereiding",
                "voorbereiding",
                "plan van aanpak",
                "in development",
                "development",
                "developing",
            ),
            RouteStatus.in_development,
        ),
        **dict.fromkeys(
            ("mogelijk later", "later", "toekomstig", "wens", "maybe later", "future", "wish"),
            RouteStatus.planned,
        ),
    },
    SchoolType: {
        **dict.fromkeys(
            (
                "vmbo",
                "mavo",
                "havo",
                "vwo",
                "middelbare school",
                "voortgezet onderwijs",
                "secondary",
                "secondary school",
            ),
            SchoolType.vo,
        ),
        **dict.fromkeys(
            ("roc", "aoc", "vakschool", "middelbaar beroepsonderwijs", "vocational"),
            SchoolType.mbo,
        ),
    },
    MboLeerweg: {
        "beroepsopleidende leerweg": MboLeerweg.BOL,
        "beroepsbegeleidende leerweg": MboLeerweg.BBL,
        "werkend leren": MboLeerweg.BBL,
    },
    RouteKind: {
        "geintegreerde route": RouteKind.geintegreerde_leerroute,
        "doorlopende route": RouteKind.doorlopende_leerroute,
        "leerlijn": RouteKind.doorlopende_leerlijn,
        "verkort": RouteKind.verkorte_route,
        "verkorte leerroute": RouteKind.verkorte_route,
        "maatwerk": RouteKind.maatwerktraject,
    },
    Profiel: {
        fold(word): profiel for profiel in Profiel for word in (profiel.abbreviation, profiel.dutch)
    },
    Province: {
        "brabant": Province.noord_brabant,
        "north brabant": Province.noord_brabant,
        "north holland": Province.noord_holland,
        "south holland": Province.zuid_holland,
        "frisia": Province.friesland,
    },
}
"""Per vocabulary: what people write (folded: lower case, no accents) → the code meant."""

_CLOSE_ENOUGH = 0.8
"""How alike a typed word and a known word must be: a typo, not another word."""


def _key(text: str) -> str:
    # Folded as everywhere: "Mogelijk-later" is "mogelijk later".
    return fold(text)


def meant_member(vocabulary: type[StrEnum], typed: str) -> StrEnum | None:
    """The member of `vocabulary` that `typed` means, when that is clear; None otherwise."""
    known: dict[str, StrEnum] = {_key(member.value): member for member in vocabulary}
    known.update({_key(word): member for word, member in WORDS.get(vocabulary, {}).items()})
    key = _key(typed)
    if key in known:
        return known[key]
    close = difflib.get_close_matches(key, list(known), n=1, cutoff=_CLOSE_ENOUGH)
    return known[close[0]] if close else None
