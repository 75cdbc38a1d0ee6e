"""The Dutch interface speaks to the user in one register: informal `je`, never `u`."""

from __future__ import annotations

import re

from babel.messages.pofile import read_po

from leerlab_cli.i18n import LOCALE_DIR

FORMAL = re.compile(r"\b(u|uw|U|Uw|bedoelt)\b")


def test_every_dutch_message_says_je_not_u() -> None:
    with (LOCALE_DIR / "nl" / "LC_MESSAGES" / "leerlab.po").open("rb") as po:
        catalog = read_po(po)
    formal = []
    for message in catalog:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        # `\u` and `\U` are TOML's escapes, not a pronoun.
        formal += [
            s for s in strings if s and FORMAL.search(s.replace("\\u", "").replace("\\U", ""))
        ]
    assert formal == []
