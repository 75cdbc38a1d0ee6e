"""Which dataset a command uses, and why that one (pure data; files/dataset.py chooses)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class DatasetSource(StrEnum):
    """Why a command uses the dataset it uses."""

    option = "option"
    """Named by `--data` on the command line."""
    environment = "environment"
    """Named by the environment variable $LEERLAB_DATA."""
    shipped = "shipped"
    """Neither names one: the dataset that comes with the package."""


@dataclass(frozen=True)
class DatasetChoice:
    """The dataset file a command uses, and why that one."""

    path: Path
    source: DatasetSource
