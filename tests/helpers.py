"""Helpers shared by the tests (fixtures live in conftest.py, strategies in strategies.py)."""

from __future__ import annotations

import contextlib
import copy
import functools
import importlib
import io
import json
import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_type_hints

import typer.main
from typer import Typer
from typer.testing import CliRunner, Result

from leerlab_cli.cli import COMMANDS as REGISTRY
from leerlab_cli.cli import app

WriteDataset = Callable[..., Path]
"""The type of conftest's `write_dataset` fixture."""

REPOSITORY = Path(__file__).resolve().parent.parent
"""The repository's root folder, wherever a test file sits below tests/."""

TEST_DATA = REPOSITORY / "tests" / "data"
"""Fixed test inputs (texts copied from the source)."""

SCRIPT = Path(sys.executable).with_name("leerlab")
"""The installed console script."""

FORMATS = ("markdown", "html", "csv", "json", "toml")
"""The formats of `export`."""

BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""The bidi embeddings, overrides and isolates: text that reorders what follows it."""

UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI_CONTROLS}]")
"""What must never reach a terminal: C0 and C1 controls but tab and newline, DEL, and bidi."""

HOSTILE = (
    "a | b",
    "a \\| b",
    "back\\slash",
    "trailing \\",
    "`code` and ``more``",
    "*star* **strong** _under_ __strong__",
    "<b>html</b>",
    "<!-- comment --> <script>alert(1)</script>",
    "<https://example.org>",
    "&amp; &copy; &#65;",
    "line one\nline two",
    "tab\there",
    "- dash",
    "+ plus",
    "* star",
    "1. one",
    "2) two",
    "---",
    "===",
    "    indented",
    "# hash ##",
    "> quote",
    "[link](https://example.org) ![image](x.png)",
    "~~strike~~ $x^2$",
    'quote " and comma, semicolon; end',
)


# --- The two languages ---------------------------------------------------------------

ENGLISH_WORDS = (
    "Usage",
    "Options",
    "Commands",
    "Arguments",
    "Show this message and exit.",
    "No such option",
    "Missing argument",
    "Invalid value",
    "Try",
    "for help",
    "Examples",
    "default",
    "required",
    # The placeholders of the usage line and the help
    "OPTIONS",
    "COMMAND",
    "TEXT",
    "PATH",
    "FILE",
    "FORMAT",
    "FIELD",
    "QUERY",
    "KIND",
    "OLD",
    "NEW",
)
"""The framework's English words (and ours around them), never in the Dutch interface."""

DUTCH_WORDS = (
    "Gebruik",
    "Opties",
    "Opdrachten",
    "Argumenten",
    "Toon deze hulptekst",
    "Onbekende optie",
    "Ontbrekend argument",
    "Ongeldige waarde",
    "Probeer",
    "voor hulp",
    "Voorbeelden",
    "standaard",
    "verplicht",
    # The placeholders of the usage line and the help
    "OPTIES",
    "OPDRACHT",
    "TEKST",
    "PAD",
    "BESTAND",
    "FORMAAT",
    "VELD",
    "ZOEKTERM",
    "SOORT",
    "OUD",
    "NIEUW",
)
"""Their Dutch translations, never in the English interface."""

FOREIGN = {"nl": ENGLISH_WORDS, "en": DUTCH_WORDS}


def foreign_words(text: str, language: str) -> list[str]:
    """The words of the other language found in `text`, as whole words."""
    return [word for word in FOREIGN[language] if re.search(rf"\b{re.escape(word)}\b", text)]


MARKER = "MARKER"
"""The file that a value of `SHELL_ATTACKS` creates in the working directory, once run."""

SHELL_ATTACKS = (
    "x\\",
    f" <(touch {MARKER}) ",
    "z\\",
    f"$(touch {MARKER})",
    f"`touch {MARKER}`",
    f";touch {MARKER};",
    f"'; touch {MARKER}; '",
    f'"; touch {MARKER}; "',
    f'\\"; touch {MARKER}; \\"',
    f"))' ; touch {MARKER} ; '((",
    f"a:b\\:$(touch {MARKER})",
    f"two\nlines $(touch {MARKER})",
    f"tab\t$(touch {MARKER})",
    "*",
)
"""Values that quote, escape, substitute or end a command: a shell that runs one creates MARKER."""

