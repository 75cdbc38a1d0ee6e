"""Suggestions for a closed vocabulary keep the meaning of what the maintainer wrote."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import WriteDataset, make_lab
from leerlab_cli.cli import app
from leerlab_cli.core.models import MboLeerweg, Profiel, RouteKind, RouteStatus, SchoolType
from leerlab_cli.core.words import meant_member

# Every value, with the Dutch and English words a maintainer would type for it.
MEANT: list[tuple[type[StrEnum], str, StrEnum | None]] = [
    *[
        (RouteStatus, word, RouteStatus.running)
        for word in ("loopt", "lopend", "Gestart", "actief", "active", "started", "Running")
    ],
    *[
        (RouteStatus, word, RouteStatus.scheduled)
        for word in ("gepland", "ingepland", "Gepland", "sheduled", "upcoming")
    ],
    *[
        (RouteStatus, word, RouteStatus.in_development)
        for word in (
            "in ontwikkeling",
            "in-ontwikkeling",
            "ontwikkelfase",
            "in voorbereiding",
            "plan van aanpak",
            "in development",
            "in_development",
        )
    ],
    *[
        (RouteStatus, word, RouteStatus.planned)
        for word in (
            "mogelijk later",
            "Mogelijk-later",
            "later",
            "toekomstig",
            "wens",
            "future",
            "planed",
        )
    ],
    *[
        (SchoolType, word, SchoolType.vo)
        for word in (
            "vmbo",
            "VMBO",
            "mavo",
            "havo",
            "vwo",
            "middelbare school",
            "voortgezet onderwijs",
            "secondary school",
            "VO",
        )
    ],
    *[
        (SchoolType, word, SchoolType.mbo)
        for word in ("roc", "ROC", "aoc", "vakschool", "middelbaar beroepsonderwijs", "MBO")
    ],
    *[(MboLeerweg, word, MboLeerweg.BOL) for word in ("bol", "beroepsopleidende leerweg")],
    *[
        (MboLeerweg, word, MboLeerweg.BBL)
        for word in ("bbl", "beroepsbegeleidende leerweg", "werkend leren")
    ],
    *[
        (RouteKind, word, RouteKind.geintegreerde_leerroute)
        for word in ("geintegreerde leerroute", "Geïntegreerde route")
    ],
    *[
        (RouteKind, word, RouteKind.doorlopende_leerroute)
        for word in ("Doorlopende leerroute", "doorlopende route")
    ],
    *[
        (RouteKind, word, RouteKind.doorlopende_leerlijn)
        for word in ("leerlijn", "doorlopende-leerlijn")
    ],
    *[(RouteKind, word, RouteKind.verkorte_route) for word in ("verkort", "verkorte leerroute")],
    *[(RouteKind, word, RouteKind.maatwerktraject) for word in ("maatwerk", "Maatwerktraject")],
    *[(Profiel, word, Profiel.zw) for word in ("Z&W", "zorg en welzijn")],
    *[(Profiel, word, Profiel.hbr) for word in ("HBR", "horeca, bakkerij en recreatie")],
    # No suggestion is better than a wrong one.
    (RouteStatus, "onbekend", None),
    (RouteStatus, "ja", None),
    (SchoolType, "basisschool", None),
    (SchoolType, "hbo", None),
    (RouteKind, "route", None),
]


@pytest.mark.parametrize(("vocabulary", "typed", "meant"), MEANT)
def test_each_word_means_its_code(
    vocabulary: type[StrEnum], typed: str, meant: StrEnum | None
) -> None:
    assert meant_member(vocabulary, typed) == meant


@pytest.mark.parametrize("typed", ["gepland", "ingepland", "Gepland"])
def test_gepland_is_never_planned(typed: str) -> None:
    # "planned" is leerlab's code for "mogelijk later"; the Dutch "gepland" is scheduled.
    assert meant_member(RouteStatus, typed) is RouteStatus.scheduled


@pytest.mark.parametrize(
    ("field", "value", "hint"),
    [
        ("status", "gepland", 'did you mean "scheduled"?'),
        ("status", "mogelijk later", 'did you mean "planned"?'),
        ("types", "vmbo", 'did you mean "vo"?'),
        ("types", "roc", 'did you mean "mbo"?'),
        ("status", "onbekend", None),
    ],
)
def test_validate_suggests_what_was_meant(
    runner: CliRunner, write_dataset: WriteDataset, field: str, value: str, hint: str | None
) -> None:
    if field == "status":
        lab = make_lab(
            routes=[{"leerwegen": ["bb"], "niveaus": [2], "status": value, "start": "2021"}]
        )
    else:
        lab = make_lab(schools=[{"name": "Testcollege", "types": [value]}])
    path: Path = write_dataset(lab)
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1, result.output
    (line,) = result.stderr.splitlines()
    if hint is None:
        assert "did you mean" not in line, line
    else:
        assert line.endswith(f"; {hint}"), line
