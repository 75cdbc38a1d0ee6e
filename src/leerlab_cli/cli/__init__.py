"""The Typer app: global options, the commands, and the one place errors become exit codes.

Each command lives in a module of its own, and every module here starts with
``from __future__ import annotations``, as the core and the formats do (all but
models.py, for pydantic's sake). Typer evaluates a command's string
annotations when it builds the command, and only the command that runs is built.
"""

from __future__ import annotations

import gc
import importlib
import os
import signal
import sys
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from types import FrameType
from typing import Annotated, Any

import typer
import typer.main
from typer.core import TyperGroup
from typer.models import CommandInfo

from leerlab_cli import __version__
from leerlab_cli.cli.terminal import (
    StdoutError,
    error,
    restore_stdout,
    silence_stdout,
    use_complete_stdout,
    use_utf8,
    write,
)
from leerlab_cli.errors import LeerlabError
from leerlab_cli.text import printable

DEBUG_VAR = "LEERLAB_DEBUG"


COMMANDS: dict[str, tuple[str, str]] = {
    "list": ("leerlab_cli.cli.list_cmd", "list_labs"),
    "show": ("leerlab_cli.cli.show", "show_lab"),
    "routes": ("leerlab_cli.cli.routes", "route_coverage"),
    "contacts": ("leerlab_cli.cli.contacts", "list_contacts"),
    "export": ("leerlab_cli.cli.export", "export_labs"),
    "validate": ("leerlab_cli.cli.validate", "validate_dataset"),
    "schema": ("leerlab_cli.cli.schema", "print_schema"),
}
"""Every command: its name, and the module and function that implement it."""


class _LazyCommands(Mapping[str, Any]):
    # Typer builds a command by inspecting its function's parameters, which costs
    # about a millisecond a command on every call; so a command's module is
    # imported and the command built only when that command is asked for (help
    # and completion ask for all of them).
    def __init__(self, markup_mode: Any) -> None:
        self._built: dict[str, Any] = {}
        self._markup_mode = markup_mode

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            module, function = COMMANDS[name]
            callback = getattr(importlib.import_module(module), function)
            self._built[name] = typer.main.get_command_from_info(
                CommandInfo(name=name, callback=callback),
                pretty_exceptions_short=True,
                rich_markup_mode=self._markup_mode,
            )
        return self._built[name]

    def __iter__(self) -> Iterator[str]:
        return iter(COMMANDS)

    def __len__(self) -> int:
        return len(COMMANDS)


