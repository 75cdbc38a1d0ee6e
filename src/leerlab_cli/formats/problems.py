"""Problems in a dataset, worded: one line for editors, JSON for programs, GitHub annotations."""

from __future__ import annotations

import ast
import json
import re
import textwrap
from collections.abc import Iterable, Mapping
from typing import Any

from leerlab_cli.core.models import UNDETERMINED_TOML
from leerlab_cli.core.problems import Problem
from leerlab_cli.core.rules import Severity
from leerlab_cli.core.text import printable
from leerlab_cli.i18n import N_, _, ngettext

_LISTED_SCHOOLS = 10
"""A hint lists this many of a leerlab's schools, so that it stays short however many."""
_LONGEST_QUOTE = 60
"""Longer quoted values are cut, so that one problem stays one readable line."""

_MESSAGES: dict[str, str] = {
    "missing": N_("required field {name} is missing"),
    "extra_forbidden": N_("unknown field {name}"),
    "string_type": N_("{value} must be text (between quotes)"),
    "string_too_short": N_("must not be empty"),
    "int_type": N_("{value} must be a whole number, without quotes"),
    "int_parsing": N_("{value} must be a whole number, without quotes"),
    "int_from_float": N_("{value} must be a whole number, without quotes"),
    "bool_type": N_("{value} must be true or false"),
    "list_type": N_("{value} must be a list"),
    "dict_type": N_("{value} must be a table"),
    "model_type": N_("{value} must be a table"),
    "model_attributes_type": N_("{value} must be a table"),
    "greater_than_equal": N_("{value} must be {ge} or more"),
    "less_than_equal": N_("{value} must be {le} or less"),
    "enum": N_("{value} is not one of {expected}"),
    "literal_error": N_("{value} must be {expected}"),
    "union_tag_invalid": N_("{value} must be text or {undetermined}"),
    "union_tag_not_found": N_("{value} must be text or {undetermined}"),
    "control_character": N_("{value} contains a control character, which is not allowed in text"),
    "slug_pattern": N_(
        "{value} must be lowercase letters a-z, digits and single hyphens, like 'noord-brabant'"
    ),
    "email_pattern": N_("{value} is not a valid e-mail address"),
    "start_pattern": N_(
        "{value} is not a start: write a year (2021), a school year (2019-2020) "
        "or a month (2021-09)"
    ),
    "url_pattern": N_("{value} is not a web address: write one starting with https://"),
    "date_type": N_("{value} must be a date without quotes, like 2024-03-15"),
    "undetermined_as_text": N_("{value} as text is not the same as a fact left open"),
    "scheduled_without_start": N_("a scheduled route needs a start"),
    "duplicate_slug": N_("slug {value} is already used by leerlab #{first}"),
    "unknown_school": N_("{value} is not one of the leerlab's schools"),
    "empty_leerwegen": N_(
        "an empty list says nothing: leave leerwegen out when the source does not state the leerweg"
    ),
    "place_unknown": N_(
        "{value} could not be checked: leerlab does not know the province of this municipality"
    ),
    "place_outside_provinces": N_(
        "{value} lies in {province}, which is not one of the leerlab's provinces"
    ),
    "route_to_entree": N_("a {kind} cannot lead to mbo niveau 1 (Entree)"),
    "integrated_route_shape": N_(
        "a geïntegreerde leerroute runs from vmbo bb to mbo niveau 2 only"
    ),
    "toml_syntax": N_("invalid TOML: {reason}"),
    "toml_end": N_("invalid TOML: {reason}; the file ends too early"),
    "toml_too_deep": N_("invalid TOML: lists or tables nested too deeply"),
    "toml_integer_too_large": N_("invalid TOML: an integer is too large"),
    "not_utf8": N_("not valid UTF-8 text: save the file as UTF-8"),
}
"""The message of each problem code, with the values the core gives it."""

