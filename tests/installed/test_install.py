"""The command as a newcomer meets it: installed, run as a program, from another folder."""

from __future__ import annotations

import fcntl
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


@pytest.fixture(scope="module")
def fresh_install(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The fresh install, built once per run: xdist's workers share it.

    Each worker that gets one of these tests waits for the lock; the first builds the
    environment in the run's own folder, the others use it. (An xdist_group would not
    do: pytest 9.2 no longer reads the node id that pytest-xdist 3.8 marks its groups in.)
    """
    if worker_id == "master":  # not under xdist
        return _install_into(tmp_path_factory.mktemp("install"))
    shared = tmp_path_factory.getbasetemp().parent / "fresh-install"
    shared.mkdir(exist_ok=True)
    with open(shared / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (shared / "built").exists():
            _install_into(shared)
            (shared / "built").touch()
    return shared / "venv"


@pytest.mark.slow
def test_fresh_install_lists_from_another_folder(fresh_install: Path, tmp_path: Path) -> None:
    result = run([str(fresh_install / "bin" / "leerlab"), "list", "--sector", "zorg"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert [line.split("\t")[0] for line in result.stdout.splitlines()] == [
        "apeldoorn",
        "midden-limburg",
    ]
    assert result.stderr == ""


@pytest.mark.slow
def test_fresh_install_runs_as_a_module(fresh_install: Path, tmp_path: Path) -> None:
    result = run(
        [str(fresh_install / "bin" / "python"), "-m", "leerlab_cli", "show", "ottoland"],
        tmp_path,
        env={"LC_ALL": "C", "LANG": "C"},
    )
    assert result.returncode == 0, result.stderr
    assert "Working on: geïntegreerde leerroute\n" in result.stdout


@pytest.mark.slow
def test_fresh_install_ships_the_html_template(fresh_install: Path, tmp_path: Path) -> None:
    result = run([str(fresh_install / "bin" / "leerlab"), "export", "-o", "labs.html"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert '<section id="ottoland"' in (tmp_path / "labs.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_fresh_install_validates_its_shipped_dataset(fresh_install: Path, tmp_path: Path) -> None:
    result = run([str(fresh_install / "bin" / "leerlab"), "validate"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "6 leerlabs, 0 errors, 1 warning\n"
    # The compiled Dutch catalog is installed with the package.
    dutch = run(
        [str(fresh_install / "bin" / "leerlab"), "validate"], tmp_path, env={"LEERLAB_LANG": "nl"}
    )
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
