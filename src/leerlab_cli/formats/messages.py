"""The notes the commands write to stderr for a person, worded once."""

from __future__ import annotations

from pathlib import Path

from leerlab_cli.i18n import _, ngettext
from leerlab_cli.query import Match, MatchKind
from leerlab_cli.text import printable


def no_match() -> str:
    """When the filters select no leerlab (`list`, `routes`, `export`)."""
    return _("No leerlab matches these filters.")


def no_contact() -> str:
    """When the selected leerlabs have no contact person (`contacts`)."""
    return _("No contact person in the leerlabs that match these filters.")


def wrote(count: int, path: Path) -> str:
    """What `export --output` reports once the file is written."""
    return ngettext(
        "Wrote {count} leerlab to {path}.", "Wrote {count} leerlabs to {path}.", count
    ).format(count=count, path=printable(str(path)))


def chosen(query: str, match: Match) -> str:
    """Which leerlab `show` chose for a query that is not its slug, and why.

    ``'aven' is not a slug; shown: apeldoorn: school "Aventus"``.
    """
    reasons = {
        MatchKind.slug: _("slug"),
        MatchKind.slug_prefix: _("slug starts with it"),
        MatchKind.name: _('name "{text}"'),
        MatchKind.place: _('place "{text}"'),
        MatchKind.province: _('province "{text}"'),
        MatchKind.school: _('school "{text}"'),
    }
    reason = reasons[match.kind].format(text=match.matched)
    return _("'{query}' is not a slug; shown: {slug}: {reason}").format(
        query=query, slug=match.lab.slug, reason=reason
    )


def bad_language_value(variable: str, value: str) -> str:
    """When $LEERLAB_LANG names a language leerlab does not speak."""
    return _("{variable}={value!r} is not a language of leerlab: use nl or en").format(
        variable=variable, value=value
    )


def dataset_too_large(name: str, limit: int, variable: str) -> str:
    """When a dataset file is larger than the limit."""
    return _(
        "{name}: larger than {limit} bytes, the most a dataset file may have; "
        "set {variable} to a larger number of bytes to read it"
    ).format(name=name, limit=limit, variable=variable)


def bad_size_limit(variable: str, value: str) -> str:
    """When $LEERLAB_MAX_BYTES is not a positive whole number."""
    return _("{variable}={value!r} is not understood: give a positive number of bytes").format(
        variable=variable, value=value
    )


def cannot_write_output(reason: str) -> str:
    """When stdout cannot take the output (a full disk, a closed stdout); `reason` is strerror."""
    return _("cannot write output: {reason}").format(reason=reason[:1].lower() + reason[1:])
