"""Hostile data, hostile arguments, closed pipes, odd locales, interrupted writes.

Each test guards one of the guarantees of the hardening issue: one-line messages
that name the place of a problem, nothing on the terminal that the data or the user
did not mean literally, quiet ends of closed pipes, UTF-8 whatever the locale, an
`--output` file that is whole or untouched, formats that keep their shape, and usage
errors that name the valid choices. The commands and their `--format` choices are
read from the app itself, so a new command or format is covered when it is added.
"""

from __future__ import annotations

import csv
import html
import importlib
import io
import json
import os
import re
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_type_hints

import pytest
import tomli_w
import typer.main
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from conftest import META, make_lab
from leerlab_cli.cli import COMMANDS as REGISTRY
from leerlab_cli.cli import app
from leerlab_cli.contacts import contact_rows
from leerlab_cli.formats import lab_sections
from leerlab_cli.formats.contact_list import CONTACT_COLUMNS, contacts_json, contacts_tsv
from leerlab_cli.formats.json_format import lab_json, labs_json
from leerlab_cli.formats.markdown import lab_markdown
from leerlab_cli.formats.plain import LIST_COLUMNS, lab_text, tsv
from leerlab_cli.models import Leerlab
from leerlab_cli.text import one_line, printable

SCRIPT = Path(sys.executable).with_name("leerlab")
# What must never reach a terminal: C0 and C1 controls but tab and newline, DEL, and
# the bidi embeddings, overrides and isolates.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
SGR = re.compile(r"\x1b\[[0-9;]*m")
INTERNAL_ERROR = (
    "error: internal error ({kind}): this is a bug in leerlab; "
    "run again with LEERLAB_DEBUG=1 to see the traceback\n"
)


def strict_json(text: str) -> Any:
    """Parse `text` as JSON, refusing NaN and Infinity."""

    def refuse(name: str) -> Any:
        raise AssertionError(f"not strict JSON: {name}")

    return json.loads(text, parse_constant=refuse)


# --- The commands, as the app declares them ----------------------------------------------


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


def _commands() -> dict[str, Command]:
    group = typer.main.get_command(app)
    callbacks = {
        name: getattr(importlib.import_module(module), function)
        for name, (module, function) in REGISTRY.items()
    }
    commands = {}
    for name, command in group.commands.items():
        callback = callbacks[name]
        assert callback is not None
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


COMMANDS = _commands()
# The commands that print the text of leerlabs; the others print counts, slugs or a schema.
SHOWS_TEXT = {"list", "show", "export", "contacts"}
DATA_COMMANDS = [command for name, command in COMMANDS.items() if name != "schema"]
WITH_FORMATS = [
    (command, output_format) for command in COMMANDS.values() for output_format in command.formats
]


def test_the_commands_are_read_from_the_app() -> None:
    assert {"list", "show", "validate", "export"} <= set(COMMANDS)
    assert COMMANDS["show"].takes_query
    assert COMMANDS["list"].choices["--format"] == ("table", "tsv", "json")
    assert set(COMMANDS["export"].formats) == {"markdown", "csv", "json", "toml"}
    assert "--from" in COMMANDS["list"].choices


def _environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    """An environment as a user's shell has it: buffered output, no locale, none of ours."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("LEERLAB_", "PYTHONIO", "LC_", "TYPER_"))
        and key not in ("PYTHONUNBUFFERED", "LANG", "PYTHONUTF8", "COLUMNS")
    }
    environment["LEERLAB_CACHE_DIR"] = str(tmp_path / "cache")
    environment.update(extra)
    return environment


# --- 2. Error messages -------------------------------------------------------------------


@pytest.mark.parametrize("command", DATA_COMMANDS, ids=lambda command: command.name)
def test_a_syntax_error_names_file_line_and_column(
    runner: CliRunner, tmp_path: Path, command: Command
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[meta]\ntitle = "x"\nyear = \n', encoding="utf-8")
    result = runner.invoke(app, ["--data", str(path), *command.args("x")])
    assert result.exit_code == 1, result.output
    assert f"error: {path}: line 3, column 8: invalid TOML: Invalid value\n" == result.stderr


@pytest.mark.parametrize(
    ("content", "position", "reason"),
    [
        ('[meta]\ntitle = "Samen op', "line 2, column 18", "Unterminated string"),
        ("[[leerlab", "line 1, column 10", "Expected ']]' at the end of an array declaration"),
        ('[meta]\nintroduction = """\nDrie\nregels\n', "line 5, column 1", "Unterminated string"),
    ],
)
def test_a_file_that_ends_too_early_names_its_last_line(
    runner: CliRunner, tmp_path: Path, content: str, position: str, reason: str
) -> None:
    path = tmp_path / "cut.toml"
    path.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["--data", str(path), "list"])
    assert result.exit_code == 1, result.output
    assert result.stderr == (
        f"error: {path}: {position}: invalid TOML: {reason}; the file ends too early\n"
    )


