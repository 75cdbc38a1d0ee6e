"""The signals that end a command, and holding them while they would do harm (pure)."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager

TERMINATING_SIGNALS = frozenset(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)
"""Ctrl-C, SIGTERM and SIGHUP: each ends the command by an exception."""


@contextmanager
def held() -> Iterator[None]:
    """Hold the terminating signals until the block ends; one that came meanwhile then arrives.

    pydantic-core checks the text patterns with Python's `re`, and an exception raised
    in such a call (the KeyboardInterrupt of a Ctrl-C) is swallowed: it prints
    "Exception ignored" and the value fails to match, so a Ctrl-C while validating
    would read as a false "invalid value". Validation runs with the signals held.
    """
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, TERMINATING_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
