"""The interface language: Dutch by default, English on request.

Every text a person reads is written in English in the code and marked:
``_("…")`` where it is used, ``ngettext(singular, plural, n)`` for a count, and
``N_("…")`` where it must stay untranslated until later (help texts in decorators,
which are evaluated at import). The Dutch catalog
``locale/nl/LC_MESSAGES/leerlab.po`` translates them, click's and typer's own
words included; English needs no catalog. How to update and compile the catalog
is in the README (Development).

leerlab's own words go through one translation object chosen here for each run
(the standard library's global `gettext` cannot make Dutch the default for an
unset or C locale). typer's own words go through that global `gettext`: this
module binds the catalog to the application's domain when it is imported, which
is before typer draws any help, and `framework_language` names the language.
"""

from __future__ import annotations

import gettext as stdlib_gettext
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

DOMAIN = "leerlab"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANG_VAR = "LEERLAB_LANG"
LANGUAGES = ("nl", "en")
# The variables gettext reads, in its order: the first one that is set decides.
_LOCALE_VARS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_active: stdlib_gettext.NullTranslations = stdlib_gettext.NullTranslations()
_active_language = "en"


class LanguageError(ValueError):
    """$LEERLAB_LANG asks for a language other than nl or en."""

    def __init__(self, value: str) -> None:
        super().__init__(value)
        self.value = value


# The standard library's documented set-up for an application with one domain.
stdlib_gettext.bindtextdomain(DOMAIN, LOCALE_DIR)
stdlib_gettext.textdomain(DOMAIN)


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
    """Choose the interface language and use it from now on for leerlab's own words.

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


@contextmanager
def framework_language(language: str) -> Iterator[None]:
    """Let typer's own words (which it reads through gettext) come in `language` meanwhile.

    typer asks the standard library's gettext, which reads the catalog of the
    application's domain (bound when this module is imported) in the language
    that $LANGUAGE names first. typer reads the titles of its help panels once,
    when its help is first drawn: the console script's one run has one language.
    """
    previous = os.environ.get("LANGUAGE")
    os.environ["LANGUAGE"] = language
    try:
        yield
    finally:
        if previous is None:
            del os.environ["LANGUAGE"]
        else:
            os.environ["LANGUAGE"] = previous
