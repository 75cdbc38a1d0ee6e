"""What shell completion suggests: values found in a dataset, matched to what was typed (pure)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from leerlab_cli.core.models import Leerlab, Profiel
from leerlab_cli.core.text import fold

Suggestion = tuple[str, str]
"""A value to complete to, and a few words of help that zsh, fish and PowerShell show."""


def slug_suggestions(labs: Iterable[Leerlab]) -> list[Suggestion]:
    """Every slug, with the leerlab's name as help."""
    return [(lab.slug, lab.name) for lab in labs]


def sector_suggestions(labs: Sequence[Leerlab]) -> list[Suggestion]:
    """Every sector, then every specialisation, once each, in the dataset's order."""
    sectors = _unique(sector for lab in labs for sector in lab.sectors)
    specialisations = _unique(name for lab in labs for name in lab.specialisations)
    known = set(sectors)
    return [(name, "sector") for name in sectors] + [
        (name, "specialisation") for name in specialisations if name not in known
    ]


def province_suggestions(labs: Iterable[Leerlab]) -> list[Suggestion]:
    """Every province once, with the slugs of its leerlabs as help."""
    return _with_slugs((lab.slug, lab.provinces) for lab in labs)


def kind_suggestions(labs: Iterable[Leerlab]) -> list[Suggestion]:
    """Every kind of route the leerlabs work on, once, with the slugs of its leerlabs as help."""
    return _with_slugs((lab.slug, [str(kind) for kind in lab.route_kinds]) for lab in labs)


def _with_slugs(values_of_labs: Iterable[tuple[str, Iterable[str]]]) -> list[Suggestion]:
    # One pass over the labs, whatever their number: each value collects its slugs,
    # in the order the values first appear (a lab naming a value twice counts once).
    slugs_of: dict[str, dict[str, None]] = {}
    for slug, values in values_of_labs:
        for value in values:
            slugs_of.setdefault(value, {})[slug] = None
    return [(value, ", ".join(slugs)) for value, slugs in slugs_of.items()]


def profiel_suggestions() -> list[Suggestion]:
    """The code of each of the ten vmbo profielen, with its name as help."""
    return [(profiel.value, profiel.dutch) for profiel in Profiel]


def matching(suggestions: Iterable[Suggestion], incomplete: str) -> list[Suggestion]:
    """The suggestions that start with `incomplete`, folded, completing what was typed.

    Folded as the filters fold (`fold`): ``gel`` completes to ``gelderland`` and
    ``noord b`` to ``noord brabant``. Shells drop a suggestion that does not start
    with the word typed so far, so the typed part is kept and the rest of the value
    follows it. Each completed value is suggested once, so ``G`` gives ``Groen``
    once though the dataset has ``groen`` too.
    """
    typed = fold(incomplete)
    matches: dict[str, str] = {}
    for value, help_text in suggestions:
        completed = _completed(value, incomplete, typed)
        if completed is not None:
            matches.setdefault(completed, help_text)
    return list(matches.items())


def _completed(value: str, incomplete: str, typed: str) -> str | None:
    # `incomplete` and what follows the shortest start of `value` that folds to
    # `typed`; None when `value` does not start with it. A text folds a character at
    # a time, so one pass over `value` finds it. Where a character folds to several
    # (ß: ss) and goes past `typed`, the whole value is offered as it is.
    length = 0  # how much of `typed` the start of `value` has folded to so far
    for index, char in enumerate(value):
        if length == len(typed):
            return incomplete + value[index:]
        piece = fold(char)
        if length + len(piece) > len(typed):
            return value if typed.endswith(piece[: len(typed) - length]) else None
        if not typed.startswith(piece, length):
            return None
        length += len(piece)
    return incomplete if length == len(typed) else None


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))
