"""`leerlab validate`: check a dataset file and report every error and warning."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from leerlab_cli import dataset
from leerlab_cli.cli.dataset_choice import dataset_in_use
from leerlab_cli.cli.terminal import error, warning, write


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def validate_dataset(
    ctx: typer.Context,
    path: Annotated[
        Path | None,
        typer.Argument(help="Dataset file (default: the dataset in use).", show_default=False),
    ] = None,
) -> None:
    """Check a dataset: errors make it unusable (exit 1), warnings flag what the law forbids."""
    report = dataset.check(path or dataset_in_use(ctx).path)
    for line in report.errors:
        error(line)
    for line in report.warnings:
        warning(line)
    labs = _plural(report.leerlabs, "leerlab")
    write(
        f"{labs}, {_plural(len(report.errors), 'error')}, "
        f"{_plural(len(report.warnings), 'warning')}\n"
    )
    if report.errors:
        raise typer.Exit(1)
