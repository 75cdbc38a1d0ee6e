"""The wording the formats share: routes, sectors, statements, and the commands' notes."""

from __future__ import annotations

from pathlib import Path

from leerlab_cli.core.models import Leerlab, SchoolStatement, Undetermined
from leerlab_cli.files import dataset
from leerlab_cli.formats import (
    FIXED_WORDING,
    interface_wording,
    route_line,
    route_summary,
    school_line,
    sector_summary,
    statement_text,
    target_group_lines,
)
from leerlab_cli.formats.contact_list import CONTACT_COLUMNS, contact_fields, contact_values
from leerlab_cli.formats.messages import wrote


def test_route_and_sector_summaries(shipped: Path) -> None:
    by_slug = {lab.slug: lab for lab in dataset.load(shipped).leerlab}
    english = interface_wording()
    assert route_summary(by_slug["midden-limburg"], english) == "bb → 2 · kb/gl/tl → 3/4"
    assert route_summary(by_slug["oost"], english) == (
        "bb → 2 · leerweg not given → 3/4 (possibly later)"
    )
    assert route_summary(by_slug["oost"], FIXED_WORDING) == ("bb → 2 · → 3/4 (planned)")
    assert sector_summary(by_slug["ottoland"], english) == (
        "Groen (Melkveehouderij, Groen, Grond & Infra, Hovenier)"
    )
    assert sector_summary(by_slug["ottoland"], FIXED_WORDING) == (
        "Groen (Melkveehouderij, Groen, Grond & Infra, Hovenier)"
    )
    assert sector_summary(by_slug["oost"], english).startswith("diverse opleidingsrichtingen")


def test_school_types_joined_in_the_interface_language_and_fixed(shipped: Path) -> None:
    oost = next(lab for lab in dataset.load(shipped).leerlab if lab.slug == "oost")
    landstede = next(school for school in oost.schools if len(school.types) == 2)
    assert school_line(landstede, interface_wording()).startswith("Landstede Groep (vo, mbo)")
    assert school_line(landstede, FIXED_WORDING).startswith("Landstede Groep (vo, mbo)")


def test_statement_text() -> None:
    not_given = interface_wording().not_given
    assert statement_text("loopt", not_given) == "loopt"
    # The source's own words: never translated.
    assert statement_text(Undetermined(nader_te_bepalen=True), not_given) == "nader te bepalen"
    assert statement_text(None, not_given) == not_given == "not given"
    assert statement_text(None, FIXED_WORDING.not_given) == ""
    assert statement_text(None, missing="") == ""


def test_route_lines_in_the_interface_language_and_fixed(shipped: Path) -> None:
    routes = {lab.slug: lab.routes for lab in dataset.load(shipped).leerlab}
    ottoland = routes["ottoland"][0]
    assert route_line(ottoland, interface_wording()) == "bb → 2 BBL: running, since 2019"
    assert route_line(ottoland, FIXED_WORDING) == "bb → 2 BBL: running, start 2019"


def test_target_group_lines_name_the_school(shipped: Path) -> None:
    lab = dataset.load(shipped).leerlab[0]
    lab = lab.model_copy(
        update={
            "target_group": None,
            "target_group_per_school": [SchoolStatement(school="School A", text="bb-leerlingen")],
        }
    )
    assert target_group_lines(lab, interface_wording()) == [
        "not given",
        "School A: bb-leerlingen",
    ]


def test_contact_fields_follow_the_columns(shipped: Path) -> None:
    from leerlab_cli.core.contacts import contact_rows

    labs: list[Leerlab] = dataset.load(shipped).leerlab
    for row in contact_rows(labs):
        values = dict(zip(CONTACT_COLUMNS, contact_values(row), strict=True))
        assert values == {
            "slug": row.slug,
            "name": row.name,
            "email": row.email,
            "organisation": row.organisation,
        }
        assert contact_fields(row) == (row.slug, row.name, row.email, row.organisation or "")


def test_wrote() -> None:
    assert wrote(3, Path("uit.csv")) == "Wrote 3 leerlabs to uit.csv."
    assert wrote(1, Path("uit.csv")) == "Wrote 1 leerlab to uit.csv."


def test_completion_refusals_in_both_languages() -> None:
    from leerlab_cli.core.errors import NoShellProfile, UnsupportedShell
    from leerlab_cli.formats.messages import error_lines
    from leerlab_cli.i18n import setup_language

    problems = [UnsupportedShell(None), UnsupportedShell("tcsh"), NoShellProfile("pwsh")]
    setup_language({"LEERLAB_LANG": "nl"})
    try:
        assert [line for problem in problems for line in error_lines(problem)] == [
            "kan niet zien welke shell dit is; geef --install-completion in bash, zsh, fish of "
            "PowerShell",
            "geen aanvullen voor tcsh: leerlab vult aan in bash, zsh, fish en PowerShell",
            "pwsh zei niet waar zijn profiel staat; aanvullen is niet geïnstalleerd",
        ]
    finally:
        setup_language({"LEERLAB_LANG": "en"})
    assert [line for problem in problems for line in error_lines(problem)] == [
        "cannot tell which shell this is; run --install-completion from bash, zsh, fish or "
        "PowerShell",
        "no completion for tcsh: leerlab completes in bash, zsh, fish and PowerShell",
        "pwsh did not say where its profile is; completion was not installed",
    ]
