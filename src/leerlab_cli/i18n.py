"""The interface language: Dutch by default, English on request.

Every text a person reads is written in English in the code and marked:
``_("…")`` where it is used, ``ngettext(singular, plural, n)`` for a count, and
``N_("…")`` where it must stay untranslated until later (help texts in decorators,
which are evaluated at import). The Dutch catalog
``locale/nl/LC_MESSAGES/leerlab.po`` translates them, click's and typer's own
words included; English needs no catalog. How to update and compile the catalog
is in the README (Development).

The standard library's global `gettext` reads the locale on every call and cannot
make Dutch the default for an unset or C locale, so one translation object is
chosen here and click's and typer's modules are pointed at it.
"""

from __future__ import annotations

import gettext as stdlib_gettext
import os
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

DOMAIN = "leerlab"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANG_VAR = "LEERLAB_LANG"
LANGUAGES = ("nl", "en")
# The variables gettext reads, in its order: the first one that is set decides.
_LOCALE_VARS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_STDLIB_GETTEXT = stdlib_gettext.gettext
_STDLIB_NGETTEXT = stdlib_gettext.ngettext
_active: stdlib_gettext.NullTranslations = stdlib_gettext.NullTranslations()
_active_language = "en"


class LanguageError(ValueError):
    """$LEERLAB_LANG asks for a language other than nl or en."""

    def __init__(self, value: str) -> None:
        super().__init__(value)
        self.value = value


def gettext(message: str) -> str:
    """`message` in the interface language."""
    return _active.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for `count`, in the interface language."""
    return _active.ngettext(singular, plural, count)


_ = gettext


def N_(message: str) -> str:
    """Mark `message` for the catalog without translating it yet."""
    return message


def active_language() -> str:
    """The interface language in use, ``nl`` or ``en``: for a document's language tag."""
    return _active_language


def choose_language(environ: Mapping[str, str]) -> str:
    """``nl`` or ``en``: $LEERLAB_LANG if set, else English for an ``en`` locale, else Dutch."""
    forced = environ.get(LANG_VAR)
    if forced:
        if forced not in LANGUAGES:
            raise LanguageError(forced)
        return forced
    return locale_language(environ)


def locale_language(environ: Mapping[str, str]) -> str:
    """``en`` when the locale variables ask for English, as gettext reads them; else ``nl``."""
    for variable in _LOCALE_VARS:
        value = environ.get(variable)
        if value:
            # LANGUAGE may list several languages in order of preference: "de:en".
            for language in value.split(":"):
                if language.startswith("en"):
                    return "en"
                if language.startswith("nl"):
                    return "nl"
            return "nl"
    return "nl"


def setup_language(environ: Mapping[str, str] = os.environ) -> str:
    """Choose the interface language and use it from now on, in click and typer too.

    A bad $LEERLAB_LANG raises `LanguageError`, after choosing the language of the
    locale, so that the error about it can be worded in that language.
    """
    try:
        language = choose_language(environ)
    except LanguageError:
        _use(locale_language(environ))
        raise
    _use(language)
    return language


def _use(language: str) -> None:
    global _active, _active_language
    _active_language = language
    if language == "en":
        _active = stdlib_gettext.NullTranslations()
    else:
        # No fallback: a catalog missing from the package is a bug to see, not English.
        _active = stdlib_gettext.translation(DOMAIN, LOCALE_DIR, languages=[language])
    _point_framework_at_catalog()
    if "typer.rich_utils" in sys.modules:
        _refresh_rich_constants()


def _point_framework_at_catalog() -> None:
    # click and typer import `gettext as _` from the standard library; rebinding
    # that name in their modules to our functions makes them use our catalog.
    for name, module in list(sys.modules.items()):
        if module is None or name.partition(".")[0] not in ("click", "typer"):
            continue
        namespace = vars(module)
        for attribute, standard, ours in (
            ("_", _STDLIB_GETTEXT, gettext),
            ("gettext", _STDLIB_GETTEXT, gettext),
            ("ngettext", _STDLIB_NGETTEXT, ngettext),
        ):
            if namespace.get(attribute) is standard:
                namespace[attribute] = ours


RICH_CONSTANTS = {
    "DEPRECATED_STRING": "(deprecated) ",
    "DEFAULT_STRING": "[default: {}]",
    "ENVVAR_STRING": "[env var: {}]",
    "REQUIRED_LONG_STRING": "[required]",
    "ARGUMENTS_PANEL_TITLE": "Arguments",
    "OPTIONS_PANEL_TITLE": "Options",
    "COMMANDS_PANEL_TITLE": "Commands",
    "ERRORS_PANEL_TITLE": "Error",
    "ABORTED_TEXT": "Aborted.",
    "RICH_HELP": "Try [blue]'{command_path} {help_option}'[/] for help.",
}
"""typer.rich_utils's translated constants and their message ids."""


def localize_rich_help() -> None:
    """Translate typer's rich help and error boxes; call just before they are drawn.

    typer.rich_utils translates its words once, when it is imported, and importing
    it imports rich (tens of milliseconds), so it is imported only when help or an
    error box is shown, and its words are set again in the current language.
    """
    import typer.rich_utils  # noqa: F401

    _point_framework_at_catalog()
    _refresh_rich_constants()


def _refresh_rich_constants() -> None:
    import typer.rich_utils as rich_utils

    for constant, message in RICH_CONSTANTS.items():
        if hasattr(rich_utils, constant):
            setattr(rich_utils, constant, gettext(message))


@contextmanager
def in_english() -> Iterator[None]:
    """Word what runs inside in English: output for programs never depends on the language."""
    global _active
    previous = _active
    _active = stdlib_gettext.NullTranslations()
    try:
        yield
    finally:
        _active = previous
