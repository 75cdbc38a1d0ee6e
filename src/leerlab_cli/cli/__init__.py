"""The Typer app: global options, the commands, and the one place errors become exit codes.

Each command lives in a module of its own, and every module here starts with
``from __future__ import annotations``, as the core and the formats do. Typer
evaluates a command's string
annotations when it builds the command, and only the command that runs is built.
"""

from __future__ import annotations

import difflib
import importlib
import os
import signal
import sys
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from types import FrameType
from typing import Annotated, Any

import click
import typer
import typer.main
from typer.core import TyperCommand, TyperGroup
from typer.models import ArgumentInfo, CommandInfo
from typer.utils import get_params_from_function

from leerlab_cli import __version__
from leerlab_cli.cli.options import DataOption
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
from leerlab_cli.i18n import (
    LANG_VAR,
    N_,
    LanguageError,
    _,
    localize_rich_help,
    setup_language,
)
from leerlab_cli.text import printable

DEBUG_VAR = "LEERLAB_DEBUG"


COMMANDS: dict[str, tuple[str, str]] = {
    "list": ("leerlab_cli.cli.list_cmd", "list_labs"),
    "show": ("leerlab_cli.cli.show", "show_lab"),
    "routes": ("leerlab_cli.cli.routes", "route_coverage"),
    "contacts": ("leerlab_cli.cli.contacts", "list_contacts"),
    "export": ("leerlab_cli.cli.export", "export_labs"),
    "validate": ("leerlab_cli.cli.validate", "validate_dataset"),
    "diff": ("leerlab_cli.cli.diff", "diff_datasets"),
    "info": ("leerlab_cli.cli.info", "dataset_info"),
    "schema": ("leerlab_cli.cli.schema", "print_schema"),
}
"""Every command: its name, and the module and function that implement it.

Each module also has `HELP`, the command's help (marked with `N_`), and may have
`EXAMPLES`, shown below the options.
"""

_TYPER_HELP = {
    "Install completion for the current shell.": N_("Install completion for this shell."),
    "Show completion for the current shell, to copy it or customize the installation.": N_(
        "Show the script to install yourself."
    ),
}
"""typer's help for its completion options (which typer does not mark), worded to fit."""


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
            module_name, function = COMMANDS[name]
            module = importlib.import_module(module_name)
            command = typer.main.get_command_from_info(
                CommandInfo(
                    name=name,
                    callback=getattr(module, function),
                    cls=LeerlabCommand,
                    help=module.HELP,
                    epilog=getattr(module, "EXAMPLES", None),
                ),
                pretty_exceptions_short=True,
                rich_markup_mode=self._markup_mode,
            )
            _restore_argument_help(command, getattr(module, function))
            localize(command)
            self._built[name] = command
        return self._built[name]

    def __iter__(self) -> Iterator[str]:
        return iter(COMMANDS)

    def __len__(self) -> int:
        return len(COMMANDS)


def _restore_argument_help(command: click.Command, callback: Any) -> None:
    # typer (below 0.26) sets an argument's help and then calls click's Argument,
    # which since click 8.5 takes a help of its own and sets it to None; so the
    # help is read again from the function's declaration.
    arguments = [param for param in command.params if isinstance(param, click.Argument)]
    if not arguments:
        return
    declared = get_params_from_function(callback)
    for argument in arguments:
        info = declared[argument.name or ""].default
        if argument.help is None and isinstance(info, ArgumentInfo):
            argument.help = info.help


def localize(command: click.Command) -> None:
    """Translate the help of `command` and its parameters into the interface language.

    The help is written as message ids (`N_`) and the click objects are built
    before the language is chosen, so it is translated here; the message id is
    kept on the object, so that a second run in one process can translate again.
    """
    for item in (command, *command.params):
        for attribute in ("help", "short_help", "epilog"):
            message = vars(item).setdefault(f"_message_{attribute}", getattr(item, attribute, None))
            if message:
                setattr(item, attribute, _(_TYPER_HELP.get(message, message)))
    # The usage line's placeholders, which click does not mark for translation.
    command.options_metavar = _("[OPTIONS]")
    if isinstance(command, LeerlabGroup):
        command.subcommand_metavar = _("COMMAND [ARGS]...")
        for built in command.commands._built.values():  # type: ignore[attr-defined]
            localize(built)


