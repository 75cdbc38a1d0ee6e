"""The speed-ups for large datasets change no result (their timing is in benchmarks/)."""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from helpers import make_lab
from leerlab_cli.cli import app
from leerlab_cli.core import query
from leerlab_cli.core.models import Leerlab
from leerlab_cli.core.query import Filters, lab_strings, searchable_text, select
from leerlab_cli.core.text import fold
from leerlab_cli.files import dataset


@given(st.text())
def test_remembered_folding_is_folding(text: str) -> None:
    assert query._folded(text) == fold(text)
    assert query._folded(text) == fold(text)


@given(st.lists(st.text()))
def test_folding_piece_by_piece_is_folding_the_whole(pieces: list[str]) -> None:
    # What `--search` relies on: a piece folds alike wherever it stands.
    assert "".join(query._folded(piece) for piece in pieces) == fold("".join(pieces))


def test_search_text_is_each_piece_folded_on_a_line_of_its_own(shipped: Path) -> None:
    # Folding drops line breaks: the pieces are joined after folding, so that no
    # search matches across two of them.
    for lab in dataset.load(shipped).leerlab:
        folded = query._folded_searchable_text(lab)
        assert folded == "\n".join(fold(piece) for piece in lab_strings(lab))
        assert folded.replace("\n", "") == fold(searchable_text(lab))


def naive_matches(filters: Filters, lab: Leerlab) -> bool:
    """`Filters.matches` as it was first written: fold everything, every time."""

    def contains(needles: tuple[str, ...], haystacks: tuple[str, ...]) -> bool:
        return any(fold(n) in fold(h) for n in needles for h in haystacks)

    if filters.sectors and not contains(
        filters.sectors, (*lab.sectors, *lab.specialisations, lab.sector_note or "")
    ):
        return False
    if filters.provinces and not contains(filters.provinces, tuple(lab.provinces)):
        return False
    if (filters.leerwegen or filters.niveaus) and not any(
        filters.route_matches(route) for route in lab.routes
    ):
        return False
    return not filters.searches or contains(filters.searches, tuple(lab_strings(lab)))


def test_filters_select_what_naive_folding_selects(shipped: Path) -> None:
    labs = dataset.load(shipped).leerlab
    for filters in (
        Filters(sectors=("zorg",)),
        Filters(sectors=("WELZIJN", "horeca")),
        Filters(provinces=("brabant",)),
        Filters(searches=("geintegreerde",)),
        Filters(searches=("Geïntegreerde leerroute",)),
        Filters(searches=("aventus", "nassau")),
        Filters(searches=("horeca bakkerij",), provinces=("noord brabant", "zuid-holland")),
        Filters(sectors=("zorg",), searches=("limburg",)),
    ):
        assert select(labs, filters) == [lab for lab in labs if naive_matches(filters, lab)]


def test_a_command_leaves_the_collector_running(
    runner: CliRunner, write_dataset: Callable[..., Path]
) -> None:
    path = write_dataset(make_lab(), make_lab(slug="tweede", name="Leerlab Twee"))
    assert gc.isenabled()
    result = runner.invoke(app, ["--data", str(path), "list", "--format", "tsv"])
    assert result.exit_code == 0, result.output
    assert gc.isenabled()
    failed = runner.invoke(app, ["--data", str(path.with_name("missing.toml")), "list"])
    assert failed.exit_code == 1
    assert gc.isenabled()
