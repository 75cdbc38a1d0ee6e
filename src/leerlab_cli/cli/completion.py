"""Shell completion from the dataset in use: slugs, sectors, provinces and kinds of route.

Completion runs on every Tab inside the user's shell. It reads the dataset that
the command line being typed would use, and suggests nothing when that dataset
cannot be read: an error message or a traceback there would garble the prompt.
"""

import contextlib
import io
import os
import re
from pathlib import Path
from typing import Any

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

HELP_LENGTH = 40
"""The most characters of help shown beside a suggestion (zsh, fish)."""

# Characters that need no backslash on a bash command line.
_BASH_PLAIN = re.compile(r"[\w@%+,./-]")
# A value that no shell reads as anything but itself: all a shell we do not know may get.
_PLAIN_WORD = re.compile(r"[\w./+-]+")
# What help keeps: letters, digits, spaces and punctuation that means nothing to
# typer's quoting, rich's markup or zsh inside double quotes.
_HELP_DROPPED = re.compile(r"[^\w ,.;:!?&()/+%#=*~<>|@-]+")


def offered_to(shell: str | None, suggestions: list[Suggestion]) -> list[Suggestion]:
    """The suggestions as `shell` reads them back, each exactly; one it cannot read is left out.

    Completion offers a value, it never runs one. A value with a line break or another
    character that is not printable is left out for every shell; the rest is escaped
    for the shell that will read it (``bash``, ``zsh``, ``fish``). A shell not known
    here gets only the values that need no quoting at all.
    """
    offered: list[Suggestion] = []
    for value, help_text in suggestions:
        word = _word_for(shell, value)
        if word is not None:
            offered.append((word, _help_for(help_text)))
    return offered


def _word_for(shell: str | None, value: str) -> str | None:
    if not value or not value.isprintable():
        # bash and fish read one value a line, and zsh joins the lines with spaces: a
        # line break cannot be passed on, and a control character has no place on a line.
        return None
    if shell == "bash":
        # Bash puts the value on the command line exactly as given: "Zorg en Welzijn"
        # must become Zorg\ en\ Welzijn. It never evaluates the value itself.
        return "".join(char if _BASH_PLAIN.match(char) else f"\\{char}" for char in value)
    if shell == "zsh":
        return _zsh_word(value)
    if shell == "fish":
        # fish reads each line of output as one value (a tab starts its help) and
        # quotes what it inserts itself.
        return value
    return value if _PLAIN_WORD.fullmatch(value) else None


def _zsh_word(value: str) -> str | None:
    # typer writes `_arguments '*: :(("VALUE":"HELP" ...))'` for zsh's `eval $(...)`,
    # escaping ", ', $, ` and : but not the backslash. zsh splits that output at
    # whitespace, and _arguments evaluates the part inside (( )) once more, with each
    # VALUE in double quotes, then takes a backslash as quoting the next character.
    # A backslash must therefore reach zsh as four. A quote cannot be passed on
    # exactly (typer's '' and "" only drop it), nor can a run of spaces.
    if '"' in value or "'" in value or "  " in value:
        return None
    return value.replace("\\", "\\" * 4)


def _help_for(help_text: str) -> str:
    # Help is shown, never inserted: keep what reads the same after typer's quoting,
    # rich's markup and zsh's double quotes, on one short line that rich won't wrap.
    words = _HELP_DROPPED.sub(" ", help_text).split()
    kept = " ".join(words)
    return kept if len(kept) <= HELP_LENGTH else kept[: HELP_LENGTH - 1].rstrip() + "…"


def _for_the_shell(suggestions: list[Suggestion]) -> list[Suggestion]:
    # The completion script names the shell: complete_bash, complete_zsh, complete_fish.
    instruction = os.environ.get(COMPLETE_VAR, "")
    shell = instruction.removeprefix("complete_") if instruction.startswith("complete_") else None
    return offered_to(shell, suggestions)


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


def install_for_this_shell(ctx: Any) -> None:
    """`--install-completion`: the completion script installed for the shell leerlab runs in.

    The script is the one `--show-completion` prints for that shell (typer's), and it
    goes where typer's own installer puts it (files/shell_setup.py).
    """
    import shellingham

    from leerlab_cli.cli.terminal import say
    from leerlab_cli.files.shell_setup import SHELLS, install_completion
    from leerlab_cli.formats.messages import completion_installed

    try:
        shell: str | None = shellingham.detect_shell()[0]
    except shellingham.ShellDetectionFailure:
        shell = None
    prog_name = ctx.find_root().info_name
    script = completion_script(ctx, shell) if shell in SHELLS else ""
    path = install_completion(shell, prog_name, script, Path.home())
    say(completion_installed(str(shell), path))


def completion_script(ctx: Any, shell: str | None) -> str:
    """What `leerlab --show-completion` prints for `shell`, without its final line break."""
    show = next(param for param in ctx.command.params if param.name == "show_completion")
    printed = io.StringIO()
    # typer's option prints the script and ends the run; here it only prints.
    with contextlib.redirect_stdout(printed), contextlib.suppress(SystemExit):
        show.callback(ctx, show, shell)
    return printed.getvalue().rstrip("\n")