_TOML_REASONS: dict[str, str] = {
    "Expected '=' after a key in a key/value pair": N_(
        "a key must be followed by '=' and a value (a space in a key, or a missing '='?)"
    ),
    "Unclosed array": N_("a list opened with '[' is not closed with ']' (a missing comma?)"),
    "Unclosed inline table": N_(
        "a table opened with '{' is not closed with '}' on the same line (a missing comma?)"
    ),
    "Invalid value": N_(
        'this is not a value: text needs quotes ("…"), true and false are lowercase'
    ),
    "Cannot overwrite a value": N_("this key already has a value above (a key given twice?)"),
    "Unterminated string": N_("a text is not closed with its quote on the same line"),
    "Invalid statement": N_("expected a key = value line or a [table] header"),
    "Invalid initial character for a key part": N_(
        "a key must be a bare word (letters, digits, - and _) or between quotes"
    ),
    "Expected newline or end of document after a statement": N_(
        "a line may hold only one key = value or [table]: start a new line here"
    ),
    "Expected ']' at the end of a table declaration": N_(
        "a [table] header must end with ']' on the same line"
    ),
    "Expected ']]' at the end of an array declaration": N_(
        "a [[table]] header must end with ']]' on the same line"
    ),
    "Invalid date or datetime": N_("this is not a valid date or time"),
    "Invalid hex value": N_("a \\u or \\U escape needs hexadecimal digits"),
    "Escaped character is not a Unicode scalar value": N_("this escape names no Unicode character"),
    "Unescaped '\\' in a string": N_(
        "a backslash in a text must be doubled (\\\\), or use single quotes"
    ),
}
"""Plain words for the messages of Python's TOML parser; others are shown as it words them."""
_TOML_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^Cannot declare (?P<key>.*) twice$"), N_("the table {key} is declared twice")),
    (
        re.compile(r"^Duplicate inline table key (?P<key>.*)$"),
        N_("the key {key} is given twice in one table"),
    ),
    (
        re.compile(r"^Cannot mutate immutable namespace (?P<key>.*)$"),
        N_("{key} is already complete: it cannot get more keys here"),
    ),
    (
        re.compile(r"^Cannot redefine namespace (?P<key>.*)$"),
        N_("{key} is already defined as a table"),
    ),
    (re.compile(r"^Expected (?P<key>.*)$"), N_("expected {key} here")),
    (
        re.compile(r"^(?:Illegal|Found invalid) character (?P<key>.*)$"),
        N_("the character {key} is not allowed here"),
    ),
)
"""The parser's messages that name a key or character, and their words."""


def _toml_key(text: str) -> str:
    # The parser names a key as Python writes a tuple of its parts, ('meta',), and a
    # character as Python quotes it, '\x00': say them as TOML and a person do.
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return printable(text)
    if isinstance(value, tuple) and all(isinstance(part, str) for part in value):
        return ".".join(quote_key(part) for part in value)
    if isinstance(value, str):
        return json.dumps(value)
    return printable(text)


def quote_key(part: str) -> str:
    """A key part as TOML writes it: bare when it can be, else between quotes."""
    return part if _BARE_KEY.match(part) else json.dumps(part)


