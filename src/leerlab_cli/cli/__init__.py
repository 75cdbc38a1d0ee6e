"""The Typer app: global options, the commands, and the one place errors become exit codes.

The command layer may import every other layer (core, files, formats); nothing
imports it but the console script. Each command lives in a module of its own. The
modules whose functions typer reads (the commands, the options' callbacks and
completions) do without ``from __future__ import annotations``: typer evaluates a
function's annotations on every call, and strings would have to be compiled each time.

Only typer's public API is used. Its own words go through gettext (see `i18n`);
the words of the click that typer bundles are not marked for translation, so the
usage line, the help option and every usage error are worded here, from the
fields of the exception typer raises.
"""

import copy
import gc
import importlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Annotated, Any

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from leerlab_cli import __version__
from leerlab_cli.cli.options import DataOption
from leerlab_cli.cli.terminal import (
    StdoutError,
    error,
    ignore_unusable_width,
    restore_stdout,
    silence_stdout,
    use_complete_stdout,
    use_utf8,
    write,
)
from leerlab_cli.core.errors import LeerlabError
from leerlab_cli.core.text import printable
from leerlab_cli.i18n import (
    LANG_VAR,
    N_,
    LanguageError,
    _,
    framework_language,
    ngettext,
    setup_language,
)

DEBUG_VAR = "LEERLAB_DEBUG"


COMMANDS: dict[str, tuple[str, str]] = {
    "list": ("leerlab_cli.cli.list_cmd", "list_labs"),
    "show": ("leerlab_cli.cli.show", "show_lab"),
    "routes": ("leerlab_cli.cli.routes", "route_coverage"),
    "provinces": ("leerlab_cli.cli.provinces", "province_overview"),
    "contacts": ("leerlab_cli.cli.contacts", "list_contacts"),
    "export": ("leerlab_cli.cli.export", "export_labs"),
    "validate": ("leerlab_cli.cli.validate", "validate_dataset"),
    "diff": ("leerlab_cli.cli.diff", "diff_datasets"),
    "new": ("leerlab_cli.cli.new", "new_lab"),
    "info": ("leerlab_cli.cli.info", "dataset_info"),
    "schema": ("leerlab_cli.cli.schema", "print_schema"),
}
"""Every command: its name, and the module and function that implement it.

Each module also has `HELP`, the command's help (marked with `N_`), and may have
`EXAMPLES`, shown below the options.
"""

OPTIONS_METAVAR = N_("[OPTIONS]")
"""The placeholder of the options in a usage line, translated with the rest."""

HELP_OPTION_HELP = N_("Show this message and exit.")
"""The help of `-h/--help`, which the click bundled with typer does not mark."""


def in_interface_language(item: Any) -> Any:
    """A copy of a command or parameter with its help and placeholders in the interface language.

    The help is written as message ids (`N_`) and the commands are built when the
    app is imported, before a run chooses its language; so a run works on
    translated copies, and the originals keep the message ids for the next run.
    The panels of the help are named on the copies too: typer reads its own panel
    titles once, when it is first imported, and a named panel (`rich_help_panel`)
    is shown under its name.
    """
    translated = copy.copy(item)
    for attribute in ("help", "short_help", "epilog", "metavar", "options_metavar"):
        message = getattr(item, attribute, None)
        if isinstance(message, str) and message:
            setattr(translated, attribute, _(message))
    if getattr(item, "is_flag", False) and item.metavar is None:
        # A flag takes no value, so its placeholder column stays empty (not `<bool>`).
        translated.metavar = ""
    if isinstance(item, TyperArgument) and not item.rich_help_panel:
        translated.rich_help_panel = _("Arguments")
    elif isinstance(item, TyperOption) and not item.rich_help_panel:
        translated.rich_help_panel = _("Options")
    elif isinstance(item, TyperCommand) and not item.rich_help_panel:
        translated.rich_help_panel = _("Commands")
    if isinstance(item, TyperGroup):
        translated.subcommand_metavar = _(item.subcommand_metavar)
    if isinstance(item, TyperCommand | TyperGroup):
        translated.params = [_completion_option(in_interface_language(p)) for p in item.params]
    return translated


COMPLETION_HELP = {
    "install_completion": N_("Install completion for this shell."),
    "show_completion": N_("Show the script to install yourself."),
}
"""The help of the two options typer adds to the app, by the option's name."""


