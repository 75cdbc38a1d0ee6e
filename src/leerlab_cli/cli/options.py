"""What the commands share: the options declared once, and loading the dataset."""

import os
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from leerlab_cli.cli.completion import (
    complete_kind,
    complete_profiel,
    complete_province,
    complete_sector,
)
from leerlab_cli.cli.dataset_choice import dataset_in_use
from leerlab_cli.core.models import LEERWEG_ALIASES, Dataset, Profiel
from leerlab_cli.core.query import Filters, profiel_named
from leerlab_cli.files import dataset
from leerlab_cli.i18n import N_, _, ngettext


def load_dataset(ctx: typer.Context) -> Dataset:
    """The dataset chosen by `--data`, $LEERLAB_DATA or the shipped default, validated."""
    return dataset.load(dataset_in_use(ctx).path)


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


_Choice = TypeVar("_Choice", bound=StrEnum)


def choice_of(choices: type[_Choice], *, case_sensitive: bool = True) -> Callable[[str], _Choice]:
    """A parser for an option whose values are `choices`, refusing others in leerlab's words."""

    def parse(value: str) -> _Choice:
        for choice in choices:
            if choice.value == value or (not case_sensitive and choice.value == value.lower()):
                return choice
        known = ", ".join(repr(choice.value) for choice in choices)
        raise typer.BadParameter(
            ngettext("{value!r} is not {choice}.", "{value!r} is not one of {choices}.", 2).format(
                value=value, choice=known, choices=known
            )
        )

    return parse


def _no_blank(values: list[str] | None) -> list[str] | None:
    for value in values or ():
        if not value.strip():
            raise typer.BadParameter(_("must not be empty"))
    return values


def _not_empty(value: str | None) -> str | None:
    # Taken as a path, "" would be the current folder; a text keeps it visible here.
    if value == "":
        raise typer.BadParameter(_("an empty path names no file"))
    return value


def output_file(value: str | None) -> str | None:
    """An `--output` path: a file, never empty and never a folder."""
    # Path() would drop a trailing slash and write a file where a folder was meant.
    if value == "":
        raise typer.BadParameter(_("an empty path names no file"))
    if value is not None and value.endswith(("/", os.sep)):
        raise typer.BadParameter(_("give a file: a path ending in '/' names a folder"))
    return value


def path_named(value: str) -> Path:
    """A path argument: an empty one is a usage error, not the current folder."""
    if value == "":
        raise typer.BadParameter(_("an empty path names no file"))
    return Path(value)


DataOption = Annotated[
    str | None,
    typer.Option(
        "--data",
        help=N_("The dataset file (default: $LEERLAB_DATA, else the shipped one)."),
        callback=_not_empty,
        show_default=False,
        metavar=N_("PATH"),
    ),
]
"""`--data`, accepted before the command name and after it."""


SectorOption = Annotated[
    list[str] | None,
    typer.Option(
        "--sector",
        help=N_(
            "The sector or specialisation contains this text (case and accents ignored); "
            "repeat for OR."
        ),
        metavar=N_("TEXT"),
        callback=_no_blank,
        autocompletion=complete_sector,
    ),
]
FromOption = Annotated[
    list[FromWord] | None,
    typer.Option(
        "--from",
        help=N_(
            "A route starts from this vmbo leerweg: bb, kb, gl, tl, basis, kader, gemengd, "
            "theoretisch, or gt (gl or tl); repeat for OR."
        ),
        metavar=N_("LEERWEG"),
        parser=choice_of(FromWord, case_sensitive=False),
    ),
]
ToOption = Annotated[
    list[ToNiveau] | None,
    typer.Option(
        "--to",
        help=N_("A route leads to this mbo niveau: 1, 2, 3 or 4; repeat for OR."),
        metavar=N_("NIVEAU"),
        parser=choice_of(ToNiveau),
    ),
]
ProvinceOption = Annotated[
    list[str] | None,
    typer.Option(
        "--province",
        help=N_("The province contains this text (case and accents ignored); repeat for OR."),
        metavar=N_("TEXT"),
        callback=_no_blank,
        autocompletion=complete_province,
    ),
]


def _known_profielen(values: list[str] | None) -> list[str] | None:
    for value in values or ():
        if profiel_named(value) is None:
            known = ", ".join(f"{profiel.value} ({profiel.dutch})" for profiel in Profiel)
            raise typer.BadParameter(
                _("unknown vmbo profiel '{value}'; choose one of: {known}").format(
                    value=value, known=known
                )
            )
    return values


KindOption = Annotated[
    list[str] | None,
    typer.Option(
        "--kind",
        help=N_(
            "A kind of route of the leerlab contains this text, such as 'doorlopende leerroute' "
            "(case and accents ignored); repeat for OR."
        ),
        metavar=N_("TEXT"),
        callback=_no_blank,
        autocompletion=complete_kind,
    ),
]
ProfielOption = Annotated[
    list[str] | None,
    typer.Option(
        "--profiel",
        help=N_(
            "The leerlab works in this vmbo profiel: its name or abbreviation, such as zw, "
            "'zorg en welzijn', hbr or groen; repeat for OR."
        ),
        metavar=N_("PROFIEL"),
        callback=_known_profielen,
        autocompletion=complete_profiel,
    ),
]
SearchOption = Annotated[
    list[str] | None,
    typer.Option(
        "--search",
        "-q",
        help=N_("Any text of the leerlab contains this text, schools and contacts included."),
        metavar=N_("TEXT"),
        callback=_no_blank,
    ),
]
PlannedOption = Annotated[
    bool,
    typer.Option(
        "--include-planned",
        help=N_("Let --from and --to also match routes the source calls possible later."),
    ),
]


def make_filters(
    sector: list[str] | None,
    from_: list[FromWord] | None,
    to: list[ToNiveau] | None,
    province: list[str] | None,
    search: list[str] | None,
    include_planned: bool,
    kind: list[str] | None = None,
    profiel: list[str] | None = None,
) -> Filters:
    """The core's `Filters` from the shared filter options."""
    leerwegen = frozenset().union(*(LEERWEG_ALIASES[word.value] for word in from_ or ()))
    profielen = frozenset(
        found for word in profiel or () if (found := profiel_named(word)) is not None
    )
    return Filters(
        sectors=tuple(sector or ()),
        leerwegen=leerwegen,
        niveaus=frozenset(int(niveau.value) for niveau in to or ()),
        provinces=tuple(province or ()),
        searches=tuple(search or ()),
        include_planned=include_planned,
        kinds=tuple(kind or ()),
        profielen=profielen,
    )


HeaderOption = Annotated[
    bool,
    typer.Option(
        "--header",
        help=N_("With tab-separated output: print the column names first."),
    ),
]
"""`--header`, on every command that prints tab-separated lines."""


def check_header(header: bool, output_format: str | None, accepted: tuple[str, ...]) -> None:
    """Refuse `--header` with a `--format` chosen explicitly that it does not apply to."""
    if header and output_format is not None and output_format not in accepted:
        raise typer.BadParameter(
            _("only applies to --format {formats}").format(formats="|".join(accepted)),
            param_hint="'--header'",
        )
