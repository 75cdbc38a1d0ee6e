"""The cache of validated datasets: it serves what the file holds now, or nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import leerlab_cli
from helpers import make_lab
from leerlab_cli import cache, dataset
from leerlab_cli.errors import DatasetError
from leerlab_cli.models import Dataset


@pytest.fixture
def cache_dir() -> Path:
    return Path(os.environ[cache.DIR_VAR])


@pytest.fixture
def no_validation(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """Make loading fail unless it is served from the cache."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the dataset was parsed and validated, not read from the cache")

    def forbid() -> None:
        monkeypatch.setattr(dataset, "parse_document", refuse)
        monkeypatch.setattr(dataset, "validate_document", refuse)

    return forbid


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("leerlab-dataset-*.json"))


def test_a_hit_returns_an_equal_dataset(
    write_dataset: Callable[..., Path], cache_dir: Path, no_validation: Callable[[], None]
) -> None:
    path = write_dataset()
    fresh = dataset.load(path)
    assert len(entries(cache_dir)) == 1
    no_validation()
    cached = dataset.load(path)
    assert cached == fresh
    assert cached == fresh
    assert type(cached.leerlab[0]) is type(fresh.leerlab[0])


def test_the_shipped_dataset_is_served_from_the_cache_and_equal(
    shipped: Path, cache_dir: Path
) -> None:
    # Every field of the real data (a route whose leerweg is not stated, too) must
    # survive the cache, or each call would be a miss.
    fresh, fresh_from_cache = dataset.load_telling_origin(shipped)
    cached, cached_from_cache = dataset.load_telling_origin(shipped)
    assert (fresh_from_cache, cached_from_cache) == (False, True)
    assert cached == fresh == dataset.validate_document(dataset.read_document(shipped), "shipped")


def test_an_edit_with_the_same_size_and_mtime_is_seen_at_once(
    write_dataset: Callable[..., Path],
) -> None:
    path = write_dataset(make_lab(name="Leerlab Aaaa"))
    assert dataset.load(path).leerlab[0].name == "Leerlab Aaaa"
    before = path.stat()
    edited = path.read_bytes().replace(b"Leerlab Aaaa", b"Leerlab Bbbb")
    assert len(edited) == before.st_size
    path.write_bytes(edited)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert dataset.load(path).leerlab[0].name == "Leerlab Bbbb"


def test_an_edit_that_breaks_the_file_is_reported_not_served(
    write_dataset: Callable[..., Path],
) -> None:
    path = write_dataset()
    dataset.load(path)
    path.write_bytes(path.read_bytes().replace(b'slug = "testlab"', b'slug = "Testlab"'))
    with pytest.raises(DatasetError, match="slug"):
        dataset.load(path)


def test_an_invalid_dataset_is_not_cached(
    write_dataset: Callable[..., Path], cache_dir: Path
) -> None:
    path = write_dataset(make_lab(slug="Not A Slug"))
    for _ in range(2):
        with pytest.raises(DatasetError, match="slug"):
            dataset.load(path)
    assert entries(cache_dir) == []


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: b"not a cache file at all", id="garbage"),
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: b"", id="empty"),
    ],
)
def test_a_corrupt_cache_file_is_ignored_and_replaced(
    write_dataset: Callable[..., Path],
    cache_dir: Path,
    no_validation: Callable[[], None],
    damage: Callable[[bytes], bytes],
) -> None:
    path = write_dataset()
    fresh = dataset.load(path)
    [entry] = entries(cache_dir)
    entry.write_bytes(damage(entry.read_bytes()))
    assert dataset.load(path) == fresh
    no_validation()
    assert dataset.load(path) == fresh


def test_a_cache_file_under_another_key_is_not_served(
    write_dataset: Callable[..., Path], cache_dir: Path
) -> None:
    first = write_dataset(make_lab(name="Leerlab Een"), name="one.toml")
    second = write_dataset(make_lab(name="Leerlab Twee"), name="two.toml")
    dataset.load(first)
    [first_entry] = entries(cache_dir)
    key = cache.key(second.read_bytes())
    # As if a file were copied or renamed by hand: its contents say which key it holds.
    first_entry.rename(cache_dir / f"leerlab-dataset-{key}.json")
    assert dataset.load(second).leerlab[0].name == "Leerlab Twee"


