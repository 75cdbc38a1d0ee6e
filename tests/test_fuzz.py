"""Fuzzing the loader and the JSON commands: any input is a result or a clean exit 1.

Random bytes, random TOML documents (some shaped like a dataset, with hostile text),
and truncated or byte-mutated copies of the shipped dataset go to `dataset.load` and,
through CliRunner, to `list --format json` and `export --format json`. Each case
either succeeds with strict JSON that is exactly what the loader read, or exits 1
with the loader's problems as one-line `error: ` messages; never another exit code,
never a traceback.
"""

from __future__ import annotations

import copy
import json
import re
import traceback
from collections.abc import Callable
from datetime import UTC
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import LAB, META, make_lab
from leerlab_cli import dataset
from leerlab_cli.cli import app
from leerlab_cli.errors import DatasetError
from leerlab_cli.models import RouteKind
from leerlab_cli.text import printable

# At least 500 examples per test and run; the rest (seed, database, deadline)
# comes from the hypothesis profile that conftest.py loads.
FUZZ = settings(max_examples=500)
RUNNER = CliRunner()
SHIPPED = dataset.shipped_path().read_bytes()
EXPORT_JSON = ["export", "--format", "json"]
JSON_COMMANDS = (["list", "--format", "json"], EXPORT_JSON)
VALIDATE = ["validate"]
VALIDATE_SUMMARY = re.compile(r"\d+ leerlabs?, \d+ errors?, \d+ warnings?\n")
# Each example goes to the loader and to one of the commands, by turns.
commands = st.sampled_from([*JSON_COMMANDS, VALIDATE])
# What must never reach a terminal: C0 and C1 controls but tab and newline, DEL,
# and the bidi embeddings, overrides and isolates.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
META_TOML = b'[meta]\ntitle = "t"\npublisher = "p"\nyear = 2021\n'


def _not_strict_json(name: str) -> Any:
    raise AssertionError(f"not strict JSON: {name}")


def strict_json(text: str) -> Any:
    """Parse `text` as JSON, refusing NaN and Infinity."""
    return json.loads(text, parse_constant=_not_strict_json)


def loader_answer(path: Path) -> list[dict[str, Any]] | tuple[str, ...]:
    """What the loader makes of `path`: the leerlabs as JSON data, or its problem lines."""
    try:
        loaded = dataset.load(path)
    except DatasetError as error:
        return error.lines
    return [lab.model_dump(mode="json") for lab in loaded.leerlab]


def assert_clean_errors(stderr: str) -> None:
    """`stderr` holds one or more one-line error messages and nothing else."""
    assert stderr.endswith("\n"), repr(stderr)
    lines = stderr.splitlines()
    assert lines, "exit 1 without a message"
    assert all(line.startswith("error: ") for line in lines), stderr
    assert "Traceback" not in stderr
    assert "internal error" not in stderr, stderr
    assert not UNSAFE.search(stderr), repr(stderr)


