"""`leerlab export`: every format read back with its own parser, filters, writing, pipes."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token
from typer.main import get_command
from typer.testing import CliRunner, Result

from conftest import META, make_lab
from leerlab_cli.cli import app
from leerlab_cli.dataset import load, parse_document, validate_document
from leerlab_cli.formats import lab_sections
from leerlab_cli.formats.csv_format import CSV_COLUMNS, excel_safe, labs_csv
from leerlab_cli.formats.json_format import labs_json
from leerlab_cli.formats.markdown import OVERVIEW_COLUMNS, export_markdown
from leerlab_cli.formats.toml_format import dataset_toml
from leerlab_cli.models import (
    LEERWEG_NAMES,
    Dataset,
    Leerlab,
    MboLeerweg,
    RouteKind,
    RouteStatus,
    SchoolType,
)
from leerlab_cli.query import route_summary, sector_summary, statement_text
from leerlab_cli.text import one_line

WriteDataset = Callable[..., Path]

FORMATS = ("markdown", "csv", "json", "toml")

# Values that mean something in Markdown, CSV or HTML, each to come out as written.
HOSTILE = (
    "a | b",
    "a \\| b",
    "back\\slash",
    "trailing \\",
    "`code` and ``more``",
    "*star* **strong** _under_ __strong__",
    "<b>html</b>",
    "<!-- comment --> <script>alert(1)</script>",
    "<https://example.org>",
    "&amp; &copy; &#65;",
    "line one\nline two",
    "tab\there",
    "- dash",
    "+ plus",
    "* star",
    "1. one",
    "2) two",
    "---",
    "===",
    "    indented",
    "# hash ##",
    "> quote",
    "[link](https://example.org) ![image](x.png)",
    "~~strike~~ $x^2$",
    'quote " and comma, semicolon; end',
)


def invoke(runner: CliRunner, data: Path, *args: str) -> Result:
    return runner.invoke(app, ["--data", str(data), "export", *args])


def exported(runner: CliRunner, data: Path, *args: str) -> str:
    result = invoke(runner, data, *args)
    assert result.exit_code == 0, result.output
    return result.stdout


def rendered(value: str) -> str:
    """What a value should read as in Markdown: on one line, without outer whitespace."""
    return one_line(value).strip()


# --- Markdown helpers -------------------------------------------------------------------


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
    assert rows[1:] == [
        [
            rendered(cell)
            for cell in (
                lab.name,
                sector_summary(lab),
                route_summary(lab),
                statement_text(lab.phase),
            )
        ]
        for lab in labs
    ]


# --- The command ------------------------------------------------------------------------


def test_default_format_is_markdown(runner: CliRunner, shipped: Path) -> None:
    assert exported(runner, shipped) == exported(runner, shipped, "--format", "markdown")


def test_export_takes_every_filter_of_list() -> None:
    group = get_command(app)
    commands = group.commands  # type: ignore[attr-defined]

    def options(name: str) -> set[str]:
        return {option for param in commands[name].params for option in param.opts}

    assert options("list") - {"--format"} <= options("export")


@pytest.mark.parametrize(
    "filters",
    [
        [],
        ["--sector", "zorg"],
        ["--sector", "groen", "--sector", "sport"],
        ["--from", "gt"],
        ["--from", "basis", "--to", "2"],
        ["--to", "3"],
        ["--to", "3", "--include-planned"],
        ["--province", "gelderland"],
        ["--search", "walewyc"],
        ["-q", "nassau"],
        ["--sector", "nothing like this"],
    ],
)
def test_export_selects_what_list_selects(
    runner: CliRunner, shipped: Path, filters: list[str]
) -> None:
    listed = runner.invoke(app, ["--data", str(shipped), "list", *filters, "--format", "json"])
    assert listed.exit_code == 0, listed.output
    expected = [lab["slug"] for lab in json.loads(listed.stdout)]
    exported_labs = json.loads(exported(runner, shipped, *filters, "--format", "json"))
    assert [lab["slug"] for lab in exported_labs] == expected


@pytest.mark.parametrize("output_format", [None, "markdown", "json", "toml"])
def test_excel_without_csv_is_a_usage_error(
    runner: CliRunner, shipped: Path, output_format: str | None
) -> None:
    chosen = ["--format", output_format] if output_format else []
    result = invoke(runner, shipped, *chosen, "--excel")
    assert result.exit_code == 2, result.output
    assert "--excel" in result.stderr
    assert result.stdout == ""


def test_unknown_format_is_a_usage_error(runner: CliRunner, shipped: Path) -> None:
    result = invoke(runner, shipped, "--format", "xlsx")
    assert result.exit_code == 2, result.output
    assert result.stdout == ""


def test_invalid_dataset_is_exit_1_with_nothing_on_stdout(
    runner: CliRunner, write_dataset: WriteDataset
) -> None:
    path = write_dataset(make_lab(slug="Not A Slug"))
    result = invoke(runner, path, "--format", "csv")
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert result.stderr.startswith("error: ")


# --- Markdown ---------------------------------------------------------------------------

EXPECTED_MARKDOWN = """\
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
- **Meer weten?** Piet Test ([piet@test.nl](<mailto:piet@test.nl>))
"""


def test_markdown_whole_document(runner: CliRunner, write_dataset: WriteDataset) -> None:
    assert exported(runner, write_dataset()) == EXPECTED_MARKDOWN


def test_markdown_of_the_shipped_dataset(runner: CliRunner, shipped: Path) -> None:
    dataset = load(shipped)
    text = exported(runner, shipped)
    assert_markdown_matches(text, dataset.leerlab, dataset.meta.title)
    assert text.count("\n## ") == len(dataset.leerlab) == 6


def test_markdown_sections_follow_the_digizine(runner: CliRunner, shipped: Path) -> None:
    tokens = markdown_tokens(exported(runner, shipped, "--search", "noord-brabant"))
    items = item_texts(tokens)
    for label in (
        "Samenwerkende scholen:",
        "Sector/opleidingsrichting: Sport en Bewegen",
        "Fase: bezig met",
        "Route: voor de route",
        "Doelgroep:",
        "Meer weten? Margriet Bak (mdbak@roctilburg.nl)",
    ):
        assert any(item.startswith(label) for item in items), label
    # Left open and not given are different facts, and both stay visible.
    assert "Werken aan: nader te bepalen" in items
    assert "Ontwerp van de route: niet vermeld" in items
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
    labs = [Leerlab.model_validate(lab)]
    assert_markdown_matches(text, labs, value)
    items = item_texts(markdown_tokens(text))
    shown = rendered(value)
    assert f"Plaats: {shown}" in items
    assert f"Fase: {shown}" in items
    assert f"{shown} (vo)" in items
    assert f"Meer weten? {shown} (piet@test.nl)" in items
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
    assert "Doelgroep:" in items
    assert "Testcollege: klas 3" in items


@pytest.mark.parametrize("value", HOSTILE)
def test_markdown_table_cell_keeps_its_row(
    runner: CliRunner, write_dataset: WriteDataset, value: str
) -> None:
    labs = [make_lab(phase=value), make_lab(slug="second", name="Second", phase="plain")]
    text = exported(runner, write_dataset(*labs))
    rows = table_rows(markdown_tokens(text))
    assert [row[3] for row in rows] == ["Fase", rendered(value), "plain"]
    assert all(len(row) == len(OVERVIEW_COLUMNS) for row in rows)


# --- CSV --------------------------------------------------------------------------------

EXPECTED_CSV = (
    ",".join(CSV_COLUMNS) + "\n"
    "testlab,Leerlab Test,Teststad,Utrecht,Testcollege (vo); ROC Test (mbo),,Zorg en Welzijn,,,"
    "pilot,van vmbo basis naar mbo niveau 2,bb → 2: loopt,doorlopende leerroute,"
    "doorlopende leerroute,samen,iedereen,,Piet Test <piet@test.nl>,\n"
)


def read_csv(text: str, delimiter: str = ",") -> list[dict[str, str]]:
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    assert rows[0] == list(CSV_COLUMNS)
    assert all(len(row) == len(CSV_COLUMNS) for row in rows)
    return [dict(zip(CSV_COLUMNS, row, strict=True)) for row in rows[1:]]


def test_csv_whole_output(runner: CliRunner, write_dataset: WriteDataset) -> None:
    result = invoke(runner, write_dataset(), "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == EXPECTED_CSV.encode("utf-8")


def test_csv_columns_start_with_slug_and_cover_every_field() -> None:
    assert CSV_COLUMNS[0] == "slug"
    assert len(set(CSV_COLUMNS)) == len(CSV_COLUMNS)
    assert set(Leerlab.model_fields) <= set(CSV_COLUMNS)
    assert "contact_organisations" in CSV_COLUMNS


def test_csv_of_the_shipped_dataset(runner: CliRunner, shipped: Path) -> None:
    rows = {row["slug"]: row for row in read_csv(exported(runner, shipped, "--format", "csv"))}
    assert list(rows) == [lab.slug for lab in load(shipped).leerlab]
    brabant = rows["noord-brabant"]
    assert brabant["works_on"] == "nader te bepalen"
    assert brabant["design"] == ""
    assert brabant["schools"] == "Walewyc-mavo (vo); Campus 013 (vo); ROC Tilburg (mbo)"
    assert brabant["routes"] == (
        "bb → 2: in ontwikkeling (Campus 013, ROC Tilburg); "
        "gl/tl → 4: in ontwikkeling (Walewyc-mavo, ROC Tilburg)"
    )
    assert brabant["target_group_per_school"] == (
        "Walewyc-mavo: leerlingen met LO2 als examenvak; "
        "Campus 013: leerlingen met het keuzevak Sport en Leiderschap"
    )
    assert rows["assen"]["contacts"] == (
        "Huubs Hubbeling <hub@dr.nassaucollege.nl>; Karin Stoffers <k.stoffers@drenthecollege.nl>"
    )
    assert rows["assen"]["contact_organisations"] == (
        "Huubs Hubbeling: Dr. Nassau College; Karin Stoffers: Drenthe College"
    )
    assert rows["ottoland"]["routes"] == "bb → 2 BBL: loopt, sinds 2019"
    assert rows["ottoland"]["specialisations"] == "Melkveehouderij; Groen, Grond & Infra; Hovenier"
    assert rows["oost"]["schools"] == (
        "Landstede Groep (vo en mbo): verschillende vo scholen en mbo"
    )
    assert rows["oost"]["routes"] == "bb → 2: loopt; bb → 3/4: mogelijk later"
    assert rows["apeldoorn"]["route_kinds"] == "verkorte route; doorlopende leerlijn"


def test_csv_writes_every_fact(runner: CliRunner, write_dataset: WriteDataset) -> None:
    lab = make_lab(
        schools=[
            {"name": "Testcollege", "types": ["vo", "mbo"], "note": "twee locaties"},
            {"name": "ROC Test", "types": ["mbo"]},
        ],
        schools_note="en anderen",
        specialisations=["Verpleging", "Kraamzorg"],
        sector_note="ook sport",
        routes=[
            {"leerwegen": ["kb", "gl"], "niveaus": [3, 4], "status": "planned", "start": "2030"},
            {
                "leerwegen": ["bb"],
                "niveaus": [2],
                "status": "scheduled",
                "start": "2022-09",
                "mbo_leerweg": "BOL",
                "schools": ["ROC Test"],
            },
        ],
        target_group={"nader_te_bepalen": True},
        target_group_per_school=[{"school": "Testcollege", "text": "klas 3"}],
        contacts=[
            {"name": "Piet Test", "email": "piet@test.nl", "organisation": "ROC Test"},
            {"name": "An Test", "email": "an@test.nl"},
        ],
    )
    del lab["design"]
    (row,) = read_csv(exported(runner, write_dataset(lab), "--format", "csv"))
    assert row == {
        "slug": "testlab",
        "name": "Leerlab Test",
        "place": "Teststad",
        "provinces": "Utrecht",
        "schools": "Testcollege (vo en mbo): twee locaties; ROC Test (mbo)",
        "schools_note": "en anderen",
        "sectors": "Zorg en Welzijn",
        "specialisations": "Verpleging; Kraamzorg",
        "sector_note": "ook sport",
        "phase": "pilot",
        "route_text": "van vmbo basis naar mbo niveau 2",
        "routes": "kb/gl → 3/4: mogelijk later, start 2030; bb → 2 BOL: start 2022-09 (ROC Test)",
        "route_kinds": "doorlopende leerroute",
        "works_on": "doorlopende leerroute",
        "design": "",
        "target_group": "nader te bepalen",
        "target_group_per_school": "Testcollege: klas 3",
        "contacts": "Piet Test <piet@test.nl>; An Test <an@test.nl>",
        "contact_organisations": "Piet Test: ROC Test",
    }


@pytest.mark.parametrize("value", HOSTILE)
def test_csv_round_trips_through_the_csv_module(
    runner: CliRunner, write_dataset: WriteDataset, value: str
) -> None:
    result = invoke(runner, write_dataset(make_lab(name=value, design=value)), "--format", "csv")
    assert result.exit_code == 0, result.output
    raw = result.stdout_bytes
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in raw
    (row,) = read_csv(raw.decode("utf-8"))
    assert row["name"] == value
    assert row["design"] == value


def test_csv_writes_formulas_as_they_are(runner: CliRunner, write_dataset: WriteDataset) -> None:
    path = write_dataset(make_lab(name='=HYPERLINK("http://x")', place="-2+3"))
    (row,) = read_csv(exported(runner, path, "--format", "csv"))
    assert row["name"] == '=HYPERLINK("http://x")'
    assert row["place"] == "-2+3"


def test_csv_without_matches_is_the_header(runner: CliRunner, shipped: Path) -> None:
    text = exported(runner, shipped, "--format", "csv", "--province", "nowhere")
    assert text == ",".join(CSV_COLUMNS) + "\n"


def test_excel_csv_bytes(runner: CliRunner, write_dataset: WriteDataset) -> None:
    path = write_dataset(make_lab(design="regel een\nregel twee; met puntkomma"))
    result = invoke(runner, path, "--format", "csv", "--excel")
    assert result.exit_code == 0, result.output
    raw = result.stdout_bytes
    assert raw.startswith(b"\xef\xbb\xbfslug;name;place;")
    assert raw.endswith(b"\r\n")
    # Records end in CRLF; the line break inside the quoted cell stays as written.
    assert raw.count(b"\r\n") == 2
    assert b'"regel een\nregel twee; met puntkomma"' in raw
    (row,) = read_csv(raw.decode("utf-8-sig"), delimiter=";")
    assert row["design"] == "regel een\nregel twee; met puntkomma"
    assert row["contacts"] == "Piet Test <piet@test.nl>"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+31 6 12345678", "'+31 6 12345678"),
        ("-2+3", "'-2+3"),
        ("- dash", "'- dash"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-5", "-5"),
        ("+3,5", "+3,5"),
        ("-0.25", "-0.25"),
        ("2019", "2019"),
        ("2019-2020", "2019-2020"),
        ("a=b", "a=b"),
        ("", ""),
        ("'quoted", "'quoted"),
    ],
)
def test_excel_safe(cell: str, expected: str) -> None:
    assert excel_safe(cell) == expected


def test_excel_defuses_formulas_in_data(runner: CliRunner, write_dataset: WriteDataset) -> None:
    path = write_dataset(make_lab(name="=cmd|' /C calc'!A0", place="@Teststad", provinces=["-1"]))
    result = invoke(runner, path, "--format", "csv", "--excel")
    assert result.exit_code == 0, result.output
    (row,) = read_csv(result.stdout_bytes.decode("utf-8-sig"), delimiter=";")
    assert row["name"] == "'=cmd|' /C calc'!A0"
    assert row["place"] == "'@Teststad"
    assert row["provinces"] == "-1"


# --- JSON -------------------------------------------------------------------------------


def strict_json(text: str) -> Any:
    def refuse(constant: str) -> None:
        raise ValueError(f"not strict JSON: {constant}")

    return json.loads(text, parse_constant=refuse)


def test_json_is_strict_complete_and_in_model_order(runner: CliRunner, shipped: Path) -> None:
    text = exported(runner, shipped, "--format", "json")
    labs = strict_json(text)
    dataset = load(shipped)
    assert labs == [lab.model_dump(mode="json") for lab in dataset.leerlab]
    for lab in labs:
        assert list(lab) == list(Leerlab.model_fields)
    brabant = next(lab for lab in labs if lab["slug"] == "noord-brabant")
    assert brabant["works_on"] == {"nader_te_bepalen": True}
    assert brabant["design"] is None
    assert "geïntegreerde" in text
    assert "\\u" not in text


def test_json_without_matches_is_an_empty_array(runner: CliRunner, shipped: Path) -> None:
    assert strict_json(exported(runner, shipped, "--format", "json", "-q", "nowhere")) == []


@pytest.mark.parametrize("value", HOSTILE)
def test_json_keeps_hostile_values(
    runner: CliRunner, write_dataset: WriteDataset, value: str
) -> None:
    (lab,) = strict_json(exported(runner, write_dataset(make_lab(name=value)), "--format", "json"))
    assert lab["name"] == value


# --- TOML -------------------------------------------------------------------------------


def round_trip(runner: CliRunner, data: Path, tmp_path: Path, *filters: str) -> None:
    """Exported TOML, read back with `--data`, exports the same JSON as the original."""
    target = tmp_path / "exported.toml"
    result = invoke(runner, data, *filters, "--format", "toml", "--output", str(target))
    assert result.exit_code == 0, result.output
    tomllib.loads(target.read_text(encoding="utf-8"))
    again = exported(runner, target, "--format", "json")
    assert again == exported(runner, data, *filters, "--format", "json")


def test_toml_round_trip_of_the_shipped_dataset(
    runner: CliRunner, shipped: Path, tmp_path: Path
) -> None:
    round_trip(runner, shipped, tmp_path)


@pytest.mark.parametrize("filters", [["--to", "4"], ["--province", "nowhere"]])
def test_toml_round_trip_of_a_selection(
    runner: CliRunner, shipped: Path, tmp_path: Path, filters: list[str]
) -> None:
    round_trip(runner, shipped, tmp_path, *filters)


def test_toml_round_trip_of_hostile_values(
    runner: CliRunner, write_dataset: WriteDataset, tmp_path: Path
) -> None:
    labs = [
        make_lab(slug=f"lab-{index}", name=value, design=value, phase={"nader_te_bepalen": True})
        for index, value in enumerate(HOSTILE)
    ]
    round_trip(runner, write_dataset(*labs, meta={**META, "introduction": "a\nb"}), tmp_path)


def test_toml_is_the_complete_dataset(runner: CliRunner, shipped: Path) -> None:
    document = tomllib.loads(exported(runner, shipped, "--format", "toml"))
    dataset = load(shipped)
    assert document["meta"] == dataset.meta.model_dump(mode="json", exclude_none=True)
    brabant = next(lab for lab in document["leerlab"] if lab["slug"] == "noord-brabant")
    # Undetermined stays undetermined; a fact not given stays out (TOML has no null).
    assert brabant["works_on"] == {"nader_te_bepalen": True}
    assert brabant["target_group"] == {"nader_te_bepalen": True}
    assert "design" not in brabant
    assert Dataset.model_validate(document) == dataset


# --- Generated datasets -----------------------------------------------------------------

_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_TEXT = st.text(
    st.one_of(
        st.sampled_from("|\\`*_<>&#-+=!~[]$()1.:;, \"'\n\t"),
        st.characters(exclude_categories=("Cs", "Cc"), exclude_characters=_BIDI),
    ),
    min_size=1,
    max_size=12,
)
_STATEMENT = st.one_of(st.none(), _TEXT, st.just({"nader_te_bepalen": True}))
_EMAIL = st.from_regex(r"[a-z0-9._%+-]{1,8}@[a-z0-9]{1,8}\.[a-z]{2,4}", fullmatch=True)
_SLUG = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)


def _optional(value: Any) -> Any:
    return st.one_of(st.none(), value)


def _without_none(document: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in document.items() if value is not None}


@st.composite
def _leerlabs(draw: st.DrawFn, slug: str) -> dict[str, Any]:
    schools = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "name": _TEXT,
                    "types": st.lists(st.sampled_from(list(SchoolType)), min_size=1, max_size=2),
                    "note": _optional(_TEXT),
                }
            ),
            min_size=1,
            max_size=3,
        )
    )
    names = [school["name"] for school in schools]
    route = st.fixed_dictionaries(
        {
            "leerwegen": st.lists(st.sampled_from(list(LEERWEG_NAMES)), min_size=1, max_size=3),
            "niveaus": st.lists(st.integers(1, 4), min_size=1, max_size=3),
            "status": st.sampled_from(list(RouteStatus)),
            "start": _optional(_TEXT),
            "mbo_leerweg": _optional(st.sampled_from(list(MboLeerweg))),
            "schools": st.lists(st.sampled_from(names), max_size=2),
        }
    ).map(_without_none)
    lab = {
        "slug": slug,
        "name": draw(_TEXT),
        "place": draw(_TEXT),
        "provinces": draw(st.lists(_TEXT, min_size=1, max_size=2)),
        "schools": [_without_none(school) for school in schools],
        "schools_note": draw(_optional(_TEXT)),
        "sectors": draw(st.lists(_TEXT, max_size=2)),
        "specialisations": draw(st.lists(_TEXT, max_size=2)),
        "sector_note": draw(_optional(_TEXT)),
        "phase": draw(_STATEMENT),
        "route_text": draw(_optional(_TEXT)),
        "routes": draw(st.lists(route, max_size=2)),
        "route_kinds": draw(st.lists(st.sampled_from(list(RouteKind)), max_size=2)),
        "works_on": draw(_STATEMENT),
        "design": draw(_STATEMENT),
        "target_group": draw(_STATEMENT),
        "target_group_per_school": draw(
            st.lists(st.fixed_dictionaries({"school": st.sampled_from(names), "text": _TEXT}))
        ),
        "contacts": draw(
            st.lists(
                st.fixed_dictionaries(
                    {"name": _TEXT, "email": _EMAIL, "organisation": _optional(_TEXT)}
                ).map(_without_none),
                max_size=2,
            )
        ),
    }
    return _without_none(lab)


@st.composite
def datasets(draw: st.DrawFn) -> Dataset:
    meta = {
        "title": draw(_TEXT),
        "publisher": draw(_TEXT),
        "year": draw(st.integers(1900, 2999)),
        "edition": draw(_optional(_TEXT)),
        "introduction": draw(_optional(_TEXT)),
    }
    slugs = draw(st.lists(_SLUG, max_size=4, unique=True))
    labs = [draw(_leerlabs(slug)) for slug in slugs]
    return validate_document({"meta": _without_none(meta), "leerlab": labs}, "generated")


@given(datasets())
def test_toml_round_trip_of_generated_datasets(dataset: Dataset) -> None:
    text = dataset_toml(dataset.meta, dataset.leerlab)
    again = validate_document(parse_document(text.encode("utf-8"), "exported"), "exported")
    assert labs_json(again.leerlab) == labs_json(dataset.leerlab)
    assert again == dataset


@given(datasets())
def test_csv_and_json_of_generated_datasets(dataset: Dataset) -> None:
    labs = dataset.leerlab
    for excel, delimiter in ((False, ","), (True, ";")):
        text = labs_csv(labs, excel=excel)
        rows = read_csv(text.removeprefix("\ufeff"), delimiter=delimiter)
        assert [row["slug"] for row in rows] == [lab.slug for lab in labs]
        if not excel:
            assert [row["name"] for row in rows] == [lab.name for lab in labs]
            assert [row["place"] for row in rows] == [lab.place for lab in labs]
    assert strict_json(labs_json(labs)) == [lab.model_dump(mode="json") for lab in labs]


@given(datasets())
def test_markdown_of_generated_datasets(dataset: Dataset) -> None:
    labs = dataset.leerlab
    text = export_markdown(dataset.meta, labs)
    assert_markdown_matches(text, labs, dataset.meta.title)
    # One top-level item per fact, and exactly one heading per leerlab.
    tokens = markdown_tokens(text)
    top_items = [token for token in tokens if token.type == "list_item_open" and token.level == 1]
    assert len(top_items) == sum(len(lab_sections(lab)) for lab in labs)


# --- Writing ----------------------------------------------------------------------------


@pytest.mark.parametrize("output_format", FORMATS)
def test_output_file_holds_what_stdout_would(
    runner: CliRunner, shipped: Path, tmp_path: Path, output_format: str
) -> None:
    target = tmp_path / f"export.{output_format}"
    result = invoke(runner, shipped, "--format", output_format, "--output", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    on_stdout = invoke(runner, shipped, "--format", output_format)
    assert target.read_bytes() == on_stdout.stdout_bytes


def test_output_excel_file_bytes(runner: CliRunner, shipped: Path, tmp_path: Path) -> None:
    target = tmp_path / "export.csv"
    result = invoke(runner, shipped, "--format", "csv", "--excel", "-o", str(target))
    assert result.exit_code == 0, result.output
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfslug;")
    assert not raw.startswith(b"\xef\xbb\xbf\xef\xbb\xbf")
    assert raw.count(b"\r\n") == 7


def test_output_replaces_a_file_and_keeps_its_mode(
    runner: CliRunner, shipped: Path, tmp_path: Path
) -> None:
    target = tmp_path / "export.json"
    target.write_bytes(b"old")
    target.chmod(0o640)
    result = invoke(runner, shipped, "--format", "json", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert strict_json(target.read_text(encoding="utf-8"))
    assert target.stat().st_mode & 0o7777 == 0o640
    assert sorted(tmp_path.iterdir()) == [target]


@pytest.mark.parametrize(
    ("where", "reason"),
    [
        ("missing/export.csv", "the folder does not exist"),
        (".", "it is a folder, not a file"),
        ("file.txt/export.csv", "part of the path is not a folder"),
    ],
)
def test_output_that_cannot_be_written_is_exit_1(
    runner: CliRunner, shipped: Path, tmp_path: Path, where: str, reason: str
) -> None:
    (tmp_path / "file.txt").write_bytes(b"a file")
    target = tmp_path / where
    result = invoke(runner, shipped, "--format", "csv", "--output", str(target))
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert result.stderr == f"error: {target}: cannot write: {reason}\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["file.txt"]


def test_failed_export_leaves_the_old_file(
    runner: CliRunner, write_dataset: WriteDataset, tmp_path: Path
) -> None:
    target = tmp_path / "export.md"
    target.write_bytes(b"old export\n")
    broken = write_dataset(make_lab(slug="Not A Slug"))
    result = invoke(runner, broken, "--output", str(target))
    assert result.exit_code == 1, result.output
    assert target.read_bytes() == b"old export\n"


def test_failed_write_leaves_the_old_file(
    runner: CliRunner, shipped: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "export.md"
    target.write_bytes(b"old export\n")

    def no_space(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", no_space)
    result = invoke(runner, shipped, "--output", str(target))
    assert result.exit_code == 1, result.output
    assert result.stderr == f"error: {target}: cannot write: No space left on device\n"
    assert target.read_bytes() == b"old export\n"
    assert sorted(tmp_path.iterdir()) == [target]


# --- Pipes ------------------------------------------------------------------------------

LEERLAB = [sys.executable, "-m", "leerlab_cli"]


def _environment() -> dict[str, str]:
    environment = {key: value for key, value in os.environ.items() if key != "LEERLAB_DATA"}
    environment.pop("LEERLAB_DEBUG", None)
    return environment


@pytest.fixture
def big_dataset(write_dataset: WriteDataset) -> Path:
    """A dataset whose export (some 3 MB in each format) is far larger than a pipe's buffer."""
    design = "lange tekst " * 400
    return write_dataset(*(make_lab(slug=f"lab-{index}", design=design) for index in range(600)))


