"""A cache of validated datasets, keyed on the content of the dataset file.

Loading a dataset means parsing TOML and having pydantic-core validate it; for a large
file that is most of what a command costs. So a validated `Dataset` is stored in
the user's cache folder as JSON, and the next call on the same bytes has
pydantic-core read that JSON back, which is several times faster than TOML.

The cache stores data, never objects: reading it back validates again, so a file
that someone else slipped in can at worst be rejected, and cannot run code.

The key is the SHA-256 of the file's bytes together with everything else that
decides what loading those bytes yields: leerlab's version, the source of the
modules that define validity, and tomli's, pydantic-core's and Python's
versions. It never involves the file's name or mtime, so an edited file cannot
be served from the cache, however its mtime and size look.

The folder and its files are opened without following symbolic links, and what
was opened is checked (a folder or regular file, owned by the user, writable by
nobody else) before it is used; every later step is relative to the opened
folder, so swapping folders in between changes nothing. leerlab removes only
files whose names it gives its own files. It creates the folder only inside a
folder the user owns: root with someone else's $HOME runs without the cache.

The cache is only ever an optimisation: a folder that cannot be made or used, a
file that cannot be read or validated, any error at all, and the caller loads
the file as if there were no cache.

Writing a big dataset (serialising it, then the file) costs about a tenth of
loading it. The console script therefore calls `write_in_background`: a child
process writes the entry while the command goes on, and nothing waits for it.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import re
import stat
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from leerlab_cli.models import Dataset, dataset_from_json, dataset_json
from leerlab_cli.signals import held

DIR_VAR = "LEERLAB_CACHE_DIR"
DISABLE_VAR = "LEERLAB_NO_CACHE"
DISABLE_VALUES = ("1", "true", "yes")
"""The values of $LEERLAB_NO_CACHE that turn the cache off (case ignored)."""
ENABLE_VALUES = ("", "0", "false", "no")
"""The values of $LEERLAB_NO_CACHE that leave the cache on (case ignored)."""
MAX_ENTRIES = 8
"""How many datasets the cache folder keeps; the least recently used go first."""

# Every file leerlab writes is named so: nothing else in the folder is ever touched.
_PREFIX = "leerlab-dataset-"
_SUFFIX = ".json"
_ENTRY_NAME = re.compile(r"leerlab-dataset-[0-9a-f]{64}\.json")
_TEMP_NAME = re.compile(r"\.leerlab-dataset-[0-9a-f]{64}-[0-9a-f]{16}\.tmp")
_STALE_TEMP_SECONDS = 3600
# The first line of every cache file; bump it when what a cache file holds changes shape.
_LAYOUT = b"leerlab dataset cache 3"
# The modules whose code decides what a dataset file loads into.
_DEFINING_MODULES = ("models.py", "dataset.py", "problems.py", "cache.py")
_SUPPORTED = os.name == "posix" and os.open in os.supports_dir_fd
_FOLDER_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)
# Non-blocking, so that a FIFO in place of a file cannot make the command wait.
_FILE_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


def switched_off(value: str) -> bool | None:
    """Whether a value of $LEERLAB_NO_CACHE turns the cache off; None if it is not one we accept."""
    folded = value.strip().lower()
    if folded in DISABLE_VALUES:
        return True
    if folded in ENABLE_VALUES:
        return False
    return None


def directory(environ: Mapping[str, str]) -> Path | None:
    """The cache folder: $LEERLAB_CACHE_DIR, else the user's cache folder; None if disabled."""
    # A value we do not understand leaves the cache off; the commands report it.
    if switched_off(environ.get(DISABLE_VAR, "")) is not False or not _SUPPORTED:
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
    import pydantic_core
    import tomli

    from leerlab_cli import __version__

    digest = hashlib.sha256(_LAYOUT)
    for part in (__version__, tomli.__version__, pydantic_core.__version__, sys.version):
        digest.update(part.encode() + b"\0")
    package = Path(__file__).parent
    for module in _DEFINING_MODULES:
        # Editing the models without bumping the version must not serve data
        # validated by the old ones; an unreadable source disables the cache.
        digest.update((package / module).read_bytes() + b"\0")
    return digest.digest()


def read(folder: Path, cache_key: str) -> Dataset | None:
    """The dataset cached under `cache_key`, or None when there is none to be trusted."""
    try:
        with _opened_folder(folder, create=False) as folder_fd:
            raw = _read_entry(folder_fd, f"{_PREFIX}{cache_key}{_SUFFIX}")
        header, _, body = raw.partition(b"\n")
        if header != _LAYOUT + b" " + cache_key.encode():
            return None
        # Validated again: the JSON holds data only, and wrong data is rejected.
        with held():
            return dataset_from_json(body)
    except Exception:
        # Missing, unreadable, truncated, not ours or not valid: load the file
        # instead; `write` then replaces it.
        return None


_writes_in_background = False


def write_in_background() -> None:
    """Have `write` leave the writing to a child process and return at once.

    Only for a process that ends with its command (the console script): the child
    outlives it, and a program that calls the app in-process writes as it reads.
    """
    global _writes_in_background
    _writes_in_background = hasattr(os, "fork")