_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def quote(value: Any) -> str:
    """A value as written in TOML, cut when long: ``"kader"``, ``3``, ``true``, ``["x"]``."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, int) and value.bit_length() > _LONGEST_QUOTE * 4:
        # Longer than can be quoted in full (and str() refuses the longest ones).
        text = "…"
    elif isinstance(value, int | float):
        text = str(value)
    elif isinstance(value, list | tuple):
        text = "[" + ", ".join(quote(item) for item in value) + "]"
    elif isinstance(value, Mapping):
        items = ", ".join(f"{key} = {quote(item)}" for key, item in value.items())
        text = "{ " + items + " }" if items else "{}"
    else:
        text = str(value)
    if len(text) > _LONGEST_QUOTE:
        text = text[: _LONGEST_QUOTE - 1] + "…"
    return printable(text)


def message(problem: Problem) -> str:
    """What is wrong, quoting the bad value, in the interface language."""
    values = problem.values
    if problem.code == "unreadable":
        # Already worded where the file was read (no such file, not UTF-8, …).
        return printable(str(values.get("reason", "")))
    if problem.code == "too_short":
        count = int(values.get("min_length", 1))
        return ngettext(
            "must have at least {count} item", "must have at least {count} items", count
        ).format(count=count)
    template = _MESSAGES.get(problem.code)
    if template is None:
        return _("invalid value {value} ({kind})").format(
            value=quote(values.get("value")), kind=problem.code
        )
    expected = values.get("expected", "")
    if isinstance(expected, list):
        expected = ", ".join(quote(item) for item in expected)
    else:
        expected = printable(str(expected))
    return _(template).format(
        value=quote(values.get("value")),
        name=printable(str(values.get("name", ""))),
        ge=values.get("ge"),
        le=values.get("le"),
        expected=expected,
        first=values.get("first"),
        kind=values.get("kind"),
        province=printable(str(values.get("province", ""))),
        undetermined=UNDETERMINED_TOML,
        reason=_toml_reason(str(values.get("reason", ""))),
    )


def _toml_reason(reason: str) -> str:
    if reason in _TOML_REASONS:
        return _(_TOML_REASONS[reason])
    for pattern, template in _TOML_PATTERNS:
        match = pattern.match(reason)
        if match is not None:
            return _(template).format(key=_toml_key(match["key"]))
    # A message of a newer parser that this table does not know yet.
    return _("the TOML parser stopped here")


def hint(problem: Problem) -> str | None:
    """How to fix it, when a fix is close: a field name, a value, a form."""
    values = problem.values
    suggestion = values.get("suggestion")
    code = problem.code
    if code == "undetermined_as_text":
        return _("write {fix}").format(fix=UNDETERMINED_TOML)
    if code == "scheduled_without_start":
        return _('add a start, such as start = "2021-09", or choose another status')
    if code == "unknown_school":
        if suggestion is not None:
            return _("did you mean {suggestion}?").format(suggestion=quote(suggestion))
        schools = list(values.get("schools", ()))
        listed = ", ".join(quote(name) for name in schools[:_LISTED_SCHOOLS])
        if len(schools) > _LISTED_SCHOOLS:
            more = len(schools) - _LISTED_SCHOOLS
            listed += " " + ngettext("and {count} more", "and {count} more", more).format(
                count=more
            )
        return _("the leerlab's schools: {schools}").format(schools=listed)
    if suggestion is None:
        return None
    if code == "extra_forbidden":
        return _("did you mean {suggestion}?").format(suggestion=printable(str(suggestion)))
    if code == "email_pattern" and values.get("fix") == "name":
        return _("write only the address, {suggestion}; the person's name goes in name").format(
            suggestion=quote(suggestion)
        )
    if code == "email_pattern" and values.get("fix") == "mailto":
        return _("write the address without mailto: {suggestion}").format(
            suggestion=quote(suggestion)
        )
    if code == "email_pattern":
        return _("remove the spaces: {suggestion}").format(suggestion=quote(suggestion))
    if code == "enum" and isinstance(suggestion, list):
        if len(suggestion) == 1:
            return _("write {suggestion}").format(suggestion=quote(suggestion[0]))
        return _("write {suggestion} in the list").format(
            suggestion=", ".join(quote(item) for item in suggestion)
        )
    return _("did you mean {suggestion}?").format(suggestion=quote(suggestion))


def _place(problem: Problem) -> str:
    if problem.line:
        return f"{problem.file}:{problem.line}:{problem.column}"
    return problem.file


def _subject(problem: Problem) -> str:
    # leerlab 'slug': field.path: — whichever of them the problem has.
    parts = []
    if problem.leerlab is not None and problem.leerlab_line is not None:
        # Its slug is another leerlab's too: the line of its [[leerlab]] says which.
        at = _("line {line}").format(line=problem.leerlab_line)
        parts.append(f"leerlab '{printable(problem.leerlab)}' ({at})")
    elif problem.leerlab is not None:
        parts.append(f"leerlab '{printable(problem.leerlab)}'")
    elif problem.number is not None:
        parts.append(f"leerlab #{problem.number}")
    if problem.field:
        parts.append(printable(problem.field))
    return "".join(f"{part}: " for part in parts)


def _words(problem: Problem) -> str:
    found = hint(problem)
    worded = message(problem)
    return f"{worded}; {found}" if found else worded


def problem_message(problem: Problem) -> str:
    """``PATH:LINE:COLUMN: leerlab 'slug': field: message; hint``, for an `error:` line."""
    return f"{_place(problem)}: {_subject(problem)}{_words(problem)}"


def problem_line(problem: Problem) -> str:
    """``PATH:LINE:COLUMN: error: leerlab 'slug': field: message; hint``, as compilers write."""
    # Editors and CI match the English words error and warning, whatever the language.
    return f"{_place(problem)}: {problem.severity}: {_subject(problem)}{_words(problem)}\n"


def text_report(problems: Iterable[Problem]) -> str:
    """One line per problem."""
    return "".join(problem_line(problem) for problem in problems)


_SEVERITY_COLOURS = {Severity.error: "1;31", Severity.warning: "1;33", Severity.note: "1;36"}
"""The SGR colour of each severity on a terminal: bold red, yellow, cyan."""
_LOCATION_COLOUR = "1"
"""The location in bold."""
_INDENT = "    "
"""The lines a long problem continues on, indented under its first."""
_SHORTEST_START = 12
"""The room the first line keeps after the location for the text, or the text starts below."""


def _coloured(text: str, colour: str | None) -> str:
    return f"\x1b[{colour}m{text}\x1b[0m" if colour else text


def _wrapped(text: str, width: int, first_indent: str) -> list[str]:
    # At spaces only: a path, an address or a hyphenated word is never cut.
    return textwrap.wrap(
        text,
        width=width,
        initial_indent=first_indent,
        subsequent_indent=_INDENT,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [first_indent]


def terminal_report(problems: Iterable[Problem], width: int, *, colour: bool) -> str:
    """The problems for a person at a terminal `width` columns wide.

    The same words as `text_report`, the severity and the location in colour when
    `colour`, and a long problem wrapped at word boundaries onto indented lines, its
    location (``PATH:LINE:COL: error:``) always whole on the first.
    """
    lines = []
    for problem in problems:
        location, severity = f"{_place(problem)}:", f"{problem.severity}:"
        rest = f"{_subject(problem)}{_words(problem)}"
        plain_prefix = f"{location} {severity} "
        if len(plain_prefix) + _SHORTEST_START <= width:
            wrapped = _wrapped(rest, width, " " * len(plain_prefix))
            start, wrapped = wrapped[0][len(plain_prefix) :], wrapped[1:]
        else:
            # A location as wide as the terminal (a long path): the text starts below it.
            start, wrapped = "", _wrapped(rest, width, _INDENT)
        first = (
            _coloured(location, _LOCATION_COLOUR if colour else None)
            + " "
            + _coloured(severity, _SEVERITY_COLOURS[problem.severity] if colour else None)
            + (f" {start}" if start else "")
        )
        lines.append("\n".join([first, *wrapped]) + "\n")
    return "".join(lines)


def json_report(problems: Iterable[Problem]) -> str:
    """A JSON list of problems with fixed keys; message and hint in the interface language."""
    items = [
        {
            "file": problem.file,
            "line": problem.line or None,
            "column": problem.column or None,
            "leerlab": problem.leerlab,
            "field": problem.field or None,
            "severity": str(problem.severity),
            "code": problem.code,
            "message": message(problem),
            "hint": hint(problem),
        }
        for problem in problems
    ]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def github_report(problems: Iterable[Problem]) -> str:
    """GitHub Actions workflow commands: ``::error file=…,line=…,col=…::message``."""
    lines = []
    for problem in problems:
        properties = [f"file={_github_property(problem.file)}"]
        if problem.line:
            properties += [f"line={problem.line}", f"col={problem.column}"]
        title = f"{_subject(problem)}".removesuffix(": ")
        if title:
            properties.append(f"title={_github_property(title)}")
        command = _GITHUB_COMMANDS[problem.severity]
        lines.append(f"::{command} {','.join(properties)}::{_github_data(_words(problem))}\n")
    return "".join(lines)


_GITHUB_COMMANDS = {Severity.error: "error", Severity.warning: "warning", Severity.note: "notice"}
"""The workflow command of each severity: GitHub calls a note a notice."""


def _github_data(text: str) -> str:
    # As GitHub's toolkit escapes a command's message.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


def summary(leerlabs: int, errors: int, warnings: int, notes: int = 0) -> str:
    """``6 leerlabs, 0 errors, 1 warning``, in the interface language; notes when there are any."""
    parts: list[str] = [
        ngettext("{count} leerlab", "{count} leerlabs", leerlabs).format(count=leerlabs),
        ngettext("{count} error", "{count} errors", errors).format(count=errors),
        ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings),
    ]
    if notes:
        parts.append(ngettext("{count} note", "{count} notes", notes).format(count=notes))
    return ", ".join(parts) + "\n"
