"""Ctrl-C at any moment, start-up and its imports included, ends the command quietly with
exit code 130: never a `KeyboardInterrupt` traceback."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import SCRIPT, shell_environment
from leerlab_cli import console

DELAYS = (0.0, 0.01, 0.02, 0.03, 0.05, 0.07, 0.1, 0.13, 0.16, 0.2, 0.25, 0.3)


_SIGNAL_IMPORT = next(
    number
    for number, line in enumerate(
        Path(console.__file__).read_text(encoding="utf-8").splitlines(), 1
    )
    if line == "import signal"
)
"""The line of console.py that imports `signal`, leerlab's first: before it, Python starts."""

_CONSOLE_IMPORT = next(
    number
    for number, line in enumerate(
        Path(console.__file__).with_name("__main__.py").read_text(encoding="utf-8").splitlines(),
        1,
    )
    if line == "from leerlab_cli.console import main"
)
"""The line of __main__.py that imports console.py."""


def _frames_of_ours(stderr: str) -> list[str]:
    # Before leerlab's first line runs, Python starts, and the wrapper pip generates for
    # the console script imports `re` (runpy, for `python -m`, imports the package's
    # one-line __init__): a Ctrl-C in those first milliseconds, more on a busy machine,
    # is outside leerlab. So is one while console.py imports `signal` (Python builds
    # the module's enums then), before it can set a handler. Python's own start-up runs
    # the .pth hooks in site-packages too (setuptools' _distutils_hack). Any other frame
    # of leerlab's own modules or its dependencies is not Python's start-up.
    places = re.findall(r'File "([^"]+)", line (\d+)', stderr)
    ours = [
        (frame, int(line))
        for frame, line in places
        if ("site-packages" in frame and "_distutils_hack" not in frame)
        or (
            "leerlab_cli" in frame
            and not frame.endswith(os.path.join("leerlab_cli", "__init__.py"))
        )
    ]
    console = os.path.join("leerlab_cli", "console.py")
    if any(frame.endswith(console) and line == _SIGNAL_IMPORT for frame, line in ours):
        return []
    # `python -m`: a Ctrl-C while __main__.py imports console.py, before console.py's
    # first line runs (its traceback ends at the import in __main__.py), is that window too.
    main = os.path.join("leerlab_cli", "__main__.py")
    if ours and ours[-1][0].endswith(main) and ours[-1][1] == _CONSOLE_IMPORT:
        return []
    return [frame for frame, _ in ours]


@pytest.mark.parametrize(
    "command",
    [[str(SCRIPT), "list"], [sys.executable, "-m", "leerlab_cli", "list"]],
    ids=["console script", "python -m"],
)
def test_ctrl_c_during_start_up_is_quiet(command: list[str]) -> None:
    codes = []
    for delay in DELAYS:
        # As in a terminal, even when the tests run as a background job.
        code, _, stderr = _interrupted(command, delay, signal.SIG_DFL)
        codes.append(code)
        assert _frames_of_ours(stderr) == [], (delay, stderr)
        if "Traceback" in stderr:
            continue
        # Killed by the signal before Python set its handler or once it has let it go
        # at the very end, the shell says 130 too; 0 when the command had finished.
        assert code in (130, -signal.SIGINT, 0), (delay, code)
        assert stderr == "", (delay, stderr)
    assert codes.count(130) >= 3, codes


def test_a_ctrl_c_the_caller_ignores_stays_ignored() -> None:
    # A background job started with SIGINT ignored (`nohup`, `cmd &` in a script): at no
    # moment of start-up does leerlab make Ctrl-C end it.
    for delay in (0.0, 0.02, 0.05, 0.1, 0.2):
        code, stdout, stderr = _interrupted([str(SCRIPT), "list"], delay, signal.SIG_IGN)
        assert (code, stderr) == (0, ""), delay
        assert stdout.startswith("apeldoorn\t"), (delay, stdout)


def _interrupted(command: list[str], delay: float, sigint: signal.Handlers) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of `command`, started with SIGINT set to `sigint`
    and sent a Ctrl-C after `delay` seconds."""
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=shell_environment(),
        preexec_fn=lambda: signal.signal(signal.SIGINT, sigint),
    )
    time.sleep(delay)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    return process.returncode, stdout, stderr
