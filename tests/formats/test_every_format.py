"""Every format keeps its shape whatever the text: rows keep their field count, labels
their line, Markdown its headings and items, JSON stays strict (property tests)."""

from __future__ import annotations

import csv
import io

from hypothesis import given
from markdown_it import MarkdownIt

from helpers import strict_json
from leerlab_cli.core.contacts import contact_rows
from leerlab_cli.core.models import Leerlab
from leerlab_cli.core.text import one_line
from leerlab_cli.formats import lab_sections
from leerlab_cli.formats.contact_list import CONTACT_COLUMNS, contacts_json, contacts_tsv
from leerlab_cli.formats.json_format import lab_json, lab_object, labs_json
from leerlab_cli.formats.markdown import lab_markdown
from leerlab_cli.formats.plain import LIST_COLUMNS, lab_text, tsv
from strategies import leerlabs


def _rows(text: str) -> list[list[str]]:
    # Every line break a program might split at, not only "\n".
    return [line.split("\t") for line in text.splitlines()]


@given(labs=leerlabs())
def test_tab_separated_rows_keep_their_field_count(labs: list[Leerlab]) -> None:
    rows = _rows(tsv(labs))
    assert [row[0] for row in rows] == [lab.slug for lab in labs]
    assert all(len(row) == len(LIST_COLUMNS) for row in rows)
    assert [row[1] for row in rows] == [one_line(lab.name) for lab in labs]
    contacts = contact_rows(labs)
    rows = _rows(contacts_tsv(contacts))
    assert len(rows) == len(contacts)
    assert all(len(row) == len(CONTACT_COLUMNS) for row in rows)
    # A spreadsheet reading the rows as unquoted tab-separated values sees the same.
    reader = csv.reader(io.StringIO(tsv(labs), newline=""), delimiter="\t", quoting=csv.QUOTE_NONE)
    assert all(len(row) == len(LIST_COLUMNS) for row in reader)


@given(labs=leerlabs())
def test_show_as_text_is_one_line_per_label(labs: list[Leerlab]) -> None:
    for lab in labs:
        lines = lab_text(lab).splitlines()
        assert len(lines) == 2 + len(lab_sections(lab))
        assert lines[0] == f"Name: {one_line(lab.name)}"


@given(labs=leerlabs())
def test_show_as_markdown_is_one_heading_and_one_item_per_label(labs: list[Leerlab]) -> None:
    for lab in labs:
        tokens = MarkdownIt("commonmark").enable("table").parse(lab_markdown(lab))
        headings = [index for index, token in enumerate(tokens) if token.type == "heading_open"]
        assert len(headings) == 1
        assert tokens[headings[0] + 1].content == lab_markdown(lab).splitlines()[0][2:]
        children = tokens[headings[0] + 1].children or []
        assert "".join(child.content for child in children) == one_line(lab.name).strip()
        items = [token for token in tokens if token.type == "list_item_open" and token.level == 1]
        assert len(items) == len(lab_sections(lab))


@given(labs=leerlabs())
def test_json_is_strict_and_complete(labs: list[Leerlab]) -> None:
    assert strict_json(labs_json(labs)) == [lab_object(lab) for lab in labs]
    assert strict_json(lab_json(labs[0])) == lab_object(labs[0])
    contacts = contact_rows(labs)
    assert [row["name"] for row in strict_json(contacts_json(contacts))] == [
        row.name for row in contacts
    ]
