"""Markdown laid out like the source digizine; data escaped so it renders literally."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from urllib.parse import quote

from leerlab_cli.core.models import Contact, Leerlab, Meta
from leerlab_cli.core.text import one_line
from leerlab_cli.formats import (
    Wording,
    contact_name,
    interface_wording,
    lab_sections,
    route_summary,
    section_labels,
    sector_summary,
    source_line,
    statement_text,
)
from leerlab_cli.i18n import N_, _

# Characters that CommonMark or GitHub Markdown could read as markup anywhere in a
# line: emphasis, code, links, raw HTML, entities, table cells, headings,
# strike-through, and GitHub's math. Escaping is the bulk of a large export's
# time, and most values contain none of them: those are returned as they are.
_MARKUP = re.compile(r"([\\`*_\[\]<>|#~&!$])")
# Where a backslash goes so that a value starting a line (a nested list item, a
# paragraph) opens no block: before a bullet, thematic break or setext line
# (`-`, `+`, `=`), or between an ordered-list number and its `.` or `)`.
_BLOCK_START = re.compile(r"^(?:(?=[-+=])|[0-9]+(?=[.)]))")
_BLOCK_START_CHARS = frozenset("-+=0123456789")
# CommonMark's e-mail autolink, without '%' (see `_mail_link`).
_AUTOLINK_EMAIL = re.compile(
    r"[a-zA-Z0-9.!#$&'*+/=?^_`{|}~-]+"
    r"@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*"
)
OVERVIEW_COLUMNS = (N_("Leerlab"), N_("Sector/specialisation"), N_("Route"), N_("Phase"))
"""The columns of the overview table of an export, as message ids."""


def escape(text: str) -> str:
    """`text` as Markdown that renders exactly as `text` on one line, wherever it stands.

    Line breaks become spaces and surrounding whitespace goes, as Markdown would
    drop it anyway (and four leading spaces would start a code block).
    """
    line = one_line(text).strip()
    escaped = _MARKUP.sub(r"\\\1", line) if _MARKUP.search(line) else line
    if escaped[:1] not in _BLOCK_START_CHARS:
        return escaped
    return _BLOCK_START.sub(lambda start: start[0] + "\\", escaped, count=1)


def _mail_link(contact: Contact) -> str:
    # As a mail client shows a person, the address an autolink: ``Name (Org) <a@b.nl>``.
    name = escape(contact_name(contact))
    if _AUTOLINK_EMAIL.fullmatch(contact.email):
        return f"{name} <{contact.email}>"
    # An autolink would keep "%0d%0a" as it is, which a mail program decodes into a
    # line break (a header of its own), and takes no domain label over 63 characters:
    # such an address is a link whose target is percent-encoded, as on the HTML page,
    # between the same angle brackets. The model's pattern admits no space, '<' or '>'.
    target = "mailto:" + quote(contact.email, safe="@")
    return f"{name} \\<[{escape(contact.email)}](<{target}>)\\>"


def label_headings() -> dict[str, str]:
    """The label of every fact as the bold start of its bullet, by field: ``**Plaats:**``."""
    # The source writes "Meer weten?" without a colon, every other label with one.
    return {
        field: f"**{label}**" if label.endswith("?") else f"**{label}:**"
        for field, label in section_labels().items()
    }


def lab_markdown(
    lab: Leerlab,
    level: int = 1,
    *,
    wording: Wording | None = None,
    headings: Mapping[str, str] | None = None,
) -> str:
    """One leerlab: a heading with its name, then one bullet per fact.

    An export of many leerlabs passes the `wording` and the `headings`
    (`label_headings`), made once for all of them.
    """
    wording = wording or interface_wording()
    sections = lab_sections(
        lab,
        text=escape,
        contact=_mail_link,
        wording=wording,
        labels=headings or label_headings(),
    )
    lines = [f"{'#' * level} {escape(lab.name)}", ""]
    for heading, values in sections:
        shown = values or [escape(wording.not_given)]
        if len(shown) == 1:
            lines.append(f"- {heading} {shown[0]}")
        else:
            lines.append(f"- {heading}")
            # An empty item under the label line would turn that line into a setext
            # heading; a value of only spaces is written as a space entity instead.
            lines += [f"  - {value or '&#32;'}" for value in shown]
    return "\n".join(lines) + "\n"


def overview_table(labs: Sequence[Leerlab]) -> str:
    """A table with one row per leerlab: name, sector, routes, phase."""
    header = "| " + " | ".join(_(column) for column in OVERVIEW_COLUMNS) + " |"
    rule = "|" + "|".join("---" for _ in OVERVIEW_COLUMNS) + "|"
    wording = interface_wording()
    rows = [
        "| "
        + " | ".join(
            escape(cell) or " "
            for cell in (
                lab.name,
                sector_summary(lab, wording),
                route_summary(lab, wording),
                statement_text(lab.phase, wording.not_given, wording.undetermined),
            )
        )
        + " |"
        for lab in labs
    ]
    return "\n".join([header, rule, *rows]) + "\n"


def markdown_parts(
    meta: Meta, labs: Sequence[Leerlab], *, overview_only: bool = False
) -> Iterator[str]:
    """The document in parts, made as they are asked for: `export_markdown`, not held whole."""
    title = f"# {escape(meta.title)}"
    source = escape(source_line(meta))
    yield f"{title}\n\n{source}\n"
    # A blank line between the parts.
    if meta.introduction and not overview_only:
        yield f"\n{escape(meta.introduction)}\n"
    if labs:
        yield "\n" + overview_table(labs)
    if not overview_only:
        wording, headings = interface_wording(), label_headings()
        for lab in labs:
            yield "\n" + lab_markdown(lab, level=2, wording=wording, headings=headings)


def export_markdown(meta: Meta, labs: Sequence[Leerlab], *, overview_only: bool = False) -> str:
    """A document: the meta's title, source and introduction, an overview table, each leerlab.

    With `overview_only`, only the title, the source line and the overview table.
    """
    return "".join(markdown_parts(meta, labs, overview_only=overview_only))
