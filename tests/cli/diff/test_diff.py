"""`leerlab diff`: what changed between two editions, as text, Markdown and JSON."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from helpers import invoke_into
from leerlab_cli.cli import app

NEW_LAB = """
[[leerlab]]
slug = "zeven"
name = "Leerlab *Zeven*"
place = "Utrecht"
provinces = ["Utrecht"]
schools = [{ name = "A", types = ["vo"] }]
"""


@pytest.fixture
def editions(shipped: Path, tmp_path: Path) -> tuple[Path, Path]:
    """The shipped dataset, and a new edition: a lab added, one removed, an e-mail fixed,
    a route's status changed."""
    text = shipped.read_text(encoding="utf-8")
    edited = text.replace('email = "hub@dr.nassaucollege.nl"', 'email = "hub@drnassau.nl"')
    edited = edited.replace(
        '{ niveaus = [3, 4], status = "planned" }',
        '{ niveaus = [3, 4], status = "scheduled", start = "2023-09" }',
    )
    edited = edited[: edited.index('[[leerlab]]\nslug = "midden-limburg"')] + NEW_LAB
    new = tmp_path / "new.toml"
    new.write_text(edited, encoding="utf-8")
    return shipped, new


def test_text_report(runner: CliRunner, editions: tuple[Path, Path]) -> None:
    old, new = editions
    result = runner.invoke(app, ["diff", str(old), str(new)])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "Added:\n"
        "  zeven  Leerlab *Zeven*\n"
        "Removed:\n"
        "  midden-limburg  Leerlab Midden-Limburg\n"
        "Changed:\n"
        "  assen  Leerlab Assen\n"
        '    contacts[name=Huubs Hubbeling].email: "hub@dr.nassaucollege.nl" → "hub@drnassau.nl"\n'
        "  oost  Leerlab Oost\n"
        '    routes[leerwegen=,niveaus=3/4].status: "planned" → "scheduled"\n'
        '    routes[leerwegen=,niveaus=3/4].start: (nothing) → "2023-09"\n'
        "1 added, 1 removed, 2 changed\n"
    )


def test_json_report(runner: CliRunner, editions: tuple[Path, Path]) -> None:
    old, new = editions
    result = runner.invoke(app, ["diff", "--format", "json", str(old), str(new)])
    assert result.exit_code == 0, result.output
    route = "routes[leerwegen=,niveaus=3/4]"
    assert json.loads(result.stdout) == {
        "added": ["zeven"],
        "removed": ["midden-limburg"],
        "changed": [
            {
                "slug": "assen",
                "field": "contacts[name=Huubs Hubbeling].email",
                "change": "changed",
                "old": "hub@dr.nassaucollege.nl",
                "new": "hub@drnassau.nl",
            },
            {
                "slug": "oost",
                "field": f"{route}.status",
                "change": "changed",
                "old": "planned",
                "new": "scheduled",
            },
            {
                "slug": "oost",
                "field": f"{route}.start",
                "change": "changed",
                "old": None,
                "new": "2023-09",
            },
        ],
    }


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            "## What's new\n\n"
            "- New: Leerlab \\*Zeven\\* (Utrecht)\n"
            "- No longer in the dataset: Leerlab Midden-Limburg\n"
            "- Leerlab Assen: new e-mail address for Huubs Hubbeling: hub@drnassau.nl\n"
            "- Leerlab Oost: route to mbo 3/4 (leerweg not given): now scheduled for 2023-09\n",
        ),
        (
            "nl",
            "## Wat is er nieuw\n\n"
            "- Nieuw: Leerlab \\*Zeven\\* (Utrecht)\n"
            "- Niet meer in de dataset: Leerlab Midden-Limburg\n"
            "- Leerlab Assen: nieuw e-mailadres van Huubs Hubbeling: hub@drnassau.nl\n"
            "- Leerlab Oost: route naar mbo 3/4 (leerweg niet vermeld): nu gepland voor 2023-09\n",
        ),
    ],
)
def test_markdown_section_for_the_newsletter(
    runner: CliRunner, editions: tuple[Path, Path], language: str, expected: str
) -> None:
    old, edited = editions
    result = runner.invoke(
        app, ["diff", "--format", "markdown", str(old), str(edited)], env={"LEERLAB_LANG": language}
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == expected
    html = MarkdownIt("commonmark").render(result.stdout)
    assert html.count("<li>") == 4
    assert "Leerlab *Zeven* (Utrecht)</li>" in html
    # Words for a newsletter: no field paths, no codes.
    assert "<code>" not in html
    assert "routes[" not in html


def test_the_same_file_does_not_differ(runner: CliRunner, shipped: Path) -> None:
    result = runner.invoke(app, ["diff", "--exit-code", str(shipped), str(shipped)])
    assert result.exit_code == 0, result.output
    assert result.stdout == "No differences.\n"


def test_exit_code_says_they_differ(runner: CliRunner, editions: tuple[Path, Path]) -> None:
    old, new = editions
    assert runner.invoke(app, ["diff", str(old), str(new)]).exit_code == 0
    assert runner.invoke(app, ["diff", "--exit-code", str(old), str(new)]).exit_code == 1


def test_an_invalid_edition_is_exit_1_with_its_problems(
    runner: CliRunner, shipped: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text(
        # The leerlab's own place (its schools' places follow it).
        shipped.read_text(encoding="utf-8").replace('place = "Assen"', 'plase = "Assen"', 1),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["diff", str(shipped), str(broken)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{broken}:68:1: error: leerlab 'assen': place: required field place is missing",
        f"{broken}:71:1: error: leerlab 'assen': plase: unknown field plase; did you mean place?",
    ]
    missing = tmp_path / "nothing.toml"
    result = runner.invoke(app, ["diff", str(missing), str(shipped)])
    assert result.exit_code == 1
    assert result.stderr == f"error: {missing}: no such file\n"


def test_data_is_printed_literally(runner: CliRunner, shipped: Path, tmp_path: Path) -> None:
    new = tmp_path / "new.toml"
    new.write_text(
        shipped.read_text(encoding="utf-8").replace(
            'name = "Leerlab Oost"', 'name = "[bold]Oost[/bold] \\u001b[2J"'
        ),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["diff", str(shipped), str(new)])
    assert result.exit_code == 1, result.output
    assert "control character" in result.stderr
    new.write_text(
        shipped.read_text(encoding="utf-8").replace(
            'name = "Leerlab Oost"', 'name = "[bold]Oost[/bold]"'
        ),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["diff", str(shipped), str(new)], color=True)
    assert result.exit_code == 0, result.output
    assert '    name: "Leerlab Oost" → "[bold]Oost[/bold]"\n' in result.stdout
    assert "\x1b" not in result.stdout


@pytest.mark.parametrize("output_format", ["text", "markdown", "json"])
def test_a_closed_pipe_ends_quietly(editions: tuple[Path, Path], output_format: str) -> None:
    # In-process, writing to the pipe itself; test_pipes.py runs the process (other commands).
    old, new = editions
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        assert invoke_into(["diff", "--format", output_format, str(old), str(new)], write_end) == (
            1,
            "",
        )
    finally:
        os.close(write_end)
