"""The position index: the line and column of keys and values in a TOML text."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from leerlab_cli.core.positions import index

HAND_WRITTEN = '''\
# a comment with [[leerlab]] in it
[meta]
title = "Een # geen commentaar"
"quoted key" = 'literal'
intro = """
twee
regels"""

[[leerlab]]
slug = "een"
routes = [
  { leerwegen = ["bb", "kb"], niveaus = [2] },  # commentaar
  {leerwegen=["gl"],niveaus=[3,4],start="2021-09"},
]
design = { nader_te_bepalen = true }
plaats.detail = 1

[[leerlab]]
slug = "twee"

[[leerlab.schools]]
name = "A"
types = ["vo"]

[[leerlab.schools]]
name = "B"
'''


def test_hand_written_file() -> None:
    found = index(HAND_WRITTEN)
    assert found.find(("meta", "title")) == (3, 9)
    assert found.find(("meta", "quoted key"), key=True) == (4, 1)
    assert found.find(("meta", "intro")) == (5, 9)
    assert found.find(("leerlab", 0)) == (9, 1)
    assert found.find(("leerlab", 0, "routes", 0, "leerwegen", 1)) == (12, 24)
    assert found.find(("leerlab", 0, "routes", 1, "niveaus", 1)) == (13, 32)
    assert found.find(("leerlab", 0, "routes", 1, "start")) == (13, 41)
    assert found.find(("leerlab", 0, "design", "nader_te_bepalen")) == (15, 31)
    assert found.find(("leerlab", 0, "plaats", "detail"), key=True) == (16, 1)
    assert found.find(("leerlab", 1, "schools", 1, "name")) == (26, 8)
    assert found.find(("leerlab", 1, "schools", 0, "types", 0)) == (23, 10)


def test_a_missing_field_falls_back_to_the_enclosing_table() -> None:
    found = index(HAND_WRITTEN)
    assert found.find(("leerlab", 1, "place"), key=True) == (18, 1)
    assert found.find(("leerlab", 0, "routes", 1, "mbo_leerweg"), key=True) == (13, 3)
    assert found.find(("nowhere",)) is None


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*path, key)
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for number, item in enumerate(value):
            yield (*path, number)
            yield from _paths(item, (*path, number))


def test_every_key_and_value_of_the_shipped_file_is_placed(shipped: Path) -> None:
    text = shipped.read_text(encoding="utf-8")
    found = index(text)
    lines = text.splitlines()
    for path in _paths(tomllib.loads(text)):
        if path == ("leerlab",):
            continue  # the array of tables itself has no one place
        offset = found.keys.get(path)
        line, column = found.at(found.values[path] if offset is None else offset)
        if isinstance(path[-1], str):
            assert lines[line - 1][column - 1 :].lstrip("[").startswith(path[-1]), path


def test_only_the_leerlabs_asked_for_are_read(shipped: Path) -> None:
    text = shipped.read_text(encoding="utf-8")
    whole = index(text)
    part = index(text, [2])
    assert {path for path in part.keys if path[0] == "leerlab"} == {
        path for path in whole.keys if path[:2] == ("leerlab", 2)
    }
    assert part.find(("leerlab", 2, "contacts", 0, "email")) == whole.find(
        ("leerlab", 2, "contacts", 0, "email")
    )