def _completion_option(param: Any) -> Any:
    # typer adds --install-completion and --show-completion with English help:
    # leerlab words it (on the copy of a run), knowing the options by their names.
    if param.name in COMPLETION_HELP:
        param.help = _(COMPLETION_HELP[param.name])
    return param


def _with_leerlab_installer(param: Any) -> Any:
    # typer's --install-completion reports in English, so a run parses a copy of
    # the option whose callback is leerlab's installer.
    if param.name != "install_completion":
        return param
    installer = copy.copy(param)
    installer.callback = _install_completion
    return installer


def _install_completion(ctx: Any, param: Any, value: Any) -> Any:
    # The option's callback (an eager option): install, report, and end the run.
    if not value or ctx.resilient_parsing:
        return value
    from leerlab_cli.cli.completion import install_for_this_shell

    install_for_this_shell(ctx)
    raise typer.Exit(0)


ClickContext = Any
"""The context typer passes to a command's methods: the one of the click it bundles.

typer exports only a subclass of it (`typer.Context`, for a command's parameters),
which an override may not narrow its parameter to; so the overrides take any.
"""


def _help_option_in_interface_language(option: Any) -> Any:
    # The help option of a command or of the app, which typer's bundled click words in English.
    if option is not None:
        option.help = _(HELP_OPTION_HELP)
        option.metavar = ""
        option.rich_help_panel = _("Options")
    return option


def _write_usage(ctx: ClickContext, formatter: Any, pieces: list[str]) -> None:
    # The usage line of a command or of the app, its prefix in the interface language.
    formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=_("Usage:") + " ")


def _format_help(
    command: Any, ctx: ClickContext, formatter: Any, typer_help: Callable[[Any, Any, Any], None]
) -> None:
    # typer's help is a table, which cuts words on a narrow terminal: there, a list.
    from leerlab_cli.cli.help import NARROW, help_width, narrow_help

    width = help_width()
    if width < NARROW:
        formatter.write(narrow_help(command, ctx, width))
    else:
        typer_help(command, ctx, formatter)


class LeerlabCommand(TyperCommand):
    """A command whose usage line and help option are in the interface language."""

    def get_help_option(self, ctx: ClickContext) -> Any:
        """The help option, with its help in the interface language."""
        return _help_option_in_interface_language(super().get_help_option(ctx))

    def format_usage(self, ctx: ClickContext, formatter: Any) -> None:
        """The usage line, with its prefix in the interface language."""
        _write_usage(ctx, formatter, self.collect_usage_pieces(ctx))

    def format_help(self, ctx: ClickContext, formatter: Any) -> None:
        """The command's help: typer's table, or a list on a narrow terminal."""
        _format_help(self, ctx, formatter, TyperCommand.format_help)

    def parse_args(self, ctx: ClickContext, args: list[str]) -> list[str]:
        """Parse the arguments; extra ones are refused with leerlab's words, naming them."""
        # click refuses extra arguments in English, keeping no field to word them
        # from: let it keep them (`allow_extra_args`, a documented setting) and refuse here.
        allowed = ctx.allow_extra_args
        ctx.allow_extra_args = True
        try:
            rest: list[str] = super().parse_args(ctx, args)
        except typer.TyperException as problem:
            raise _with_context(problem, ctx) from None
        finally:
            ctx.allow_extra_args = allowed
        if rest and not allowed and not ctx.resilient_parsing:
            raise ExtraArguments(rest, ctx)
        return rest


