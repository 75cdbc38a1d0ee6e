"""What the commands share: the options declared once, and loading the dataset."""

import os
from collections.abc import Callable, Sequence
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
from leerlab_cli.core.query import Filters, profielen_named
from leerlab_cli.core.sorting import SortField
from leerlab_cli.core.text import fold
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
        if not fold(value):
            # Text is compared by its letters and digits only: this would match anything.
            raise typer.BadParameter(
                _("'{value}' has no letter or digit to look for").format(value=value)
            )
    return values


def _not_empty(value: str | None) -> str | None:
    # Taken as a path, "" would be the current folder; a text keeps it visible here.
    if value == "":
        raise typer.BadParameter(_("an empty path names no file"))
    return value


STDOUT = "-"
"""The `--output` that means stdout, as in most Unix tools (a file named - is `./-`)."""


def output_file(value: str | None) -> str | None:
    """An `--output` path: a file, never empty and never a folder; `-` is stdout (None)."""
    if value == STDOUT:
        return None
    # Path() would drop a trailing slash and write a file where a folder was meant.
    if value == "":
        raise typer.BadParameter(_("an empty path names no file"))
    if value is not None and value.endswith(("/", os.sep)):
        raise typer.BadParameter(_("give a file: a path ending in '/' names a folder"))
    return value


class ForeignKind(StrEnum):
    """A kind of file leerlab does not write, known by its suffix."""

    word = "word"
    pdf = "pdf"
    spreadsheet = "spreadsheet"
    image = "image"


FOREIGN_SUFFIXES = {
    ".doc": ForeignKind.word,
    ".docx": ForeignKind.word,
    ".docm": ForeignKind.word,
    ".odt": ForeignKind.word,
    ".rtf": ForeignKind.word,
    ".pdf": ForeignKind.pdf,
    ".xls": ForeignKind.spreadsheet,
    ".xlsm": ForeignKind.spreadsheet,
    ".xlsb": ForeignKind.spreadsheet,
    ".ods": ForeignKind.spreadsheet,
    ".png": ForeignKind.image,
    ".jpg": ForeignKind.image,
    ".jpeg": ForeignKind.image,
    ".gif": ForeignKind.image,
    ".webp": ForeignKind.image,
}
"""Suffixes of files leerlab does not write, whatever `--format` says: a file of another
format under such a name is one its program refuses. Each command that writes files says
what it writes instead."""


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
            "The sector or specialisation contains this text (case, accents, spaces, hyphens "
            "and punctuation ignored, & is en); repeat for OR."
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
        help=N_(
            "The province contains this text (case, accents, spaces and hyphens ignored); "
            "repeat for OR."
        ),
        metavar=N_("TEXT"),
        callback=_no_blank,
        autocompletion=complete_province,
    ),
]


def _known_profielen(values: list[str] | None) -> list[str] | None:
    for value in values or ():
        found = profielen_named(value)
        if len(found) > 1:
            choices = ", ".join(f"{profiel.value} ({profiel.dutch})" for profiel in found)
            raise typer.BadParameter(
                _("'{value}' may be more than one vmbo profiel; choose one of: {choices}").format(
                    value=value, choices=choices
                )
            )
        if not found:
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
            "(case, accents, spaces and hyphens ignored); repeat for OR."
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
            "The leerlab works in this vmbo profiel: its abbreviation, name or a word of its "
            "name, such as zw, 'zorg & welzijn', zorg, hbr or groen; repeat for OR."
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
        help=N_(
            "Any text of the leerlab contains this text, schools and contacts included; case, "
            "accents, spaces and punctuation are ignored."
        ),
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
    # Each word names one profiel by now: `_known_profielen` refused the others.
    profielen = frozenset(found for word in profiel or () for found in profielen_named(word))
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


def _known_sort(value: str | None) -> str | None:
    if value is not None:
        sort_order(value)
    return value


def sort_order(value: str) -> tuple[SortField, bool]:
    """The field `--sort` names and whether it sorts descending (``-name``)."""
    name = value.removeprefix("-")
    for field in SortField:
        if field.value == name:
            return field, value.startswith("-")
    known = ", ".join(field.value for field in SortField)
    raise typer.BadParameter(
        _("unknown field '{value}'; sort by one of: {known}, each with - for descending").format(
            value=value, known=known
        ),
        param_hint="'--sort'",
    )


SortOption = Annotated[
    str | None,
    typer.Option(
        "--sort",
        help=N_(
            "Order by slug, name, place, province or start (of the first route); -FIELD "
            "for descending, such as -start. Leerlabs without a value come last."
        ),
        metavar=N_("FIELD"),
        callback=_known_sort,
        show_default=False,
    ),
]
"""`--sort`, on the commands that list leerlabs."""

FieldsOption = Annotated[
    str | None,
    typer.Option(
        "--fields",
        help=N_(
            "Only these fields, in this order, separated by commas (tab-separated, CSV and "
            "JSON output); an unknown field lists the fields there are."
        ),
        metavar=N_("FIELDS"),
        show_default=False,
    ),
]
"""`--fields`, on the commands whose output for programs can leave fields out."""

CountOption = Annotated[
    bool,
    typer.Option("--count", help=N_("Print only the number of leerlabs that pass the filters.")),
]
"""`--count`, on the commands that list leerlabs."""


def chosen_fields(value: str, known: Sequence[str]) -> tuple[str, ...]:
    """The fields `--fields` names, each once, in its order; one not in `known` is refused."""
    chosen: dict[str, None] = {}
    for name in value.split(","):
        field = name.strip()
        if field not in known:
            raise typer.BadParameter(
                _("unknown field '{field}'; the fields are: {known}").format(
                    field=field, known=", ".join(known)
                ),
                param_hint="'--fields'",
            )
        chosen[field] = None
    return tuple(chosen)


def check_count(count: bool, **others: bool) -> None:
    """Refuse `--count` with an option that shapes the output it replaces by a number."""
    for option, given in others.items():
        if count and given:
            raise typer.BadParameter(
                _("prints only the number: leave out --{option}").format(option=option),
                param_hint="'--count'",
            )
