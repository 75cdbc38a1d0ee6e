"""The atomic writer: the whole new file, or the old one byte for byte and no leftovers."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from leerlab_cli.core.errors import LeerlabError, OutputError
from leerlab_cli.files import output
from leerlab_cli.files.output import write_atomically
from leerlab_cli.formats.messages import error_lines

OLD = b"old content\n"
NEW = "nieuwe inhoud, geïntegreerd\n".encode()


@pytest.fixture
def umask() -> Iterator[Callable[[int], None]]:
    original = os.umask(0o022)
    os.umask(original)

    def use(mask: int) -> None:
        os.umask(mask)

    yield use
    os.umask(original)


@pytest.fixture
def old_file(tmp_path: Path) -> Path:
    target = tmp_path / "export.csv"
    target.write_bytes(OLD)
    target.chmod(0o640)
    return target


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_writes_a_new_file(tmp_path: Path) -> None:
    target = tmp_path / "export.csv"
    write_atomically(target, NEW)
    assert target.read_bytes() == NEW
    assert sorted(tmp_path.iterdir()) == [target]


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o002, 0o664), (0o027, 0o640)])
def test_a_new_file_gets_the_default_mode(
    tmp_path: Path, umask: Callable[[int], None], mask: int, expected: int
) -> None:
    umask(mask)
    target = tmp_path / "export.csv"
    write_atomically(target, NEW)
    assert mode(target) == expected


@pytest.mark.parametrize("bits", [0o640, 0o600, 0o664, 0o755])
def test_replacing_keeps_the_permission_bits(old_file: Path, bits: int) -> None:
    old_file.chmod(bits)
    write_atomically(old_file, NEW)
    assert old_file.read_bytes() == NEW
    assert mode(old_file) == bits
    assert sorted(old_file.parent.iterdir()) == [old_file]


def test_the_temporary_file_is_synced_in_the_same_folder_before_the_rename(
    old_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(descriptor: int) -> None:
        events.append("fsync")
        real_fsync(descriptor)

    def replace(source: str, destination: Path) -> None:
        assert Path(source).parent == old_file.parent
        assert Path(source).read_bytes() == NEW
        assert old_file.read_bytes() == OLD
        events.append("replace")
        real_replace(source, destination)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    write_atomically(old_file, NEW)
    assert events[:2] == ["fsync", "replace"]
    assert old_file.read_bytes() == NEW


def _raise(error: BaseException) -> Callable[..., None]:
    def fail(*args: object, **kwargs: object) -> None:
        raise error

    return fail


@pytest.mark.parametrize(
    "step", ["replace", "fsync", "chmod"], ids=["rename fails", "sync fails", "chmod fails"]
)
def test_a_failing_step_leaves_the_old_file(
    old_file: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    monkeypatch.setattr(os, step, _raise(OSError(28, "No space left on device")))
    with pytest.raises(OutputError) as raised:
        write_atomically(old_file, NEW)
    assert tuple(error_lines(raised.value)) == (
        f"{old_file}: cannot write: no space left on the device",
    )
    assert old_file.read_bytes() == OLD
    assert mode(old_file) == 0o640
    assert sorted(old_file.parent.iterdir()) == [old_file]


def test_an_interrupt_leaves_the_old_file(old_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "fsync", _raise(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        write_atomically(old_file, NEW)
    assert old_file.read_bytes() == OLD
    assert sorted(old_file.parent.iterdir()) == [old_file]


class _FailingStream:
    """A file whose writes fail, as on a full or failing disk."""

    def __init__(self, descriptor: int, mode: str) -> None:
        self.descriptor = descriptor

    def __enter__(self) -> _FailingStream:
        return self

    def __exit__(self, *exception: object) -> None:
        os.close(self.descriptor)

    def write(self, data: bytes) -> int:
        raise OSError(5, "Input/output error")


def test_a_failing_write_leaves_the_old_file(
    old_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(output, "open", _FailingStream, raising=False)
    with pytest.raises(OutputError) as raised:
        write_atomically(old_file, NEW)
    assert tuple(error_lines(raised.value)) == (
        f"{old_file}: cannot write: input/output error (the disk or device failed)",
    )
    assert old_file.read_bytes() == OLD
    assert sorted(old_file.parent.iterdir()) == [old_file]


def test_a_missing_folder(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "export.csv"
    with pytest.raises(OutputError) as raised:
        write_atomically(target, NEW)
    assert tuple(error_lines(raised.value)) == (
        f"{target}: cannot write: the folder does not exist",
    )
    assert not (tmp_path / "missing").exists()


def test_a_folder_as_output(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    with pytest.raises(OutputError) as raised:
        write_atomically(folder, NEW)
    assert "it is a folder, not a file" in error_lines(raised.value)[0]
    assert list(folder.iterdir()) == []
    assert sorted(tmp_path.iterdir()) == [folder]


def test_a_file_as_folder(tmp_path: Path) -> None:
    (tmp_path / "file").write_bytes(OLD)
    with pytest.raises(OutputError) as raised:
        write_atomically(tmp_path / "file" / "export.csv", NEW)
    assert "part of the path is not a folder" in error_lines(raised.value)[0]
    assert (tmp_path / "file").read_bytes() == OLD


def test_a_folder_without_write_permission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root may write anywhere, so the refusal of the file system is simulated.
    monkeypatch.setattr(tempfile, "mkstemp", _raise(PermissionError(13, "Permission denied")))
    target = tmp_path / "export.csv"
    with pytest.raises(OutputError) as raised:
        write_atomically(target, NEW)
    assert tuple(error_lines(raised.value)) == (f"{target}: cannot write: permission denied",)
    assert isinstance(raised.value, LeerlabError)
    assert not target.exists()


def test_a_read_only_file_is_not_replaced(old_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old_file.chmod(0o444)
    # Root may write anything; what a normal user sees is simulated.
    monkeypatch.setattr(os, "access", lambda path, how: False)
    with pytest.raises(OutputError) as raised:
        write_atomically(old_file, NEW)
    assert "permission denied" in error_lines(raised.value)[0]
    assert old_file.read_bytes() == OLD
    assert mode(old_file) == 0o444


def test_writes_through_a_symbolic_link(old_file: Path) -> None:
    link = old_file.parent / "link.csv"
    link.symlink_to(old_file.name)
    write_atomically(link, NEW)
    assert link.is_symlink()
    assert old_file.read_bytes() == NEW
    assert mode(old_file) == 0o640
    assert sorted(old_file.parent.iterdir()) == [old_file, link]


def test_a_pipe_is_written_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    # Opening for reading and writing keeps a reader on the pipe without blocking.
    reader = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)
    try:
        write_atomically(fifo, NEW)
        assert os.read(reader, 1000) == NEW
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert sorted(tmp_path.iterdir()) == [fifo]