def write(folder: Path, cache_key: str, dataset: Dataset) -> None:
    """Store `dataset` under `cache_key`, atomically; failing to is not an error."""
    if _writes_in_background:
        _write_in_a_child(folder, cache_key, dataset)
    else:
        _write(folder, cache_key, dataset)


def _write(folder: Path, cache_key: str, dataset: Dataset) -> None:
    try:
        header = b"%s %s\n" % (_LAYOUT, cache_key.encode())
        # Bytes straight from pydantic-core: no str and no joined copy of a big dataset.
        body = dataset_json(dataset)
        with _opened_folder(folder, create=True) as folder_fd:
            _write_entry(folder_fd, cache_key, header, body)
            _prune(folder_fd)
    except Exception:
        return


def _write_in_a_child(folder: Path, cache_key: str, dataset: Dataset) -> None:
    # The child writes as `_write` always does, to a temporary file renamed into
    # place: a reader finds no entry or a whole one, and one killed half-way
    # leaves only a temporary file, which pruning removes later. The entry is
    # keyed on content, so however late it lands it is never stale.
    try:
        child = os.fork()
    except OSError:
        _write(folder, cache_key, dataset)
        return
    if child:
        return
    try:
        # Nothing of the child may reach the command's stdout or stderr, nor keep
        # them open: the reader of a pipe waits until every writer has closed it.
        nothing = os.open(os.devnull, os.O_RDWR)
        for descriptor in (0, 1, 2):
            os.dup2(nothing, descriptor)
        # Background work: on a busy machine the command itself goes first.
        os.nice(10)
        _write(folder, cache_key, dataset)
    finally:
        # Whatever happened (a signal's exception too), the child ends here,
        # without flushing the parent's buffers or running its exit handlers.
        os._exit(0)


@contextlib.contextmanager
def _opened_folder(folder: Path, *, create: bool) -> Iterator[int]:
    # The folder itself, not a symbolic link to one, and only if it is the user's own.
    try:
        descriptor = os.open(folder, _FOLDER_FLAGS)
    except FileNotFoundError:
        if not create or not _may_create(folder):
            raise
        os.makedirs(folder, mode=0o700, exist_ok=True)
        descriptor = os.open(folder, _FOLDER_FLAGS)
    try:
        if not _private(os.fstat(descriptor), stat.S_ISDIR):
            raise PermissionError(f"{folder}: not a private folder of this user")
        yield descriptor
    finally:
        os.close(descriptor)


def _may_create(folder: Path) -> bool:
    # Creating ~/.cache as root in another user's home would leave them a folder
    # they cannot write: create folders only inside one the user owns.
    for ancestor in Path(os.path.abspath(folder)).parents:
        try:
            return os.stat(ancestor).st_uid == os.getuid()
        except FileNotFoundError:
            continue
    return False


def _private(status: os.stat_result, is_kind: Callable[[int], bool]) -> bool:
    return (
        is_kind(status.st_mode)
        and status.st_uid == os.getuid()
        and not status.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    )


def _read_entry(folder_fd: int, name: str) -> bytes:
    descriptor = os.open(name, _FILE_FLAGS, dir_fd=folder_fd)
    with open(descriptor, "rb") as file:
        if not _private(os.fstat(descriptor), stat.S_ISREG):
            raise PermissionError(f"{name}: not a private file of this user")
        raw = file.read()
        with contextlib.suppress(OSError):
            # The mtime records the last use, so pruning drops the least recently used.
            os.utime(descriptor)
    return raw


def _write_entry(folder_fd: int, cache_key: str, *content: bytes) -> None:
    # A temporary file renamed into place: a reader sees the old file or the
    # whole new one. Not synced to disk: after a crash a damaged file fails
    # validation and is a miss, which costs less than a sync on every miss.
    temporary = f".{_PREFIX}{cache_key}-{os.urandom(8).hex()}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(temporary, flags, 0o600, dir_fd=folder_fd)
    try:
        with open(descriptor, "wb") as file:
            for part in content:
                file.write(part)
        os.replace(
            temporary,
            f"{_PREFIX}{cache_key}{_SUFFIX}",
            src_dir_fd=folder_fd,
            dst_dir_fd=folder_fd,
        )
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary, dir_fd=folder_fd)
        raise


def _prune(folder_fd: int) -> None:
    entries: list[tuple[float, str]] = []
    now = time.time()
    for name in os.listdir(folder_fd):
        is_entry = _ENTRY_NAME.fullmatch(name) is not None
        if not is_entry and _TEMP_NAME.fullmatch(name) is None:
            continue
        try:
            status = os.stat(name, dir_fd=folder_fd, follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(status.st_mode) or status.st_uid != os.getuid():
            continue
        if is_entry:
            entries.append((status.st_mtime, name))
        elif now - status.st_mtime > _STALE_TEMP_SECONDS:
            # Left by a process that was killed while writing.
            with contextlib.suppress(OSError):
                os.unlink(name, dir_fd=folder_fd)
    entries.sort(reverse=True)
    for _, name in entries[MAX_ENTRIES:]:
        with contextlib.suppress(OSError):
            os.unlink(name, dir_fd=folder_fd)
