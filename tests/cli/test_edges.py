"""Edges where promises broke: odd file names, odd settings, the TOML parser's and the
system's words, links that must point at exactly what they show."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from helpers import META, WriteDataset, make_lab
from leerlab_cli.cli import app
from leerlab_cli.files.dataset import MAX_BYTES_VAR

HOSTILE_ADDRESS = "a%0d%0abcc%3aevil%2540evil.nl@example.nl"


def test_a_markdown_mail_link_decodes_to_the_address_shown(
    runner: CliRunner, write_dataset: WriteDataset
) -> None:
    contact = {"name": "Piet", "email": HOSTILE_ADDRESS}
    path = write_dataset(make_lab(contacts=[contact]))
    result = runner.invoke(app, ["--data", str(path), "export", "--format", "markdown"])
    assert result.exit_code == 0, result.output
    tokens = MarkdownIt("commonmark").parse(result.stdout)
    links = [
        child.attrGet("href")
        for token in tokens
        for child in token.children or []
        if child.type == "link_open"
    ]
    mail = [str(link) for link in links if str(link).startswith("mailto:")]
    assert mail, result.stdout
    # What a mail program does with the link: decode it once.
    assert [unquote(link.removeprefix("mailto:")) for link in mail] == [HOSTILE_ADDRESS]


@pytest.mark.skipif(sys.platform != "linux", reason="a file name of bytes that are not UTF-8")
@pytest.mark.parametrize(
    "command",
    [["validate", "--format", "json", "{path}"], ["--data", "{path}", "info", "--format", "json"]],
)
def test_a_file_name_that_is_not_utf8_stays_strict_utf8_in_json(
    runner: CliRunner, tmp_path: Path, command: list[str]
) -> None:
    source = tmp_path / os.fsdecode(b"bad\xff.toml")
    name = str(source)
    # For validate, a problem to report: the file name is in each.
    year = "2021" if "info" in command else '"2021"'
    source.write_bytes(f'[meta]\ntitle = "x"\npublisher = "y"\nyear = {year}\n'.encode())
    args = [part.replace("{path}", name) for part in command]
    result = runner.invoke(app, args)
    assert result.exit_code == (0 if "info" in command else 1), result.output
    result.stdout_bytes.decode("utf-8")  # strict: no lone surrogate
    assert "bad\\\\xff.toml" in result.stdout, result.stdout
    json.loads(result.stdout)


@pytest.mark.parametrize("value", ["99999999999999999999999999999", "9223372036854775807"])
def test_a_size_limit_beyond_any_file_is_no_limit(
    runner: CliRunner, shipped: Path, value: str
) -> None:
    result = runner.invoke(app, ["--data", str(shipped), "list"], env={MAX_BYTES_VAR: value})
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("apeldoorn\t")


@pytest.mark.parametrize(
    ("text", "dutch"),
    [
        ("[meta]\n[meta]\n", "2:6: error: ongeldige TOML: de tabel meta staat er twee keer"),
        ('a = "x\\qy"\n', "ongeldige TOML: een backslash in een tekst moet dubbel"),
        ("a = 1 b = 2\n", "1:7: error: ongeldige TOML: een regel mag maar één sleutel"),
        ('a = "\x00"\n', "ongeldige TOML: het teken"),
        ('a = "\\uZZZZ"\n', "ongeldige TOML: een \\u- of \\U-escape"),
        ("[a\n", "ongeldige TOML: een [tabel]-kop moet op dezelfde regel eindigen"),
        ("a = { b = 1, b = 2 }\n", 'ongeldige TOML: de sleutel "b" staat twee keer'),
    ],
)
def test_the_toml_parsers_messages_are_in_the_interface_language(
    runner: CliRunner, tmp_path: Path, text: str, dutch: str
) -> None:
    path = tmp_path / "labs.toml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)], env={"LEERLAB_LANG": "nl"})
    assert result.exit_code == 1, result.output
    assert dutch in result.stderr, result.stderr
    for english in ("Expected", "Illegal", "Unescaped", "Invalid", "Cannot", "('"):
        assert english not in result.stderr, result.stderr


def test_the_systems_reason_is_in_the_interface_language(runner: CliRunner, tmp_path: Path) -> None:
    loop = tmp_path / "loop.toml"
    loop.symlink_to(loop)
    result = runner.invoke(app, ["--data", str(loop), "list"], env={"LEERLAB_LANG": "nl"})
    assert result.exit_code == 1
    assert result.stderr.endswith(
        f"{loop}: kan niet gelezen worden: te veel niveaus van symbolische koppelingen\n"
    ), result.stderr


def test_the_schools_hint_stays_short_however_many_schools(
    runner: CliRunner, write_dataset: WriteDataset
) -> None:
    schools = [{"name": f"School {number}", "types": ["vo"]} for number in range(60)]
    routes = [{"leerwegen": ["bb"], "niveaus": [2], "schools": ["Nergens College"]}]
    path = write_dataset(make_lab(schools=schools, routes=routes), meta=META)
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    (line,) = [line for line in result.stderr.splitlines() if "Nergens College" in line]
    assert line.endswith('"School 8", "School 9" and 50 more'), line