# --- Small datasets -----------------------------------------------------------------------

META: dict[str, Any] = {
    "title": "Testbron",
    "publisher": "Testers",
    "year": 2021,
}

LAB: dict[str, Any] = {
    "slug": "testlab",
    "name": "Leerlab Test",
    "place": "Teststad",
    "provinces": ["Utrecht"],
    "schools": [
        {"name": "Testcollege", "types": ["vo"]},
        {"name": "ROC Test", "types": ["mbo"]},
    ],
    "sectors": ["Zorg en Welzijn"],
    "phase": "pilot",
    "route_text": "van vmbo basis naar mbo niveau 2",
    "routes": [{"leerwegen": ["bb"], "niveaus": [2]}],
    "works_on": "doorlopende leerroute",
    "route_kinds": ["doorlopende leerroute"],
    "design": "samen",
    "target_group": "iedereen",
    "contacts": [{"name": "Piet Test", "email": "piet@test.nl"}],
}


def make_lab(**changes: Any) -> dict[str, Any]:
    """A valid leerlab as a TOML-ready dict, with `changes` applied on top."""
    lab = copy.deepcopy(LAB)
    lab.update(changes)
    return lab


FORMULA_STARTS = (
    "=1+1",
    "+1+1",
    "-1+1",
    "@SUM(1,1)",
    "\t=1+1",
    '=HYPERLINK("https://evil.example","klik")',
    "=1+1\n=2+2",
    "_x0041_ stays as typed",
)
"""Texts a spreadsheet would run as a formula (OWASP CSV injection), or decode, if let."""


def lab_with_every_text(value: str, slug: str = "testlab", email: str = "piet@test.nl") -> dict:
    """A valid leerlab whose every text, contacts and schools included, is `value`.

    Its province is Utrecht: provinces are a closed list, so no text reaches them.
    """
    return make_lab(
        slug=slug,
        name=value,
        place=value,
        provinces=["Utrecht"],
        schools=[{"name": value, "types": ["vo"], "place": value, "note": value}],
        schools_note=value,
        sectors=[value, value],
        specialisations=[value],
        sector_note=value,
        phase=value,
        route_text=value,
        routes=[{"leerwegen": ["bb"], "niveaus": [2], "schools": [value]}],
        works_on=value,
        design=value,
        target_group=value,
        target_group_per_school=[{"school": value, "text": value}],
        contacts=[{"name": value, "email": email, "organisation": value}],
    )


# --- Running the app ----------------------------------------------------------------------


class Runner(CliRunner):
    """A CliRunner that lets an exception the app does not handle escape with its traceback.

    CliRunner would catch it and report a bare exit code 1; the tests run with the debug
    switch on, so such an exception is a bug to be shown, never an answer to compare.
    """

    def invoke(
        self,
        app: Typer,
        args: str | Sequence[str] | None = None,
        input: bytes | str | None = None,
        env: Mapping[str, str | None] | None = None,
        catch_exceptions: bool = False,
        color: bool = False,
        **extra: Any,
    ) -> Result:
        return super().invoke(
            app, args, input=input, env=env, catch_exceptions=catch_exceptions, color=color, **extra
        )


def invoke_into(args: Sequence[str], descriptor: int | None) -> tuple[int, str]:
    """Run the app in-process with stdout on a real file descriptor: its exit code and stderr.

    For what a CliRunner cannot show, a stdout that fails: a pipe whose reader has gone, a
    full disk (/dev/full), or none at all (`descriptor` None, as `leerlab >&-`). The app
    writes to the descriptor itself, as in its own process; whatever the process does
    after the app returns (the interpreter's last flush, SIGPIPE) the tests in a
    subprocess check, once per promise.
    """
    stdout = None if descriptor is None else open(descriptor, "w", closefd=False)  # noqa: SIM115
    stderr = io.StringIO()
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = stdout, stderr  # type: ignore[assignment]
    try:
        app(args=list(args), prog_name="leerlab")
    except SystemExit as end:
        code = end.code if isinstance(end.code, int) else 0 if end.code is None else 1
    else:
        code = 0
    finally:
        sys.stdout, sys.stderr = saved
        if stdout is not None:
            with contextlib.suppress(OSError):
                stdout.close()
    return code, stderr.getvalue()


