"""`leerlab validate`: check a dataset file and report every error and warning."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from leerlab_cli import dataset
from leerlab_cli.cli.options import Settings
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
    settings = ctx.find_object(Settings) or Settings()
    report = dataset.check(path or dataset.choose_path(settings.data, os.environ))
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
