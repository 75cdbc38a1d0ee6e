"""Plain text for pipes: tab-separated rows and ``Label: value`` lines, no escapes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from leerlab_cli.core.models import Leerlab
from leerlab_cli.core.text import one_line
from leerlab_cli.formats import (
    FIXED_WORDING,
    Wording,
    lab_sections,
    route_summary,
    sector_summary,
    statement_text,
)
from leerlab_cli.i18n import _

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
        statement_text(lab.phase, wording.not_given, wording.undetermined),
    )


def tsv_lines(header: Sequence[str] | None, rows: Iterable[Sequence[str]]) -> str:
    """Rows as tab-separated lines, each field on one line; `header` first when given."""
    lines = [header] if header is not None else []
    return "".join("\t".join(one_line(field) for field in row) + "\n" for row in [*lines, *rows])


TSV_FIELDS = (*LIST_COLUMNS, "place", "provinces")
"""The fields `list --fields` may choose for tab-separated lines: the columns, and more."""


def tsv_fields(lab: Leerlab) -> dict[str, str]:
    """Every field of `TSV_FIELDS` of one leerlab, in codes; lists joined with ``, ``."""
    return {
        **dict(zip(LIST_COLUMNS, list_row(lab, FIXED_WORDING), strict=True)),
        "place": lab.place,
        "provinces": ", ".join(lab.provinces),
    }


def tsv(
    labs: Iterable[Leerlab], *, header: bool = False, fields: Sequence[str] = LIST_COLUMNS
) -> str:
    """One line per leerlab, fields separated by tabs; the same in every language.

    `fields` are names of `TSV_FIELDS`, in the order to print them. With `header`,
    a line of their names comes first.
    """
    if tuple(fields) == LIST_COLUMNS:
        rows: Iterable[Sequence[str]] = (list_row(lab, FIXED_WORDING) for lab in labs)
    else:
        rows = ([tsv_fields(lab)[field] for field in fields] for lab in labs)
    return tsv_lines(fields if header else None, rows)


def lab_text(lab: Leerlab) -> str:
    """One leerlab as ``Label: value`` lines, one line per label."""
    name_label, slug_label = _("Name"), _("Slug")
    lines = [f"{name_label}: {one_line(lab.name)}", f"{slug_label}: {lab.slug}"]
    lines += [
        f"{label}: {'; '.join(one_line(value) for value in values)}"
        for label, values in lab_sections(lab)
    ]
    return "\n".join(lines) + "\n"
