"""The cache holds data only, touches only its own files, and only in folders of the user."""

from __future__ import annotations

import ctypes
import os
import pickle
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import make_lab
from leerlab_cli import cache, dataset, models
from leerlab_cli.cli import app

needs_root = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0,
    reason="needs root, to give a folder to another user",
)


class _WritesMarker:
    """A pickle payload that, when unpickled, creates the file `path`."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (str(self.path), "w"))


def _other_uid() -> int:
    uid = 54321
    while True:
        try:
            import pwd

            pwd.getpwuid(uid)
        except KeyError:
            return uid
        uid += 1


def test_the_cache_file_is_json_data(
    write_dataset: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.DIR_VAR, str(folder))
    path = write_dataset()
    fresh = dataset.load(path)
    [entry] = list(folder.iterdir())
    body = entry.read_bytes().partition(b"\n")[2]
    assert models.dataset_from_json(body) == fresh


def test_a_pickle_in_the_cache_is_never_run(
    write_dataset: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.DIR_VAR, str(folder))
    path = write_dataset()
    fresh = dataset.load(path)
    marker = tmp_path / "code-ran"
    for entry in folder.iterdir():
        entry.write_bytes(pickle.dumps((cache.key(path.read_bytes()), _WritesMarker(marker))))
    assert dataset.load(path) == fresh
    assert not marker.exists()


def test_a_cache_folder_that_is_a_symlink_is_not_used(
    write_dataset: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Someone who can write the folder above the cache could point it anywhere the
    # user owns: files there are neither read nor pruned, and nothing is written.
    elsewhere = tmp_path / "someone-elses-choice"
    elsewhere.mkdir(mode=0o700)
    precious = [elsewhere / f"{number}.pickle" for number in range(12)]
    for number, file in enumerate(precious):
        file.write_bytes(b"precious")
        os.utime(file, (number, number))
    (elsewhere / ".tmp-precious").write_bytes(b"precious")
    os.utime(elsewhere / ".tmp-precious", (0, 0))
    link = tmp_path / "cache"
    link.symlink_to(elsewhere)
    monkeypatch.setenv(cache.DIR_VAR, str(link))
    for number in range(cache.MAX_ENTRIES + 2):
        dataset.load(write_dataset(make_lab(name=f"Leerlab {number}"), name=f"{number}.toml"))
    assert sorted(p.name for p in elsewhere.iterdir()) == sorted(
        [p.name for p in precious] + [".tmp-precious"]
    )


def test_pruning_removes_only_files_the_cache_wrote(
    write_dataset: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "home"
    folder.mkdir(mode=0o700)
    others = ["photos.pickle", "model.pickle", ".tmp-editor-swap", "notes.json", "a" * 64 + ".json"]
    for name in others:
        (folder / name).write_bytes(b"not leerlab's")
        os.utime(folder / name, (0, 0))
    monkeypatch.setenv(cache.DIR_VAR, str(folder))
    for number in range(cache.MAX_ENTRIES + 3):
        dataset.load(write_dataset(make_lab(name=f"Leerlab {number}"), name=f"{number}.toml"))
    names = {path.name for path in folder.iterdir()}
    assert set(others) <= names
    assert len(names - set(others)) == cache.MAX_ENTRIES


def test_pruning_does_not_follow_a_symlink_named_like_an_entry(
    write_dataset: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    target = tmp_path / "precious.txt"
    target.write_text("precious")
    link = folder / f"leerlab-dataset-{'0' * 64}.json"
    link.symlink_to(target)
    os.utime(link, (0, 0), follow_symlinks=False)
    monkeypatch.setenv(cache.DIR_VAR, str(folder))
    for number in range(cache.MAX_ENTRIES + 2):
        dataset.load(write_dataset(make_lab(name=f"Leerlab {number}"), name=f"{number}.toml"))
    assert target.read_text() == "precious"
    assert link.is_symlink()


def _exchange(first: Path, second: Path) -> None:
    # renameat2(RENAME_EXCHANGE): both names exist at every moment.
    at_cwd, rename_exchange = -100, 2
    if _LIBC.renameat2(at_cwd, bytes(first), at_cwd, bytes(second), rename_exchange) != 0:
        raise OSError(ctypes.get_errno(), "renameat2")


_LIBC = ctypes.CDLL(None, use_errno=True)


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or not hasattr(_LIBC, "renameat2"),
    reason="needs Linux's renameat2 to swap folders atomically",
)
def test_swapping_the_cache_folder_never_serves_another_users_data(
    write_dataset: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The folder above the cache is writable by the attacker, who swaps the user's
    # cache folder with their own in a loop while the user loads (bounded in time).
    path = write_dataset(make_lab(name="Leerlab Echt"))
    cache_key = cache.key(path.read_bytes())
    assert cache_key is not None
    shared = tmp_path / "shared"
    shared.mkdir()
    ours = shared / "cache"
    monkeypatch.setenv(cache.DIR_VAR, str(ours))
    dataset.load(path)
    theirs = shared / "theirs"
    theirs.mkdir()
    marker = tmp_path / "code-ran"
    hostile = dataset.load(write_dataset(make_lab(name="Leerlab Vals"), name="vals.toml"))
    for entry in list(ours.iterdir()):
        if entry.name.startswith("leerlab-dataset-") or entry.suffix == ".pickle":
            content = entry.read_bytes()
            if entry.suffix == ".pickle":
                (theirs / entry.name).write_bytes(pickle.dumps((cache_key, _WritesMarker(marker))))
            else:
                header = content.partition(b"\n")[0]
                (theirs / entry.name).write_bytes(header + b"\n" + models.dataset_json(hostile))
    (theirs / f"{cache_key}.pickle").write_bytes(pickle.dumps((cache_key, _WritesMarker(marker))))
    theirs.chmod(0o777)
    stop = time.monotonic() + 2.0

    def swap() -> None:
        while time.monotonic() < stop:
            _exchange(ours, theirs)

    swapper = threading.Thread(target=swap)
    swapper.start()
    names = set()
    try:
        while time.monotonic() < stop:
            names.add(dataset.load(path).leerlab[0].name)
    finally:
        swapper.join()
    assert names == {"Leerlab Echt"}
    assert not marker.exists()


@needs_root
def test_no_folder_is_made_in_a_home_the_user_does_not_own(
    write_dataset: Callable[..., Path], tmp_path: Path
) -> None:
    # As with `sudo leerlab list`, which keeps the user's $HOME.
    home = tmp_path / "alice"
    home.mkdir()
    os.chown(home, _other_uid(), _other_uid())
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LEERLAB_", "XDG_"))}
    env["HOME"] = str(home)
    result = subprocess.run(
        [sys.executable, "-m", "leerlab_cli", "--data", str(write_dataset()), "list"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert list(home.iterdir()) == []


@needs_root
def test_a_cache_folder_of_another_user_is_not_used(
    write_dataset: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o755)
    os.chown(folder, _other_uid(), _other_uid())
    monkeypatch.setenv(cache.DIR_VAR, str(folder))
    dataset.load(write_dataset())
    assert list(folder.iterdir()) == []


def test_a_new_cache_folder_is_private(
    write_dataset: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "new" / "cache"
    monkeypatch.setenv(cache.DIR_VAR, str(folder))
    dataset.load(write_dataset())
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    [entry] = list(folder.iterdir())
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("value", "cached"),
    [
        ("1", False),
        ("TRUE", False),
        ("yes", False),
        ("", True),
        ("0", True),
        ("false", True),
        ("no", True),
    ],
)
def test_leerlab_no_cache_values(
    runner: CliRunner,
    write_dataset: Callable[..., Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    value: str,
    cached: bool,
) -> None:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.DIR_VAR, str(folder))
    monkeypatch.setenv(cache.DISABLE_VAR, value)
    result = runner.invoke(app, ["--data", str(write_dataset()), "list"])
    assert result.exit_code == 0, result.output
    assert folder.exists() == cached


@pytest.mark.parametrize("value", ["maybe", "off", "2", "nee"])
def test_leerlab_no_cache_with_another_value_is_a_usage_error(
    runner: CliRunner,
    write_dataset: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    value: str,
) -> None:
    monkeypatch.setenv(cache.DISABLE_VAR, value)
    result = runner.invoke(app, ["--data", str(write_dataset()), "list"])
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"error: LEERLAB_NO_CACHE='{value}' is not understood")
