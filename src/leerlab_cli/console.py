"""The console script `leerlab`, and `python -m leerlab_cli`: Ctrl-C is quiet from the start.

Importing the app takes a while (typer, click, pydantic-core); a Ctrl-C meanwhile would
end in a `KeyboardInterrupt` traceback from some import. So this module, which
imports nothing heavy, first makes SIGINT end the process at once with exit code
130: nothing has been written yet, so nothing needs cleaning up, and an exception
raised inside an import can surface as "Exception ignored" noise. Once the app is
imported, Ctrl-C is a `KeyboardInterrupt` again, so that what is being written
(the temporary file of `export --output`) is cleaned up on the way out.
"""

# The C module itself: `signal` builds its enums on import, which takes as long as
# the rest of this module, and a Ctrl-C could arrive meanwhile.
import _signal  # type: ignore[import-not-found]  # no stub; the same API as `signal`
import os

INTERRUPTED = 128 + _signal.SIGINT
"""The exit code after Ctrl-C, as the shell reports it."""


def _exit_at_once(number: int, frame: object) -> None:
    os._exit(INTERRUPTED)


# A Ctrl-C the caller chose to ignore (a background job) stays ignored.
_INTERRUPTIBLE = _signal.getsignal(_signal.SIGINT) is _signal.default_int_handler
if _INTERRUPTIBLE:
    _signal.signal(_signal.SIGINT, _exit_at_once)


def main() -> None:
    """Run the app as the console script."""
    from leerlab_cli import cache
    from leerlab_cli.cli import main as run

    # The process ends with the command: a cache miss need not wait for the writing.
    cache.write_in_background()

    if _INTERRUPTIBLE:
        _signal.signal(_signal.SIGINT, _signal.default_int_handler)
    try:
        run()
    except KeyboardInterrupt:
        # One that arrives before or after click's own handling.
        raise SystemExit(INTERRUPTED) from None
