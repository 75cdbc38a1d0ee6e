"""Every command with hostile arguments over a hostile dataset: a clean answer, always.

The commands and their options are read from the app itself, so a new command or option
is driven too. Whatever the arguments, a run ends with exit code 0, 1 or 2, never with a
traceback or an internal error; an error prints nothing on stdout; a usage error is one
line; and nothing the user typed reaches the terminal unescaped. The runs happen in a
folder of their own, since `--output` may be given any name.
"""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

import tomli_w
import typer.main
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.core import TyperArgument, TyperOption

from helpers import HOSTILE, META, UNSAFE, Runner, app_commands, make_lab
from leerlab_cli.cli import app

SKIPPED_OPTIONS = {"--install-completion", "--help", "-h", "--version"}
"""Options that end the run before any command: --install-completion writes to $HOME."""

WORDS = (
    *HOSTILE,
    "",
    " ",
    "-",
    "--",
    "__class__",
    "__dict__",
    "slug,,name",
    ",",
    "-slug",
    "oost",
    "zorg",
    "noord brabant",
    "kb",
    "3",
    "0",
    "-1",
    "99999999999999999999",
    "x" * 5000,
    "\x1b[2J\x07",
    "\u202e",
    "..",
    "../x.md",
    "a/b.md",
    "x.xlsx",
    "x.html",
    "x.svg",
    "x.docx",
)
"""Values a user, a script or an attacker could pass; hypothesis adds its own text."""


def _hostile_dataset() -> Path:
    # Every kind of text of a leerlab is one of the hostile words (printable ones: the
    # dataset has to be valid for the commands to get as far as their output).
    texts = [word for word in HOSTILE if word.strip() and word.isprintable()]
    labs = [
        make_lab(
            slug=f"lab-{index}",
            name=text,
            place=text,
            sectors=[text, "Zorg en Welzijn"],
            specialisations=[text],
            sector_note=text,
            schools=[{"name": text, "types": ["vo"]}, {"name": f"ROC {text}", "types": ["mbo"]}],
            contacts=[{"name": text, "email": f"p{index}@test.nl", "organisation": text}],
        )
        for index, text in enumerate(texts)
    ]
    folder = Path(tempfile.mkdtemp(prefix="leerlab-fuzz-"))
    path = folder / "hostile.toml"
    path.write_text(tomli_w.dumps({"meta": {**META, "title": texts[0]}, "leerlab": labs}))
    return path


DATASET = _hostile_dataset()
WORKDIR = Path(tempfile.mkdtemp(prefix="leerlab-fuzz-out-"))


def _commands() -> dict[str, list[TyperOption | TyperArgument]]:
    group = typer.main.get_command(app)
    return {
        name: [
            param
            for param in command.params
            if not set(getattr(param, "opts", [])) & SKIPPED_OPTIONS
        ]
        for name, command in group.commands.items()
    }


COMMANDS = _commands()
CHOICES = {name: command.choices for name, command in app_commands().items()}
"""The values each choice option takes (`--format`: markdown, html, ...), by its first name."""

values = st.one_of(st.sampled_from(WORDS), st.text(max_size=40))


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    name = draw(st.sampled_from(sorted(COMMANDS)))
    params = COMMANDS[name]
    args = [name]
    for param in draw(st.lists(st.sampled_from(params), max_size=5)) if params else []:
        if isinstance(param, TyperArgument):
            args.append(draw(values))
            continue
        args.append(draw(st.sampled_from(param.opts)))
        if not param.is_flag:
            choices = CHOICES[name].get(param.opts[0])
            args.append(draw(st.sampled_from(choices) | values if choices else values))
    # Now and then a stray word, anywhere.
    if draw(st.booleans()):
        args.insert(draw(st.integers(0, len(args))), draw(values))
    return ["--data", str(DATASET), *args]


@settings(max_examples=100, deadline=None)
@given(args=command_lines(), language=st.sampled_from(["nl", "en"]))
def test_any_command_line_ends_cleanly(args: list[str], language: str) -> None:
    with contextlib.chdir(WORKDIR):
        # An exception the app does not handle escapes the runner and fails the test.
        result = Runner().invoke(app, args, env={"LEERLAB_LANG": language, "COLUMNS": "80"})
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.output)
    assert "Traceback" not in result.stderr, (args, result.stderr)
    assert "internal error" not in result.stderr, (args, result.stderr)
    assert "interne fout" not in result.stderr, (args, result.stderr)
    # validate's report is its output, the problems it found included (as a linter's).
    if result.exit_code == 2 or (result.exit_code == 1 and "validate" not in args):
        assert result.stdout == "", (args, result.stdout[:200])
    if result.exit_code == 2:
        assert result.stderr.count("\n") == 1, (args, result.stderr)
    assert not UNSAFE.search(result.stderr), (args, result.stderr)
