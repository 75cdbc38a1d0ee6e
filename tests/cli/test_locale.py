"""Output is UTF-8 whatever the locale, and so is what the user typed, echoed."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from helpers import SCRIPT, shell_environment

# C locale without Python's coercion to UTF-8: the interpreter's own streams are ASCII.
ASCII_LOCALE = {"LC_ALL": "C", "LANG": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"}
LOCALES = [ASCII_LOCALE, {"PYTHONIOENCODING": "latin-1"}, {"PYTHONIOENCODING": "ascii"}]


LOCALE_CASES = [
    (["show", "ottoland"], 0, "Kind of route: geïntegreerde leerroute\n"),
    (["show", "ottoland", "--format", "panel"], 0, "geïntegreerde leerroute"),
    (["list", "--format", "table", "--sector", "groen"], 0, "Ottoland"),
    (["--help"], 0, "vmbo–mbo"),
    (["list", "--format", "xml"], 2, "'xml' is not one of"),
]
# What the user typed, echoed: in an ASCII locale Python cannot decode a typed "ë" at
# all (it is shown as an escape), so only the other locales can show it again.
ECHO_CASES = [
    (["list", "--format", "ë"], 2, "'ë' is not one of"),
    (["show", "zëzëzë"], 1, "no leerlab matches 'zëzëzë'"),
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
        env=shell_environment(COLUMNS="100", **locale),
        timeout=60,
        check=False,
    )
    stdout = completed.stdout.decode("utf-8")
    stderr = completed.stderr.decode("utf-8")
    assert completed.returncode == exit_code, stderr
    assert "Traceback" not in stderr
    assert expected in (stdout if exit_code == 0 else stderr)