class LeerlabCommand(TyperCommand):
    """A command whose help is shown in the interface language."""

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Write the help, with typer's own words translated too."""
        localize_rich_help()
        super().format_help(ctx, formatter)


class LeerlabGroup(TyperGroup):
    """Runs a command and turns what it raises into messages and exit codes."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.commands = _LazyCommands(self.rich_markup_mode)  # type: ignore[assignment]

    def main(self, *args: Any, whole_process: bool = False, **kwargs: Any) -> Any:
        """Run the app in the interface language; all output is UTF-8.

        `whole_process` is for the console script: the process ends with the
        command, so signals held once the output was complete stay held.
        """
        use_utf8()
        try:
            setup_language()
        except LanguageError as problem:
            from leerlab_cli.formats.messages import bad_language_value

            error(bad_language_value(LANG_VAR, problem.value))
            sys.exit(2)
        localize(self)
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

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Write the help, with typer's own words translated too."""
        localize_rich_help()
        super().format_help(ctx, formatter)

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
    except click.exceptions.NoArgsIsHelpError:
        # Not an error to report: typer shows the help instead.
        localize_rich_help()
        raise
    except click.NoSuchOption as unknown:
        raise _usage_error(_close_suggestions(unknown)) from None
    except click.ClickException as usage_error:
        raise _usage_error(usage_error) from None
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
            _(
                "internal error ({kind}): this is a bug in leerlab; "
                "run again with {variable}=1 to see the traceback"
            ).format(kind=type(bug).__name__, variable=DEBUG_VAR)
        )
        raise typer.Exit(1) from None


def _usage_error(usage_error: click.ClickException) -> Exception:
    # Usage errors echo what the user typed; click escapes most control
    # characters, but not all (bidi overrides), so escape them all here.
    usage_error.message = printable(usage_error.message, keep_lines=True)  # type: ignore[misc]
    if sys.stderr.isatty():
        # A person reads it: typer draws it in a box, with a hint at --help.
        localize_rich_help()
        return usage_error
    # A log or a program reads it: one line, as every other error.
    error(usage_error.format_message())
    return typer.Exit(usage_error.exit_code)


def _close_suggestions(unknown: click.NoSuchOption) -> click.NoSuchOption:
    # click suggests any option that shares a few characters (--json: --to);
    # keep only the ones that differ from what was typed by a typo.
    typed = unknown.option_name.lstrip("-")
    close = [
        option
        for option in unknown.possibilities or ()
        if difflib.SequenceMatcher(None, typed, option.lstrip("-")).ratio() >= _CLOSE_ENOUGH
    ]
    return click.NoSuchOption(unknown.option_name, possibilities=close, ctx=unknown.ctx)


_CLOSE_ENOUGH = 0.7
"""How alike a typed option and a real one must be for "did you mean"."""


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


HELP = N_("Query the regional vmbo–mbo leerlabs of the programme Sterk beroepsonderwijs.")

app = typer.Typer(
    cls=LeerlabGroup,
    name="leerlab",
    help=HELP,
    no_args_is_help=True,
    # click suggests a command for a typo itself, in the interface language; typer's
    # own suggestion would add the same in English.
    suggest_commands=False,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(value: bool) -> None:
    if value:
        write(f"leerlab {__version__}\n")
        raise typer.Exit()


@app.callback()
def main_options(
    data: DataOption = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help=N_("Show the version and exit."),
            callback=_show_version,
            is_eager=True,
        ),
    ] = False,
) -> None:
    """Query the regional vmbo–mbo leerlabs of the programme Sterk beroepsonderwijs."""
    # Commands and completion read `--data` through `dataset_in_use`.


def main() -> None:
    """The console script `leerlab`."""
    app(prog_name="leerlab", whole_process=True)
