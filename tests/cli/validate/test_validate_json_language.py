"""`validate --format json`: `message` and `hint` in the interface language, the rest fixed."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from helpers import WriteDataset, make_lab
from leerlab_cli.cli import app


def _report(runner: CliRunner, path: Path, language: str) -> list[dict[str, object]]:
    result = runner.invoke(
        app, ["validate", "--format", "json", str(path)], env={"LEERLAB_LANG": language}
    )
    assert result.exit_code == 1, result.output
    problems: list[dict[str, object]] = json.loads(result.stdout)
    return problems


def test_message_and_hint_follow_the_language_and_the_rest_does_not(
    runner: CliRunner, write_dataset: WriteDataset
) -> None:
    path = write_dataset(make_lab(routes=[{"leerwegen": ["kader"], "niveaus": [2]}]))
    dutch, english = (_report(runner, path, language) for language in ("nl", "en"))
    fixed = ("file", "line", "column", "leerlab", "field", "severity", "code")
    assert [[p[key] for key in fixed] for p in dutch] == [
        [p[key] for key in fixed] for p in english
    ]
    (problem_nl,) = dutch
    (problem_en,) = english
    assert problem_en["code"] == problem_nl["code"] == "enum"
    assert problem_en["message"] == '"kader" is not one of "bb", "kb", "gl", "tl"'
    assert problem_en["hint"] == 'write "kb"'
    assert problem_nl["message"] != problem_en["message"]
    assert problem_nl["hint"] != problem_en["hint"]
    assert "kader" in str(problem_nl["message"])
    assert "kb" in str(problem_nl["hint"])
    assert "is not" not in str(problem_nl["message"])
