"""`leerlab validate`: check a dataset file and report every error and warning."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from leerlab_cli import dataset
from leerlab_cli.cli.dataset_choice import dataset_in_use
from leerlab_cli.cli.options import DataOption
from leerlab_cli.cli.terminal import error, warning, write
from leerlab_cli.formats.validation import summary
from leerlab_cli.i18n import N_

HELP = N_("Check a dataset: errors make it unusable (exit 1); warnings flag breaches of the law.")
EXAMPLES = N_("Examples:\n\nleerlab validate\n\nleerlab validate mijn-leerlabs.toml")


def validate_dataset(
    ctx: typer.Context,
    path: Annotated[
        Path | None,
        typer.Argument(
            help=N_("Dataset file (default: the dataset in use)."),
            metavar="PATH",
            show_default=False,
        ),
    ] = None,
    data: DataOption = None,
) -> None:
    """Check a dataset file and report what is wrong (the help is `HELP`)."""
    report = dataset.check(path or dataset_in_use(ctx).path)
    for line in report.errors:
        error(line)
    for line in report.warnings:
        warning(line)
    write(summary(report))
    if report.errors:
        raise typer.Exit(1)