class LeerlabGroup(TyperGroup):
    """The app: runs a command and turns what it raises into messages and exit codes."""

    def get_command(self, ctx: ClickContext, cmd_name: str) -> Any:
        """The command `cmd_name`, in the interface language."""
        command = super().get_command(ctx, cmd_name)
        return None if command is None else in_interface_language(command)

    def get_help_option(self, ctx: ClickContext) -> Any:
        """The help option, with its help in the interface language."""
        return _help_option_in_interface_language(super().get_help_option(ctx))

    def get_params(self, ctx: ClickContext) -> list[Any]:
        """The app's options, `--install-completion` installing with leerlab's words."""
        return [_with_leerlab_installer(param) for param in super().get_params(ctx)]

    def format_usage(self, ctx: ClickContext, formatter: Any) -> None:
        """The usage line, with its prefix in the interface language."""
        _write_usage(ctx, formatter, self.collect_usage_pieces(ctx))

    def resolve_command(self, ctx: ClickContext, args: list[str]) -> Any:
        """The command named first in `args`; for an unknown name, the closest ones."""
        name = args[0]
        if not name.startswith("-") and name not in self.commands and not ctx.resilient_parsing:
            import difflib

            raise UnknownCommand(name, difflib.get_close_matches(name, list(self.commands)), ctx)
        return super().resolve_command(ctx, args)

    def format_help(self, ctx: ClickContext, formatter: Any) -> None:
        """The app's help, in the interface language: typer's table, or a list when narrow."""
        _format_help(in_interface_language(self), ctx, formatter, TyperGroup.format_help)

    def main(self, *args: Any, whole_process: bool = False, **kwargs: Any) -> Any:
        """Run the app in the interface language; all output is UTF-8.

        `whole_process` is for the console script: the process ends with the
        command, so signals held once the output was complete stay held.
        """
        use_utf8()
        ignore_unusable_width(os.environ)
        try:
            language = setup_language()
        except LanguageError as problem:
            from leerlab_cli.formats.messages import bad_language_value

            error(bad_language_value(LANG_VAR, problem.value))
            sys.exit(2)
        previous = sys.stdout
        use_complete_stdout()
        kwargs["standalone_mode"] = False
        try:
            with framework_language(language), _raise_on_termination(keep_held=whole_process):
                try:
                    result = super().main(*args, **kwargs)
                except typer.TyperException as problem:
                    _report_usage_error(problem)
                    result = _USAGE_ERROR
                except typer.Abort:
                    error(_("Aborted."))
                    result = 1
        finally:
            # What typer wrote last (help, a completion script) must have arrived too.
            with _translated_errors():
                sys.stdout.flush()
            restore_stdout(previous)
        sys.exit(result if isinstance(result, int) else 0)

    def parse_args(self, ctx: ClickContext, args: list[str]) -> list[str]:
        """Parse the global options; with none at all, show the help.

        `leerlab` alone asks what the tool can do: the help on stdout, exit 0.
        """
        if not args and not ctx.resilient_parsing:
            write(ctx.get_help() + "\n")
            raise typer.Exit(0)
        with _translated_errors():
            try:
                return super().parse_args(ctx, args)
            except typer.TyperException as problem:
                raise _with_context(problem, ctx) from None

    def invoke(self, ctx: ClickContext) -> Any:
        """Run the command; a `LeerlabError` is exit 1, a closed pipe ends quietly."""
        with _translated_errors(), _collector_paused():
            _check_environment()
            return super().invoke(ctx)


_USAGE_ERROR = 2
"""The exit code of a usage error, as click has it."""


class UnknownCommand(typer.TyperException):
    """A command name that is not one of leerlab's, with the names it may be a typo of."""

    exit_code = _USAGE_ERROR

    def __init__(self, name: str, close: list[str], ctx: typer.Context) -> None:
        message = _("No such command {name!r}.").format(name=name)
        if close:
            suggestion = ngettext(
                "Did you mean {possibility}?",
                "(Did you mean one of: {possibilities}?)",
                len(close),
            ).format(possibility=repr(close[0]), possibilities=", ".join(map(repr, close)))
            message = f"{message} {suggestion}"
        super().__init__(message)
        self.ctx = ctx


class ExtraArguments(typer.TyperException):
    """Arguments a command does not take, as the user typed them."""

    exit_code = _USAGE_ERROR

    def __init__(self, extra: list[str], ctx: typer.Context) -> None:
        self.extra = extra
        super().__init__(" ".join(extra))
        self.ctx = ctx


def _check_environment() -> None:
    # A setting that is misspelt must not quietly mean its opposite.
    from leerlab_cli.files import dataset

    if dataset.size_limit(os.environ) is None:
        from leerlab_cli.formats.messages import bad_size_limit

        error(bad_size_limit(dataset.MAX_BYTES_VAR, os.environ[dataset.MAX_BYTES_VAR]))
        raise typer.Exit(2)