def assert_command_agrees_with_loader(raw: bytes, folder: Path, command: list[str]) -> None:
    """Write `raw` as a dataset file; the loader and `command` must agree on it."""
    path = folder / "fuzzed.toml"
    path.write_bytes(raw)
    with pytest.MonkeyPatch.context() as patch:
        # The command parses and validates every example itself, rather than taking
        # what the loader's call just put into the dataset cache.
        patch.setenv("LEERLAB_NO_CACHE", "1")
        expected = loader_answer(path)
        result = RUNNER.invoke(app, ["--data", str(path), *command])
    if isinstance(expected, tuple):
        assert expected, "a DatasetError without a message"
        for line in expected:
            assert line.startswith(f"{path}: "), line
            position = re.search(r": line (\d+)[:,]", line)
            if position is not None:
                assert 1 <= int(position[1]) <= raw.count(b"\n") + 1, line
            elif "invalid TOML" in line:
                # Only what has no place in the file is reported without a line.
                assert line.endswith(("nested too deeply", "an integer is too large")), line
    # CliRunner reports an escaped exception as exit 1: that is a crash, not an answer.
    # (The debug switch is on, so a crash escapes rather than becoming "internal error".)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        crash = "".join(traceback.format_exception(result.exception))
        raise AssertionError(f"the command crashed:\n{crash}")
    if command == VALIDATE:
        assert VALIDATE_SUMMARY.fullmatch(result.stdout), result.stdout
        errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
        warnings = result.stderr.splitlines()[len(errors) :]
        assert all(line.startswith("warning: ") for line in warnings), result.stderr
        assert not UNSAFE.search(result.stderr), repr(result.stderr)
        problems = expected if isinstance(expected, tuple) else ()
        assert result.exit_code == (1 if problems else 0), result.output
        assert errors == [f"error: {printable(line)}" for line in problems]
    elif isinstance(expected, tuple):
        assert result.exit_code == 1, result.output
        assert result.stdout == ""
        assert_clean_errors(result.stderr)
        assert result.stderr.splitlines() == [f"error: {printable(line)}" for line in expected]
    else:
        assert result.exit_code == 0, result.output
        assert strict_json(result.stdout) == expected
        assert result.stderr == ""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for the whole module: hypothesis reuses it for every example."""
    return tmp_path_factory.mktemp("fuzz")


# Random bytes: mostly not UTF-8 or not TOML; text that hypothesis encodes with lone
# surrogates is invalid UTF-8 in places a decoder has to notice.
random_bytes = st.one_of(
    st.binary(max_size=400),
    st.text(max_size=200).map(lambda text: text.encode("utf-8", "surrogatepass")),
    st.binary(max_size=200).map(lambda tail: META_TOML + tail),
)


@FUZZ
@given(raw=random_bytes, command=commands)
@example(raw=b"", command=EXPORT_JSON)
@example(raw=b"\xef\xbb\xbf", command=EXPORT_JSON)
@example(raw=b"\xef\xbb\xbf" + META_TOML, command=EXPORT_JSON)
@example(raw=META_TOML + b'[[leerlab]]\nname = "caf\xe9"\n', command=EXPORT_JSON)
@example(raw=b"x = " + b"[" * 3000 + b"]" * 3000 + b"\n", command=EXPORT_JSON)
@example(raw=b"x = " + b"{a=" * 3000 + b"1" + b"}" * 3000 + b"\n", command=EXPORT_JSON)
@example(raw=b"x = " + b"9" * 5000 + b"\n", command=EXPORT_JSON)
@example(raw=META_TOML.replace(b"2021", b"0x" + b"f" * 5000), command=EXPORT_JSON)
@example(raw=META_TOML.replace(b"2021", b"nan"), command=EXPORT_JSON)
@example(raw=b"a" + b".a" * 3000 + b" = 1\n", command=EXPORT_JSON)
def test_random_bytes(raw: bytes, command: list[str], folder: Path) -> None:
    assert_command_agrees_with_loader(raw, folder, command)


# Text for a dataset's fields: anything hypothesis likes, and pieces that mean
# something to a terminal, rich, Markdown, CSV or a spreadsheet. `safe_texts` keeps
# to what the model allows, so that such datasets load and reach the output.
MARKUP = [
    "[bold]",
    "[/]",
    "[link=https://x.example]klik[/link]",
    ":smile:",
    "|",
    "\\",
    "`",
    "*",
    "_",
    "<b>vet</b>",
    "&amp;",
    '"',
    ",",
    ";",
    "\t",
    "\n",
    "\u2028",
    "=1+1",
    "ë",
]
CONTROLS = ["\x1b[31m", "\r\n", "\x00", "\x85", "\u202e", "\u2066"]
texts = st.lists(
    st.one_of(st.text(max_size=12), st.sampled_from(MARKUP + CONTROLS)), min_size=1, max_size=5
).map("".join)
allowed_characters = st.characters(
    exclude_categories=("Cc", "Cs"),
    exclude_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
    include_characters="\t\n",
)
safe_texts = st.lists(
    st.one_of(st.text(allowed_characters, min_size=1, max_size=12), st.sampled_from(MARKUP)),
    min_size=1,
    max_size=4,
).map("".join)
toml_scalars = st.one_of(
    texts,
    st.integers(),
    st.floats(),
    st.booleans(),
    st.datetimes(timezones=st.sampled_from([None, UTC])),
    st.dates(),
    st.times(),
)
toml_values = st.recursive(
    toml_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
random_documents = st.dictionaries(
    st.one_of(st.text(max_size=8), st.sampled_from(["meta", "leerlab"])), toml_values, max_size=5
)
routes = st.fixed_dictionaries(
    {
        "leerwegen": st.lists(st.sampled_from(["bb", "kb", "gl", "tl", "gt"]), min_size=1),
        "niveaus": st.lists(st.integers(0, 5), min_size=1, max_size=4),
    },
    optional={
        "status": st.sampled_from(["running", "scheduled", "in-development", "planned", "x"]),
        "start": safe_texts,
        "mbo_leerweg": st.sampled_from(["BOL", "BBL", "bol"]),
        "schools": st.lists(st.sampled_from(["Testcollege", "ROC Test", "Elders"]), max_size=2),
    },
)
schools = st.fixed_dictionaries(
    {
        "name": st.one_of(st.sampled_from(["Testcollege", "ROC Test"]), safe_texts),
        "types": st.lists(st.sampled_from(["vo", "mbo", "hbo"]), min_size=1, max_size=2),
    },
    optional={"note": safe_texts},
)
contacts = st.fixed_dictionaries(
    {
        "name": safe_texts,
        "email": st.sampled_from(["a@b.nl", "x.y+z@sub.example.org", "not-an-address", "a@b"]),
    },
    optional={"organisation": safe_texts},
)
undetermined = st.just({"nader_te_bepalen": True})
FITTING_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "provinces": st.lists(safe_texts, max_size=3),
    "sectors": st.lists(safe_texts, max_size=3),
    "specialisations": st.lists(safe_texts, max_size=3),
    "schools": st.lists(schools, min_size=1, max_size=3),
    "routes": st.lists(routes, max_size=3),
    "route_kinds": st.lists(st.sampled_from([kind.value for kind in RouteKind]), max_size=2),
    "contacts": st.lists(contacts, max_size=3),
    "phase": st.one_of(safe_texts, undetermined),
    "works_on": st.one_of(safe_texts, undetermined),
    "design": st.one_of(safe_texts, undetermined),
    "target_group": st.one_of(safe_texts, undetermined),
    "target_group_per_school": st.lists(
        st.fixed_dictionaries({"school": st.just("ROC Test"), "text": safe_texts}), max_size=2
    ),
}
LAB_FIELDS = [*LAB, "schools_note", "sector_note", "specialisations", "target_group_per_school"]


@st.composite
def lab_changes(draw: st.DrawFn) -> dict[str, Any]:
    """New values for a few of a leerlab's fields: mostly fitting ones, sometimes anything."""
    changes: dict[str, Any] = {}
    for field in draw(st.lists(st.sampled_from(LAB_FIELDS), max_size=4, unique=True)):
        fitting = FITTING_VALUES.get(field, safe_texts)
        changes[field] = draw(st.one_of(fitting, fitting, fitting, texts, toml_values))
    return changes


