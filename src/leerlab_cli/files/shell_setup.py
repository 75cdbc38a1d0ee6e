"""Installing a completion script where each shell looks for it (`--install-completion`).

The places are the ones typer's own installer uses, so a completion installed by an
earlier leerlab is found and replaced, not installed twice:

- bash: the script in ``~/.bash_completions/PROG.sh``, sourced from ``~/.bashrc``;
- zsh: the script in ``~/.zfunc/_PROG``, with ``~/.zfunc`` put on zsh's ``fpath`` in ``~/.zshrc``;
- fish: the script in ``~/.config/fish/completions/PROG.fish``, which fish loads by itself;
- PowerShell: the script added to the profile that the shell names (``$profile``).

A start-up file (``~/.bashrc``, ``~/.zshrc``, the PowerShell profile) only ever gets
lines added at its end, so a start-up file that is a link (as dotfile managers make
them) stays a link and keeps everything it had.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from leerlab_cli.core.errors import NoShellProfile, UnsupportedShell

SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
"""The shells leerlab installs completion for (``pwsh`` is PowerShell 6 and later)."""

ZSH_COMPLETION_LINE = "fpath+=~/.zfunc; autoload -Uz compinit; compinit"
ZSH_MENU_LINE = "zstyle ':completion:*' menu select"


def install_completion(shell: str | None, prog_name: str, script: str, home: Path) -> Path:
    """Install `script` for `shell` under `home`; the file that now holds the script.

    Raises `UnsupportedShell` for a shell not in `SHELLS` (``None``: not known at all),
    `NoShellProfile` when PowerShell does not say where its profile is, and `OSError`
    when the system refuses a file.
    """
    if shell == "bash":
        completion = home / ".bash_completions" / f"{prog_name}.sh"
        _write(completion, script)
        _add_lines(home / ".bashrc", [f"source '{completion}'"])
        return completion
    if shell == "zsh":
        completion = home / ".zfunc" / f"_{prog_name}"
        _write(completion, script)
        zshrc = home / ".zshrc"
        lines = [ZSH_COMPLETION_LINE]
        if "zstyle" not in _text_of(zshrc):
            # Menu selection, unless the user styles completion already.
            lines.append(ZSH_MENU_LINE)
        _add_lines(zshrc, lines)
        return completion
    if shell == "fish":
        completion = home / ".config" / "fish" / "completions" / f"{prog_name}.fish"
        _write(completion, script)
        return completion
    if shell in ("powershell", "pwsh"):
        profile = _powershell_profile(shell)
        profile.parent.mkdir(parents=True, exist_ok=True)
        with profile.open("a", encoding="utf-8") as file:
            file.write(f"{script}\n")
        return profile
    raise UnsupportedShell(shell)


def _write(path: Path, script: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{script}\n", encoding="utf-8")


def _text_of(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""


def _add_lines(path: Path, lines: list[str]) -> None:
    """Append each of `lines` that `path` does not hold yet, on a line of its own."""
    text = _text_of(path)
    missing = [line for line in lines if line not in text]
    if not missing:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as file:
        if text and not text.endswith("\n"):
            file.write("\n")
        file.write("".join(f"{line}\n" for line in missing))


def _powershell_profile(shell: str) -> Path:
    # PowerShell knows where its profile is; the name differs per version and system.
    try:
        result = subprocess.run(
            [shell, "-NoProfile", "-Command", "echo", "$profile"],
            capture_output=True,
            check=True,
            text=True,
            errors="replace",
            timeout=60,
        )
    except FileNotFoundError:
        raise UnsupportedShell(shell) from None
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
        raise NoShellProfile(shell) from None
    profile = result.stdout.strip()
    if not profile:
        raise NoShellProfile(shell)
    return Path(profile)
