"""The Markdown export, read back with a CommonMark parser."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from markdown_it import MarkdownIt
from markdown_it.token import Token
from typer.testing import CliRunner

from helpers import HOSTILE, META, WriteDataset, exported, make_lab, stdout_of
from leerlab_cli.core.models import Dataset, Leerlab, validate_leerlab
from leerlab_cli.core.text import one_line
from leerlab_cli.files.dataset import load
from leerlab_cli.formats import (
    interface_wording,
    lab_sections,
    route_summary,
    sector_summary,
    statement_text,
)
from leerlab_cli.formats.markdown import OVERVIEW_COLUMNS, export_markdown
from strategies import generated_datasets


def rendered(value: str) -> str:
    """What a value should read as in Markdown: on one line, without outer whitespace."""
    return one_line(value).strip()


def markdown_tokens(text: str) -> list[Token]:
    return MarkdownIt("commonmark").enable("table").parse(text)


def walk(tokens: list[Token]) -> Iterator[Token]:
    for token in tokens:
        yield token
        if token.children:
            yield from walk(token.children)


def inline_text(token: Token) -> str:
    """The text an inline token renders to, markup left out."""
    assert token.type == "inline"
    return "".join(
        child.content for child in token.children or () if child.type in ("text", "code_inline")
    )


def headings(tokens: list[Token], tag: str) -> list[str]:
    return [
        inline_text(tokens[index + 1])
        for index, token in enumerate(tokens)
        if token.type == "heading_open" and token.tag == tag
    ]


def table_rows(tokens: list[Token]) -> list[list[str]]:
    rows: list[list[str]] = []
    for index, token in enumerate(tokens):
        if token.type == "tr_open":
            rows.append([])
        elif token.type in ("th_open", "td_open"):
            rows[-1].append(inline_text(tokens[index + 1]))
    return rows


def item_texts(tokens: list[Token]) -> list[str]:
    """The text of every list item's own paragraph, nested items included, in order."""
    return [
        inline_text(tokens[index + 1])
        for index, token in enumerate(tokens)
        if token.type == "paragraph_open"
        and index > 0
        and tokens[index - 1].type == "list_item_open"
    ]


# Nothing in an export may come out as one of these: data never becomes markup.
FORBIDDEN_TOKENS = {
    "html_block",
    "html_inline",
    "code_block",
    "code_inline",
    "fence",
    "hr",
    "blockquote_open",
    "ordered_list_open",
    "em_open",
    "s_open",
    "image",
    "softbreak",
    "hardbreak",
}


def assert_no_markup_from_data(tokens: list[Token]) -> None:
    for token in walk(tokens):
        assert token.type not in FORBIDDEN_TOKENS, token
        if token.type == "heading_open":
            assert token.tag in ("h1", "h2"), token
        if token.type == "link_open":
            assert str(token.attrs["href"]).startswith("mailto:"), token


def assert_markdown_matches(text: str, labs: list[Leerlab], title: str) -> None:
    """The document has the title, one table row and exactly one `##` section per leerlab."""
    tokens = markdown_tokens(text)
    assert_no_markup_from_data(tokens)
    assert headings(tokens, "h1") == [rendered(title)]
    assert headings(tokens, "h2") == [rendered(lab.name) for lab in labs]
    rows = table_rows(tokens)
    if not labs:
        assert rows == []
        return
    assert rows[0] == list(OVERVIEW_COLUMNS)
    wording = interface_wording()
    assert rows[1:] == [
        [
            rendered(cell)
            for cell in (
                lab.name,
                sector_summary(lab, wording),
                route_summary(lab, wording),
                statement_text(lab.phase, wording.not_given, wording.undetermined),
            )
        ]
        for lab in labs
    ]


