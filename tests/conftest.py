"""Fixtures: a CliRunner, small datasets written into tmp_path with tomli-w, a clean environment.

Helpers live in helpers.py and hypothesis strategies in strategies.py; this file holds
fixtures and the hypothesis profiles only.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner

from helpers import META, Runner, make_lab
from leerlab_cli.files.dataset import shipped_path
from leerlab_cli.i18n import setup_language

# Hypothesis, one profile per purpose (registered here only):
# - "ci", the default, and what CI (the CI variable set) and the README's command run:
#   the same 25 examples every time (derandomize), no example database written into the
#   repository. Every property here is also pinned by named examples (@example, the
#   hand-written tests beside it), so a few generated cases per run are enough to keep it.
# - "dev" (HYPOTHESIS_PROFILE=dev): 500 new examples per property on every run, for a
#   developer hunting for cases the examples miss; a failure prints its reproduce blob.
# Generating datasets is slow by hypothesis's measure, and the fixtures a property test
# takes hold nothing an example could change.
_HYPOTHESIS = {
    "deadline": None,
    "database": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
}
settings.register_profile("ci", max_examples=25, derandomize=True, **_HYPOTHESIS)
settings.register_profile("dev", max_examples=500, print_blob=True, **_HYPOTHESIS)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or "ci")


# What takes long whatever the machine does (a virtual environment built and installed,
# pre-commit's own install, real shells in a terminal, a browser) starts first, so that
# xdist's workers run the rest beside it rather than after it.
_STARTS_EARLY = (
    "installed/test_install.py",
    "installed/test_pre_commit.py",
    "installed/test_completion_shells.py",
    "browser/",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Put the slow tests that cannot be made faster first (the order is otherwise kept)."""

    def rank(item: pytest.Item) -> int:
        path = item.path.as_posix()
        return next((n for n, part in enumerate(_STARTS_EARLY) if f"/tests/{part}" in path), 99)

    items.sort(key=rank)


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
    # Most tests compare with the English message ids; the tests of the language
    # itself set LEERLAB_LANG and the locale on each call. The language is chosen
    # again here too, for the tests that call the formats directly: a test before
    # may have run the app in Dutch.
    monkeypatch.setenv("LEERLAB_LANG", "en")
    setup_language()


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
def _signal_mask_restored() -> Iterator[None]:
    # write_atomically blocks the terminating signals once its file is in place, and
    # only the app releases them; a test calling it directly must not leave them
    # blocked for the tests after it (and for every process they start).
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, ())
    yield
    held = signal.pthread_sigmask(signal.SIG_BLOCK, ()) - mask
    while held and signal.sigpending() & held:
        signal.sigtimedwait(held, 0)
    signal.pthread_sigmask(signal.SIG_SETMASK, mask)


@pytest.fixture(scope="session")
def big_dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A dataset whose output, in any command and format, is far larger than a pipe's buffer."""
    name = "Leerlab met een naam van honderd tekens " * 3
    labs = [make_lab(slug=f"lab-{number}", name=f"{name}{number}") for number in range(1200)]
    labs[0]["design"] = "veel tekst " * 20_000
    path = tmp_path_factory.mktemp("big") / "big.toml"
    path.write_text(tomli_w.dumps({"meta": META, "leerlab": labs}), encoding="utf-8")
    return path
