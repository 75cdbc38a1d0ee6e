"""A start for a new leerlab: a `[[leerlab]]` table with every field, explained.

Every comment is a field's own description from the models (`Field(description=…)`),
the same text the schema shows on hover, so the start can never drift from the
format. The required fields are written empty, for the maintainer to fill in;
every other field is a commented-out example. The tables inside a leerlab
(schools, routes, contacts, …) list their fields under the field that holds them.
"""

from __future__ import annotations

import datetime
import json
import textwrap
import typing
from typing import Any

from pydantic.fields import FieldInfo

from leerlab_cli.core.models import UNDETERMINED_TOML, Leerlab, Table, Undetermined
from leerlab_cli.i18n import _

WIDTH = 92
"""Comments are wrapped at this width, as the shipped dataset's are."""


def new_lab_toml(slug: str) -> str:
    """A `[[leerlab]]` table for `slug` (a valid slug) with every field and its description."""
    lines = [
        "# " + line
        for line in textwrap.wrap(
            _(
                "A new leerlab: fill in the fields written empty, uncomment what the source "
                "gives, then run: leerlab validate"
            ),
            WIDTH - 2,
            break_on_hyphens=False,
        )
    ]
    lines += ["", "[[leerlab]]"]
    for name, field in Leerlab.model_fields.items():
        lines.append("")
        lines += _comment(field.description or "")
        table = _table_in(field.annotation)
        if table is not None:
            lines += _table_fields(table)
        if name == "slug":
            lines.append(f"slug = {json.dumps(slug, ensure_ascii=False)}")
        elif field.is_required():
            example = inline(_example(field))
            lines.append(_("# for example: {name} = {example}").format(name=name, example=example))
            lines.append(f"{name} = {_empty_value(field)}")
        else:
            lines.append(f"# {name} = {inline(_example(field))}")
            if _holds(field.annotation, Undetermined):
                lines.append(f"# {name} = {UNDETERMINED_TOML}")
    return "\n".join(lines) + "\n"


def _comment(text: str, indent: str = "") -> list[str]:
    wrapped = textwrap.wrap(
        text, WIDTH - 2 - len(indent), subsequent_indent=indent and "  ", break_on_hyphens=False
    )
    return [f"# {indent}{line}" for line in wrapped]


def _table_fields(table: type[Table]) -> list[str]:
    # The fields of a table inside the leerlab, one comment each: `name (required): …`.
    lines = []
    for name, field in table.model_fields.items():
        needed = _("required") if field.is_required() else _("optional")
        lines += _comment(f"{name} ({needed}): {field.description or ''}", indent="  ")
    return lines


def _example(field: FieldInfo) -> Any:
    examples = field.examples or []
    return examples[0] if examples else ""


def _empty_value(field: FieldInfo) -> str:
    # What a required field is before it is filled in: validate says what it needs.
    origin = typing.get_origin(field.annotation)
    return "[]" if origin is list else '""'


def _holds(annotation: Any, model: type[Table]) -> bool:
    if annotation is model:
        return True
    return any(_holds(argument, model) for argument in typing.get_args(annotation))


def _table_in(annotation: Any) -> type[Table] | None:
    # The table a field holds (or holds a list of), not the "nader te bepalen" one.
    if isinstance(annotation, type) and issubclass(annotation, Table):
        return None if annotation is Undetermined else annotation
    for argument in typing.get_args(annotation):
        found = _table_in(argument)
        if found is not None:
            return found
    return None


def inline(value: Any) -> str:
    """A value as TOML writes it on one line: ``"text"``, ``[2, 3]``, ``{ name = "x" }``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | datetime.date):
        return str(value)
    if isinstance(value, str):
        # A JSON string is a TOML basic string.
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(inline(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{key} = {inline(item)}" for key, item in value.items()) + " }"
    raise TypeError(value)