EXPECTED_MARKDOWN = """\
# Testbron

Testers, 2021

| Leerlab | Sector/specialisation | Route | Phase |
|---|---|---|---|
| Leerlab Test | Zorg en Welzijn | bb → 2 | pilot |

## Leerlab Test

- **Place:** Teststad
- **Province:** Utrecht
- **Cooperating schools:**
  - Testcollege (vo)
  - ROC Test (mbo)
- **Sector/specialisation:** Zorg en Welzijn
- **Phase:** pilot
- **Route:** van vmbo basis naar mbo niveau 2
- **Routes:** bb → 2: running
- **Kind of route:** doorlopende leerroute
- **Working on:** doorlopende leerroute
- **Design of the route:** samen
- **Target group:** iedereen
- **Want to know more?** Piet Test <piet@test.nl>
"""
"""The export of a one-leerlab dataset, in English."""

EXPECTED_MARKDOWN_DUTCH = """\
# Testbron

Testers, 2021

| Leerlab | Sector/opleidingsrichting | Route | Fase |
|---|---|---|---|
| Leerlab Test | Zorg en Welzijn | bb → 2 | pilot |

## Leerlab Test

- **Plaats:** Teststad
- **Provincie:** Utrecht
- **Samenwerkende scholen:**
  - Testcollege (vo)
  - ROC Test (mbo)
- **Sector/opleidingsrichting:** Zorg en Welzijn
- **Fase:** pilot
- **Route:** van vmbo basis naar mbo niveau 2
- **Routes:** bb → 2: loopt
- **Soort route:** doorlopende leerroute
- **Werken aan:** doorlopende leerroute
- **Ontwerp van de route:** samen
- **Doelgroep:** iedereen
- **Meer weten?** Piet Test <piet@test.nl>
"""
"""The same in Dutch, labelled as the source digizine labels its facts."""


def test_markdown_whole_document(runner: CliRunner, write_dataset: WriteDataset) -> None:
    assert exported(runner, write_dataset()) == EXPECTED_MARKDOWN


def test_markdown_whole_document_in_dutch(runner: CliRunner, write_dataset: WriteDataset) -> None:
    args = ["--data", str(write_dataset()), "export"]
    assert stdout_of(runner, args, env={"LEERLAB_LANG": "nl"}) == EXPECTED_MARKDOWN_DUTCH


def test_markdown_of_the_shipped_dataset(runner: CliRunner, shipped: Path) -> None:
    dataset = load(shipped)
    text = exported(runner, shipped)
    assert_markdown_matches(text, dataset.leerlab, dataset.meta.title)
    assert text.count("\n## ") == len(dataset.leerlab) == 6


def test_markdown_sections_follow_the_digizine(runner: CliRunner, shipped: Path) -> None:
    tokens = markdown_tokens(exported(runner, shipped, "--search", "noord-brabant"))
    items = item_texts(tokens)
    for label in (
        "Cooperating schools:",
        "Sector/specialisation: Sport en Bewegen",
        "Phase: bezig met",
        "Route: voor de route",
        "Target group:",
        "Want to know more? Margriet Bak (ROC Tilburg) mdbak@roctilburg.nl",
    ):
        assert any(item.startswith(label) for item in items), label
    # Left open and not given are different facts, and both stay visible: the
    # source's "nader te bepalen" ("to be decided"), and "not given", both in the language.
    assert "Working on: to be decided" in items
    assert "Design of the route: not given" in items
    links = [token.attrs["href"] for token in walk(tokens) if token.type == "link_open"]
    assert links == ["mailto:mdbak@roctilburg.nl"]


def test_markdown_without_matches_has_only_the_title(
    runner: CliRunner, write_dataset: WriteDataset
) -> None:
    text = exported(runner, write_dataset(), "--search", "nothing like this")
    assert text == "# Testbron\n\nTesters, 2021\n"


