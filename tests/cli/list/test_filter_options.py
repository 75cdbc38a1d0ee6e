"""The commands that select leerlabs offer the very same filter options."""

from __future__ import annotations

from typing import Any

import pytest
from typer.main import get_command

from leerlab_cli.cli import app

SELECTING = ["list", "routes", "contacts", "export"]
FILTERS = ["sector", "from_", "to", "province", "kind", "profiel", "search", "include_planned"]


def parsed_type(param: Any) -> object:
    """The type an option converts its values to, as this version of typer records it."""
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is not None:
        return descriptor.annotation
    # Below typer 0.26 the type is a click ParamType, made anew for each command
    # and equal only to itself: compare what it accepts (its name, choices, case).
    return param.type.to_info_dict()


def filter_options(command: str) -> list[dict[str, Any]]:
    """What a person sees and typer parses of each filter option of `command`, in order."""
    params = get_command(app).commands[command].params  # type: ignore[attr-defined]
    return [
        {
            "name": param.name,
            "opts": param.opts,
            "secondary_opts": param.secondary_opts,
            "type": parsed_type(param),
            "multiple": param.multiple,
            "metavar": param.metavar,
            "default": param.default,
            "help": param.help,
        }
        for param in params
        if param.name in FILTERS
    ]


def test_list_has_the_eight_filter_options() -> None:
    assert [option["name"] for option in filter_options("list")] == FILTERS


@pytest.mark.parametrize("command", SELECTING[1:])
def test_filter_options_are_those_of_list(command: str) -> None:
    assert filter_options(command) == filter_options("list")
