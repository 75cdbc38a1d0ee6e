"""The interface language: LEERLAB_LANG, else the locale as gettext reads it; Dutch by default."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from leerlab_cli.cli import app
from leerlab_cli.i18n import LanguageError, choose_language, setup_language

NO_LOCALE = {"LANGUAGE": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": None}
"""For the runner's env: the developer's own locale variables unset."""


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({"LEERLAB_LANG": "nl"}, "nl"),
        ({"LEERLAB_LANG": "en"}, "en"),
        ({"LEERLAB_LANG": "nl", "LANG": "en_GB.UTF-8"}, "nl"),
        ({"LEERLAB_LANG": "en", "LANG": "nl_NL.UTF-8"}, "en"),
        ({}, "nl"),
        ({"LANG": "C"}, "nl"),
        ({"LANG": "POSIX"}, "nl"),
        ({"LANG": "C.UTF-8"}, "nl"),
        ({"LANG": "de_DE.UTF-8"}, "nl"),
        ({"LANG": "nl_NL.UTF-8"}, "nl"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "en"}, "en"),
        ({"LEERLAB_LANG": "", "LANG": "en_US.UTF-8"}, "en"),
        # gettext's order: LANGUAGE, LC_ALL, LC_MESSAGES, LANG; the first one set decides.
        ({"LANGUAGE": "en", "LC_ALL": "nl_NL.UTF-8"}, "en"),
        ({"LANGUAGE": "nl", "LC_ALL": "en_US.UTF-8"}, "nl"),
        ({"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "nl_NL.UTF-8", "LANG": "nl_NL"}, "en"),
        ({"LC_ALL": "C", "LANG": "en_US.UTF-8"}, "nl"),
        ({"LC_MESSAGES": "en_GB.UTF-8", "LANG": "nl_NL.UTF-8"}, "en"),
        ({"LC_MESSAGES": "nl_BE.UTF-8", "LANG": "en_US.UTF-8"}, "nl"),
        ({"LANGUAGE": "", "LC_ALL": "", "LANG": "en_US.UTF-8"}, "en"),
        # LANGUAGE lists languages in order of preference.
        ({"LANGUAGE": "de:en"}, "en"),
        ({"LANGUAGE": "fr:nl:en"}, "nl"),
    ],
)
def test_the_language_is_chosen_as_gettext_reads_the_locale(
    environ: dict[str, str], language: str
) -> None:
    assert choose_language(environ) == language


@pytest.mark.parametrize("value", ["fr", "NL", "english", "nl_NL", " en"])
def test_another_leerlab_lang_is_refused(value: str) -> None:
    with pytest.raises(LanguageError):
        choose_language({"LEERLAB_LANG": value})


def test_a_refused_leerlab_lang_still_sets_the_locales_language() -> None:
    with pytest.raises(LanguageError):
        setup_language({"LEERLAB_LANG": "fr", "LANG": "en_US.UTF-8"})
    assert setup_language({"LEERLAB_LANG": "en"}) == "en"


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ({}, "fout: LEERLAB_LANG='fr' is geen taal van leerlab: gebruik nl of en\n"),
        ({"LANG": "C"}, "fout: LEERLAB_LANG='fr' is geen taal van leerlab: gebruik nl of en\n"),
        (
            {"LANG": "en_US.UTF-8"},
            "error: LEERLAB_LANG='fr' is not a language of leerlab: use nl or en\n",
        ),
        (
            {"LC_ALL": "en_GB.UTF-8", "LANG": "nl_NL.UTF-8"},
            "error: LEERLAB_LANG='fr' is not a language of leerlab: use nl or en\n",
        ),
    ],
)
@pytest.mark.parametrize("args", [["list"], ["--help"], ["show", "--help"], ["info"]])
def test_a_bad_leerlab_lang_is_one_line_in_the_locales_language(
    runner: CliRunner, locale: dict[str, str], expected: str, args: list[str]
) -> None:
    env = {**NO_LOCALE, **locale, "LEERLAB_LANG": "fr"}
    result = runner.invoke(app, args, env=env)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr == expected


@pytest.mark.parametrize(
    ("locale", "summary"),
    [
        ({}, "6 leerlabs, 0 fouten, 1 waarschuwing\n"),
        ({"LANG": "C"}, "6 leerlabs, 0 fouten, 1 waarschuwing\n"),
        ({"LANG": "POSIX"}, "6 leerlabs, 0 fouten, 1 waarschuwing\n"),
        ({"LANG": "fr_FR.UTF-8"}, "6 leerlabs, 0 fouten, 1 waarschuwing\n"),
        ({"LANG": "en_US.UTF-8"}, "6 leerlabs, 0 errors, 1 warning\n"),
        ({"LANGUAGE": "en", "LANG": "nl_NL.UTF-8"}, "6 leerlabs, 0 errors, 1 warning\n"),
        ({"LEERLAB_LANG": "nl", "LANG": "en_US.UTF-8"}, "6 leerlabs, 0 fouten, 1 waarschuwing\n"),
    ],
)
def test_the_app_speaks_the_chosen_language(
    runner: CliRunner, locale: dict[str, str], summary: str
) -> None:
    env = {**NO_LOCALE, "LEERLAB_LANG": None, **locale}
    result = runner.invoke(app, ["validate"], env=env)
    assert result.exit_code == 0, result.output
    assert result.stdout == summary