@pytest.mark.parametrize("output_format", FORMATS)
def test_head_ends_the_export_quietly(big_dataset: Path, output_format: str) -> None:
    command = [*LEERLAB, "--data", str(big_dataset), "export", "--format", output_format]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_environment()
    )
    assert process.stdout is not None
    assert process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read()
    process.wait(timeout=60)
    assert first
    assert stderr == b""
    # Not killed by SIGPIPE. (Whether the export sees the closed pipe at all depends
    # on the kernel: a large write may end short without an error.)
    assert process.returncode >= 0


@pytest.mark.parametrize("output_format", FORMATS)
def test_export_into_a_closed_pipe_is_quiet(shipped: Path, output_format: str) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)
    with tempfile.TemporaryFile() as stderr:
        try:
            completed = subprocess.run(
                [*LEERLAB, "--data", str(shipped), "export", "--format", output_format],
                stdout=write_end,
                stderr=stderr,
                env=_environment(),
                timeout=60,
                check=False,
            )
        finally:
            os.close(write_end)
        stderr.seek(0)
        assert stderr.read() == b""
    # It met the closed pipe (exit 0 would mean it never wrote), and was not
    # killed by SIGPIPE but ended by itself.
    assert completed.returncode > 0


def test_shell_pipe_into_head(big_dataset: Path) -> None:
    script = Path(sys.executable).with_name("leerlab")
    if not script.exists():
        pytest.skip("the console script is not installed next to the interpreter")
    completed = subprocess.run(
        f"'{script}' --data '{big_dataset}' export --format csv | head -1",
        shell=True,
        capture_output=True,
        env=_environment(),
        timeout=60,
        check=False,
    )
    assert completed.stdout == (",".join(CSV_COLUMNS) + "\n").encode()
    assert completed.stderr == b""
