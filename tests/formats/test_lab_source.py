"""A leerlab's own source: in its facts (show, Markdown, HTML), in TOML and JSON, validated."""

from __future__ import annotations

import datetime
import json
import tomllib
from pathlib import Path
from xml.etree.ElementTree import Element

import html5lib
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from helpers import WriteDataset, exported, make_lab, stdout_of
from leerlab_cli.cli import app

NS = {"h": "http://www.w3.org/1999/xhtml"}


def parse(page: str) -> Element:
    document: Element = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(page)
    return document


def tags(root: Element, name: str) -> list[Element]:
    return root.findall(f".//h:{name}", NS)


def text(element: Element) -> str:
    return " ".join("".join(element.itertext()).split())


def shown(page: str) -> str:
    """The line of the page's header that counts the leerlabs it shows."""
    (line,) = [p for p in tags(parse(page), "p") if p.get("class") == "total"]
    return text(line)


ZEELAND_SOURCE = {
    "title": "Doorlopende leerroutes in Zeeland",
    "publisher": "STERK Beroepsonderwijs",
    "date": datetime.date(2024, 3, 15),
    "url": "https://example.org/zeeland?deel=1&x=2",
}
"""A seventh leerlab's source: a 2024 article, with a URL Markdown and HTML must keep as text."""
BRON = "Doorlopende leerroutes in Zeeland, STERK Beroepsonderwijs, 2024-03-15, "


def _two_labs(write_dataset: WriteDataset) -> Path:
    return write_dataset(
        make_lab(slug="zeeland", name="Leerlab Zeeland", source=ZEELAND_SOURCE),
        make_lab(slug="oud", name="Leerlab Oud"),
    )


def test_show_says_bron_for_a_leerlab_with_its_own_source(
    runner: CliRunner, write_dataset: WriteDataset
) -> None:
    data = str(_two_labs(write_dataset))
    dutch = stdout_of(runner, ["--data", data, "show", "zeeland"], env={"LEERLAB_LANG": "nl"})
    lines = dutch.splitlines()
    # Last of its facts, before whom to ask.
    assert lines[-2:] == [
        f"Bron: {BRON}https://example.org/zeeland?deel=1&x=2",
        "Meer weten?: Piet Test <piet@test.nl>",
    ]
    # A leerlab from the dataset's own source reads as before: no line of its own.
    old = stdout_of(runner, ["--data", data, "show", "oud"], env={"LEERLAB_LANG": "nl"})
    assert "Bron" not in old


def test_markdown_names_the_source_of_the_leerlab(
    runner: CliRunner, write_dataset: WriteDataset
) -> None:
    data = _two_labs(write_dataset)
    document = exported(runner, data, "--format", "markdown")
    rendered = MarkdownIt("commonmark").render(document)
    url = "https://example.org/zeeland?deel=1&amp;x=2"
    assert f"<li><strong>Source:</strong> {BRON}{url}</li>" in rendered
    assert rendered.count("<strong>Source:</strong>") == 1


def test_html_page_says_bron_and_counts_the_leerlabs_it_shows(
    runner: CliRunner, write_dataset: WriteDataset
) -> None:
    data = str(_two_labs(write_dataset))
    page = stdout_of(
        runner, ["--data", data, "export", "--format", "html"], env={"LEERLAB_LANG": "nl"}
    )
    root = parse(page)
    assert shown(page) == "Deze pagina toont 2 leerlabs."
    zeeland, old = tags(root, "section")
    assert [text(dt) for dt in tags(zeeland, "dt")][-2:] == ["Bron", "Meer weten?"]
    assert text(tags(zeeland, "dd")[-2]) == BRON + "https://example.org/zeeland?deel=1&x=2"
    assert "Bron" not in [text(dt) for dt in tags(old, "dt")]
    # No link leaves the page: the address is text.
    assert not [a for a in tags(root, "a") if a.get("href", "").startswith("http")]
    one = stdout_of(
        runner,
        ["--data", data, "export", "--format", "html", "-q", "zeeland"],
        env={"LEERLAB_LANG": "nl"},
    )
    assert shown(one) == "Deze pagina toont 1 leerlab."


def test_the_shipped_page_counts_what_it_shows(runner: CliRunner, shipped: Path) -> None:
    # The source's introduction says "zes"; the header counts the leerlabs on the page.
    page = stdout_of(runner, ["--data", str(shipped), "export", "--format", "html", "--to", "4"])
    assert shown(page) == "This page shows 2 leerlabs."


def test_source_round_trips_through_toml_and_json(
    runner: CliRunner, write_dataset: WriteDataset
) -> None:
    data = _two_labs(write_dataset)
    written = exported(runner, data, "--format", "toml")
    # A TOML date, as the maintainer writes it, not a text.
    assert tomllib.loads(written)["leerlab"][0]["source"]["date"] == datetime.date(2024, 3, 15)
    again = data.with_name("again.toml")
    again.write_text(written, encoding="utf-8")
    assert exported(runner, again, "--format", "json") == exported(runner, data, "--format", "json")
    labs = json.loads(exported(runner, data, "--format", "json"))
    assert labs[0]["source"] == {
        "title": "Doorlopende leerroutes in Zeeland",
        "publisher": "STERK Beroepsonderwijs",
        "year": None,
        "date": "2024-03-15",
        "url": "https://example.org/zeeland?deel=1&x=2",
    }
    assert labs[1]["source"] is None


def test_validate_explains_a_bad_source(runner: CliRunner, write_dataset: WriteDataset) -> None:
    bad = {"title": "Artikel", "date": "15 maart 2024", "url": "www.example.org", "jaar": 2024}
    data = write_dataset(make_lab(source=bad))
    result = runner.invoke(app, ["validate", "--format", "json", str(data)])
    assert result.exit_code == 1
    found = {(p["field"], p["code"], p["message"], p["hint"]) for p in json.loads(result.stdout)}
    assert found == {
        (
            "source.date",
            "date_type",
            '"15 maart 2024" must be a date without quotes, like 2024-03-15',
            None,
        ),
        (
            "source.url",
            "url_pattern",
            '"www.example.org" is not a web address: write one starting with https://',
            None,
        ),
        ("source.jaar", "extra_forbidden", "unknown field jaar", None),
    }
