"""Fuzzing the loader and the JSON commands: any input is a result or a clean exit 1.

Random bytes, random TOML documents (some shaped like a dataset, with hostile text),
and truncated or byte-mutated copies of the shipped dataset go to `dataset.load` and,
through CliRunner, to `list --format json` and `export --format json`. Each case
either succeeds with strict JSON that is exactly what the loader read, or exits 1
with the loader's problems as one-line `error: ` messages; never another exit code,
never a traceback.
"""

from __future__ import annotations

import re
import traceback
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import example, given
from hypothesis import strategies as st
from typer.testing import CliRunner

from helpers import META, UNSAFE, make_lab, strict_json
from leerlab_cli.cli import app
from leerlab_cli.core.errors import DatasetError
from leerlab_cli.core.text import fold, printable
from leerlab_cli.files import dataset
from leerlab_cli.formats.json_format import lab_object
from leerlab_cli.formats.messages import error_lines
from strategies import (
    META_TOML,
    SHIPPED,
    dataset_documents,
    mutated_shipped,
    random_bytes,
    random_documents,
)

RUNNER = CliRunner()
EXPORT_JSON = ["export", "--format", "json"]
JSON_COMMANDS = (["list", "--format", "json"], EXPORT_JSON)
VALIDATE = ["validate"]
VALIDATE_SUMMARY = re.compile(r"\d+ leerlabs?, \d+ errors?, \d+ warnings?\n")
# Each example goes to the loader and to one of the commands, by turns.
commands = st.sampled_from([*JSON_COMMANDS, VALIDATE])


def loader_answer(path: Path) -> list[dict[str, Any]] | tuple[str, ...]:
    """What the loader makes of `path`: the leerlabs as JSON data, or its problem lines."""
    try:
        loaded = dataset.load(path)
    except DatasetError as error:
        return tuple(error_lines(error))
    return [lab_object(lab) for lab in loaded.leerlab]


def assert_clean_errors(stderr: str) -> None:
    """`stderr` holds one or more one-line error messages and nothing else."""
    assert stderr.endswith("\n"), repr(stderr)
    lines = stderr.splitlines()
    assert lines, "exit 1 without a message"
    assert all(line.startswith("error: ") for line in lines), stderr
    assert "Traceback" not in stderr
    assert "internal error" not in stderr, stderr
    assert not UNSAFE.search(stderr), repr(stderr)


def validate_line(line: str, path: Path) -> str:
    """The loader's problem line as `validate` prints it: ``PATH:LINE:COLUMN: error: …``."""
    rest = line.removeprefix(str(path))
    place = re.match(r"(:\d+:\d+)?: ", rest)
    assert place is not None, line
    return f"{path}{place[1] or ''}: error: {rest[place.end() :]}"


def _severity(line: str, path: Path) -> str | None:
    found = re.match(rf"{re.escape(str(path))}(?::\d+:\d+)?: (error|warning): ", line)
    return found[1] if found else None


def assert_command_agrees_with_loader(raw: bytes, folder: Path, command: list[str]) -> None:
    """Write `raw` as a dataset file; the loader and `command` must agree on it."""
    path = folder / "fuzzed.toml"
    path.write_bytes(raw)
    expected = loader_answer(path)
    result = RUNNER.invoke(app, ["--data", str(path), *command])
    if isinstance(expected, tuple):
        assert expected, "a DatasetError without a message"
        for line in expected:
            assert line.startswith(f"{path}:"), line
            position = re.match(rf"{re.escape(str(path))}:(\d+):\d+: ", line) or re.search(
                r": line (\d+): ", line
            )
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
        lines = result.stderr.splitlines()
        errors = [line for line in lines if _severity(line, path) == "error"]
        assert all(_severity(line, path) == "warning" for line in lines if line not in errors)
        assert not UNSAFE.search(result.stderr), repr(result.stderr)
        problems = expected if isinstance(expected, tuple) else ()
        assert result.exit_code == (1 if problems else 0), result.output
        assert errors == [validate_line(printable(line), path) for line in problems]
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


