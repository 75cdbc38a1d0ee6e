"""Tab in a real zsh, bash and fish: a dataset's values are offered, never run (issue #31).

Each shell is started once (on each xdist worker that runs its tests), interactively, in
a pseudo-terminal with a throwaway HOME, and loads leerlab's completion script for it
(`_LEERLAB_COMPLETE=source_SHELL leerlab`, what `--show-completion` prints); each test
types a command line into it and presses Tab, as a person would.
The dataset is hostile: its values try to run `touch MARKER` in every way a shell could
be made to, and the test fails when the file appears. A key bound in the shell writes
its command line to a file, so a test waits for that file, never for a fixed time, and
reads back exactly what Tab put on the line.

Without a shell installed its tests skip; in CI (the CI variable set) they fail instead.
"""

from __future__ import annotations

import fcntl
import os
import select
import shutil
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import tomli_w

from helpers import MARKER, META, SCRIPT, SHELL_ATTACKS, make_lab, shell_environment

SHELLS = ("zsh", "bash", "fish")
WAIT = 60.0
"""Seconds to wait for the shell: generous, for a loaded machine; a pass takes a few."""


def _needs(shell: str) -> None:
    if shutil.which(shell) is None:
        message = f"{shell} is not installed (apt-get install {shell})"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


# The shell gets the pseudo-terminal as its controlling terminal, as in a terminal
# window: a new session (Popen's start_new_session), then TIOCSCTTY, then the shell.
_WITH_TERMINAL = (
    "import fcntl, os, sys, termios\n"
    "fcntl.ioctl(0, termios.TIOCSCTTY, 0)\n"
    "os.execvp(sys.argv[1], sys.argv[1:])\n"
)


class Terminal:
    """An interactive shell in a pseudo-terminal: type into it, read its command line."""

    def __init__(self, shell: str, home: Path, cwd: Path) -> None:
        self.shell = shell
        self.line_file = home / "line"
        self.output = bytearray()
        argv, environment = _setup(shell, home, self.line_file)
        self._master, slave = os.openpty()
        # Wide enough that no line wraps (rows, columns).
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 250, 0, 0))
        self.process = subprocess.Popen(
            [sys.executable, "-c", _WITH_TERMINAL, *argv],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=cwd,
            env=environment,
            start_new_session=True,
        )
        os.close(slave)

    def _read(self, seconds: float) -> None:
        ready, _, _ = select.select([self._master], [], [], seconds)
        if ready:
            try:
                self.output += os.read(self._master, 65536)
            except OSError:  # the shell has gone: EIO on Linux
                time.sleep(seconds)

    def type(self, keys: str) -> None:
        os.write(self._master, keys.encode("utf-8"))

    def line(self) -> str:
        """The command line as it stands once the shell has handled every key typed so far.

        Ctrl-T is bound to write the line to a file; the shell reads keys in order, so
        the file appears only after the keys before it (and a Tab's completion) are done.
        """
        self.line_file.unlink(missing_ok=True)
        self.type("\x14")
        deadline = time.monotonic() + WAIT
        while not self.line_file.exists():
            if time.monotonic() > deadline or self.process.poll() is not None:
                shown = self.output.decode("utf-8", "replace")[-3000:]
                pytest.fail(f"{self.shell} did not answer in {WAIT}s; it showed:\n{shown}")
            self._read(0.05)
        text = self.line_file.read_text(encoding="utf-8")
        return text.removesuffix("\n") if self.shell == "fish" else text

    def complete(self, typed: str) -> str:
        """The command line after typing `typed` on an empty line and pressing Tab."""
        self.type("\x15")  # Ctrl-U: an empty line
        assert self.line() == ""
        self.type(typed)
        assert self.line() == typed
        self.type("\t")
        return self.line()

    def close(self) -> None:
        if self.process.poll() is None:
            self.type("\x15exit\r")
            try:
                self.process.wait(timeout=WAIT)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        os.close(self._master)