@contextmanager
def _translated_errors() -> Iterator[None]:
    # The one place where what the code raises becomes messages and exit codes.
    try:
        yield
    except (typer.TyperException, typer.Exit, typer.Abort):
        raise
    except LeerlabError as problem:
        from leerlab_cli.formats.messages import error_lines

        for line in error_lines(problem):
            error(line)
        raise typer.Exit(1) from None
    except BrokenPipeError:
        silence_stdout()
        raise typer.Exit(1) from None
    except StdoutError as problem:
        from leerlab_cli.formats.messages import cannot_write_output

        silence_stdout()
        error(cannot_write_output(problem))
        raise typer.Exit(1) from None
    except OSError as problem:
        # What the system refused outside leerlab's own reading and writing (typer's
        # --install-completion writing a shell's start-up file): the user's to fix.
        from leerlab_cli.formats.messages import system_error

        error(system_error(problem))
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


def _report_usage_error(problem: typer.TyperException) -> None:
    # One line, on a terminal as in a pipe, as every other error. Usage errors echo
    # what the user typed, so control characters are escaped (bidi included).
    error(printable(usage_message(problem), keep_lines=True))


def usage_message(problem: typer.TyperException) -> str:
    """The message of a usage error typer raised, worded by leerlab from its fields.

    The click bundled with typer writes these sentences in English only; typer's
    own (an unknown command) come translated through gettext.
    """
    option_name = getattr(problem, "option_name", None)
    param = getattr(problem, "param", None)
    if option_name is not None and hasattr(problem, "possibilities"):
        message: str = _("No such option {name!r}.").format(name=option_name)
        close = _close_suggestions(option_name, getattr(problem, "possibilities", None) or ())
        if close:
            suggestion = ngettext(
                "Did you mean {possibility}?",
                "(Did you mean one of: {possibilities}?)",
                len(close),
            ).format(possibility=repr(close[0]), possibilities=", ".join(close))
            message = f"{message} {suggestion}"
        return message
    if isinstance(problem, ExtraArguments):
        message = ngettext(
            "Unexpected extra argument ({arguments}).",
            "Unexpected extra arguments ({arguments}).",
            len(problem.extra),
        ).format(arguments=" ".join(problem.extra))
        hint = _what_was_meant(problem)
        return f"{message} {hint}" if hint else message
    if option_name is not None and _is_flag(getattr(problem, "ctx", None), option_name):
        # An option that takes no value was given one: --header=yes.
        return _("Option {name!r} does not take a value.").format(name=option_name)
    if option_name is not None:
        return ngettext(
            "Option {name!r} requires an argument.",
            "Option {name!r} requires {nargs} arguments.",
            1,
        ).format(name=option_name, nargs=1)
    if isinstance(problem, typer.BadParameter) and (param or problem.param_hint) is not None:
        hint = _param_hint(problem, param)
        if hasattr(problem, "param_type"):
            missing = (
                _("Missing argument") if isinstance(param, TyperArgument) else _("Missing option")
            )
            return f"{missing} {hint}."
        return _("Invalid value for {param_hint}: {message}").format(
            param_hint=hint, message=problem.message
        )
    if isinstance(problem, typer.BadParameter):
        return _("Invalid value: {message}").format(message=problem.message)
    return problem.message


def _what_was_meant(problem: ExtraArguments) -> str | None:
    # A command that selects leerlabs, given a word of its own (`leerlab list zorg`):
    # the words are what the user looks for, so say which command or option finds it.
    command = getattr(problem.ctx, "command", None)
    query = problem.ctx.params.get("query")
    if isinstance(query, str):
        # `leerlab show midden limburg`: the words of one query, unquoted.
        from leerlab_cli.formats.messages import quote_the_query

        return quote_the_query(problem.ctx.command_path, " ".join([query, *problem.extra]))
    if not any(param.name == "search" for param in getattr(command, "params", ())):
        return None
    from leerlab_cli.cli.dataset_choice import dataset_in_use
    from leerlab_cli.core.query import WordMeaning, meaning_of
    from leerlab_cli.files import dataset
    from leerlab_cli.formats.messages import meant_instead

    word = " ".join(problem.extra)
    meaning = WordMeaning.text, word
    try:
        path = dataset_in_use(problem.ctx).path
        # A FIFO nobody writes would hang a usage error: the hint reads regular files only.
        if dataset.is_regular_file(path):
            meaning = meaning_of(dataset.load(path).leerlab, word)
    except (LeerlabError, OSError):
        pass  # the command refuses such a dataset itself; the hint does without it
    return meant_instead(problem.ctx.command_path, *meaning)


