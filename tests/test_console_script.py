"""What the console script imports for a piped command; its cache writes in the background."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import shell_environment
from leerlab_cli import cache
from leerlab_cli.dataset import load

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

NOT_NEEDED = ("importlib.metadata", "email", "zipfile", "rich", "jinja2")
"""Packages a piped command has no use for; each costs start-up time on every call."""


@pytest.mark.parametrize(
    "command", [["list", "--sector", "zorg"], ["show", "apeldoorn", "--format", "text"]]
)
@pytest.mark.parametrize("no_cache", ["0", "1"])
def test_a_piped_command_imports_nothing_it_does_not_need(
    tmp_path: Path, shipped: Path, command: list[str], no_cache: str
) -> None:
    listing = tmp_path / "modules.json"
    environment = shell_environment(LEERLAB_LANG="nl", LEERLAB_NO_CACHE=no_cache)
    for _ in range(2):  # the second run with the cache warm
        done = subprocess.run(
            [sys.executable, "-c", _IMPORTED, str(listing), "--data", str(shipped), *command],
            env=environment,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert "apeldoorn" in done.stdout
        imported = json.loads(listing.read_text())
        loaded = [name for name in imported if name.split(".")[0] in NOT_NEEDED]
        loaded += [name for name in imported if name in NOT_NEEDED]
        assert loaded == [], loaded


def _wait_for_entry(folder: Path) -> list[Path]:
    # The entry is written by a child that nothing waits for: allow a loaded machine time.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        entries = sorted(folder.glob("leerlab-dataset-*.json"))
        if entries and not list(folder.glob(".leerlab-dataset-*.tmp")):
            return entries
        time.sleep(0.05)
    return []


def test_a_miss_writes_the_cache_in_the_background(tmp_path: Path, shipped: Path) -> None:
    folder = tmp_path / "cache"
    leerlab = [sys.executable, "-m", "leerlab_cli", "--data", str(shipped), "export"]
    environment = shell_environment(LEERLAB_CACHE_DIR=str(folder))
    first = subprocess.run(leerlab, env=environment, capture_output=True, text=True, check=False)
    assert first.returncode == 0, first.stderr
    assert first.stderr == ""
    entries = _wait_for_entry(folder)
    assert [entry.name for entry in entries] == [
        f"leerlab-dataset-{cache.key(shipped.read_bytes())}.json"
    ]
    cached = cache.read(folder, str(cache.key(shipped.read_bytes())))
    assert cached == load(shipped)
    second = subprocess.run(leerlab, env=environment, capture_output=True, text=True, check=False)
    assert second.returncode == 0, second.stderr
    assert second.stdout == first.stdout


def test_in_process_the_cache_is_written_before_load_returns(
    tmp_path: Path, shipped: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    monkeypatch.setenv("LEERLAB_CACHE_DIR", str(folder))
    load(shipped)
    assert len(list(folder.glob("leerlab-dataset-*.json"))) == 1
