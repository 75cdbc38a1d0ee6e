"""Writing to a file descriptor: all of it, or the error that stopped it."""

from __future__ import annotations

import os
import select


def write_all(descriptor: int, data: bytes | bytearray | memoryview) -> None:
    """Write all of `data` to `descriptor`, or raise the `OSError` that stopped it.

    Partial writes are continued, a signal that interrupts a write is retried, and a
    non-blocking descriptor whose reader is slower is waited for until it takes more.
    """
    view = memoryview(data).cast("B")
    while view:
        try:
            written = os.write(descriptor, view)
        except BlockingIOError:
            select.select([], [descriptor], [])
            continue
        except InterruptedError:
            continue
        view = view[written:]
