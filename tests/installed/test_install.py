"""The command as a newcomer meets it: installed, run as a program, from another folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from helpers import REPOSITORY, SCRIPT, shell_environment


def run(
    command: list[str], cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environment = shell_environment(**(env or {}))
    return subprocess.run(
        command,
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def _install_into(root: Path) -> Path:
    """A new virtual environment in `root` with a plain, non-editable `pip install` of a
    copy of the repository."""
    source = root / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPOSITORY / name, source / name)
    for folder in ("src", "data"):
        shutil.copytree(
            REPOSITORY / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__")
        )
    environment = root / "venv"
    # No pip of its own (ensurepip would take longer than the install): this interpreter's
    # pip installs into it, as `.venv/bin/pip install .` would.
    venv.create(environment, with_pip=False)
    pip = run(
        [
            *(sys.executable, "-m", "pip", "--python", str(environment / "bin" / "python")),
            *("install", "--quiet", "--disable-pip-version-check", str(source)),
        ],
        cwd=root,
    )
    assert pip.returncode == 0, pip.stderr
    # The installed copy must not depend on the source tree.
    shutil.rmtree(source)
    return environment


@pytest.mark.slow
def test_a_fresh_install_from_another_folder(
    tmp_path_factory: pytest.TempPathFactory, subtests: pytest.Subtests
) -> None:
    """Everything a fresh install must do, each check a subtest of one test.

    One test, so that one xdist worker builds the environment while the other goes on
    with other tests (a fixture shared by several tests had the second worker wait for it).
    """
    fresh_install = _install_into(tmp_path_factory.mktemp("install"))
    leerlab = str(fresh_install / "bin" / "leerlab")
    elsewhere = tmp_path_factory.mktemp("elsewhere")

    with subtests.test("lists from another folder"):
        result = run([leerlab, "list", "--sector", "zorg"], elsewhere)
        assert result.returncode == 0, result.stderr
        assert [line.split("\t")[0] for line in result.stdout.splitlines()] == [
            "apeldoorn",
            "midden-limburg",
        ]
        assert result.stderr == ""

    with subtests.test("runs as a module"):
        result = run(
            [str(fresh_install / "bin" / "python"), "-m", "leerlab_cli", "show", "ottoland"],
            elsewhere,
            env={"LC_ALL": "C", "LANG": "C"},
        )
        assert result.returncode == 0, result.stderr
        assert "Working on: geïntegreerde leerroute\n" in result.stdout

    with subtests.test("ships the HTML template"):
        result = run([leerlab, "export", "-o", "labs.html"], elsewhere)
        assert result.returncode == 0, result.stderr
        assert '<section id="ottoland"' in (elsewhere / "labs.html").read_text(encoding="utf-8")

    with subtests.test("validates its shipped dataset, in English and in Dutch"):
        result = run([leerlab, "validate"], elsewhere)
        assert result.returncode == 0, result.stderr
        assert result.stdout == "6 leerlabs, 0 errors, 1 warning\n"
        # The compiled Dutch catalog is installed with the package.
        dutch = run([leerlab, "validate"], elsewhere, env={"LEERLAB_LANG": "nl"})
        assert dutch.returncode == 0, dutch.stderr
        assert dutch.stdout == "6 leerlabs, 0 fouten, 1 waarschuwing\n"


def test_console_script_exit_codes(tmp_path: Path) -> None:
    assert SCRIPT.exists(), "the test dependencies are installed with the package"
    ok = run([str(SCRIPT), "list", "--sector", "techniek"], tmp_path)
    assert (ok.returncode, ok.stdout) == (0, "")
    missing = run([str(SCRIPT), "show", "nergens"], tmp_path)
    assert (missing.returncode, missing.stdout) == (1, "")
    assert missing.stderr == "error: no leerlab matches 'nergens'\n"
    usage = run([str(SCRIPT), "list", "--to", "9"], tmp_path)
    assert usage.returncode == 2
    assert "Traceback" not in usage.stderr


def test_locale_c_still_prints_utf8(tmp_path: Path) -> None:
    for locale in ({"LC_ALL": "C"}, {"LC_ALL": "C", "PYTHONIOENCODING": "ascii"}):
        result = subprocess.run(
            [str(SCRIPT), "show", "ottoland"],
            cwd=tmp_path,
            env={**os.environ, **locale},
            capture_output=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert "geïntegreerde".encode() in result.stdout, locale