def _with_context(problem: typer.TyperException, ctx: ClickContext) -> typer.TyperException:
    # The parser raises some usage errors without the command they are about.
    if getattr(problem, "ctx", None) is None:
        problem.ctx = ctx  # type: ignore[attr-defined]
    return problem


def _is_flag(ctx: Any, option_name: str) -> bool:
    # The option as the command declares it: a flag (or a count) takes no value.
    command = getattr(ctx, "command", None)
    for param in getattr(command, "params", ()):
        if option_name in getattr(param, "opts", ()) + getattr(param, "secondary_opts", ()):
            return bool(getattr(param, "is_flag", False) or getattr(param, "count", False))
    return False


def _param_hint(problem: typer.BadParameter, param: Any) -> str:
    # click's form: '--to', or 'SLUG' for an argument (its placeholder, translated).
    if problem.param_hint is not None:
        hints = [problem.param_hint] if isinstance(problem.param_hint, str) else problem.param_hint
        return " / ".join(hints)
    if isinstance(param, TyperArgument):
        # An argument that takes several values says so, as in the help: 'FILE...'.
        several = "..." if param.nargs != 1 else ""
        return repr(_(param.metavar or (param.name or "").upper()) + several)
    return " / ".join(repr(option) for option in param.opts)


def _close_suggestions(typed: str, possibilities: Any) -> list[str]:
    # click suggests any option that shares a few characters (--json: --to);
    # keep only the ones that differ from what was typed by a typo.
    import difflib

    bare = typed.lstrip("-")
    return sorted(
        option
        for option in possibilities
        if difflib.SequenceMatcher(None, bare, option.lstrip("-")).ratio() >= _CLOSE_ENOUGH
    )


_CLOSE_ENOUGH = 0.7
"""How alike a typed option and a real one must be for "did you mean"."""


@contextmanager
def _collector_paused() -> Iterator[None]:
    # A command reads the dataset into an object for every table and value, writes
    # what it was asked for, and ends. Reference counting frees each of these objects
    # (they make no cycles), but as they pile up Python's cycle collector goes
    # through all of them again and again: at 10,000 leerlabs, 0.9 s of a 4.5 s
    # `export --format html` (timed with gc.callbacks; README, Performance). So the
    # collector rests while a command runs, and runs as before after it.
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


_TERMINATING_SIGNALS = ("SIGTERM", "SIGHUP")


@contextmanager
def _raise_on_termination(*, keep_held: bool = False) -> Iterator[None]:
    # SIGTERM and SIGHUP end the process as Ctrl-C does, by an exception: what is
    # being written (the temporary file of `export --output`) is cleaned up on the
    # way out, and the exit code is the shell's 128 + the signal's number.
    # Once `write_atomically` has renamed the new file into place it blocks them:
    # the output is complete, and a signal from then on must not turn the
    # command's success into a failure. Here they are released at the end, a
    # signal that arrived meanwhile discarded; or, for the console script, kept
    # blocked until the process has ended.
    from leerlab_cli.files.output import TERMINATING_SIGNALS

    previous: dict[signal.Signals, Any] = {}
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, ())
    if threading.current_thread() is threading.main_thread():
        for name in _TERMINATING_SIGNALS:
            number = getattr(signal, name, None)
            # A signal the caller chose to ignore (nohup) stays ignored.
            if number is not None and signal.getsignal(number) is signal.SIG_DFL:
                previous[number] = signal.signal(number, _exit_for_termination)
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


def _exit_for_termination(number: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + number)


HELP = N_("Query the regional vmbo–mbo leerlabs of the programme Sterk beroepsonderwijs.")

app = typer.Typer(
    cls=LeerlabGroup,
    name="leerlab",
    options_metavar=OPTIONS_METAVAR,
    subcommand_metavar=N_("COMMAND [ARGS]..."),
    help=HELP,
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


for _name, (_module_name, _function) in COMMANDS.items():
    _module = importlib.import_module(_module_name)
    app.command(
        _name,
        cls=LeerlabCommand,
        options_metavar=OPTIONS_METAVAR,
        help=_module.HELP,
        epilog=getattr(_module, "EXAMPLES", None),
    )(getattr(_module, _function))


def main() -> None:
    """The console script `leerlab`."""
    app(prog_name="leerlab", whole_process=True)
