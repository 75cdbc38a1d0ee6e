"""Shared fixtures: a CliRunner, and small datasets written into tmp_path with tomli-w."""

from __future__ import annotations

import copy
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner

from helpers import Runner
from leerlab_cli.cli import app
from leerlab_cli.dataset import shipped_path

# Hypothesis: "ci" (the default) runs the same examples every time and writes no
# example database into the repository; "dev" draws new ones on every run
# (HYPOTHESIS_PROFILE=dev). Generating datasets is slow by hypothesis's measure,
# and the fixtures a property test takes hold nothing an example could change.
_HYPOTHESIS = {
    "max_examples": 100,
    "deadline": None,
    "database": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
}
settings.register_profile("ci", derandomize=True, **_HYPOTHESIS)
settings.register_profile("dev", derandomize=False, print_blob=True, **_HYPOTHESIS)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

META: dict[str, Any] = {
    "title": "Testbron",
    "publisher": "Testers",
    "year": 2021,
}

LAB: dict[str, Any] = {
    "slug": "testlab",
    "name": "Leerlab Test",
    "place": "Teststad",
    "provinces": ["Utrecht"],
    "schools": [
        {"name": "Testcollege", "types": ["vo"]},
        {"name": "ROC Test", "types": ["mbo"]},
    ],
    "sectors": ["Zorg en Welzijn"],
    "phase": "pilot",
    "route_text": "van vmbo basis naar mbo niveau 2",
    "routes": [{"leerwegen": ["bb"], "niveaus": [2]}],
    "works_on": "doorlopende leerroute",
    "route_kinds": ["doorlopende leerroute"],
    "design": "samen",
    "target_group": "iedereen",
    "contacts": [{"name": "Piet Test", "email": "piet@test.nl"}],
}


def make_lab(**changes: Any) -> dict[str, Any]:
    """A valid leerlab as a TOML-ready dict, with `changes` applied on top."""
    lab = copy.deepcopy(LAB)
    lab.update(changes)
    return lab


@pytest.fixture
def runner() -> CliRunner:
    """Runs the app in-process; an exception it does not handle fails with its traceback."""
    return Runner()


@pytest.fixture
def write_dataset(tmp_path: Path) -> Callable[..., Path]:
    """Write a dataset with the given leerlab dicts (default: one valid lab) and return its path."""

    def write(
        *labs: dict[str, Any], meta: dict[str, Any] | None = None, name: str = "labs.toml"
    ) -> Path:
        document = {"meta": meta or META, "leerlab": list(labs) if labs else [make_lab()]}
        path = tmp_path / name
        path.write_bytes(tomli_w.dumps(document).encode("utf-8"))
        return path

    return write


@pytest.fixture
def shipped() -> Path:
    return shipped_path()


@pytest.fixture(autouse=True)
def _no_dataset_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    # A developer's own LEERLAB_DATA must not change what the tests see.
    monkeypatch.delenv("LEERLAB_DATA", raising=False)


@pytest.fixture(autouse=True)
def _debug(monkeypatch: pytest.MonkeyPatch) -> None:
    # With the debug switch on, an unexpected exception propagates with its traceback
    # instead of becoming the one-line "internal error"; the tests of that message
    # turn the switch off themselves (`no_debug`).
    monkeypatch.setenv("LEERLAB_DEBUG", "1")


@pytest.fixture
def no_debug(monkeypatch: pytest.MonkeyPatch) -> None:
    """The debug switch off, as users run leerlab: for the tests of the internal-error message."""
    monkeypatch.delenv("LEERLAB_DEBUG")


@pytest.fixture(autouse=True)
def _dataset_cache_in_tmp(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    # Each test gets an empty dataset cache of its own, never the user's ~/.cache;
    # subprocesses inherit it through the environment.
    monkeypatch.setenv("LEERLAB_CACHE_DIR", str(tmp_path_factory.mktemp("leerlab-cache")))
    monkeypatch.delenv("LEERLAB_NO_CACHE", raising=False)


__all__ = ["LAB", "META", "app", "make_lab"]
