"""A terminating signal during `--output` leaves one of two outcomes, each with its exit
code: the old file untouched and 128 + the signal's number, or the new file complete and
exit 0. Once the new file is in place, a signal no longer makes the command fail. Tried on
`export -o` (Markdown and the workbook) and on `provinces -o` (the map); `new -o`, which
never replaces a file, leaves the complete file or none."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import pytest

from helpers import SCRIPT, shell_environment

OLD = b"the export of last week\n"
SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)
WRITERS = [
    (["export"], "export.md", 16),
    (["provinces"], "kaart.svg", 8),
    (["export", "--format", "xlsx"], "leerlabs.xlsx", 8),
]
"""The command, the file it writes, and how many signals it gets."""

PINNED = {"SOURCE_DATE_EPOCH": "1700000000"}
"""The workbook records when it was made: pinned, each run writes the same bytes."""


def _reference(folder: Path, command: list[str], name: str) -> bytes:
    target = folder / name
    subprocess.run(
        [str(SCRIPT), *command, "-o", str(target)],
        env=shell_environment(**PINNED),
        timeout=60,
        check=True,
    )
    return target.read_bytes()


def _signalled_export(
    folder: Path, command: list[str], name: str, number: signal.Signals, delay: float
) -> tuple[int, bytes]:
    # The signal is sent `delay` seconds after the new file appeared (the rename); a
    # negative delay sends it that long before the command could have finished.
    target = folder / name
    target.write_bytes(OLD)
    old_inode = target.stat().st_ino
    process = subprocess.Popen(
        [str(SCRIPT), *command, "-o", str(target)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=shell_environment(**PINNED),
    )
    started = time.monotonic()
    if delay < 0:
        time.sleep(-delay)
    else:
        while process.poll() is None and target.stat().st_ino == old_inode:
            if time.monotonic() - started > 30:
                break
            # Look again every 0.2 ms: precise enough for the delays after the rename,
            # without spinning a core the export itself needs.
            time.sleep(0.0002)
        time.sleep(delay)
    if process.poll() is None:
        process.send_signal(number)
    code = process.wait(timeout=60)
    return code, target.read_bytes()


@pytest.mark.parametrize(("command", "name", "runs"), WRITERS, ids=lambda value: str(value))
def test_a_signal_is_either_a_failure_with_the_old_file_or_a_success(
    tmp_path: Path, command: list[str], name: str, runs: int
) -> None:
    (tmp_path / "reference").mkdir()
    (tmp_path / "runs").mkdir()
    new_export = _reference(tmp_path / "reference", command, name)
    outcomes = []
    for run in range(runs):
        number = SIGNALS[run % len(SIGNALS)]
        # Most runs aim at the moments just after the rename; some at the start-up and
        # the writing before it.
        delay = (run % 8) * 0.001 if run % 4 else -0.05 * (run % 8 + 1)
        code, content = _signalled_export(tmp_path / "runs", command, name, number, delay)
        outcomes.append((number.name, delay, code))
        if content == new_export:
            assert code == 0, f"complete export, yet exit {code} ({number.name}, {delay})"
        else:
            assert content == OLD, "neither the old file nor the complete export"
            assert code in (128 + number, -number), (number.name, delay, code)
        leftovers = sorted(path.name for path in (tmp_path / "runs").iterdir())
        assert leftovers == [name], leftovers
    # The stress reached the window after the rename at least once.
    assert any(code == 0 for _name, delay, code in outcomes if delay >= 0), outcomes


def test_a_signal_during_new_leaves_the_whole_file_or_none(tmp_path: Path) -> None:
    complete = subprocess.run(
        [str(SCRIPT), "new", "zeeland"],
        env=shell_environment(),
        capture_output=True,
        timeout=60,
        check=True,
    ).stdout
    for run in range(8):
        number = SIGNALS[run % len(SIGNALS)]
        folder = tmp_path / str(run)
        folder.mkdir()
        target = folder / "zeeland.toml"
        process = subprocess.Popen(
            [str(SCRIPT), "new", "zeeland", "-o", str(target)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=shell_environment(),
        )
        time.sleep(0.05 * (run + 1))
        if process.poll() is None:
            process.send_signal(number)
        code = process.wait(timeout=60)
        written = sorted(path.name for path in folder.iterdir())
        if code == 0:
            assert written == ["zeeland.toml"], written
            assert target.read_bytes() == complete
        else:
            assert code in (128 + number, -number), (number.name, code)
            assert written == [], written
