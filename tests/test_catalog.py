"""The Dutch catalog: every marked string translated, the compiled catalog up to date."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import typer
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

import leerlab_cli
from leerlab_cli.i18n import DOMAIN, LOCALE_DIR

CATALOG = LOCALE_DIR / "nl" / "LC_MESSAGES" / f"{DOMAIN}.po"
COMPILED = CATALOG.with_suffix(".mo")
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
"""The marks the README's extract command reads (babel's defaults plus N_)."""


def _read_catalog() -> Catalog:
    with CATALOG.open("rb") as file:
        return read_po(file)


def _marked(package: Path) -> set[str]:
    """The message ids marked in the Python sources of `package`, as pybabel extracts them."""
    messages = extract_from_dir(
        str(package), method_map=[("**.py", "python")], keywords=KEYWORDS, strip_comment_tags=True
    )
    found = set()
    for _filename, _lineno, message, _comments, _context in messages:
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


@pytest.mark.parametrize(
    "package",
    # The click that typer bundles marks none of its words: leerlab words those itself.
    [Path(leerlab_cli.__file__).parent, Path(typer.__file__).parent],
    ids=["leerlab", "typer"],
)
def test_every_marked_string_has_a_dutch_translation(package: Path) -> None:
    catalog = _read_catalog()
    missing, fuzzy = [], []
    for message_id in sorted(_marked(package)):
        entry = catalog.get(message_id)
        strings = entry.string if entry is not None else ""
        if entry is None or not all(strings if isinstance(strings, tuple) else [strings]):
            missing.append(message_id)
        elif entry.fuzzy:
            fuzzy.append(message_id)
    assert not missing, f"not translated in {CATALOG.name}: {missing}"
    assert not fuzzy, f"fuzzy in {CATALOG.name}: {fuzzy}"


def test_no_entry_of_the_catalog_is_fuzzy() -> None:
    assert [entry.id for entry in _read_catalog() if entry.id and entry.fuzzy] == []


def test_the_compiled_catalog_is_the_catalog_compiled_now() -> None:
    compiled = io.BytesIO()
    write_mo(compiled, _read_catalog(), use_fuzzy=False)
    assert COMPILED.read_bytes() == compiled.getvalue(), (
        "leerlab.mo is stale: run pybabel compile (README, Development)"
    )
