"""The summary line of `leerlab validate`."""

from __future__ import annotations

from leerlab_cli.dataset import Report
from leerlab_cli.i18n import ngettext


def summary(report: Report) -> str:
    """``6 leerlabs, 0 errors, 1 warning``, in the interface language."""
    labs = ngettext("{count} leerlab", "{count} leerlabs", report.leerlabs)
    errors = ngettext("{count} error", "{count} errors", len(report.errors))
    warnings = ngettext("{count} warning", "{count} warnings", len(report.warnings))
    return (
        ", ".join(
            [
                labs.format(count=report.leerlabs),
                errors.format(count=len(report.errors)),
                warnings.format(count=len(report.warnings)),
            ]
        )
        + "\n"
    )