@st.composite
def dataset_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A dataset close to valid: a few leerlabs with some fields replaced, added or dropped."""
    labs = []
    for number in range(draw(st.integers(0, 3))):
        lab = make_lab(slug=draw(st.sampled_from([f"lab-{number}", "lab-0", "Lab X", "x"])))
        lab.update(draw(lab_changes()))
        for field in draw(st.lists(st.sampled_from(list(LAB)), max_size=2)):
            lab.pop(field, None)
        labs.append(lab)
    meta = copy.deepcopy(META)
    for field in draw(st.lists(st.sampled_from([*META, "edition", "colour"]), max_size=2)):
        meta[field] = draw(st.one_of(safe_texts, safe_texts, st.integers(1800, 3100), toml_values))
    return {"meta": meta, "leerlab": labs}


@FUZZ
@given(document=st.one_of(random_documents, dataset_documents()), command=commands)
def test_random_toml_documents(document: dict[str, Any], command: list[str], folder: Path) -> None:
    assert_command_agrees_with_loader(tomli_w.dumps(document).encode("utf-8"), folder, command)


@FUZZ
@given(
    length=st.one_of(
        st.integers(0, len(SHIPPED)),
        # Spread evenly over the file, which plain integers are not.
        st.randoms(use_true_random=False).map(lambda random: random.randint(0, len(SHIPPED))),
    ),
    command=commands,
)
def test_truncated_shipped_dataset(length: int, command: list[str], folder: Path) -> None:
    assert_command_agrees_with_loader(SHIPPED[:length], folder, command)


# Bytes that matter to TOML, to UTF-8 and to a terminal are tried more often than others.
interesting_bytes = st.one_of(
    st.integers(0, 255), st.sampled_from(list(b"\"'[]{}=,.#\\\n\t \x00\x1b\x7f\xc3\xff"))
)


@st.composite
def mutated_shipped(draw: st.DrawFn) -> bytes:
    """The shipped dataset with a few bytes replaced, inserted or deleted."""
    data = bytearray(SHIPPED)
    random = draw(st.randoms(use_true_random=False))
    for _ in range(draw(st.integers(1, 6))):
        position = random.randrange(len(data))
        action = draw(st.sampled_from(["replace", "insert", "delete"]))
        if action == "delete":
            del data[position]
        elif action == "insert":
            data.insert(position, draw(interesting_bytes))
        else:
            data[position] = draw(interesting_bytes)
    return bytes(data)


@FUZZ
@given(raw=mutated_shipped(), command=commands)
def test_mutated_shipped_dataset(raw: bytes, command: list[str], folder: Path) -> None:
    assert_command_agrees_with_loader(raw, folder, command)


def _valid_dataset() -> bytes:
    return tomli_w.dumps({"meta": META, "leerlab": [make_lab()]}).encode("utf-8")


# The named hard cases, through the CLI, each with its exact message.
HARD_CASES: dict[str, tuple[Callable[[Path], None], str]] = {
    "invalid UTF-8": (
        lambda path: path.write_bytes(META_TOML + b'[[leerlab]]\nname = "caf\xe9"\n'),
        "line 6: not valid UTF-8 text",
    ),
    "BOM then bad TOML": (
        lambda path: path.write_bytes(b"\xef\xbb\xbfx = \n"),
        "line 1, column 5: invalid TOML: Invalid value",
    ),
    "nesting 3,000 deep": (
        lambda path: path.write_bytes(b"x = " + b"[" * 3000 + b"]" * 3000 + b"\n"),
        "invalid TOML: nested too deeply",
    ),
    "a 5,000-digit integer": (
        lambda path: path.write_bytes(b"x = " + b"9" * 5000 + b"\n"),
        "invalid TOML: an integer is too large",
    ),
    "an empty file": (lambda path: path.write_bytes(b""), "meta: required field is missing"),
    "a folder": (lambda path: path.mkdir(), "is a folder, not a dataset file"),
}
COMMANDS = [*JSON_COMMANDS, ["list"], ["show", "testlab"], ["export"]]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("case", list(HARD_CASES))
def test_hard_cases_are_one_line_and_exit_1(
    runner: CliRunner, tmp_path: Path, case: str, command: list[str]
) -> None:
    make, message = HARD_CASES[case]
    path = tmp_path / "labs.toml"
    make(path)
    result = runner.invoke(app, ["--data", str(path), *command])
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert result.stderr == f"error: {path}: {message}\n"


@pytest.mark.parametrize("case", list(HARD_CASES))
def test_validate_reports_the_hard_cases(runner: CliRunner, tmp_path: Path, case: str) -> None:
    make, message = HARD_CASES[case]
    path = tmp_path / "labs.toml"
    make(path)
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1, result.output
    assert result.stdout == "0 leerlabs, 1 error, 0 warnings\n"
    assert result.stderr == f"error: {path}: {message}\n"


@pytest.mark.parametrize("command", JSON_COMMANDS, ids=" ".join)
def test_a_byte_order_mark_at_the_start_is_accepted(
    runner: CliRunner, tmp_path: Path, command: list[str]
) -> None:
    plain = tmp_path / "plain.toml"
    plain.write_bytes(_valid_dataset())
    marked = tmp_path / "marked.toml"
    marked.write_bytes(b"\xef\xbb\xbf" + _valid_dataset())
    expected = runner.invoke(app, ["--data", str(plain), *command])
    result = runner.invoke(app, ["--data", str(marked), *command])
    assert result.exit_code == 0, result.output
    assert result.stdout == expected.stdout
    assert [lab["slug"] for lab in strict_json(result.stdout)] == ["testlab"]