@pytest.mark.parametrize("value", HOSTILE)
def test_markdown_renders_hostile_values_literally(
    runner: CliRunner, write_dataset: WriteDataset, value: str
) -> None:
    lab = make_lab(
        name=value,
        place=value,
        sectors=[value],
        phase=value,
        schools=[{"name": value, "types": ["vo"]}, {"name": "ROC Test", "types": ["mbo"]}],
        contacts=[{"name": value, "email": "piet@test.nl"}],
    )
    text = exported(runner, write_dataset(lab, meta={**META, "title": value}))
    labs = [validate_leerlab(lab)]
    assert_markdown_matches(text, labs, value)
    items = item_texts(markdown_tokens(text))
    shown = rendered(value)
    assert f"Place: {shown}" in items
    assert f"Phase: {shown}" in items
    assert f"{shown} (vo)" in items
    assert f"Want to know more? {shown} piet@test.nl" in items
    html = MarkdownIt("commonmark").enable("table").render(text)
    assert "<b>" not in html
    assert "<script>" not in html


def test_markdown_blank_value_in_a_list_makes_no_heading(
    runner: CliRunner, write_dataset: WriteDataset
) -> None:
    # An empty nested item would make the label line above it a setext heading.
    lab = make_lab(
        target_group="  ", target_group_per_school=[{"school": "Testcollege", "text": "klas 3"}]
    )
    tokens = markdown_tokens(exported(runner, write_dataset(lab)))
    assert headings(tokens, "h2") == ["Leerlab Test"]
    items = item_texts(tokens)
    assert "Target group:" in items
    assert "Testcollege: klas 3" in items


@pytest.mark.parametrize("value", HOSTILE)
def test_markdown_table_cell_keeps_its_row(
    runner: CliRunner, write_dataset: WriteDataset, value: str
) -> None:
    labs = [make_lab(phase=value), make_lab(slug="second", name="Second", phase="plain")]
    text = exported(runner, write_dataset(*labs))
    rows = table_rows(markdown_tokens(text))
    assert [row[3] for row in rows] == ["Phase", rendered(value), "plain"]
    assert all(len(row) == len(OVERVIEW_COLUMNS) for row in rows)


@given(generated_datasets())
def test_markdown_of_generated_datasets(dataset: Dataset) -> None:
    labs = dataset.leerlab
    text = export_markdown(dataset.meta, labs)
    assert_markdown_matches(text, labs, dataset.meta.title)
    # One top-level item per fact, and exactly one heading per leerlab.
    tokens = markdown_tokens(text)
    top_items = [token for token in tokens if token.type == "list_item_open" and token.level == 1]
    assert len(top_items) == sum(len(lab_sections(lab)) for lab in labs)


def test_a_contact_is_written_as_a_mail_client_shows_one_with_an_autolink(
    runner: CliRunner, shipped: Path
) -> None:
    text = exported(runner, shipped, "--search", "apeldoorn")
    assert "- **Want to know more?** Zerin Eralp (Aventus) <z.eralp@aventus.nl>\n" in text
    tokens = [token for token in walk(markdown_tokens(text)) if token.type == "link_open"]
    assert [(token.markup, token.attrs["href"]) for token in tokens] == [
        ("autolink", "mailto:z.eralp@aventus.nl")
    ]


@pytest.mark.parametrize(
    "address",
    [
        "a%0d%0abcc@example.nl",  # an autolink would keep the escapes for a mail program
        f"piet@{'x' * 64}.nl",  # a domain label CommonMark's autolink does not take
    ],
)
def test_an_address_an_autolink_cannot_hold_is_still_a_link_to_it(
    runner: CliRunner, write_dataset: WriteDataset, address: str
) -> None:
    lab = make_lab(contacts=[{"name": "Piet", "email": address}])
    text = exported(runner, write_dataset(lab))
    tokens = list(walk(markdown_tokens(text)))
    links = [token.attrs["href"] for token in tokens if token.type == "link_open"]
    assert links == ["mailto:" + address.replace("%", "%25")]
    assert "Want to know more? Piet <" + address + ">" in item_texts(markdown_tokens(text))
