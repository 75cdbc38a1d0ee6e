"""What the commands share: the options declared once, loading the dataset, writing output."""

from __future__ import annotations

import functools
import inspect
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from leerlab_cli import dataset
from leerlab_cli.cli.completion import complete_province, complete_sector
from leerlab_cli.models import Dataset
from leerlab_cli.query import LEERWEG_ALIASES, Filters
from leerlab_cli.text import printable

if TYPE_CHECKING:
    from rich.console import RenderableType


@dataclass(frozen=True)
class Settings:
    """The global options, handed from the app's callback to each command."""

    data: Path | None = None


def load_dataset(ctx: typer.Context) -> Dataset:
    """The dataset chosen by `--data`, $LEERLAB_DATA or the shipped default, validated."""
    settings = ctx.find_object(Settings) or Settings()
    path = dataset.choose_path(settings.data, os.environ)
    return dataset.load(path)


class FromWord(StrEnum):
    """The words `--from` accepts: the leerweg codes, their Dutch names, and gt."""

    bb = "bb"
    kb = "kb"
    gl = "gl"
    tl = "tl"
    basis = "basis"
    kader = "kader"
    gemengd = "gemengd"
    theoretisch = "theoretisch"
    gt = "gt"


class ToNiveau(StrEnum):
    """The mbo niveaus `--to` accepts."""

    one = "1"
    two = "2"
    three = "3"
    four = "4"


def _no_blank(values: list[str] | None) -> list[str] | None:
    for value in values or ():
        if not value.strip():
            raise typer.BadParameter("must not be empty")
    return values


SectorOption = Annotated[
    list[str] | None,
    typer.Option(
        "--sector",
        help="Sector or specialisation contains TEXT (case and accents ignored); repeat for OR.",
        metavar="TEXT",
        callback=_no_blank,
        autocompletion=complete_sector,
    ),
]
FromOption = Annotated[
    list[FromWord] | None,
    typer.Option(
        "--from",
        help="A route starts from this vmbo leerweg: bb, kb, gl, tl, basis, kader, gemengd, "
        "theoretisch, or gt (gl or tl); repeat for OR.",
        metavar="LEERWEG",
        case_sensitive=False,
    ),
]
ToOption = Annotated[
    list[ToNiveau] | None,
    typer.Option(
        "--to",
        help="A route leads to this mbo niveau: 1, 2, 3 or 4; repeat for OR.",
        metavar="NIVEAU",
    ),
]
ProvinceOption = Annotated[
    list[str] | None,
    typer.Option(
        "--province",
        help="Province contains TEXT (case and accents ignored); repeat for OR.",
        metavar="TEXT",
        callback=_no_blank,
        autocompletion=complete_province,
    ),
]
SearchOption = Annotated[
    list[str] | None,
    typer.Option(
        "--search",
        "-q",
        help="Any text of the leerlab contains TEXT, schools and contacts included.",
        metavar="TEXT",
        callback=_no_blank,
    ),
]
PlannedOption = Annotated[
    bool,
    typer.Option(
        "--include-planned",
        help="Let --from/--to also match routes the source calls possible later.",
    ),
]


def make_filters(
    sector: list[str] | None,
    from_: list[FromWord] | None,
    to: list[ToNiveau] | None,
    province: list[str] | None,
    search: list[str] | None,
    include_planned: bool,
) -> Filters:
    """The core's `Filters` from the shared filter options."""
    leerwegen = frozenset().union(*(LEERWEG_ALIASES[word.value] for word in from_ or ()))
    return Filters(
        sectors=tuple(sector or ()),
        leerwegen=leerwegen,
        niveaus=frozenset(int(niveau.value) for niveau in to or ()),
        provinces=tuple(province or ()),
        searches=tuple(search or ()),
        include_planned=include_planned,
    )


_FILTER_OPTIONS: tuple[tuple[str, object, object], ...] = (
    ("sector", SectorOption, None),
    ("from_", FromOption, None),
    ("to", ToOption, None),
    ("province", ProvinceOption, None),
    ("search", SearchOption, None),
    ("include_planned", PlannedOption, False),
)


def takes_filters(command: Callable[..., None]) -> Callable[..., None]:
    """Give a command the filter options of `list`; it receives them as one `filters: Filters`.

    The options are declared here once; each command that selects leerlabs gets
    the same ones, right after its context, and typer sees them in its signature.
    """
    signature = inspect.signature(command, eval_str=True)
    own = [parameter for name, parameter in signature.parameters.items() if name != "filters"]
    options = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=kind)
        for name, kind, default in _FILTER_OPTIONS
    ]
    rest = [parameter.replace(kind=inspect.Parameter.KEYWORD_ONLY) for parameter in own[1:]]

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> None:
        chosen = {name: kwargs.pop(name) for name, _, _ in _FILTER_OPTIONS}
        command(*args, filters=make_filters(**chosen), **kwargs)

    parameters = [*own[:1], *options, *rest]
    run.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
    run.__annotations__ = {parameter.name: parameter.annotation for parameter in parameters}
    return run


def stdout_is_terminal() -> bool:
    """Whether people, rather than a program, read what the command prints."""
    return sys.stdout.isatty()


def write(text: str) -> None:
    """Write data to stdout and flush, so a closed pipe is noticed inside the command."""
    sys.stdout.write(text)
    sys.stdout.flush()


def render(renderable: RenderableType) -> None:
    """Print a rich renderable to stdout, with markup, emoji and highlighting off."""
    from rich.console import Console

    console = Console(markup=False, emoji=False, highlight=False)
    console.print(renderable)
    sys.stdout.flush()


def note(message: str) -> None:
    """A message for a person on stderr, and only when stderr is a terminal."""
    if sys.stderr.isatty():
        sys.stderr.write(printable(message, keep_lines=True) + "\n")
