"""`leerlab validate`: check dataset files and report every error and warning, at its line."""

import os
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from leerlab_cli.cli.dataset_choice import dataset_in_use
from leerlab_cli.cli.options import DataOption, choice_of, path_named
from leerlab_cli.cli.terminal import report, stderr_style, write
from leerlab_cli.core.errors import DatasetError, InvalidDataset
from leerlab_cli.core.text import printable, shown_path
from leerlab_cli.files import dataset
from leerlab_cli.i18n import N_

if TYPE_CHECKING:
    from leerlab_cli.core.problems import Problem

HELP = N_(
    "Check datasets: every problem at its line, with the fix.\n\n"
    "Errors make a dataset unusable (exit 1). Warnings point at what the law does not "
    "allow, and at school places outside the leerlab's provinces. Notes say what could not "
    "be checked, such as a municipality whose province leerlab does not know; they never fail."
)
EXAMPLES = N_(
    "Examples:\n\nleerlab validate\n\nleerlab validate mijn-leerlabs.toml\n\n"
    "leerlab validate --format github --strict data/*.toml"
)


class ValidateFormat(StrEnum):
    """How `validate` reports: lines for people and editors, JSON, or GitHub annotations."""

    text = "text"
    json = "json"
    github = "github"


def validate_dataset(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help=N_("Dataset files (default: the dataset in use)."),
            metavar=N_("FILE"),
            show_default=False,
            parser=path_named,
        ),
    ] = None,
    output_format: Annotated[
        ValidateFormat,
        typer.Option(
            "--format",
            "-f",
            parser=choice_of(ValidateFormat),
            help=N_("text (one line a problem, on stderr), json or github (on stdout)."),
            metavar=N_("FORMAT"),
            case_sensitive=False,
            # The first format named is the default; typer's "[default: …]" is
            # worded once per process, so a run in another language would show it.
            show_default=False,
        ),
    ] = ValidateFormat.text,
    strict: Annotated[
        bool,
        typer.Option("--strict", help=N_("Warnings fail too (exit 1).")),
    ] = False,
    data: DataOption = None,
) -> None:
    """Check dataset files and report what is wrong (the help is `HELP`)."""
    from leerlab_cli.core.rules import Severity
    from leerlab_cli.formats import problems as worded

    found: list[Problem] = []
    leerlabs = 0
    for path in paths or [dataset_in_use(ctx).path]:
        count, problems = _check(path)
        leerlabs += count
        found.extend(problems)
    errors = sum(problem.severity is Severity.error for problem in found)
    warnings = sum(problem.severity is Severity.warning for problem in found)
    # A note says what could not be checked: it never fails, not even with --strict.
    notes = len(found) - errors - warnings
    if output_format is ValidateFormat.json:
        # For programs, but `message` and `hint` are read by a person: they are in the
        # interface language; the keys, `severity` and `code` are the same in every one.
        write(worded.json_report(found))
    elif output_format is ValidateFormat.github:
        write(worded.github_report(found))
    else:
        style = stderr_style(os.environ)
        if style is None:
            report(worded.text_report(found))
        else:
            # For a person at a terminal: coloured, wrapped at word boundaries.
            width, colour = style
            report(worded.terminal_report(found, width, colour=colour))
        write(worded.summary(leerlabs, errors, warnings, notes))
    if errors or (strict and warnings):
        raise typer.Exit(1)


def _check(path: Path) -> "tuple[int, list[Problem]]":
    # A file that cannot be read or parsed is one problem; the other files are still checked.
    from leerlab_cli.core.problems import Problem
    from leerlab_cli.core.rules import Severity

    try:
        checked = dataset.check(path)
    except InvalidDataset as invalid:
        return 0, list(invalid.problems)
    except DatasetError as unreadable:
        from leerlab_cli.formats.messages import error_lines

        name = shown_path(path)
        reasons = [{"reason": _reason(line, name)} for line in error_lines(unreadable)]
        return 0, [
            Problem(name, 0, 0, None, "", Severity.error, "unreadable", reason)
            for reason in reasons
        ]
    return checked.leerlabs, list(checked.problems)


def _reason(line: str, name: str) -> str:
    # The line names the file; a problem names it already.
    return line.removeprefix(f"{printable(name)}: ")
