"""Filters and lookup, on the shipped dataset and on small made-up ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import make_lab
from leerlab_cli.cli.options import FromWord
from leerlab_cli.core.errors import NotFound
from leerlab_cli.core.models import LEERWEG_ALIASES, Leerlab, Leerweg, validate_leerlab
from leerlab_cli.core.query import Filters, MatchKind, find, resolve, select
from leerlab_cli.files import dataset
from leerlab_cli.formats.messages import error_lines


@pytest.fixture
def labs(shipped: Path) -> list[Leerlab]:
    return dataset.load(shipped).leerlab


def slugs(labs: list[Leerlab], filters: Filters) -> list[str]:
    return [lab.slug for lab in select(labs, filters)]


BB, KB, GL, TL = Leerweg.bb, Leerweg.kb, Leerweg.gl, Leerweg.tl


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), ["apeldoorn", "assen", "oost", "ottoland", "noord-brabant", "midden-limburg"]),
        (Filters(sectors=("zorg",)), ["apeldoorn", "midden-limburg"]),
        (Filters(sectors=("ZORG EN welzijn",)), ["apeldoorn", "midden-limburg"]),
        (Filters(sectors=("horeca",)), ["assen"]),
        (Filters(sectors=("hovenier",)), ["ottoland"]),
        (Filters(sectors=("horeca", "groen")), ["assen", "ottoland"]),
        (Filters(sectors=("techniek",)), []),
        (Filters(provinces=("brabant",)), ["noord-brabant"]),
        (Filters(provinces=("gelderland",)), ["apeldoorn", "oost"]),
        (Filters(provinces=("limburg", "drenthe")), ["assen", "midden-limburg"]),
        (Filters(searches=("geintegreerde",)), ["ottoland"]),
        (Filters(searches=("tilburg",)), ["noord-brabant"]),
        (Filters(searches=("Huubs",)), ["assen"]),
        (Filters(searches=("rocgilde.nl",)), ["midden-limburg"]),
        (Filters(searches=("LO2",)), ["noord-brabant"]),
        (Filters(searches=("variëren",)), ["oost"]),
        (Filters(leerwegen=frozenset({KB})), ["assen", "midden-limburg"]),
        (Filters(leerwegen=frozenset({GL, TL})), ["noord-brabant", "midden-limburg"]),
        (Filters(niveaus=frozenset({1})), ["assen"]),
        (Filters(niveaus=frozenset({4})), ["noord-brabant", "midden-limburg"]),
        (Filters(niveaus=frozenset({3})), ["assen", "midden-limburg"]),
        (
            Filters(niveaus=frozenset({3}), include_planned=True),
            ["assen", "oost", "midden-limburg"],
        ),
        (Filters(leerwegen=frozenset({BB}), niveaus=frozenset({4})), []),
        (
            # Oost's planned route to 3/4 states no leerweg, so --from never matches it.
            Filters(leerwegen=frozenset({BB}), niveaus=frozenset({4}), include_planned=True),
            [],
        ),
        (Filters(leerwegen=frozenset({KB}), niveaus=frozenset({3})), ["assen", "midden-limburg"]),
        (
            Filters(leerwegen=frozenset({GL, TL}), niveaus=frozenset({4})),
            ["noord-brabant", "midden-limburg"],
        ),
        (Filters(sectors=("zorg",), niveaus=frozenset({3})), ["midden-limburg"]),
        (Filters(sectors=("zorg",), provinces=("drenthe",)), []),
    ],
)
def test_filters(labs: list[Leerlab], filters: Filters, expected: list[str]) -> None:
    assert slugs(labs, filters) == expected


def test_from_and_to_must_hold_for_one_and_the_same_route(labs: list[Leerlab]) -> None:
    # Noord-Brabant runs bb → 2 and gl/tl → 4, but no route from bb to 4.
    brabant = [lab for lab in labs if lab.slug == "noord-brabant"]
    assert select(brabant, Filters(leerwegen=frozenset({BB}), niveaus=frozenset({4}))) == []
    assert select(brabant, Filters(leerwegen=frozenset({BB}), niveaus=frozenset({2}))) == brabant
    assert select(brabant, Filters(leerwegen=frozenset({TL}), niveaus=frozenset({4}))) == brabant


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("bb", {BB}),
        ("basis", {BB}),
        ("kader", {KB}),
        ("gemengd", {GL}),
        ("theoretisch", {TL}),
        ("gt", {GL, TL}),
        ("tl", {TL}),
    ],
)
def test_leerweg_words_mean_these_leerwegen(word: str, expected: set[Leerweg]) -> None:
    assert LEERWEG_ALIASES[word] == expected


def test_from_option_offers_exactly_the_leerweg_words() -> None:
    assert sorted(word.value for word in FromWord) == sorted(LEERWEG_ALIASES)


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("apeldoorn", "apeldoorn"),
        ("APELDOORN", "apeldoorn"),
        ("noord", "noord-brabant"),
        ("midden", "midden-limburg"),
        ("aventus", "apeldoorn"),
        ("Gilde Opleidingen", "midden-limburg"),
        ("wellant", "ottoland"),
        ("drenthe", "assen"),
        ("Tilburg", "noord-brabant"),
        ("  oost  ", "oost"),
    ],
)
def test_resolve(labs: list[Leerlab], query: str, slug: str) -> None:
    assert resolve(labs, query).slug == slug


def test_resolve_ambiguous_lists_the_candidates(labs: list[Leerlab]) -> None:
    with pytest.raises(NotFound) as caught:
        resolve(labs, "o")
    assert tuple(error_lines(caught.value)) == (
        "'o' matches more than one leerlab: oost (Leerlab Oost), ottoland (Leerlab Ottoland)",
    )


def test_resolve_takes_the_one_slug_spelt_much_like_it(labs: list[Leerlab]) -> None:
    match = find(labs, "apeldorn")
    assert (match.lab, match.kind, match.matched) == (labs[0], MatchKind.close, "apeldoorn")


def test_resolve_unknown_suggests_the_closest_slugs_when_several_are_close() -> None:
    labs = [validate_leerlab(make_lab(slug=slug)) for slug in ("lab-een", "lab-eem")]
    with pytest.raises(NotFound) as caught:
        resolve(labs, "lab-eeb")
    assert tuple(error_lines(caught.value)) == (
        "no leerlab matches 'lab-eeb'; did you mean lab-een or lab-eem?",
    )


def test_resolve_unknown_without_a_close_slug(labs: list[Leerlab]) -> None:
    with pytest.raises(NotFound) as caught:
        resolve(labs, "xyz")
    assert tuple(error_lines(caught.value)) == ("no leerlab matches 'xyz'",)


def test_resolve_echoes_control_characters_escaped(labs: list[Leerlab]) -> None:
    with pytest.raises(NotFound) as caught:
        resolve(labs, "x\x1b[2Jy")
    assert tuple(error_lines(caught.value)) == ("no leerlab matches 'x\\x1b[2Jy'",)


def test_resolve_empty_query(labs: list[Leerlab]) -> None:
    with pytest.raises(NotFound):
        resolve(labs, "  ")
