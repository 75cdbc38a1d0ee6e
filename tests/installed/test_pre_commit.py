"""The pre-commit hook: another repository runs `leerlab validate` on the datasets it commits."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from leerlab_cli.files.dataset import shipped_path

REPOSITORY = shipped_path().parent.parent
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")
# What pip says when it cannot reach the package index to build the hook's environment.
OFFLINE = (
    "Failed to establish a new connection",
    "Temporary failure in name resolution",
    "No matching distribution found",
    "Could not find a version that satisfies",
    "Network is unreachable",
)


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)


@pytest.mark.pre_commit
def test_the_hook_checks_each_committed_dataset(tmp_path: Path) -> None:
    if shutil.which("git") is None or not PRE_COMMIT.exists():
        pytest.skip("needs git and pre-commit (pip install -e '.[test]')")
    if not (REPOSITORY / ".pre-commit-hooks.yaml").is_file():
        pytest.skip("runs from a source checkout only")
    project = tmp_path / "datasets"
    project.mkdir()
    _git(project, "init", "-q")
    shutil.copy(shipped_path(), project / "good.toml")
    (project / "bad.toml").write_text(
        shipped_path()
        .read_text(encoding="utf-8")
        .replace(
            'leerwegen = ["bb"], niveaus = [2], status = "running", start = "2019-2020"',
            'leerwegen = ["kader"], niveaus = [2], status = "running", start = "2019-2020"',
        ),
        encoding="utf-8",
    )
    (project / "notes.txt").write_text("not a dataset\n", encoding="utf-8")
    _git(project, "add", ".")
    environment = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "LEERLAB_LANG": "en",
        "NO_COLOR": "1",
    }
    completed = subprocess.run(
        [str(PRE_COMMIT), "try-repo", str(REPOSITORY), "leerlab-validate", "--all-files"],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    output = completed.stdout + completed.stderr
    if "An unexpected error has occurred" in output and any(sign in output for sign in OFFLINE):
        pytest.skip("pre-commit could not install the hook: the package index is not reachable")
    assert completed.returncode == 1, output
    assert "leerlab validate" in output, output
    assert "Failed" in output, output
    assert (
        "bad.toml:58:18: error: leerlab 'apeldoorn': routes[0].leerwegen[0]: "
        '"kader" is not one of "bb", "kb", "gl", "tl"; write "kb"'
    ) in output
    assert "good.toml:" in output  # its warning: both files were checked
    assert "12 leerlabs, 1 error, 2 warnings" in output
    assert "notes.txt" not in output
