"""Helpers shared by the tests (fixtures live in conftest.py, strategies in strategies.py)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from typer import Typer
from typer.testing import CliRunner, Result


class Runner(CliRunner):
    """A CliRunner that lets an exception the app does not handle escape with its traceback.

    CliRunner would catch it and report a bare exit code 1; the tests run with the debug
    switch on, so such an exception is a bug to be shown, never an answer to compare.
    """

    def invoke(
        self,
        app: Typer,
        args: str | Sequence[str] | None = None,
        input: bytes | str | None = None,
        env: Mapping[str, str | None] | None = None,
        catch_exceptions: bool = False,
        color: bool = False,
        **extra: Any,
    ) -> Result:
        return super().invoke(
            app, args, input=input, env=env, catch_exceptions=catch_exceptions, color=color, **extra
        )
