"""Shell completion from the dataset in use: slugs, sectors, provinces and kinds of route.

Completion runs on every Tab inside the user's shell. It reads the dataset that
the command line being typed would use, and suggests nothing when that dataset
cannot be read: an error message or a traceback there would garble the prompt.
"""

from __future__ import annotations

import os
import re

import typer

from leerlab_cli.cli.dataset_choice import dataset_in_use
from leerlab_cli.core.models import Leerlab
from leerlab_cli.core.suggest import (
    Suggestion,
    kind_suggestions,
    matching,
    profiel_suggestions,
    province_suggestions,
    sector_suggestions,
    slug_suggestions,
)
from leerlab_cli.files import dataset

COMPLETE_VAR = "_LEERLAB_COMPLETE"
"""Set by the shell's completion script to ask for suggestions (``complete_bash``, ...)."""
# Characters that need no backslash on a bash command line.
_BASH_PLAIN = re.compile(r"[\w@%+,./-]")


def _for_the_shell(suggestions: list[Suggestion]) -> list[Suggestion]:
    # Bash puts a suggestion on the command line exactly as given, while zsh and fish
    # quote it themselves; so for bash "Zorg en Welzijn" must become Zorg\ en\ Welzijn.
    if not os.environ.get(COMPLETE_VAR, "").endswith("_bash"):
        return suggestions
    return [(_bash_escape(value), help_text) for value, help_text in suggestions]


def _bash_escape(value: str) -> str:
    return "".join(char if _BASH_PLAIN.match(char) else f"\\{char}" for char in value)


def _labs_in_use(ctx: typer.Context) -> list[Leerlab]:
    try:
        path = dataset_in_use(ctx).path
        # A FIFO that nobody writes would hang the shell: suggest from regular files only.
        return dataset.load(path).leerlab if dataset.is_regular_file(path) else []
    except Exception:  # suggest nothing rather than fail, whatever went wrong
        return []


def complete_slug(ctx: typer.Context, incomplete: str) -> list[Suggestion]:
    """The slugs of the dataset in use that start with what was typed."""
    return _for_the_shell(matching(slug_suggestions(_labs_in_use(ctx)), incomplete))


def complete_sector(ctx: typer.Context, incomplete: str) -> list[Suggestion]:
    """The sectors and specialisations of the dataset in use that start with what was typed."""
    return _for_the_shell(matching(sector_suggestions(_labs_in_use(ctx)), incomplete))


def complete_province(ctx: typer.Context, incomplete: str) -> list[Suggestion]:
    """The provinces of the dataset in use that start with what was typed."""
    return _for_the_shell(matching(province_suggestions(_labs_in_use(ctx)), incomplete))


def complete_kind(ctx: typer.Context, incomplete: str) -> list[Suggestion]:
    """The kinds of route of the dataset in use that start with what was typed."""
    return _for_the_shell(matching(kind_suggestions(_labs_in_use(ctx)), incomplete))


def complete_profiel(ctx: typer.Context, incomplete: str) -> list[Suggestion]:
    """The codes of the ten vmbo profielen that start with what was typed."""
    return _for_the_shell(matching(profiel_suggestions(), incomplete))
