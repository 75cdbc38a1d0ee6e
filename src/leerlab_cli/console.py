"""The console script `leerlab`, and `python -m leerlab_cli`: Ctrl-C is quiet from the start.

Importing the app takes a while (typer, click, pydantic); a Ctrl-C meanwhile would end
in a `KeyboardInterrupt` traceback from some import. Nothing has been written yet then,
so until the app is imported Ctrl-C ends the process at once with exit code 130. From
then on it is a `KeyboardInterrupt` again, so that what is being written (the
temporary file of `export --output`) is removed on the way out.
"""

import os
import signal

INTERRUPTED = 128 + signal.SIGINT
"""The exit code after Ctrl-C, as the shell reports it."""


def _exit_at_once(number: int, frame: object) -> None:
    # os._exit, not sys.exit: an exception raised inside an import could surface as
    # "Exception ignored" noise, and there is nothing to clean up yet.
    os._exit(INTERRUPTED)


# Set first, then looked at: until the handler is set, a Ctrl-C is a traceback, and
# signal.getsignal() would take a while first (it turns the handler into an enum).
_CALLERS_HANDLER = signal.signal(signal.SIGINT, _exit_at_once)
_INTERRUPTIBLE = _CALLERS_HANDLER is signal.default_int_handler
if not _INTERRUPTIBLE and _CALLERS_HANDLER is not None:
    # A Ctrl-C the caller chose to ignore (a background job) stays ignored.
    signal.signal(signal.SIGINT, _CALLERS_HANDLER)


def main() -> None:
    """Run the app as the console script."""
    from leerlab_cli.cli import main as run

    if _INTERRUPTIBLE:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        run()
    except KeyboardInterrupt:
        # One that arrives before or after click's own handling.
        raise SystemExit(INTERRUPTED) from None