@pytest.mark.parametrize("command", DATA_COMMANDS, ids=lambda command: command.name)
def test_a_schema_error_names_the_leerlab_and_field_path(
    runner: CliRunner, write_dataset: Callable[..., Path], command: Command
) -> None:
    path = write_dataset(
        make_lab(), make_lab(slug="tweede", routes=[{"leerwegen": ["bb"], "niveaus": [2, 5]}])
    )
    result = runner.invoke(app, ["--data", str(path), *command.args("testlab")])
    assert result.exit_code == 1, result.output
    assert result.stderr == (
        f"error: {path}: leerlab 'tweede' (#2): routes[0].niveaus[1]: "
        "Input should be less than or equal to 4\n"
    )


def test_validate_keeps_a_problem_that_quotes_the_data_on_one_line(
    runner: CliRunner, write_dataset: Callable[..., Path]
) -> None:
    school = "Elders\ncollege\u2028B"
    path = write_dataset(
        make_lab(routes=[{"leerwegen": ["bb"], "niveaus": [2], "schools": [school]}])
    )
    for args in (["validate", str(path)], ["--data", str(path), "list"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 1, result.output
        assert result.stderr == (
            f"error: {path}: leerlab 'testlab' (#1): routes[0].schools: "
            "'Elders\\x0acollege\\u2028B' is not one of the leerlab's schools\n"
        ), args


@pytest.mark.usefixtures("no_debug")
def test_an_internal_error_while_reading_the_global_options_is_one_line(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(text: str) -> None:
        raise ZeroDivisionError

    monkeypatch.setattr("leerlab_cli.cli.write", broken)
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 1
    assert result.stderr == INTERNAL_ERROR.format(kind="ZeroDivisionError")


CRASHING_LIST = """
import sys
import leerlab_cli.cli.list_cmd

def select(labs, filters):
    secret_local = "s3cr3t-local-value"
    raise RuntimeError("a bug")

leerlab_cli.cli.list_cmd.select = select
sys.argv = ["leerlab", "list"]
from leerlab_cli.cli import main
main()
"""


def test_an_internal_error_in_a_real_process_is_one_line_without_locals(tmp_path: Path) -> None:
    command = [sys.executable, "-c", CRASHING_LIST]
    crash = subprocess.run(
        command, capture_output=True, text=True, env=_environment(tmp_path), check=False
    )
    assert (crash.returncode, crash.stdout) == (1, "")
    assert crash.stderr == INTERNAL_ERROR.format(kind="RuntimeError")
    debug = subprocess.run(
        command,
        capture_output=True,
        text=True,
        env=_environment(tmp_path, LEERLAB_DEBUG="1"),
        check=False,
    )
    assert debug.returncode == 1
    assert "Traceback" in debug.stderr
    assert "a bug" in debug.stderr
    assert "s3cr3t-local-value" not in debug.stderr


# --- 3. Terminal safety ------------------------------------------------------------------

MARKUP = "[bold]vet[/] [link=https://x.example]klik[/link] :smile: [red]"


@pytest.fixture
def hostile_dataset(write_dataset: Callable[..., Path]) -> Path:
    """A leerlab whose every kind of text is rich markup."""
    lab = make_lab(
        name=MARKUP,
        place=MARKUP,
        sectors=[MARKUP],
        phase=MARKUP,
        design=MARKUP,
        schools=[{"name": MARKUP, "types": ["vo"]}, {"name": "ROC Test", "types": ["mbo"]}],
        contacts=[{"name": MARKUP, "email": "piet@test.nl", "organisation": MARKUP}],
    )
    return write_dataset(lab, meta={**META, "title": MARKUP})


def _as_read(output_format: str | None, stdout: str) -> str:
    """The text a reader sees: Markdown rendered to HTML, the rest as it is."""
    if output_format == "markdown":
        return html.unescape(MarkdownIt("commonmark").enable("table").render(stdout))
    return stdout


@pytest.mark.parametrize("colour", [False, True], ids=["pipe", "forced colour"])
@pytest.mark.parametrize(
    ("command", "output_format"),
    WITH_FORMATS,
    ids=[f"{command.name}-{output_format}" for command, output_format in WITH_FORMATS],
)
def test_markup_in_the_data_is_printed_literally(
    runner: CliRunner,
    hostile_dataset: Path,
    command: Command,
    output_format: str | None,
    colour: bool,
) -> None:
    env = {"COLUMNS": "1000", "FORCE_COLOR": "1" if colour else None}
    args = ["--data", str(hostile_dataset), *command.args("testlab", output_format)]
    result = runner.invoke(app, args, env=env)
    assert result.exit_code == 0, result.output
    assert "😄" not in result.stdout
    assert "\x1b]8;" not in result.stdout  # no terminal hyperlink from [link=…]
    plain = SGR.sub("", result.stdout)
    assert not UNSAFE.search(plain), repr(plain)
    if output_format == "json":
        strict_json(result.stdout)
    if command.name in SHOWS_TEXT:
        shown = _as_read(output_format, plain)
        assert all(piece in shown for piece in MARKUP.split()), shown
        if output_format == "markdown":
            assert 'href="https://x.example"' not in shown


HOSTILE_ARGUMENT = "\x1b[2J\x07\n\x9b\u202e[bold]x"
ESCAPED_ARGUMENT = "\\x1b[2J\\x07\\x0a\\x9b\\u202e[bold]x"


def _hostile_invocations() -> Iterator[tuple[list[str], int]]:
    bad = HOSTILE_ARGUMENT
    yield ["show", bad], 1
    yield ["--data", f"evil{bad}.toml", "list"], 1
    yield ["validate", f"evil{bad}.toml"], 1
    yield ["export", "--output", f"missing{bad}/export.md"], 1
    yield ["list", "--sector", bad], 0
    yield ["list", "--search", bad, "--province", bad], 0
    yield [bad], 2
    yield [f"--x{bad}", "list"], 2
    yield ["list", bad], 2
    yield ["list", f"--x{bad}"], 2
    for command in COMMANDS.values():
        for option in command.choices:
            yield [*command.args("oost"), option, bad], 2


HOSTILE_INVOCATIONS = list(_hostile_invocations())


@pytest.mark.parametrize(
    ("args", "exit_code"),
    HOSTILE_INVOCATIONS,
    ids=[printable(" ".join(args)) for args, _ in HOSTILE_INVOCATIONS],
)
def test_the_users_own_arguments_are_echoed_escaped(
    runner: CliRunner, args: list[str], exit_code: int
) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == exit_code, result.output
    assert not UNSAFE.search(result.stdout + result.stderr), repr(result.stderr)
    if exit_code == 0:
        assert (result.stdout, result.stderr) == ("", "")  # nothing matches, nothing to say
    if exit_code == 1:
        assert ESCAPED_ARGUMENT in result.stderr
        assert len(result.stderr.splitlines()) == 1, result.stderr


@pytest.mark.parametrize("rich", ["1", "0"], ids=["rich errors", "plain errors"])
@pytest.mark.parametrize(
    "args",
    [
        [b"list", b"--x\x1b[2J\xe2\x80\xae\x9b"],
        [b"--x\xe2\x80\xae\x1b", b"list"],
        [b"list", b"\xe2\x80\xae\x1b"],
        [b"show", b"\xe2\x80\xae\x1b\x9b"],
        [b"list", b"--format", b"\xe2\x80\xae\x1b"],
    ],
    ids=["option", "global option", "argument", "query", "choice"],
)
def test_usage_errors_of_the_installed_command_escape_what_was_typed(
    tmp_path: Path, args: list[bytes], rich: str
) -> None:
    # Raw bytes, as a shell passes them: not all of them are UTF-8.
    completed = subprocess.run(
        [bytes(SCRIPT), *args],
        capture_output=True,
        env=_environment(tmp_path, TYPER_USE_RICH=rich),
        check=False,
    )
    assert completed.returncode in (1, 2), completed.stderr
    output = completed.stdout + completed.stderr
    for raw in (b"\x1b", b"\x9b", "\u202e".encode()):
        assert raw not in output, output
    assert b"Traceback" not in output


# --- 4. Pipes ----------------------------------------------------------------------------


def _into_closed_pipe(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run the installed command with a stdout whose reader has already gone."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [str(SCRIPT), *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)


PIPED = [
    *(command.args("oost", output_format) for command, output_format in WITH_FORMATS),
    ["--help"],
    ["list", "--help"],
    ["--version"],
    ["--show-completion", "bash"],
]


def assert_ended_quietly(completed: subprocess.CompletedProcess[str]) -> None:
    """Exit 1 and nothing on stderr but the warnings that `validate` reports anyway."""
    assert "Traceback" not in completed.stderr
    assert "Exception ignored" not in completed.stderr
    assert all(line.startswith("warning: ") for line in completed.stderr.splitlines())
    assert completed.returncode == 1, completed.stderr


@pytest.mark.parametrize("args", PIPED, ids=" ".join)
def test_a_closed_pipe_ends_quietly_with_exit_1(tmp_path: Path, args: list[str]) -> None:
    assert_ended_quietly(_into_closed_pipe(args, _environment(tmp_path)))


@pytest.fixture(scope="module")
def big_dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A dataset whose output, in any command, is far larger than a pipe's buffer."""
    name = "Leerlab met een naam van honderd tekens " * 3
    labs = [make_lab(slug=f"lab-{number}", name=f"{name}{number}") for number in range(1200)]
    labs[0]["design"] = "veel tekst " * 20_000
    path = tmp_path_factory.mktemp("big") / "big.toml"
    path.write_text(tomli_w.dumps({"meta": META, "leerlab": labs}), encoding="utf-8")
    return path


BIG = [command.args("lab-0", output_format) for command, output_format in WITH_FORMATS]


@pytest.mark.parametrize("args", BIG, ids=" ".join)
def test_a_closed_pipe_ends_quietly_with_large_output(
    tmp_path: Path, big_dataset: Path, args: list[str]
) -> None:
    completed = _into_closed_pipe(["--data", str(big_dataset), *args], _environment(tmp_path))
    assert_ended_quietly(completed)


def test_a_reader_that_stops_after_one_line_ends_the_list_quietly(
    tmp_path: Path, big_dataset: Path
) -> None:
    process = subprocess.Popen(
        [str(SCRIPT), "--data", str(big_dataset), "list"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_environment(tmp_path),
    )
    assert process.stdout is not None
    assert process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()  # far more than a pipe's buffer is still unwritten
    stderr = process.stderr.read()
    process.stderr.close()
    assert process.wait(timeout=60) == 1
    assert first.startswith(b"lab-0\t")
    assert stderr == b""


# --- 5. Locale ---------------------------------------------------------------------------

# C locale without Python's coercion to UTF-8: the interpreter's own streams are ASCII.
ASCII_LOCALE = {"LC_ALL": "C", "LANG": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"}
LOCALES = [ASCII_LOCALE, {"PYTHONIOENCODING": "latin-1"}, {"PYTHONIOENCODING": "ascii"}]


LOCALE_CASES = [
    (["show", "ottoland"], 0, "Soort route: geïntegreerde leerroute\n"),
    (["show", "ottoland", "--format", "panel"], 0, "geïntegreerde leerroute"),
    (["list", "--format", "table", "--sector", "groen"], 0, "Ottoland"),
    (["--help"], 0, "vmbo–mbo"),
    (["list", "--format", "xml"], 2, "'xml' is not one of"),
]
# What the user typed, echoed: in an ASCII locale Python cannot decode a typed "ë" at
# all (it is shown as an escape), so only the other locales can show it again.
ECHO_CASES = [
    (["list", "--format", "ë"], 2, "'ë' is not one of"),
    (["show", "ottolandë"], 1, "no leerlab matches 'ottolandë'"),
    (["--data", "geïntegreerd.toml", "list"], 1, "geïntegreerd.toml: no such file"),
]


def _locale_cases() -> Iterator[Any]:
    for locale in LOCALES:
        for args, exit_code, expected in [
            *LOCALE_CASES,
            *(ECHO_CASES if locale is not ASCII_LOCALE else []),
        ]:
            name = f"{' '.join(f'{k}={v}' for k, v in locale.items())}: {' '.join(args)}"
            yield pytest.param(locale, args, exit_code, expected, id=name)


@pytest.mark.parametrize(("locale", "args", "exit_code", "expected"), list(_locale_cases()))
def test_output_is_utf8_whatever_the_locale(
    tmp_path: Path, locale: dict[str, str], args: list[str], exit_code: int, expected: str
) -> None:
    completed = subprocess.run(
        [str(SCRIPT), *args],
        capture_output=True,
        cwd=tmp_path,
        env=_environment(tmp_path, COLUMNS="100", **locale),
        timeout=60,
        check=False,
    )
    stdout = completed.stdout.decode("utf-8")
    stderr = completed.stderr.decode("utf-8")
    assert completed.returncode == exit_code, stderr
    assert "Traceback" not in stderr
    assert expected in (stdout if exit_code == 0 else stderr)


# --- 6. Files ----------------------------------------------------------------------------

OLD = b"the export of last week\n"


@pytest.fixture
def old_export(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "export.md"
    target.write_bytes(OLD)
    target.chmod(0o640)
    return target


def assert_untouched(target: Path) -> None:
    assert target.read_bytes() == OLD
    assert target.stat().st_mode & 0o7777 == 0o640
    assert sorted(target.parent.iterdir()) == [target], "a temporary file was left behind"


def test_an_interrupted_export_keeps_the_old_file(
    runner: CliRunner, old_export: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(descriptor: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    result = runner.invoke(app, ["export", "--output", str(old_export)])
    assert result.exit_code == 130, result.output
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert_untouched(old_export)


SIGNALLED_EXPORT = """
import os, signal, sys
synced = os.fsync

def fsync(descriptor):
    # The signal arrives while the new export is being made durable.
    os.kill(os.getpid(), signal.{signal})
    synced(descriptor)

os.fsync = fsync
sys.argv = ["leerlab", "export", "--format", "csv", "--output", sys.argv[1]]
from leerlab_cli.cli import main
main()
"""


@pytest.mark.parametrize("name", ["SIGINT", "SIGTERM", "SIGHUP"])
def test_a_signal_during_the_write_keeps_the_old_file(
    tmp_path: Path, old_export: Path, name: str
) -> None:
    number = getattr(signal, name)
    completed = subprocess.run(
        [sys.executable, "-c", SIGNALLED_EXPORT.format(signal=name), str(old_export)],
        capture_output=True,
        text=True,
        env=_environment(tmp_path),
        timeout=60,
        check=False,
    )
    assert completed.returncode == 128 + number, completed.stderr
    assert "Traceback" not in completed.stderr
    assert_untouched(old_export)


def test_a_killed_export_still_keeps_the_old_file(tmp_path: Path, old_export: Path) -> None:
    # SIGKILL cannot be caught: its temporary file stays, but the old export is whole.
    completed = subprocess.run(
        [sys.executable, "-c", SIGNALLED_EXPORT.format(signal="SIGKILL"), str(old_export)],
        capture_output=True,
        env=_environment(tmp_path),
        timeout=60,
        check=False,
    )
    assert completed.returncode == -signal.SIGKILL
    assert old_export.read_bytes() == OLD
    assert old_export.stat().st_mode & 0o7777 == 0o640


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only folder")
def test_an_export_into_a_read_only_folder(runner: CliRunner, old_export: Path) -> None:
    old_export.parent.chmod(0o500)
    try:
        result = runner.invoke(app, ["export", "--output", str(old_export)])
        assert result.exit_code == 1, result.output
        assert result.stderr == f"error: {old_export}: cannot write: permission denied\n"
    finally:
        old_export.parent.chmod(0o700)
    assert_untouched(old_export)


# --- 7. Formats --------------------------------------------------------------------------

# Values with everything that could split a row or a cell, or open markup.
PIECES = ["\t", "\n", "\u2028", '"', ",", ";", "|", "\\", "`", "*", "<b>", "&amp;", "# "]
values = st.lists(
    st.one_of(
        st.sampled_from(PIECES),
        st.text(
            st.characters(
                exclude_categories=("Cc", "Cs"),
                exclude_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
            ),
            min_size=1,
            max_size=8,
        ),
    ),
    min_size=1,
    max_size=6,
).map("".join)


@st.composite
def leerlabs(draw: st.DrawFn) -> list[Leerlab]:
    """One to three leerlabs whose texts are generated values."""
    labs = []
    for number in range(draw(st.integers(1, 3))):
        lab = make_lab(
            slug=f"lab-{number}",
            name=draw(values),
            sectors=draw(st.lists(values, max_size=2)),
            phase=draw(values),
            contacts=[
                {"name": draw(values), "email": "a@b.nl", "organisation": draw(values)}
                for _ in range(draw(st.integers(0, 2)))
            ],
        )
        labs.append(Leerlab.model_validate(lab))
    return labs


def _rows(text: str) -> list[list[str]]:
    # Every line break a program might split at, not only "\n".
    return [line.split("\t") for line in text.splitlines()]


@given(labs=leerlabs())
def test_tab_separated_rows_keep_their_field_count(labs: list[Leerlab]) -> None:
    rows = _rows(tsv(labs))
    assert [row[0] for row in rows] == [lab.slug for lab in labs]
    assert all(len(row) == len(LIST_COLUMNS) for row in rows)
    assert [row[1] for row in rows] == [one_line(lab.name) for lab in labs]
    contacts = contact_rows(labs)
    rows = _rows(contacts_tsv(contacts))
    assert len(rows) == len(contacts)
    assert all(len(row) == len(CONTACT_COLUMNS) for row in rows)
    # A spreadsheet reading the rows as unquoted tab-separated values sees the same.
    reader = csv.reader(io.StringIO(tsv(labs), newline=""), delimiter="\t", quoting=csv.QUOTE_NONE)
    assert all(len(row) == len(LIST_COLUMNS) for row in reader)


@given(labs=leerlabs())
def test_show_as_text_is_one_line_per_label(labs: list[Leerlab]) -> None:
    for lab in labs:
        lines = lab_text(lab).splitlines()
        assert len(lines) == 2 + len(lab_sections(lab))
        assert lines[0] == f"Naam: {one_line(lab.name)}"


@given(labs=leerlabs())
def test_show_as_markdown_is_one_heading_and_one_item_per_label(labs: list[Leerlab]) -> None:
    for lab in labs:
        tokens = MarkdownIt("commonmark").enable("table").parse(lab_markdown(lab))
        headings = [index for index, token in enumerate(tokens) if token.type == "heading_open"]
        assert len(headings) == 1
        assert tokens[headings[0] + 1].content == lab_markdown(lab).splitlines()[0][2:]
        children = tokens[headings[0] + 1].children or []
        assert "".join(child.content for child in children) == one_line(lab.name).strip()
        items = [token for token in tokens if token.type == "list_item_open" and token.level == 1]
        assert len(items) == len(lab_sections(lab))


@given(labs=leerlabs())
def test_json_is_strict_and_complete(labs: list[Leerlab]) -> None:
    assert strict_json(labs_json(labs)) == [lab.model_dump(mode="json") for lab in labs]
    assert strict_json(lab_json(labs[0])) == labs[0].model_dump(mode="json")
    contacts = contact_rows(labs)
    assert [row["name"] for row in strict_json(contacts_json(contacts))] == [
        row.name for row in contacts
    ]


# --- 8. Usage errors ---------------------------------------------------------------------

CHOICE_OPTIONS = [
    (command, option, choices)
    for command in COMMANDS.values()
    for option, choices in command.choices.items()
]


@pytest.mark.parametrize(
    ("command", "option", "choices"),
    CHOICE_OPTIONS,
    ids=[f"{command.name} {option}" for command, option, _ in CHOICE_OPTIONS],
)
def test_an_invalid_choice_is_exit_2_naming_every_valid_one(
    runner: CliRunner, command: Command, option: str, choices: tuple[str, ...]
) -> None:
    result = runner.invoke(app, [*command.args("oost"), option, "nonsense"])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    message = " ".join(result.stderr.replace("│", " ").split())
    assert all(f"'{choice}'" in message for choice in choices), message


def test_every_choice_option_is_checked() -> None:
    named = {(command.name, option) for command, option, _ in CHOICE_OPTIONS}
    assert {("list", "--format"), ("list", "--from"), ("list", "--to")} <= named
    assert {("show", "--format"), ("export", "--format")} <= named
