"""validate reports every problem in one run, each traceable to its leerlab, with its fix."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from helpers import WriteDataset, make_lab
from leerlab_cli.cli import app


def test_a_leerlab_with_errors_gets_its_warnings_too(
    runner: CliRunner, write_dataset: WriteDataset
) -> None:
    # An error (an unknown field) and a warning (a doorlopende leerroute to niveau 1).
    lab = make_lab(routes=[{"leerwegen": ["bb"], "niveaus": [1, 2]}], naem="typo")
    path = write_dataset(lab)
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1, result.output
    assert result.stdout == "1 leerlab, 1 error, 1 warning\n"
    lines = result.stderr.splitlines()
    assert any(": error: leerlab 'testlab': naem: unknown field naem" in line for line in lines)
    assert any(": warning: leerlab 'testlab': routes[0]: " in line for line in lines), lines


def test_the_problems_of_a_duplicated_slug_name_their_table(
    runner: CliRunner, write_dataset: WriteDataset
) -> None:
    path = write_dataset(make_lab(), make_lab(name=""))
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1, result.output
    header_lines = [
        number
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if line == "[[leerlab]]"
    ]
    second = header_lines[1]
    lines = result.stderr.splitlines()
    assert any(
        f"leerlab 'testlab' (line {second}): name: must not be empty" in line for line in lines
    ), lines
    assert any(f"leerlab 'testlab' (line {second}): slug: slug " in line for line in lines), lines


@pytest.mark.parametrize(
    ("email", "hint"),
    [
        ("piet @test.nl", 'remove the spaces: "piet@test.nl"'),
        (" piet@test.nl", 'remove the spaces: "piet@test.nl"'),
        ("mailto:piet@test.nl", 'write the address without mailto: "piet@test.nl"'),
        (
            "Piet Test <piet@test.nl>",
            'write only the address, "piet@test.nl"; the person\'s name goes in name',
        ),
        ("piet-at-test.nl", None),
    ],
)
def test_an_email_mistake_gets_the_fix(
    runner: CliRunner, write_dataset: WriteDataset, email: str, hint: str | None
) -> None:
    path = write_dataset(make_lab(contacts=[{"name": "Piet Test", "email": email}]))
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1, result.output
    (line,) = result.stderr.splitlines()
    assert "is not a valid e-mail address" in line, line
    if hint is None:
        assert line.endswith("is not a valid e-mail address"), line
    else:
        assert line.endswith(f"; {hint}"), line
