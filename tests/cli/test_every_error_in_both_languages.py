"""Every error leerlab can report, in Dutch and in English: no word of the other language.

The datasets hold words of neither language's telltales, so what is found is leerlab's.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import WriteDataset, make_lab
from leerlab_cli.cli import app
from leerlab_cli.core.problems import Problem
from leerlab_cli.core.rules import Severity
from leerlab_cli.formats.problems import _MESSAGES, problem_line
from leerlab_cli.i18n import setup_language

ENGLISH = re.compile(
    r"\bthe |\bis not\b|\bmust\b|\berror:|\bUsage\b|\bTry\b|\bMissing\b|\bInvalid\b|"
    r"\bcannot\b|\bfolder\b|\bGot\b|\bunexpected\b|\bOption\b|\bdoes not\b|"
    r"\b(OLD|NEW|FILE|PATH|QUERY)\b"
)
DUTCH = re.compile(
    r"\bniet\b|\bmoet\b|\bbestand|\bfout\b|\bGebruik\b|\bbedoel|\bOptie\b|\bOnbekende?\b|"
    r"\bOngeldige?\b|\bOntbrekende?\b|\bmap\b|\b(OUD|NIEUW|BESTAND|PAD|ZOEKTERM)\b"
)
TELLTALES = {"nl": ENGLISH, "en": DUTCH}

LAB = {"slug": "alfa", "name": "Alfa", "place": "Xyz"}


def _words(text: str) -> str:
    # A `PATH:LINE:COL: error:` line keeps `error` in every language, for editors.
    return re.sub(r":\d+:\d+: (error|warning): ", ": ", text)


def _invoke(runner: CliRunner, args: list[str], language: str, **env: str) -> str:
    result = runner.invoke(app, args, env={"LEERLAB_LANG": language, **env})
    assert result.exit_code in (1, 2), result.output
    return result.stderr


def _cases(tmp: Path, path: Path, other: Path) -> dict[str, tuple[list[str], dict[str, str]]]:
    folder = tmp / "xq"
    folder.mkdir(exist_ok=True)
    invalid = tmp / "invalid.toml"
    invalid.write_text('[meta]\ntitle = "x"\n[[leerlab]]\nslug = "Q Q"\n', encoding="utf-8")
    data = ["--data", str(path)]
    return {
        "ENOENT": (["--data", str(tmp / "absent.toml"), "list"], {}),
        "EISDIR": (["--data", str(folder), "list"], {}),
        "too large": ([*data, "list"], {"LEERLAB_MAX_BYTES": "10"}),
        "invalid": (["--data", str(invalid), "list"], {}),
        "empty query": ([*data, "show", " "], {}),
        "ambiguous": ([*data, "show", "xyz"], {}),
        "no match": ([*data, "show", "qqq"], {}),
        "output folder absent": ([*data, "export", "--output", str(tmp / "a" / "b.md")], {}),
        "output a folder": ([*data, "export", "--output", str(folder)], {}),
        "unknown option": ([*data, "list", "--sectr", "x"], {}),
        "missing value": ([*data, "list", "--sector"], {}),
        "value not taken": ([*data, "list", "--header=ja"], {}),
        "invalid choice": ([*data, "list", "--format", "xml"], {}),
        "unknown command": ([*data, "lijst"], {}),
        "extra argument": ([*data, "show", "alfa", "beta"], {}),
        "missing argument": ([*data, "diff", str(other)], {}),
        "empty path argument": ([*data, "diff", "", str(other)], {}),
        "empty file argument": ([*data, "validate", ""], {}),
        "missing query": ([*data, "show"], {}),
    }


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_error_path_speaks_one_language(
    runner: CliRunner, write_dataset: WriteDataset, tmp_path: Path, language: str
) -> None:
    path = write_dataset(make_lab(**LAB), make_lab(**{**LAB, "slug": "beta", "name": "Beta"}))
    other = write_dataset(make_lab(**LAB), name="other.toml")
    mixed = {}
    for name, (args, env) in _cases(tmp_path, path, other).items():
        stderr = _invoke(runner, args, language, **env)
        assert stderr, name
        found = TELLTALES[language].findall(_words(stderr))
        if found:
            mixed[name] = (found, stderr)
    assert mixed == {}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_validate_problem_speaks_one_language(language: str) -> None:
    setup_language({"LEERLAB_LANG": language})
    values = {
        "value": "xyz",
        "name": "xyz",
        "expected": ["aa", "bb"],
        "ge": 1,
        "le": 4,
        "first": 1,
        "kind": "doorlopende leerroute",
        "province": "Utrecht",
        "reason": "Invalid value",
        "suggestion": "aa",
    }
    mixed = {}
    for code in [*_MESSAGES, "too_short", "unreadable"]:
        # An unreadable file's reason is worded where it is read: here, a placeholder.
        facts = {**values, "reason": "xyz"} if code == "unreadable" else values
        problem = Problem("x.toml", 1, 2, "alfa", "place", Severity.error, code, facts)
        line = _words(problem_line(problem))
        found = TELLTALES[language].findall(line)
        if found:
            mixed[code] = (found, line)
    assert mixed == {}
