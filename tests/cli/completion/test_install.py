"""`--install-completion`: the script where each shell looks for it, reported in one language.

The command runs in the real shell it installs for (`SHELL -c 'leerlab …; exit $?'`: a
command after leerlab keeps the shell alive as its parent, where the shell is looked
for), with a throwaway HOME. Without zsh or fish their tests skip; in CI they fail instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import SCRIPT, shell_environment
from leerlab_cli.core.errors import UnsupportedShell
from leerlab_cli.files.shell_setup import ZSH_COMPLETION_LINE, ZSH_MENU_LINE, install_completion


def _needs(shell: str) -> None:
    if shutil.which(shell) is None:
        message = f"{shell} is not installed (apt-get install {shell})"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def _in_shell(
    shell: str, home: Path, command: str, language: str = "en"
) -> subprocess.CompletedProcess[str]:
    environment = shell_environment(HOME=str(home), LEERLAB_LANG=language)
    environment["PATH"] = f"{SCRIPT.parent}{os.pathsep}{environment.get('PATH', '')}"
    flags = {"bash": ["--norc", "--noprofile"], "zsh": ["-f"], "fish": ["--no-config"]}
    status = "$status" if shell == "fish" else "$?"
    return subprocess.run(
        [shell, *flags.get(shell, []), "-c", f"{command}; exit {status}"],
        env=environment,
        cwd=home if home.is_dir() else home.parent,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


def _shown_script(shell: str, home: Path) -> str:
    shown = _in_shell(shell, home, "leerlab --show-completion")
    assert shown.returncode == 0, shown.stderr
    return shown.stdout


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "Completion for bash installed in {path}; it works in shells started from now on."),
        (
            "nl",
            "Aanvullen voor bash geïnstalleerd in {path}; "
            "het werkt in shells die je vanaf nu start.",
        ),
    ],
)
def test_bash_gets_the_script_and_one_line_in_bashrc(
    tmp_path: Path, language: str, said: str
) -> None:
    (tmp_path / ".bashrc").write_text("alias ll='ls -l'", encoding="utf-8")
    result = _in_shell("bash", tmp_path, "leerlab --install-completion", language)
    script = tmp_path / ".bash_completions" / "leerlab.sh"
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        "",
        said.format(path=script) + "\n",
    )
    assert script.read_text(encoding="utf-8") == _shown_script("bash", tmp_path)
    # The user's own lines stay; the new one comes on a line of its own, once.
    again = _in_shell("bash", tmp_path, "leerlab --install-completion")
    assert again.returncode == 0, again.stderr
    assert (tmp_path / ".bashrc").read_text(encoding="utf-8") == (
        f"alias ll='ls -l'\nsource '{script}'\n"
    )


def test_the_installed_bash_script_completes(tmp_path: Path) -> None:
    installed = _in_shell("bash", tmp_path, "leerlab --install-completion")
    assert installed.returncode == 0, installed.stderr
    # What a new interactive bash does: read ~/.bashrc, then complete on Tab.
    tab = _in_shell(
        "bash",
        tmp_path,
        "source ~/.bashrc; COMP_WORDS=(leerlab show ap); COMP_CWORD=2; "
        "_leerlab_completion leerlab; printf '%s\\n' \"${COMPREPLY[@]}\"",
    )
    assert (tab.returncode, tab.stdout) == (0, "apeldoorn\n"), tab.stderr


def test_zsh_gets_the_script_on_its_fpath(tmp_path: Path) -> None:
    _needs("zsh")
    result = _in_shell("zsh", tmp_path, "leerlab --install-completion")
    script = tmp_path / ".zfunc" / "_leerlab"
    assert (result.returncode, result.stderr) == (
        0,
        f"Completion for zsh installed in {script}; it works in shells started from now on.\n",
    )
    assert script.read_text(encoding="utf-8") == _shown_script("zsh", tmp_path)
    assert (tmp_path / ".zshrc").read_text(encoding="utf-8") == (
        f"{ZSH_COMPLETION_LINE}\n{ZSH_MENU_LINE}\n"
    )


def test_fish_gets_the_script_in_its_completions_folder(tmp_path: Path) -> None:
    _needs("fish")
    result = _in_shell("fish", tmp_path, "leerlab --install-completion")
    script = tmp_path / ".config" / "fish" / "completions" / "leerlab.fish"
    assert (result.returncode, result.stderr) == (
        0,
        f"Completion for fish installed in {script}; it works in shells started from now on.\n",
    )
    assert script.read_text(encoding="utf-8") == _shown_script("fish", tmp_path)


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "error: no completion for sh: leerlab completes in bash, zsh, fish and PowerShell"),
        ("nl", "fout: geen aanvullen voor sh: leerlab vult aan in bash, zsh, fish en PowerShell"),
    ],
)
def test_a_shell_without_completion_is_refused_in_one_line(
    tmp_path: Path, language: str, said: str
) -> None:
    if Path(shutil.which("sh") or "").resolve().name not in ("dash", "sh"):
        pytest.skip("sh is another shell here")
    result = _in_shell("sh", tmp_path, "leerlab --install-completion", language)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", said + "\n")
    assert list(tmp_path.iterdir()) == []


def test_a_home_that_is_no_folder_is_the_users_error(tmp_path: Path) -> None:
    # HOME names a place where no start-up file can be written.
    home = tmp_path / "not-a-folder"
    home.write_text("", encoding="utf-8")
    result = _in_shell("bash", home, "leerlab --install-completion")
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "",
        f"error: {home / '.bash_completions'}: part of the path is not a folder\n",
    )


# --- the installer itself ------------------------------------------------------------------------


def test_a_linked_bashrc_stays_a_link(tmp_path: Path) -> None:
    # Dotfile managers link ~/.bashrc into a repository: adding a line keeps the link.
    kept = tmp_path / "dotfiles" / "bashrc"
    kept.parent.mkdir()
    kept.write_text("export EDITOR=vi\n", encoding="utf-8")
    (tmp_path / ".bashrc").symlink_to(kept)
    path = install_completion("bash", "leerlab", "complete -F f leerlab", tmp_path)
    assert (tmp_path / ".bashrc").is_symlink()
    assert kept.read_text(encoding="utf-8") == f"export EDITOR=vi\nsource '{path}'\n"
    assert path.read_text(encoding="utf-8") == "complete -F f leerlab\n"


def test_zsh_keeps_the_users_own_completion_style(tmp_path: Path) -> None:
    (tmp_path / ".zshrc").write_text("zstyle ':completion:*' list-colors ''\n", encoding="utf-8")
    install_completion("zsh", "leerlab", "#compdef leerlab", tmp_path)
    assert (tmp_path / ".zshrc").read_text(encoding="utf-8") == (
        f"zstyle ':completion:*' list-colors ''\n{ZSH_COMPLETION_LINE}\n"
    )


@pytest.mark.parametrize("shell", [None, "tcsh", "nu"])
def test_an_unknown_shell_writes_nothing(tmp_path: Path, shell: str | None) -> None:
    with pytest.raises(UnsupportedShell) as refused:
        install_completion(shell, "leerlab", "", tmp_path)
    assert refused.value.shell == shell
    assert list(tmp_path.iterdir()) == []
