"""The README's walk-through for maintainers, run: its commands print what it shows."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import REPOSITORY
from leerlab_cli.cli import app

EDITS = {
    'name = ""': 'name = "Leerlab Zeeland"',
    'place = ""': 'place = "Goes"',
    "provinces = []": 'provinces = ["Zeland"]',
    "schools = []": 'schools = [\n  { name = "Ostrea Lyceum", types = ["vo"], place = "Goes" },\n'
    '  { name = "Scalda", types = ["mbo"], place = "Goes" },\n]',
    '# sectors = ["Zorg en Welzijn"]': 'sectors = ["Zorg en Welzijn"]',
    '# routes = [{ leerwegen = ["bb"], niveaus = [2], status = "running", start = "2019" }]': (
        'routes = [{ leerwegen = ["bb"], niveaus = [2], status = "gepland", start = "2024-09" }]'
    ),
    "# works_on = { nader_te_bepalen = true }": "works_on = { nader_te_bepalen = true }",
    '# source = { title = "Doorlopende leerroutes in Zeeland", publisher = "STERK '
    'Beroepsonderwijs", year = 2024 }': 'source = { title = "Doorlopende leerroutes in Zeeland", '
    'publisher = "STERK Beroepsonderwijs", year = 2024 }',
}
"""Step 2, as the README shows it."""
FIXES = {'provinces = ["Zeland"]': 'provinces = ["Zeeland"]', '"gepland"': '"scheduled"'}
"""What the maintainer writes after step 3's first run."""


def _section() -> str:
    readme = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    start = readme.index("### For maintainers: adding a leerlab")
    return readme[start : readme.index("\n### ", start + 1)]


def _runs(section: str) -> list[tuple[str, str]]:
    # Each `$ command` of the console blocks, with the lines printed after it.
    runs: list[tuple[str, str]] = []
    for block in re.findall(r"```console\n(.*?)```", section, re.DOTALL):
        for part in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
            command, _, output = part.partition("\n")
            runs.append((command.split("#")[0].strip(), output))
    return runs


def test_the_walkthrough_prints_what_the_readme_shows(
    runner: CliRunner, shipped: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "oud.toml").write_bytes(shipped.read_bytes())
    (tmp_path / "nieuw.toml").write_bytes(shipped.read_bytes())
    section = _section()
    runs = _runs(section)
    assert [command for command, _ in runs] == [
        "leerlab new zeeland >> nieuw.toml",
        "leerlab validate nieuw.toml",
        "leerlab validate nieuw.toml",
        "leerlab validate nieuw.toml",
        "leerlab diff oud.toml nieuw.toml --format markdown",
    ]
    edits = [EDITS, FIXES, {}]
    for command, expected in runs:
        words = shlex.split(command)
        target = None
        if ">>" in words:
            words, target = words[: words.index(">>")], words[-1]
        result = runner.invoke(app, words[1:], env={"LEERLAB_LANG": "nl"})
        if target is not None:
            with (tmp_path / target).open("a", encoding="utf-8") as file:
                file.write(result.stdout)
            assert expected == ""
        else:
            assert result.stderr + result.stdout == expected, command
        if words[1] == "validate":
            path = tmp_path / "nieuw.toml"
            text = path.read_text(encoding="utf-8")
            head, new = text.split('slug = "zeeland"') if 'slug = "zeeland"' in text else (text, "")
            for old, edited in edits.pop(0).items():
                assert old in new, old
                new = new.replace(old, edited, 1)
                if edits and edited.startswith(("name", "schools")):
                    # Step 2 of the README shows the table as edited.
                    assert edited.split("\n")[0] in section
            path.write_text(head + 'slug = "zeeland"' + new if new else text, encoding="utf-8")
