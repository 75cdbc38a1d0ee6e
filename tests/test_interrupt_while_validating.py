"""A Ctrl-C while a dataset is being validated ends the command as Ctrl-C does: it is
never read as a problem of the dataset.

pydantic-core swallows an exception raised in some of its calls into Python (it prints
"Exception ignored" and the value fails to match), so a KeyboardInterrupt arriving
there read as a false "invalid value" (seen in the start-up interrupt test). So
validation runs with SIGINT, SIGTERM and SIGHUP held: they arrive when it is done.
"""

from __future__ import annotations

import signal
import sys
import threading
import tomllib
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from leerlab_cli import dataset, models
from leerlab_cli.signals import TERMINATING_SIGNALS, held


def test_validation_runs_with_the_terminating_signals_held(shipped: Path) -> None:
    document = tomllib.loads(shipped.read_text(encoding="utf-8"))
    masks: list[set[int]] = []

    def watch(frame: FrameType, event: str, arg: Any) -> None:
        # Python code that pydantic-core calls while it validates (the models' checks).
        if event == "call" and frame.f_code.co_filename == models.__file__:
            masks.append(signal.pthread_sigmask(signal.SIG_BLOCK, ()))

    sys.setprofile(watch)
    try:
        dataset.validate_document(document, "shipped")
    finally:
        sys.setprofile(None)
    assert masks, "validation called no Python code to look at the signal mask from"
    assert all(mask >= TERMINATING_SIGNALS for mask in masks)
    assert not TERMINATING_SIGNALS & signal.pthread_sigmask(signal.SIG_BLOCK, ())


def test_a_held_signal_arrives_when_the_block_ends() -> None:
    arrived = []

    def signal_while_held() -> None:
        with held():
            # At this thread: in a test process other threads (the browser tests')
            # would take a signal sent to the whole process; leerlab runs none.
            signal.pthread_kill(threading.get_ident(), signal.SIGINT)
            arrived.append("still inside")

    with pytest.raises(KeyboardInterrupt):
        signal_while_held()
    assert arrived == ["still inside"]
