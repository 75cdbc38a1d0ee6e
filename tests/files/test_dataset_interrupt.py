"""A Ctrl-C while the models validate is an interrupt, never read as a problem of the data."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from leerlab_cli.core import models
from leerlab_cli.core.errors import DatasetError
from leerlab_cli.files import dataset
from leerlab_cli.formats.messages import error_lines


@pytest.mark.parametrize("at_call", [1, 2, 3, 5, 20])
def test_an_interrupt_inside_validation_comes_through(shipped: Path, at_call: int) -> None:
    document = tomllib.loads(shipped.read_text(encoding="utf-8"))
    calls = 0

    def interrupt(frame: FrameType, event: str, arg: Any) -> None:
        # Python code that pydantic calls while it validates: the models' own checks.
        nonlocal calls
        if event == "call" and frame.f_code.co_filename == models.__file__:
            calls += 1
            if calls == at_call:
                raise KeyboardInterrupt

    sys.setprofile(interrupt)
    try:
        with pytest.raises(KeyboardInterrupt):
            dataset.validate_document(document, "shipped")
    except DatasetError as problem:
        pytest.fail(
            f"an interrupt was read as a problem of the data: {tuple(error_lines(problem))}"
        )
    finally:
        sys.setprofile(None)
    assert calls >= at_call, "validation called too little Python code to interrupt there"
