"""validate's problems for a person at a terminal: colour, and wrapping at word boundaries."""

from __future__ import annotations

import pytest

from leerlab_cli.core.problems import Problem
from leerlab_cli.core.rules import Severity
from leerlab_cli.formats.problems import terminal_report, text_report

ZELAND = Problem(
    file="data/leerlabs.toml",
    line=11,
    column=5,
    leerlab="zeeland",
    field="provinces[0]",
    severity=Severity.error,
    code="enum",
    values={"value": "Zeland", "expected": ["Zeeland", "Zuid-Holland"], "suggestion": "Zeeland"},
)
GOES = Problem(
    file="data/leerlabs.toml",
    line=33,
    column=9,
    leerlab="zeeland",
    field="schools[0].place",
    severity=Severity.note,
    code="place_unknown",
    values={"value": "Goes"},
)
ENTREE = Problem(
    file="data/leerlabs.toml",
    line=83,
    column=3,
    leerlab="assen",
    field="routes[0]",
    severity=Severity.warning,
    code="route_to_entree",
    values={"kind": "doorlopende leerroute"},
)


def test_wrapped_at_word_boundaries_with_the_location_on_the_first_line() -> None:
    assert terminal_report([ZELAND, GOES], 50, colour=False) == (
        "data/leerlabs.toml:11:5: error: leerlab 'zeeland':\n"
        '    provinces[0]: "Zeland" is not one of\n'
        '    "Zeeland", "Zuid-Holland"; did you mean\n'
        '    "Zeeland"?\n'
        "data/leerlabs.toml:33:9: note: leerlab 'zeeland':\n"
        '    schools[0].place: "Goes" could not be checked:\n'
        "    leerlab does not know the province of this\n"
        "    municipality\n"
    )
    # Wide enough, the lines are those of a pipe.
    assert terminal_report([ZELAND, GOES, ENTREE], 1000, colour=False) == text_report(
        [ZELAND, GOES, ENTREE]
    )


def test_the_severity_and_the_location_in_colour() -> None:
    assert terminal_report([ZELAND, ENTREE, GOES], 1000, colour=True) == (
        "\x1b[1mdata/leerlabs.toml:11:5:\x1b[0m \x1b[1;31merror:\x1b[0m leerlab 'zeeland': "
        'provinces[0]: "Zeland" is not one of "Zeeland", "Zuid-Holland"; did you mean '
        '"Zeeland"?\n'
        "\x1b[1mdata/leerlabs.toml:83:3:\x1b[0m \x1b[1;33mwarning:\x1b[0m leerlab 'assen': "
        "routes[0]: a doorlopende leerroute cannot lead to mbo niveau 1 (Entree)\n"
        "\x1b[1mdata/leerlabs.toml:33:9:\x1b[0m \x1b[1;36mnote:\x1b[0m leerlab 'zeeland': "
        'schools[0].place: "Goes" could not be checked: leerlab does not know the province '
        "of this municipality\n"
    )


@pytest.mark.parametrize("width", [1, 10, 30])
def test_a_location_wider_than_the_terminal_stays_whole(width: int) -> None:
    first = terminal_report([GOES], width, colour=False).splitlines()[0]
    assert first.startswith("data/leerlabs.toml:33:9: note:")
