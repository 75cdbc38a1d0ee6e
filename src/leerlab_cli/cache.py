"""A cache of validated datasets, keyed on the content of the dataset file.

Loading a dataset means parsing TOML and having pydantic build its schemas and
validate; for the six shipped leerlabs that is most of what a command costs
beyond Python's own start-up, and for a large file it is most of everything.
So a validated `Dataset` is pickled into the user's cache folder, and the next
call on the same bytes unpickles it instead (which builds no pydantic schema).

The key is the SHA-256 of the file's bytes together with everything else that
decides what loading those bytes yields: leerlab's version and the source of
the modules that define validity, and pydantic's, pydantic-core's and Python's
versions. It never involves the file's name or mtime, so an edited file cannot
be served from the cache, however its mtime and size look.

The cache is only ever an optimisation: a folder that cannot be made or
written, a file that cannot be read or unpickled, any error at all, and the
caller loads the file as if there were no cache.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import sys
import time
from collections.abc import Mapping
from pathlib import Path

from leerlab_cli.models import Dataset

try:
    # The C pickler alone: `pickle` would also import its pure-Python twin,
    # which costs more than half a millisecond of every call.
    from _pickle import dump, load
except ImportError:  # pragma: no cover - only CPython has _pickle
    from pickle import dump, load

DIR_VAR = "LEERLAB_CACHE_DIR"
DISABLE_VAR = "LEERLAB_NO_CACHE"
MAX_ENTRIES = 8
"""How many datasets the cache folder keeps; the least recently used go first."""

_SUFFIX = ".pickle"
_PROTOCOL = 5
_TEMP_PREFIX = ".tmp-"
_STALE_TEMP_SECONDS = 3600
# Bump when what a cache file holds changes shape.
_LAYOUT = b"leerlab dataset cache 1"
# The modules whose code decides what a dataset file loads into.
_DEFINING_MODULES = ("models.py", "dataset.py", "cache.py")


def directory(environ: Mapping[str, str]) -> Path | None:
    """The cache folder: $LEERLAB_CACHE_DIR, else the user's cache folder; None if disabled."""
    if environ.get(DISABLE_VAR, "") not in ("", "0"):
        return None
    explicit = environ.get(DIR_VAR, "")
    if explicit:
        return Path(explicit)
    base = environ.get("XDG_CACHE_HOME", "")
    if base and Path(base).is_absolute():
        return Path(base) / "leerlab"
    home = environ.get("HOME", "")
    return Path(home) / ".cache" / "leerlab" if home else None


def key(raw: bytes) -> str | None:
    """The cache key of a dataset file whose bytes are `raw`; None if there can be none."""
    try:
        digest = hashlib.sha256(_code_fingerprint())
    except OSError:
        return None
    digest.update(raw)
    return digest.hexdigest()


@functools.cache
def _code_fingerprint() -> bytes:
    # Computed once a process; an OSError is raised again on the next call.
    import pydantic
    import pydantic_core

    from leerlab_cli import __version__

    digest = hashlib.sha256(_LAYOUT)
    for part in (__version__, pydantic.VERSION, pydantic_core.__version__, sys.version):
        digest.update(part.encode() + b"\0")
    package = Path(__file__).parent
    for module in _DEFINING_MODULES:
        # Editing the models without bumping the version must not serve data
        # validated by the old ones; an unreadable source disables the cache.
        digest.update((package / module).read_bytes() + b"\0")
    return digest.digest()


def read(folder: Path, cache_key: str) -> Dataset | None:
    """The dataset cached under `cache_key`, or None when there is none to be trusted."""
    path = folder / f"{cache_key}{_SUFFIX}"
    try:
        if not _trusted(folder):
            return None
        with path.open("rb") as file:
            stored_key, dataset = load(file)
    except Exception:
        # Missing, unreadable, truncated or from an incompatible version: load
        # the file instead; `write` then replaces it.
        return None
    if stored_key != cache_key or type(dataset) is not Dataset:
        return None
    with contextlib.suppress(OSError):
        # The mtime records the last use, so pruning drops the least recently used.
        os.utime(path)
    return dataset


def write(folder: Path, cache_key: str, dataset: Dataset) -> None:
    """Store `dataset` under `cache_key`, atomically; failing to is not an error."""
    import tempfile  # only a miss writes; a hit should not pay for the import

    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _trusted(folder):
            return
        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=_TEMP_PREFIX, suffix=_SUFFIX)
        try:
            with os.fdopen(descriptor, "wb") as file:
                dump((cache_key, dataset), file, protocol=_PROTOCOL)
            os.replace(temporary, folder / f"{cache_key}{_SUFFIX}")
        except BaseException:
            os.unlink(temporary)
            raise
        _prune(folder)
    except Exception:
        return


def _trusted(folder: Path) -> bool:
    # Unpickling runs code named in the file: use only a folder that nobody but
    # its owner, the current user, can write into.
    if os.name != "posix":
        return True
    status = folder.stat()
    return status.st_uid == os.getuid() and not status.st_mode & 0o022


def _prune(folder: Path) -> None:
    entries: list[tuple[float, Path]] = []
    now = time.time()
    for path in folder.iterdir():
        try:
            modified = path.stat().st_mtime
            if path.name.startswith(_TEMP_PREFIX):
                # Left by a process that was killed while writing.
                if now - modified > _STALE_TEMP_SECONDS:
                    path.unlink()
            elif path.suffix == _SUFFIX:
                entries.append((modified, path))
        except OSError:
            continue
    entries.sort(reverse=True)
    for _, path in entries[MAX_ENTRIES:]:
        try:
            path.unlink()
        except OSError:
            continue
