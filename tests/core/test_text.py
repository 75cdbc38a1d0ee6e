"""Folding: one rule for every text filter, `show` and completion, tested as properties."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from leerlab_cli.core.text import fold
from strategies import names, spellings


@given(words=names, data=st.data())
@example(words=["noord", "brabant"], data=None)
def test_every_spelling_of_a_name_folds_alike(words: list[str], data: st.DataObject) -> None:
    one = data.draw(spellings(words)) if data else "noord brabant"
    other = data.draw(spellings(words)) if data else "Noord-Brabant"
    assert fold(one) == fold(other) == "".join(words)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("noord brabant", "Noord-Brabant"),
        ("zuid holland", "Zuid-Holland"),
        ("zorg & welzijn", "Zorg en Welzijn"),
        ("Z&W", "z en w"),
        ("horeca bakkerij", "Horeca, Bakkerij"),
        ("geïntegreerde leerroute", "Geintegreerde-leerroute"),
        ("midden limburg", "midden-limburg"),
        ("Straße", "strasse"),
    ],
)
def test_spellings_people_use_fold_alike(one: str, other: str) -> None:
    assert fold(one) == fold(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("zorg welzijn", "zorg en welzijn"),
        ("noord brabant", "noord holland"),
        ("bb2", "bb 3"),
        ("lo2", "lo"),
    ],
)
def test_different_words_stay_different(one: str, other: str) -> None:
    assert fold(one) != fold(other)


@given(st.text())
@example("Ǆ&İ\u0301-\u00bd")
def test_a_text_folds_a_character_at_a_time(text: str) -> None:
    # So folding is linear in the text, and a prefix folds to a prefix (completion).
    assert fold(text) == "".join(fold(char) for char in text)


@given(st.text())
def test_folding_keeps_only_letters_and_digits_and_folds_once(text: str) -> None:
    folded = fold(text)
    assert folded == "" or folded.isalnum()
    assert fold(folded) == folded
