"""Writing output to a file whole: the new content, or the old file exactly as it was."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import signal
import stat
import tempfile
from pathlib import Path

from leerlab_cli.core.errors import OutputError, WriteFailure
from leerlab_cli.core.text import shown_path
from leerlab_cli.files.descriptor import write_all

TERMINATING_SIGNALS = frozenset(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)
"""Ctrl-C, SIGTERM and SIGHUP: each ends the command by an exception."""

_TEMP_PREFIX = ".leerlab-"
_TEMP_SUFFIX = ".tmp"

# The names a process has for its own open files: /dev/stdout leads to /proc/self/fd/1.
_DESCRIPTOR_PATH = re.compile(r"/(?:dev|proc/(?:self|thread-self|(?P<pid>\d+)))/fd/(?P<fd>\d+)")


def write_atomically(path: Path, data: bytes) -> None:
    """Replace the file at `path` with `data` in one step, keeping its permission bits.

    The data goes to a temporary file in the same folder, which is flushed to
    disk and then renamed over `path`. On any failure, an interrupt included, the
    temporary file is removed and an existing file is left untouched; problems
    the user can act on are raised as `OutputError`.

    Once the new file has been renamed into place the output is complete, so from
    that moment SIGINT, SIGTERM and SIGHUP are blocked and stay blocked when this
    returns: the command finishes and reports success. The caller restores the
    signal mask when the command ends (discarding a signal that arrived meanwhile).

    A path that is not a regular file (a device, a FIFO) is written in place; one
    that names an open descriptor of this process (/dev/stdout, /dev/fd/N) is
    written to that descriptor, so `-o /dev/stdout >> log` appends to the log.
    """
    name = shown_path(path)
    descriptor = _descriptor_named(os.fspath(path))
    if descriptor is not None:
        _write_to_descriptor(descriptor, data, name)
        return
    # Through a symbolic link, write the file it points to rather than replace the link.
    target = Path(os.path.realpath(path))
    try:
        status = os.stat(target)
    except OSError:
        status = None
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise _cannot_write(name, IsADirectoryError(errno.EISDIR, "is a folder"), target)
    if status is not None and not stat.S_ISREG(status.st_mode):
        # A device or pipe, such as /dev/null: it cannot be replaced, only written to.
        _write_in_place(target, data, name)
        return
    if status is not None and not os.access(target, os.W_OK):
        # A file we may not write is not replaced either, though its folder would allow it.
        refused = errno.EROFS if _read_only_mount(target) else errno.EACCES
        raise _cannot_write(name, OSError(refused, os.strerror(refused)), target)
    mode = stat.S_IMODE(status.st_mode) if status is not None else _default_mode()
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=_TEMP_PREFIX, suffix=_TEMP_SUFFIX, dir=target.parent
        )
    except OSError as error:
        raise _cannot_write(name, error, target) from None
    try:
        with open(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        previous_mask = signal.pthread_sigmask(signal.SIG_BLOCK, TERMINATING_SIGNALS)
        try:
            os.replace(temporary, target)
        except BaseException:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous_mask)
            raise
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise _cannot_write(name, error, target) from None
        raise
    _sync_folder(target.parent)


def names_a_terminal(path: Path) -> bool:
    """Whether `path` is a terminal: /dev/tty, /dev/pts/N, or /dev/stdout when stdout is one."""
    descriptor = _descriptor_named(os.fspath(path))
    if descriptor is not None:
        return os.isatty(descriptor)
    try:
        if not stat.S_ISCHR(os.stat(path).st_mode):
            return False
        # Opened only to ask; never to become this process's controlling terminal, never
        # to wait.
        opened = os.open(path, os.O_WRONLY | os.O_NOCTTY | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        return os.isatty(opened)
    finally:
        os.close(opened)


def _read_only_mount(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _default_mode() -> int:
    # What a newly created file gets: rw for all, less the umask (mkstemp would give 0o600).
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def _descriptor_named(path: str) -> int | None:
    # Follow the chain of symbolic links by hand: os.path.realpath would go on
    # through /proc/self/fd/1 to the file the shell opened (and replace it).
    current = os.path.abspath(path)
    for _ in range(40):
        match = _DESCRIPTOR_PATH.fullmatch(current)
        if match and match["pid"] in (None, str(os.getpid())):
            return int(match["fd"])
        try:
            link = os.readlink(current)
        except OSError:
            return None
        current = os.path.normpath(os.path.join(os.path.dirname(current), link))
    return None


def _write_in_place(target: Path, data: bytes, name: str) -> None:
    try:
        descriptor = os.open(target, os.O_WRONLY)
    except OSError as error:
        raise _cannot_write(name, error) from None
    try:
        _write_to_descriptor(descriptor, data, name)
    finally:
        os.close(descriptor)


def _write_to_descriptor(descriptor: int, data: bytes, name: str) -> None:
    # All of `data`, at the descriptor's own position (or end, when opened to append);
    # a reader that has gone stays a BrokenPipeError, which ends the command quietly.
    try:
        write_all(descriptor, data)
    except BrokenPipeError:
        raise
    except OSError as error:
        raise _cannot_write(name, error) from None


def _sync_folder(folder: Path) -> None:
    # Make the rename itself durable; where a folder cannot be synced, the data still is.
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _cannot_write(name: str, error: OSError, target: Path | None = None) -> OutputError:
    folder_exists = target is None or target.parent.is_dir()
    return OutputError(name, WriteFailure(error, folder_exists))
