"""`leerlab validate`: every problem in one pass, at its line and column, with the fix."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import make_lab
from leerlab_cli.cli import app
from leerlab_cli.core.problems import Problem, Severity
from leerlab_cli.formats.problems import github_report

SEVENTH = """
[[leerlab]]
slug = "apeldoorn"
name = "Leerlab Zeven"
provinces = ["Utrecht"]
schools = [
  { name = "Testcollege", types = ["vo"] },
  { name = "ROC Test", types = ["mbo"] },
]
sectorz = ["Zorg en Welzijn"]
routes = [
  { leerwegen = ["kader"], niveaus = [3], schools = ["ROC Tset"] },
]
contacts = [
  { name = "Piet Test", email = "piet@test.nl " },
]
"""


@pytest.fixture
def six_mistakes(shipped: Path, tmp_path: Path) -> tuple[Path, int]:
    """The shipped dataset with a seventh leerlab that has six mistakes; and its header line."""
    text = shipped.read_text(encoding="utf-8")
    path = tmp_path / "leerlabs.toml"
    path.write_text(text + SEVENTH, encoding="utf-8")
    return path, text.count("\n") + 2


def test_six_mistakes_in_one_run_each_at_its_line(
    runner: CliRunner, six_mistakes: tuple[Path, int]
) -> None:
    path, header = six_mistakes
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1, result.output
    # The seventh leerlab repeats the slug apeldoorn: its header's line says which is meant.
    lab = f"{path}:{{}}: error: leerlab 'apeldoorn' (line {header}): "
    shipped_warning = (
        f"{path}:83:3: warning: leerlab 'assen': routes[0]: a doorlopende leerroute cannot "
        "lead to mbo niveau 1 (Entree)"
    )
    assert result.stderr.splitlines() == [
        shipped_warning,
        lab.format(f"{header}:1") + "place: required field place is missing",
        lab.format(f"{header + 1}:8") + 'slug: slug "apeldoorn" is already used by leerlab #1',
        lab.format(f"{header + 8}:1") + "sectorz: unknown field sectorz; did you mean sectors?",
        lab.format(f"{header + 10}:18")
        + 'routes[0].leerwegen[0]: "kader" is not one of "bb", "kb", "gl", "tl"; write "kb"',
        lab.format(f"{header + 10}:54")
        + 'routes[0].schools[0]: "ROC Tset" is not one of the leerlab\'s schools; '
        'did you mean "ROC Test"?',
        lab.format(f"{header + 13}:33")
        + 'contacts[0].email: "piet@test.nl " is not a valid e-mail address; '
        'remove the spaces: "piet@test.nl"',
    ]
    assert result.stdout == "7 leerlabs, 6 errors, 1 warning\n"


def test_json_lists_every_problem_with_fixed_keys(
    runner: CliRunner, six_mistakes: tuple[Path, int]
) -> None:
    path, header = six_mistakes
    result = runner.invoke(app, ["validate", "--format", "json", str(path)])
    assert result.exit_code == 1, result.output
    problems = json.loads(result.stdout)
    assert [set(problem) for problem in problems] == [
        {"file", "line", "column", "leerlab", "field", "severity", "code", "message", "hint"}
    ] * 7
    leerweg = problems[4]
    assert leerweg == {
        "file": str(path),
        "line": header + 10,
        "column": 18,
        "leerlab": "apeldoorn",
        "field": "routes[0].leerwegen[0]",
        "severity": "error",
        "code": "enum",
        "message": '"kader" is not one of "bb", "kb", "gl", "tl"',
        "hint": 'write "kb"',
    }
    assert [problem["severity"] for problem in problems] == ["warning"] + ["error"] * 6


def test_github_annotations_escape_as_the_toolkit_does(
    runner: CliRunner, six_mistakes: tuple[Path, int]
) -> None:
    path, header = six_mistakes
    result = runner.invoke(app, ["validate", "--format", "github", str(path)])
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 7
    assert lines[0].startswith(f"::warning file={path},line=83,col=3,title=leerlab 'assen'%3A ")
    assert lines[3] == (
        f"::error file={path},line={header + 8},col=1,"
        f"title=leerlab 'apeldoorn' (line {header})%3A sectorz"
        "::unknown field sectorz; did you mean sectors?"
    )


def test_strict_makes_warnings_fail(runner: CliRunner) -> None:
    assert runner.invoke(app, ["validate"]).exit_code == 0
    result = runner.invoke(app, ["validate", "--strict"])
    assert result.exit_code == 1
    assert result.stdout == "6 leerlabs, 0 errors, 1 warning\n"


def test_the_summary_is_translated_with_plurals(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate"], env={"LEERLAB_LANG": "nl"})
    assert result.stdout == "6 leerlabs, 0 fouten, 1 waarschuwing\n"


def test_every_file_given_is_checked(
    runner: CliRunner, write_dataset: Callable[..., Path], tmp_path: Path
) -> None:
    good = write_dataset(name="good.toml")
    bad = write_dataset(make_lab(place=""), name="bad.toml")
    missing = tmp_path / "nothing.toml"
    result = runner.invoke(app, ["validate", str(good), str(bad), str(missing)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{bad}:9:9: error: leerlab 'testlab': place: must not be empty",
        f"{missing}: error: no such file",
    ]
    assert result.stdout == "2 leerlabs, 2 errors, 0 warnings\n"


SUGGESTIONS = {
    "gt is gl and tl": (
        make_lab(routes=[{"leerwegen": ["gt"], "niveaus": [4]}]),
        'routes[0].leerwegen[0]: "gt" is not one of "bb", "kb", "gl", "tl"; '
        'write "gl", "tl" in the list',
    ),
    "basis is bb": (
        make_lab(routes=[{"leerwegen": ["basis"], "niveaus": [2]}]),
        'routes[0].leerwegen[0]: "basis" is not one of "bb", "kb", "gl", "tl"; write "bb"',
    ),
    "a status in capitals": (
        make_lab(routes=[{"leerwegen": ["bb"], "niveaus": [2], "status": "Running"}]),
        'routes[0].status: "Running" is not one of "running", "scheduled", "in-development", '
        '"planned"; did you mean "running"?',
    ),
    "nader te bepalen as text": (
        make_lab(design="Nader te bepalen"),
        'design: "Nader te bepalen" as text is not the same as a fact left open; '
        "write { nader_te_bepalen = true }",
    ),
    "scheduled without a start": (
        make_lab(routes=[{"leerwegen": ["bb"], "niveaus": [2], "status": "scheduled"}]),
        "routes[0].status: a scheduled route needs a start; add a start, such as start = "
        '"2021-09", or choose another status',
    ),
    "a start in words": (
        make_lab(routes=[{"leerwegen": ["bb"], "niveaus": [2], "start": "september 2021"}]),
        'routes[0].start: "september 2021" is not a start: write a year (2021), a school year '
        "(2019-2020) or a month (2021-09)",
    ),
    "a misspelt school field": (
        make_lab(schools=[{"name": "Testcollege", "typse": ["vo"]}]),
        "schools[0].typse: unknown field typse; did you mean types?",
    ),
    "a string niveau": (
        make_lab(routes=[{"leerwegen": ["bb"], "niveaus": ["3"]}]),
        'routes[0].niveaus[0]: "3" must be a whole number, without quotes',
    ),
}


@pytest.mark.parametrize(("lab", "expected"), SUGGESTIONS.values(), ids=list(SUGGESTIONS))
def test_the_message_quotes_the_value_and_suggests_the_fix(
    runner: CliRunner, write_dataset: Callable[..., Path], lab: dict[str, object], expected: str
) -> None:
    path = write_dataset(lab)
    result = runner.invoke(app, ["validate", "--format", "json", str(path)])
    assert result.exit_code == 1, result.output
    problems = json.loads(result.stdout)
    worded = [
        f"{problem['field']}: {problem['message']}"
        + (f"; {problem['hint']}" if problem["hint"] else "")
        for problem in problems
        if problem["severity"] == "error"
    ]
    assert expected in worded, worded


@pytest.mark.parametrize("start", ["2021", "2019-2020", "2021-09"])
def test_the_documented_forms_of_start_are_accepted(
    runner: CliRunner, write_dataset: Callable[..., Path], start: str
) -> None:
    route = {"leerwegen": ["bb"], "niveaus": [2], "status": "scheduled", "start": start}
    result = runner.invoke(app, ["validate", str(write_dataset(make_lab(routes=[route])))])
    assert result.exit_code == 0, result.output


TOML_MISTAKES = {
    'name "x"': "a key must be followed by '=' and a value",
    'sectors = ["a", "b"\nname = "x"': "a list opened with '[' is not closed with ']'",
    "year = twintig": "this is not a value: text needs quotes",
    'name = "a"\nname = "b"': "this key already has a value above (a key given twice?)",
    "x = { a = 1, a = 2 }": 'the key "a" is given twice in one table',
}


@pytest.mark.parametrize(("line", "explanation"), TOML_MISTAKES.items(), ids=list(TOML_MISTAKES))
def test_toml_mistakes_are_explained_at_their_place(
    runner: CliRunner, tmp_path: Path, line: str, explanation: str
) -> None:
    path = tmp_path / "labs.toml"
    path.write_text(f"[meta]\n{line}\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    (reported,) = result.stderr.splitlines()
    assert reported.startswith(f"{path}:2:") or reported.startswith(f"{path}:3:"), reported
    assert f": error: invalid TOML: {explanation}" in reported


def test_toml_mistakes_are_explained_in_dutch(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "labs.toml"
    path.write_text("[meta]\nyear = twintig\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)], env={"LEERLAB_LANG": "nl"})
    assert result.stderr == (
        f"{path}:2:8: error: ongeldige TOML: dit is geen waarde: tekst staat tussen "
        'aanhalingstekens ("…"), true en false in kleine letters\n'
    )


def test_github_commands_escape_data_and_properties() -> None:
    problem = Problem(
        file="data/a,b:c%.toml",
        line=3,
        column=7,
        leerlab="x",
        field="design",
        severity=Severity.error,
        code="invalid",
        values={"value": "50%\r\nklaar"},
    )
    assert github_report([problem]) == (
        "::error file=data/a%2Cb%3Ac%25.toml,line=3,col=7,title=leerlab 'x'%3A design"
        '::invalid value "50%25\\r\\nklaar" (invalid)\n'
    )
