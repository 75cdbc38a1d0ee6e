"""The Typer app: global options, the commands, and the one place errors become exit codes."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from leerlab_cli import __version__
from leerlab_cli.cli.list_cmd import list_labs
from leerlab_cli.cli.options import Settings
from leerlab_cli.cli.show import show_lab
from leerlab_cli.cli.validate import validate_dataset
from leerlab_cli.errors import LeerlabError
from leerlab_cli.text import printable

DEBUG_VAR = "LEERLAB_DEBUG"


def _error(line: str) -> None:
    sys.stderr.write(f"error: {printable(line)}\n")
    sys.stderr.flush()


def _silence_stdout() -> None:
    # The reader of our stdout has gone (`| head -1`): point stdout at /dev/null so
    # that the interpreter's final flush cannot complain about the closed pipe.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


class LeerlabGroup(TyperGroup):
    """Runs a command and turns what it raises into messages and exit codes."""

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        """Run the command; a `LeerlabError` is exit 1, a closed pipe ends quietly."""
        _use_utf8()
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except LeerlabError as error:
            for line in error.lines:
                _error(line)
            raise typer.Exit(1) from None
        except BrokenPipeError:
            _silence_stdout()
            raise typer.Exit(1) from None
        except Exception as error:
            if os.environ.get(DEBUG_VAR):
                raise
            _error(
                f"internal error ({type(error).__name__}): this is a bug in leerlab; "
                f"run again with {DEBUG_VAR}=1 to see the traceback"
            )
            raise typer.Exit(1) from None


def _use_utf8() -> None:
    # Output is UTF-8 whatever the locale, so "geïntegreerde" survives LC_ALL=C.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (stream.encoding or "").lower() not in ("utf-8", "utf8"):
            reconfigure(encoding="utf-8", errors="backslashreplace")


app = typer.Typer(
    cls=LeerlabGroup,
    name="leerlab",
    help="Query the regional vmbo–mbo leerlabs of the programme Sterk beroepsonderwijs.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(value: bool) -> None:
    if value:
        sys.stdout.write(f"leerlab {__version__}\n")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            help="Dataset file to use [default: $LEERLAB_DATA, else the shipped dataset].",
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
    ctx.obj = Settings(data=data)


app.command("list")(list_labs)
app.command("show")(show_lab)
app.command("validate")(validate_dataset)


def main() -> None:
    """The console script `leerlab`."""
    app(prog_name="leerlab")
