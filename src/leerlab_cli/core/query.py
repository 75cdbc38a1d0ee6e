"""Selecting leerlabs: filters that combine, and forgiving lookup of one leerlab (pure)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from leerlab_cli.core.errors import AmbiguousQuery, EmptyQuery, NoMatch
from leerlab_cli.core.models import Leerlab, Leerweg, Profiel, Route
from leerlab_cli.core.text import fold


def _profiel_key(text: str) -> str:
    # "Z&W", "z & w" and "zorg en welzijn" differ only in "&", commas, case and spaces.
    return " ".join(fold(text).replace("&", " en ").replace(",", " ").split())


PROFIEL_WORDS: dict[str, Profiel] = {
    _profiel_key(word): profiel
    for profiel in Profiel
    for word in (profiel.value, profiel.abbreviation, profiel.dutch)
}
"""Every way `--profiel` may name a vmbo profiel: its code, abbreviation or name, normalised."""


def profiel_named(word: str) -> Profiel | None:
    """The vmbo profiel `word` names (code, abbreviation or name; case, accents and `&` ignored)."""
    return PROFIEL_WORDS.get(_profiel_key(word))


@dataclass(frozen=True)
class Filters:
    """What to select. Values of one filter are alternatives; different filters all apply."""

    sectors: tuple[str, ...] = ()
    leerwegen: frozenset[Leerweg] = frozenset()
    niveaus: frozenset[int] = frozenset()
    provinces: tuple[str, ...] = ()
    searches: tuple[str, ...] = ()
    include_planned: bool = False
    kinds: tuple[str, ...] = ()
    profielen: frozenset[Profiel] = frozenset()

    def route_matches(self, route: Route) -> bool:
        """Whether one route satisfies `--from` and `--to` together."""
        if not (route.counts or self.include_planned):
            return False
        if self.leerwegen and self.leerwegen.isdisjoint(route.leerwegen):
            return False
        return not self.niveaus or not self.niveaus.isdisjoint(route.niveaus)

    def province_matches(self, province: str) -> bool:
        """Whether a province passes `--province` (every province does without it)."""
        return not self.provinces or _any_contains(self.provinces, (province,))

    def matches(self, lab: Leerlab) -> bool:
        """Whether `lab` passes every filter."""
        if self.sectors and not _any_contains(
            self.sectors, (*lab.sectors, *lab.specialisations, lab.sector_note or "")
        ):
            return False
        if self.provinces and not _any_contains(self.provinces, lab.provinces):
            return False
        if self.kinds and not _any_contains(self.kinds, (kind.value for kind in lab.route_kinds)):
            return False
        if self.profielen and self.profielen.isdisjoint(lab.profielen):
            return False
        if (self.leerwegen or self.niveaus) and not any(
            self.route_matches(route) for route in lab.routes
        ):
            return False
        if self.searches:
            text = _folded_searchable_text(lab)
            return any(_folded(needle) in text for needle in self.searches)
        return True


def _any_contains(needles: Iterable[str], haystacks: Iterable[str]) -> bool:
    folded = [_folded(haystack) for haystack in haystacks]
    return any(_folded(needle) in haystack for needle in needles for haystack in folded)


@lru_cache(maxsize=4096)
def _folded(text: str) -> str:
    # `fold`, remembered, since the same sectors, provinces and schools recur lab
    # after lab; and ASCII text has nothing to decompose or strip, only to casefold.
    return text.casefold() if text.isascii() else fold(text)


def _folded_searchable_text(lab: Leerlab) -> str:
    # `fold(searchable_text(lab))`, a piece at a time: folding never reaches
    # across the line breaks between the pieces, and most pieces recur.
    return "\n".join(_folded(text) for text in lab_strings(lab))


def select(labs: Iterable[Leerlab], filters: Filters) -> list[Leerlab]:
    """The leerlabs that pass `filters`, in the dataset's order."""
    return [lab for lab in labs if filters.matches(lab)]


def lab_strings(lab: Leerlab) -> Iterator[str]:
    """Every piece of text of a leerlab, the words people search for."""
    yield from (lab.slug, lab.name, lab.place, *lab.provinces)
    for school in lab.schools:
        yield school.name
        if school.note:
            yield school.note
    yield from (*lab.sectors, *lab.specialisations)
    for value in (
        lab.schools_note,
        lab.sector_note,
        lab.phase,
        lab.route_text,
        lab.works_on,
        lab.design,
        lab.target_group,
    ):
        if value is not None:
            yield str(value)
    yield from (kind.value for kind in lab.route_kinds)
    for route in lab.routes:
        yield from route.schools
        if route.start:
            yield route.start
    for statement in lab.target_group_per_school:
        yield from (statement.school, statement.text)
    for contact in lab.contacts:
        yield from (contact.name, contact.email)
        if contact.organisation:
            yield contact.organisation


def searchable_text(lab: Leerlab) -> str:
    """All of a leerlab's text in one string, for `--search`."""
    return "\n".join(lab_strings(lab))


MAX_CANDIDATES = 10
"""The most leerlabs an ambiguous query lists (in the dataset's order); the rest are counted."""


class MatchKind(StrEnum):
    """How a query named the leerlab it found."""

    slug = "slug"
    slug_prefix = "slug_prefix"
    name = "name"
    place = "place"
    province = "province"
    school = "school"


@dataclass(frozen=True)
class Match:
    """The leerlab a query names, how it named it, and the text that matched."""

    lab: Leerlab
    kind: MatchKind
    matched: str


def find(labs: Sequence[Leerlab], query: str, *, exact: bool = False) -> Match:
    """The one leerlab `query` names: exact slug, unique slug prefix, or unique name match.

    With `exact`, only the exact slug. Raises `AmbiguousQuery` with the candidates
    when the query is ambiguous, and `NoMatch` with the closest slugs when nothing
    matches.
    """
    wanted = fold(query.strip())
    if not wanted:
        raise EmptyQuery(query)
    for lab in labs:
        if fold(lab.slug) == wanted:
            return Match(lab, MatchKind.slug, lab.slug)
    if not exact:
        prefixed = [
            Match(lab, MatchKind.slug_prefix, lab.slug)
            for lab in labs
            if fold(lab.slug).startswith(wanted)
        ]
        named = [match for lab in labs if (match := _name_match(lab, wanted)) is not None]
        for candidates in (prefixed, named):
            if len(candidates) == 1:
                return candidates[0]
            if candidates:
                raise AmbiguousQuery(query, candidates)
    slugs = [lab.slug for lab in labs]
    raise NoMatch(query, difflib.get_close_matches(wanted, slugs, n=3, cutoff=0.6))


def resolve(labs: Sequence[Leerlab], query: str) -> Leerlab:
    """The one leerlab `query` names, as `find` finds it."""
    return find(labs, query).lab


def _name_match(lab: Leerlab, wanted: str) -> Match | None:
    for kind, text in _names(lab):
        if wanted in fold(text):
            return Match(lab, kind, text)
    return None


def _names(lab: Leerlab) -> Iterator[tuple[MatchKind, str]]:
    yield MatchKind.name, lab.name
    yield MatchKind.place, lab.place
    yield from ((MatchKind.province, province) for province in lab.provinces)
    yield from ((MatchKind.school, school.name) for school in lab.schools)