def test_another_version_of_leerlab_does_not_use_the_cache(
    write_dataset: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:
    path = write_dataset()
    dataset.load(path)
    monkeypatch.setattr(leerlab_cli, "__version__", "999.0")
    cache._code_fingerprint.cache_clear()
    # The fingerprint of version 999.0 must not outlive this test.
    request.addfinalizer(cache._code_fingerprint.cache_clear)
    calls: list[str] = []
    validate = dataset.validate_document

    def counting(document: dict[str, Any], name: str) -> Dataset:
        calls.append(name)
        return validate(document, name)

    monkeypatch.setattr(dataset, "validate_document", counting)
    dataset.load(path)
    assert len(calls) == 1


@pytest.mark.parametrize("value", ["1", "yes"])
def test_leerlab_no_cache_disables_it(
    write_dataset: Callable[..., Path],
    cache_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    value: str,
) -> None:
    monkeypatch.setenv(cache.DISABLE_VAR, value)
    path = write_dataset()
    assert dataset.load(path) == dataset.load(path)
    assert list(cache_dir.iterdir()) == []


def test_a_cache_folder_that_cannot_be_made_is_no_error(
    write_dataset: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Under a regular file no folder can be made, even by root (file modes would not stop it).
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv(cache.DIR_VAR, str(blocker / "cache"))
    path = write_dataset()
    assert dataset.load(path) == dataset.load(path)


def test_a_cache_folder_others_can_write_is_not_used(
    write_dataset: Callable[..., Path], cache_dir: Path
) -> None:
    cache_dir.chmod(0o777)
    path = write_dataset()
    dataset.load(path)
    assert entries(cache_dir) == []


def test_the_cache_keeps_only_the_most_recently_used(
    write_dataset: Callable[..., Path], cache_dir: Path
) -> None:
    paths = [
        write_dataset(make_lab(name=f"Leerlab {number}"), name=f"{number}.toml")
        for number in range(cache.MAX_ENTRIES + 3)
    ]
    for path in paths:
        dataset.load(path)
    assert len(entries(cache_dir)) == cache.MAX_ENTRIES
    remaining = {entry.stem.removeprefix("leerlab-dataset-") for entry in entries(cache_dir)}
    assert cache.key(paths[-1].read_bytes()) in remaining
    assert cache.key(paths[0].read_bytes()) not in remaining


def test_a_stale_temporary_file_is_removed(
    write_dataset: Callable[..., Path], cache_dir: Path
) -> None:
    leftover = cache_dir / f".leerlab-dataset-{'0' * 64}-{'0' * 16}.tmp"
    leftover.write_bytes(b"half a cache file")
    os.utime(leftover, (0, 0))
    dataset.load(write_dataset())
    assert not leftover.exists()
    assert len(entries(cache_dir)) == 1


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LEERLAB_CACHE_DIR": "/c", "XDG_CACHE_HOME": "/x", "HOME": "/h"}, "/c"),
        ({"XDG_CACHE_HOME": "/x", "HOME": "/h"}, "/x/leerlab"),
        ({"XDG_CACHE_HOME": "relative", "HOME": "/h"}, "/h/.cache/leerlab"),
        ({"HOME": "/h"}, "/h/.cache/leerlab"),
        ({"HOME": "/h", "LEERLAB_NO_CACHE": "0"}, "/h/.cache/leerlab"),
        ({"HOME": "/h", "LEERLAB_NO_CACHE": "1"}, None),
        ({}, None),
    ],
)
def test_where_the_cache_lives(environ: dict[str, str], expected: str | None) -> None:
    folder = cache.directory(environ)
    assert (str(folder) if folder is not None else None) == expected


COPY_KEY = "import sys\nfrom leerlab_cli import cache\nprint(cache.__file__, cache.key(b'x'))\n"


def _key_of_a_copy(tmp_path: Path, edited: str | None) -> str:
    """The cache key of b'x' in a fresh interpreter that imports a copy of the package."""
    copy = tmp_path / "copy" / "leerlab_cli"
    shutil.copytree(Path(cache.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__"))
    if edited is not None:
        with (copy / edited).open("a", encoding="utf-8") as file:
            file.write("\n# an edit that changes no behaviour, but the source\n")
    completed = subprocess.run(
        [sys.executable, "-c", COPY_KEY],
        env={**os.environ, "PYTHONPATH": str(copy.parent)},
        capture_output=True,
        text=True,
        check=True,
    )
    module, key = completed.stdout.split()
    assert Path(module).is_relative_to(copy), module
    return key


def test_a_copy_of_the_same_code_has_the_same_key(tmp_path: Path) -> None:
    assert _key_of_a_copy(tmp_path, None) == cache.key(b"x")


@pytest.mark.parametrize("module", ["models.py", "dataset.py", "problems.py", "cache.py"])
def test_editing_the_code_that_decides_validity_changes_the_key(
    tmp_path: Path, module: str
) -> None:
    # Models edited without a new version must not be served data validated by the old ones.
    assert _key_of_a_copy(tmp_path, module) != cache.key(b"x")
