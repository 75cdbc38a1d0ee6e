"""The labelled facts of a leerlab, which the show and export formats each write their way."""

from __future__ import annotations

from pathlib import Path

from leerlab_cli.files.dataset import load
from leerlab_cli.formats import lab_sections


def test_a_format_passes_how_it_writes_values_and_contacts(shipped: Path) -> None:
    lab = load(shipped).leerlab[0]
    plain = lab_sections(lab)
    written = lab_sections(lab, text=str.upper, contact=lambda person: person.email)
    assert written[:-1] == [
        (label, [value.upper() for value in values]) for label, values in plain[:-1]
    ]
    assert written[-1] == ("Want to know more?", [person.email for person in lab.contacts])


def test_no_contact_person_is_written_as_text(shipped: Path) -> None:
    lab = load(shipped).leerlab[0]
    lab = lab.model_copy(update={"contacts": []})
    assert lab_sections(lab, text=str.upper)[-1] == ("Want to know more?", ["NOT GIVEN"])
