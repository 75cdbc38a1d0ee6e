"""Plain text for pipes: tab-separated rows and ``Label: value`` lines, no escapes."""

from __future__ import annotations

from collections.abc import Iterable

from leerlab_cli.formats import (
    FIXED_WORDING,
    Wording,
    lab_sections,
    route_summary,
    sector_summary,
    statement_text,
)
from leerlab_cli.i18n import _
from leerlab_cli.models import Leerlab
from leerlab_cli.text import one_line

LIST_COLUMNS = ("slug", "name", "sector", "routes", "phase")
"""The fields of `leerlab list`, in the order of its table and its tab-separated rows."""


def list_headers() -> tuple[str, ...]:
    """The headers of the `list` table, in the order of `LIST_COLUMNS`."""
    return (_("slug"), _("name"), _("sector"), _("routes"), _("phase"))


def list_row(lab: Leerlab, wording: Wording) -> tuple[str, ...]:
    """The `list` fields of one leerlab, with the words of `wording` around the data."""
    return (
        lab.slug,
        lab.name,
        sector_summary(lab, wording),
        route_summary(lab, wording),
        statement_text(lab.phase, wording.not_given),
    )


def tsv(labs: Iterable[Leerlab]) -> str:
    """One line per leerlab, fields separated by tabs, no header; the same in every language."""
    return "".join(
        "\t".join(one_line(field) for field in list_row(lab, FIXED_WORDING)) + "\n" for lab in labs
    )


def lab_text(lab: Leerlab) -> str:
    """One leerlab as ``Label: value`` lines, one line per label."""
    name_label, slug_label = _("Name"), _("Slug")
    lines = [f"{name_label}: {one_line(lab.name)}", f"{slug_label}: {lab.slug}"]
    lines += [
        f"{label}: {'; '.join(one_line(value) for value in values)}"
        for label, values in lab_sections(lab)
    ]
    return "\n".join(lines) + "\n"
