"""What the console script imports for a piped command, and what it leaves behind: nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import shell_environment

# Runs a command as the console script does, then lists the modules it imported.
_IMPORTED = (
    "import json, sys\n"
    "from leerlab_cli.console import main\n"
    "listing, sys.argv = sys.argv[1], ['leerlab', *sys.argv[2:]]\n"
    "try:\n"
    "    main()\n"
    "finally:\n"
    "    with open(listing, 'w') as file:\n"
    "        json.dump(sorted(sys.modules), file)\n"
)

NOT_NEEDED = ("rich", "jinja2")
"""Packages a piped command has no use for; each costs start-up time on every call.

(pydantic looks for its plugins with importlib.metadata, which imports email and
zipfile: every pydantic program pays that, the plain reference too.)"""


@pytest.mark.parametrize(
    "command", [["list", "--sector", "zorg"], ["show", "apeldoorn", "--format", "text"]]
)
def test_a_piped_command_imports_nothing_it_does_not_need(
    tmp_path: Path, shipped: Path, command: list[str]
) -> None:
    listing = tmp_path / "modules.json"
    done = subprocess.run(
        [sys.executable, "-c", _IMPORTED, str(listing), "--data", str(shipped), *command],
        env=shell_environment(LEERLAB_LANG="nl"),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "apeldoorn" in done.stdout
    imported = json.loads(listing.read_text())
    loaded = [name for name in imported if name.split(".")[0] in NOT_NEEDED]
    assert loaded == [], loaded


@pytest.mark.parametrize(
    "command",
    [
        ["list"],
        ["export", "--format", "html"],
        ["validate"],
        ["info"],
        ["show", "nergens"],
    ],
)
def test_a_command_leaves_no_process_and_writes_no_file(
    tmp_path: Path, shipped: Path, command: list[str]
) -> None:
    # HOME and the working folder are empty folders of the test's own: whatever the
    # command wrote outside them or left running would show up there or on the pipe.
    home = tmp_path / "home"
    work = tmp_path / "work"
    home.mkdir()
    work.mkdir()
    environment = shell_environment(HOME=str(home), XDG_CACHE_HOME=str(home / ".cache"))
    if command == ["validate"]:
        command = ["validate", str(shipped)]
    with subprocess.Popen(
        [sys.executable, "-m", "leerlab_cli", "--data", str(shipped), *command],
        cwd=work,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        # A process of its own group, so that a child it left behind can be found.
        process_group=0,
    ) as process:
        # communicate() reads until the pipes close: a child that kept them open
        # would make this wait (and time out) after the command itself has ended.
        process.communicate(timeout=60)
    assert process.returncode in (0, 1)
    with pytest.raises(ProcessLookupError):
        os.killpg(process.pid, 0)
    assert list(home.rglob("*")) == []
    assert list(work.rglob("*")) == []