def stdout_of(
    runner: CliRunner, args: Sequence[str], env: Mapping[str, str | None] | None = None
) -> str:
    """What a command that must succeed, and say nothing on stderr, prints."""
    result = runner.invoke(app, list(args), env=env)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return result.stdout


def complete_bash(runner: CliRunner, line: str, env: dict[str, str] | None = None) -> list[str]:
    """What `leerlab` suggests to bash for the last word of `line` (after a space: a new word)."""
    words = line.split()
    cword = len(words) if line.endswith(" ") else len(words) - 1
    environment = {
        "_LEERLAB_COMPLETE": "complete_bash",
        "COMP_WORDS": line,
        "COMP_CWORD": str(cword),
    }
    result = runner.invoke(app, [], prog_name="leerlab", env={**environment, **(env or {})})
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    # Typer's bash completion ends with a newline even when it suggests nothing.
    return [line for line in result.stdout.splitlines() if line]


def run_export(runner: CliRunner, data: Path, *args: str) -> Result:
    """`leerlab --data DATA export ARGS`."""
    return runner.invoke(app, ["--data", str(data), "export", *args])


def exported(runner: CliRunner, data: Path, *args: str) -> str:
    """What `leerlab --data DATA export ARGS` prints; it must succeed."""
    return stdout_of(runner, ["--data", str(data), "export", *args])


def strict_json(text: str) -> Any:
    """Parse `text` as JSON, refusing NaN and Infinity."""

    def refuse(name: str) -> Any:
        raise AssertionError(f"not strict JSON: {name}")

    return json.loads(text, parse_constant=refuse)


def shell_environment(**extra: str) -> dict[str, str]:
    """An environment as a user's shell has it: buffered output, no locale, none of ours.

    The interface is English (LEERLAB_LANG=en, as conftest sets it in-process), whatever
    the developer's locale; `extra` may choose another language or locale.
    """
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("LEERLAB_", "PYTHONIO", "LC_", "TYPER_"))
        and key not in ("PYTHONUNBUFFERED", "LANGUAGE", "LANG", "PYTHONUTF8", "COLUMNS")
    }
    environment["LEERLAB_LANG"] = "en"
    environment.update(extra)
    return environment


# --- The commands, as the app declares them -----------------------------------------------


@dataclass(frozen=True)
class Command:
    """A command of the app: its name, whether it takes a leerlab, and its choice options."""

    name: str
    takes_query: bool
    choices: dict[str, tuple[str, ...]]

    @property
    def formats(self) -> tuple[str | None, ...]:
        return self.choices.get("--format", (None,))

    def args(self, query: str, output_format: str | None = None) -> list[str]:
        args = [self.name, query] if self.takes_query else [self.name]
        return [*args, "--format", output_format] if output_format else args


def _enum_in(annotation: Any) -> type[Enum] | None:
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return annotation
    for inner in get_args(annotation):
        found = _enum_in(inner)
        if found is not None:
            return found
    return None


@functools.cache
def app_commands() -> dict[str, Command]:
    """The app's commands, read from the app itself: a new command or option is covered."""
    group = typer.main.get_command(app)
    callbacks = {
        name: getattr(importlib.import_module(module), function)
        for name, (module, function) in REGISTRY.items()
    }
    commands = {}
    for name, command in group.commands.items():
        callback = callbacks[name]
        hints = get_type_hints(callback, include_extras=True)
        choices: dict[str, tuple[str, ...]] = {}
        takes_query = False
        for param in command.params:
            if param.param_type_name == "argument":
                takes_query = takes_query or bool(param.required)
                continue
            enum = _enum_in(hints.get(param.name or ""))
            if enum is not None:
                choices[param.opts[0]] = tuple(str(member.value) for member in enum)
        commands[name] = Command(name, takes_query, choices)
    return commands


def commands_with_formats() -> list[tuple[Command, str | None]]:
    """Every command with each of its `--format` choices (None: a command without one)."""
    return [
        (command, output_format)
        for command in app_commands().values()
        for output_format in command.formats
    ]