@given(document=st.one_of(random_documents, dataset_documents()), command=commands)
def test_random_toml_documents(document: dict[str, Any], command: list[str], folder: Path) -> None:
    assert_command_agrees_with_loader(tomli_w.dumps(document).encode("utf-8"), folder, command)


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


@given(raw=mutated_shipped(), command=commands)
def test_mutated_shipped_dataset(raw: bytes, command: list[str], folder: Path) -> None:
    assert_command_agrees_with_loader(raw, folder, command)


def _valid_dataset() -> bytes:
    return tomli_w.dumps({"meta": META, "leerlab": [make_lab()]}).encode("utf-8")


# The named hard cases, through the CLI, each with its exact message.
# Each case: how to make the file, and what follows its name in the error line.
HARD_CASES: dict[str, tuple[Callable[[Path], None], str]] = {
    "invalid UTF-8": (
        lambda path: path.write_bytes(META_TOML + b'[[leerlab]]\nname = "caf\xe9"\n'),
        ":6:12: not valid UTF-8 text: save the file as UTF-8",
    ),
    "BOM then bad TOML": (
        lambda path: path.write_bytes(b"\xef\xbb\xbfx = \n"),
        ':1:5: invalid TOML: this is not a value: text needs quotes ("…"), true and false are '
        "lowercase",
    ),
    "nesting 3,000 deep": (
        lambda path: path.write_bytes(b"x = " + b"[" * 3000 + b"]" * 3000 + b"\n"),
        ":1:105: invalid TOML: lists or tables nested too deeply",
    ),
    "a 5,000-digit integer": (
        lambda path: path.write_bytes(b"x = " + b"9" * 5000 + b"\n"),
        ":1:5: invalid TOML: an integer is too large",
    ),
    "an empty file": (
        lambda path: path.write_bytes(b""),
        ": meta: required field meta is missing",
    ),
    "a folder": (lambda path: path.mkdir(), ": is a folder, not a dataset file"),
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
    assert result.stderr == f"error: {path}{message}\n"


@pytest.mark.parametrize("case", list(HARD_CASES))
def test_validate_reports_the_hard_cases(runner: CliRunner, tmp_path: Path, case: str) -> None:
    make, message = HARD_CASES[case]
    path = tmp_path / "labs.toml"
    make(path)
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1, result.output
    assert result.stdout == "0 leerlabs, 1 error, 0 warnings\n"
    assert result.stderr == validate_line(f"{path}{message}", path) + "\n"


@pytest.mark.parametrize("command", JSON_COMMANDS, ids=" ".join)
def test_a_byte_order_mark_at_the_start_is_accepted(
    runner: CliRunner, tmp_path: Path, command: list[str]
) -> None:
    plain = tmp_path / "plain.toml"
    plain.write_bytes(_valid_dataset())
    marked = tmp_path / "marked.toml"
    marked.write_bytes(b"\xef\xbb\xbf" + _valid_dataset())
    expected = runner.invoke(app, ["--data", str(plain), *command])
    assert expected.exit_code == 0, expected.output
    result = runner.invoke(app, ["--data", str(marked), *command])
    assert result.exit_code == 0, result.output
    assert result.stdout == expected.stdout
    assert [lab["slug"] for lab in strict_json(result.stdout)] == ["testlab"]


@given(st.text())
@example("Geïntegreerde")
@example("ZORG en welzijn")
@example("Straße")
def test_folding_ascii_quickly_folds_as_the_full_way(text: str) -> None:
    # fold() skips the Unicode decomposition for ASCII text; it must not change the result.
    decomposed = unicodedata.normalize("NFKD", text.replace("&", "en")).casefold()
    full = re.sub(r"[\W_]+", "", decomposed)
    assert fold(text) == full
