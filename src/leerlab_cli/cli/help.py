"""The help on a narrow terminal: a list, where typer's table would cut words.

typer shows a command's help as a table, each option beside its placeholder and its
help. Below `NARROW` columns the table's columns get narrower than the longest words,
and rich cuts them ("opleidi…", "--exit-c…"). There the help is written the way click
writes it, under the same headings, each option with its help on the lines below it.
Only a run that shows the help imports this module.
"""

import os
from typing import Any

from typer.core import TyperCommand, TyperGroup

from leerlab_cli.i18n import _

NARROW = 60
"""The narrowest terminal that typer's help table fits without cutting a word."""

_NARROWEST_TEXT = 30
"""The narrowest the help's text is wrapped to, however narrow the terminal claims to be:
narrower, click would split the placeholders of the usage line (``[OPTIES`` ``]``)."""


def help_width() -> int:
    """The width typer's help would take: $TERMINAL_WIDTH, else the terminal's as rich sees it.

    A value that is not a width was removed at start (`terminal.ignore_unusable_width`).
    """
    from rich.console import Console

    setting = os.environ.get("TERMINAL_WIDTH")
    return Console(width=int(setting) if setting else None).width


def narrow_help(command: Any, ctx: Any, width: int) -> str:
    """The help of `command`, already in the interface language, as a list `width` wide."""
    formatter = ctx.formatter_class(width=max(width - 2, _NARROWEST_TEXT))
    command.format_usage(ctx, formatter)
    command.format_help_text(ctx, formatter)
    panels: dict[str, list[tuple[str, str]]] = {}
    for param in command.get_params(ctx):
        record = param.get_help_record(ctx)
        if record is not None:
            panels.setdefault(param.rich_help_panel or _("Options"), []).append(record)
    if isinstance(command, TyperGroup):
        for name in command.list_commands(ctx):
            subcommand = command.get_command(ctx, name)
            if isinstance(subcommand, TyperCommand | TyperGroup) and not subcommand.hidden:
                summary = (subcommand.help or "").split("\n\n")[0]
                title = subcommand.rich_help_panel or _("Commands")
                panels.setdefault(title, []).append((name, summary))
    for title, rows in panels.items():
        with formatter.section(title):
            # No first column: each help starts on the line below its option.
            formatter.write_dl(rows, col_max=0)
    if command.epilog:
        # The examples are commands to copy: each on a line of its own, never wrapped.
        with formatter.indentation():
            for paragraph in command.epilog.split("\n\n"):
                formatter.write_paragraph()
                formatter.write(" " * formatter.current_indent + paragraph + "\n")
    text: str = formatter.getvalue()
    # click's usage line may end a line in a space where it wraps.
    return "".join(line.rstrip() + "\n" for line in text.splitlines())