def _setup(shell: str, home: Path, line_file: Path) -> tuple[list[str], dict[str, str]]:
    """The command that starts `shell` with leerlab's completion, and its environment."""
    environment = shell_environment(
        HOME=str(home),
        ZDOTDIR=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        TERM="xterm",
    )
    environment["PATH"] = f"{SCRIPT.parent}{os.pathsep}{environment.get('PATH', '')}"
    environment.pop("HISTFILE", None)
    source = subprocess.run(
        [str(SCRIPT)],
        env={**environment, "_LEERLAB_COMPLETE": f"source_{shell}"},
        capture_output=True,
        text=True,
        check=True,
        timeout=WAIT,
    ).stdout
    script = home / f"leerlab.{shell}"
    script.write_text(source + "\n", encoding="utf-8")
    save = f"{line_file}.new"
    if shell == "zsh":
        (home / ".zshrc").write_text(
            "PS1='ready> '\n"
            "unsetopt BEEP\n"
            "LISTMAX=10000\n"
            "autoload -Uz compinit && compinit -u -D\n"
            f"source '{script}'\n"
            f"_leerlab_line() {{ print -rn -- \"$BUFFER\" > '{save}'"
            f" && mv '{save}' '{line_file}' }}\n"
            "zle -N _leerlab_line\n"
            "bindkey '^T' _leerlab_line\n",
            encoding="utf-8",
        )
        return ["zsh", "-i"], environment
    if shell == "bash":
        rc = home / ".bashrc"
        rc.write_text(
            "PS1='ready> '\n"
            f"source '{script}'\n"
            f'bind -x \'"\\C-t": printf %s "$READLINE_LINE" > {save} && mv {save} {line_file}\'\n',
            encoding="utf-8",
        )
        return ["bash", "--noprofile", "--rcfile", str(rc), "-i"], environment
    config = home / ".config" / "fish"
    (config / "completions").mkdir(parents=True)
    (config / "completions" / "leerlab.fish").write_text(source + "\n", encoding="utf-8")
    (config / "config.fish").write_text(
        "set -g fish_greeting ''\n"
        # Suggestions while typing would run completion too, in the background: slower.
        "set -g fish_autosuggestion_enabled 0\n"
        "function fish_prompt; echo -n 'ready> '; end\n"
        "function fish_user_key_bindings\n"
        f"    bind \\ct 'commandline > {save}; mv {save} {line_file}'\n"
        "end\n",
        encoding="utf-8",
    )
    return ["fish", "-i"], environment


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A dataset that loads, whose sectors and names are the attacks (provinces: a closed list)."""
    labs = [
        make_lab(
            slug="zorg-lab",
            name="Leerlab Zorg",
            sectors=["Zorg en Welzijn"],
            provinces=["Noord-Brabant"],
            route_kinds=["verkorte route"],
        ),
        *(
            make_lab(
                slug=f"lab-{number}",
                name=attack,
                sectors=[attack],
                specialisations=[f"s{attack}"],
                provinces=["Utrecht"],
            )
            for number, attack in enumerate(SHELL_ATTACKS)
        ),
    ]
    path = tmp_path_factory.mktemp("completion") / "hostile.toml"
    path.write_text(tomli_w.dumps({"meta": META, "leerlab": labs}), encoding="utf-8")
    return path


@pytest.fixture(scope="module", params=SHELLS)
def terminal(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, hostile: Path
) -> Iterator[Terminal]:
    """An interactive zsh, bash or fish with leerlab's completion, working in the folder of
    `hostile`: one per shell, which every test types into in turn (Ctrl-U clears its line)."""
    shell: str = request.param
    _needs(shell)
    home = tmp_path_factory.mktemp(f"home-{shell}")
    started = Terminal(shell, home, hostile.parent)
    try:
        yield started
    finally:
        started.close()


@pytest.mark.parametrize("command", ["list --sector", "contacts --province", "show"])
def test_tab_runs_no_value_of_the_dataset(terminal: Terminal, hostile: Path, command: str) -> None:
    line = f"leerlab --data {hostile.name} {command} "
    # Tab on an empty word: the shell reads every value of the option, and its help.
    assert terminal.complete(line).startswith(line)
    assert not (hostile.parent / MARKER).exists(), f"{terminal.shell} ran a value"


@pytest.mark.parametrize(
    ("command", "prefix", "word"),
    [
        ("list --sector", "Zo", "Zorg\\ en\\ Welzijn"),
        ("routes --sector", "x", "x\\\\"),
        ("contacts --province", "Noord", "Noord-Brabant"),
        ("show", "zo", "zorg-lab"),
        ("routes --kind", "ver", "verkorte\\ route"),
        ("list --profiel", "hb", "hbr"),
    ],
)
def test_tab_completes_a_value_as_the_shell_reads_it_back(
    terminal: Terminal, hostile: Path, command: str, prefix: str, word: str
) -> None:
    line = f"leerlab --data {hostile.name} {command} "
    assert terminal.complete(line + prefix) == f"{line}{word} "
    assert not (hostile.parent / MARKER).exists(), f"{terminal.shell} ran a value"
