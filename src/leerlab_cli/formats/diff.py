"""What changed between two editions, worded: a plain report, a newsletter section, JSON."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from itertools import groupby
from typing import Any

from leerlab_cli.core.diff import Change, DatasetDiff
from leerlab_cli.core.text import printable
from leerlab_cli.formats.markdown import escape
from leerlab_cli.formats.problems import quote
from leerlab_cli.i18n import _, ngettext


def _value(value: Any) -> str:
    # A value as written in the dataset file; "nothing" for a value that is not there.
    return _("(nothing)") if value is None else quote(value)


def _by_lab(diff: DatasetDiff) -> Iterator[tuple[str, list[Change]]]:
    for slug, changes in groupby(diff.changed, key=lambda change: change.slug):
        yield slug, list(changes)


def diff_text(diff: DatasetDiff) -> str:
    """A plain report for a terminal or a pipe: added, removed, then each changed field."""
    if not diff.differs:
        return _("No differences.") + "\n"
    lines: list[str] = []
    for heading, slugs in ((_("Added:"), diff.added), (_("Removed:"), diff.removed)):
        if slugs:
            lines.append(heading)
            lines.extend(f"  {printable(slug)}  {printable(diff.names[slug])}" for slug in slugs)
    if diff.changed:
        lines.append(_("Changed:"))
    for slug, changes in _by_lab(diff):
        lines.append(f"  {printable(slug)}  {printable(diff.names[slug])}")
        lines.extend(
            f"    {printable(change.field)}: {_value(change.old)} → {_value(change.new)}"
            for change in changes
        )
    lines.append(_summary(diff))
    return "\n".join(lines) + "\n"


def _summary(diff: DatasetDiff) -> str:
    labs = len({change.slug for change in diff.changed})
    return ", ".join(
        [
            ngettext("{count} added", "{count} added", len(diff.added)).format(
                count=len(diff.added)
            ),
            ngettext("{count} removed", "{count} removed", len(diff.removed)).format(
                count=len(diff.removed)
            ),
            ngettext("{count} changed", "{count} changed", labs).format(count=labs),
        ]
    )


def diff_markdown(diff: DatasetDiff) -> str:
    """A "What's new" section for a newsletter, in the interface language."""
    lines = ["## " + _("What's new"), ""]
    if not diff.differs:
        return "\n".join([*lines, _("Nothing has changed."), ""])
    for slug in diff.added:
        lines.append("- " + _("New: {lab}").format(lab=_lab(diff, slug)))
    for slug in diff.removed:
        lines.append("- " + _("No longer in the dataset: {lab}").format(lab=_lab(diff, slug)))
    for slug, changes in _by_lab(diff):
        lines.append("- " + _("Changed: {lab}").format(lab=_lab(diff, slug)))
        lines.extend(
            "  - "
            + _("{field}: {old} → {new}").format(
                field=_code(change.field), old=_code_value(change.old), new=_code_value(change.new)
            )
            for change in changes
        )
    return "\n".join([*lines, ""])


def _lab(diff: DatasetDiff, slug: str) -> str:
    return f"**{escape(diff.names[slug])}** ({_code(slug)})"


def _code(text: str) -> str:
    # A code span, fenced with more backticks than any run of them inside it.
    text = printable(text)
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def _code_value(value: Any) -> str:
    return _("(nothing)") if value is None else _code(quote(value))


def diff_json(diff: DatasetDiff) -> str:
    """``{"added": [...], "removed": [...], "changed": [{"slug", "field", "old", "new"}]}``."""
    document = {
        "added": list(diff.added),
        "removed": list(diff.removed),
        "changed": [
            {"slug": change.slug, "field": change.field, "old": change.old, "new": change.new}
            for change in diff.changed
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
