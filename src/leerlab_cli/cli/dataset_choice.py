"""Which dataset a command uses: the one answer for every command and for completion."""

from __future__ import annotations

import os
from pathlib import Path

import typer

from leerlab_cli.core.choice import DatasetChoice
from leerlab_cli.files import dataset


def dataset_in_use(ctx: typer.Context) -> DatasetChoice:
    """The dataset this command line uses, and why: `--data`, $LEERLAB_DATA or the shipped one."""
    # `--data` is both the app's option and the command's, so it is among the
    # command's or the root's parameters: both when a command runs and while the
    # shell completes a word, before the app's callback runs. After the command
    # name wins, as the later of the two.
    explicit = ctx.params.get("data") or ctx.find_root().params.get("data")
    return dataset.choose(Path(explicit) if explicit else None, os.environ)