class LeerlabGroup(TyperGroup):
    """Runs a command and turns what it raises into messages and exit codes."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.commands = _LazyCommands(self.rich_markup_mode)  # type: ignore[assignment]

    def main(self, *args: Any, whole_process: bool = False, **kwargs: Any) -> Any:
        """Run the app; all output, help and usage errors included, is UTF-8.

        `whole_process` is for the console script: the process ends with the
        command, so signals held once the output was complete stay held.
        """
        use_utf8()
        previous = sys.stdout
        use_complete_stdout()
        try:
            with _terminating_signals_raise(keep_held=whole_process):
                return super().main(*args, **kwargs)
        finally:
            # What click wrote last (help, a completion script) must have arrived too.
            with _translated_errors():
                sys.stdout.flush()
            restore_stdout(previous)

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:  # type: ignore[override]
        """Parse the global options, with errors translated as in `invoke`."""
        with _translated_errors():
            return super().parse_args(ctx, args)

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        """Run the command; a `LeerlabError` is exit 1, a closed pipe ends quietly."""
        with _translated_errors():
            _check_environment()
            return super().invoke(ctx)


def _check_environment() -> None:
    # A setting that is misspelt must not quietly mean its opposite.
    from leerlab_cli import cache

    value = os.environ.get(cache.DISABLE_VAR, "")
    if cache.switched_off(value) is None:
        from leerlab_cli.formats.messages import bad_no_cache_value

        error(bad_no_cache_value(cache.DISABLE_VAR, value))
        raise typer.Exit(2)
    from leerlab_cli import dataset

    if dataset.size_limit(os.environ) is None:
        from leerlab_cli.formats.messages import bad_size_limit

        error(bad_size_limit(dataset.MAX_BYTES_VAR, os.environ[dataset.MAX_BYTES_VAR]))
        raise typer.Exit(2)


@contextmanager
def _translated_errors() -> Iterator[None]:
    # The one place where what the code raises becomes messages and exit codes.
    try:
        yield
    except typer.TyperException as usage_error:
        # Usage errors echo what the user typed; click escapes most control
        # characters, but not all (bidi overrides), so escape them all here.
        usage_error.message = printable(usage_error.message, keep_lines=True)
        raise
    except (typer.Exit, typer.Abort):
        raise
    except LeerlabError as problem:
        for line in problem.lines:
            error(line)
        raise typer.Exit(1) from None
    except BrokenPipeError:
        silence_stdout()
        raise typer.Exit(1) from None
    except StdoutError as problem:
        from leerlab_cli.formats.messages import cannot_write_output

        silence_stdout()
        error(cannot_write_output(problem.strerror or type(problem).__name__))
        raise typer.Exit(1) from None
    except Exception as bug:
        if os.environ.get(DEBUG_VAR):
            raise
        error(
            f"internal error ({type(bug).__name__}): this is a bug in leerlab; "
            f"run again with {DEBUG_VAR}=1 to see the traceback"
        )
        raise typer.Exit(1) from None


_TERMINATING_SIGNALS = ("SIGTERM", "SIGHUP")


@contextmanager
def _terminating_signals_raise(*, keep_held: bool = False) -> Iterator[None]:
    # SIGTERM and SIGHUP end the process as Ctrl-C does, by an exception: what is
    # being written (the temporary file of `export --output`) is cleaned up on the
    # way out, and the exit code is the shell's 128 + the signal's number.
    # Once `write_atomically` has renamed the new file into place it blocks them:
    # the output is complete, and a signal from then on must not turn the
    # command's success into a failure. Here they are released at the end, a
    # signal that arrived meanwhile discarded; or, for the console script, kept
    # blocked until the process has ended.
    from leerlab_cli.output import TERMINATING_SIGNALS

    previous: dict[signal.Signals, Any] = {}
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, ())
    if threading.current_thread() is threading.main_thread():
        for name in _TERMINATING_SIGNALS:
            number = getattr(signal, name, None)
            # A signal the caller chose to ignore (nohup) stays ignored.
            if number is not None and signal.getsignal(number) is signal.SIG_DFL:
                previous[number] = signal.signal(number, _exit_on_signal)
    try:
        yield
    finally:
        held = TERMINATING_SIGNALS & (signal.pthread_sigmask(signal.SIG_BLOCK, ()) - mask)
        if held and not keep_held:
            while signal.sigpending() & held:
                signal.sigtimedwait(held, 0)
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        if not held or not keep_held:
            for number, handler in previous.items():
                signal.signal(number, handler)


def _exit_on_signal(number: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + number)


app = typer.Typer(
    cls=LeerlabGroup,
    name="leerlab",
    help="Query the regional vmbo–mbo leerlabs of the programme Sterk beroepsonderwijs.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _not_empty(value: str | None) -> str | None:
    # Taken as a path, "" would be the current folder; a text keeps it visible here.
    if value == "":
        raise typer.BadParameter("an empty path names no file")
    return value


def _show_version(value: bool) -> None:
    if value:
        write(f"leerlab {__version__}\n")
        raise typer.Exit()


@app.callback()
def main_options(
    data: Annotated[
        str | None,
        typer.Option(
            "--data",
            help="Dataset file to use (default: $LEERLAB_DATA, else the shipped dataset).",
            callback=_not_empty,
            show_default=False,
            metavar="PATH",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Show the version and exit.", callback=_show_version, is_eager=True
        ),
    ] = False,
) -> None:
    """Query the regional vmbo–mbo leerlabs of the programme Sterk beroepsonderwijs."""
    # Commands and completion read `--data` through `dataset_in_use`.


def main() -> None:
    """The console script `leerlab`."""
    # One call is one short process. Loading a dataset makes hundreds of thousands
    # of small objects and no reference cycles, and a running cyclic collector
    # would traverse them again and again (half the time of loading 10,000
    # leerlabs). Reference counting still frees what is no longer used, and the
    # process's end frees the rest. Done here rather than around the loading, so
    # that a program or test calling `app` in-process keeps its collector as it was.
    gc.disable()
    app(prog_name="leerlab", whole_process=True)
