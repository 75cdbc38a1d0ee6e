"""Addresses for a mail client's To: line, written as RFC 5322 (with RFC 6532's UTF-8) says.

`email.utils.formataddr` would do the quoting, but it also turns every non-ASCII
name into an RFC 2047 encoded-word (``=?utf-8?q?...?=``), which nobody can read
when pasting. Mail clients accept UTF-8 in a display name (RFC 6532), so names
stay as they are and are only quoted where RFC 5322 requires it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from leerlab_cli.core.contacts import ContactRow
from leerlab_cli.core.text import one_line

# RFC 5322 atext, widened by RFC 6532 to every non-ASCII character.
_ATEXT = r"[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~\u0080-\U0010ffff]"
_ATOM = re.compile(rf"{_ATEXT}+")
_DOT_ATOM = re.compile(rf"{_ATEXT}+(?:\.{_ATEXT}+)*")


def quoted_string(text: str) -> str:
    """`text` as an RFC 5322 quoted-string: in double quotes, with ``"`` and ``\\`` escaped."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def display_name(name: str) -> str:
    """A name as an RFC 5322 phrase: as it is when all its words are atoms, else quoted.

    So ``Huubs Hubbeling`` and ``Zoë Jansen`` stay as they are, while a name with a
    special such as ``,`` ``.`` ``"`` or ``(`` is quoted: ``"Bak, M."``.
    """
    words = one_line(name).split()
    if all(_ATOM.fullmatch(word) for word in words):
        return " ".join(words)
    return quoted_string(" ".join(words))


def addr_spec(address: str) -> str:
    """An address with its local part quoted when it is not a dot-atom (``"a..b"@x.nl``)."""
    local, _, domain = address.rpartition("@")
    if _DOT_ATOM.fullmatch(local):
        return address
    return f"{quoted_string(local)}@{domain}"


def mailbox(name: str, address: str) -> str:
    """One RFC 5322 mailbox: ``Name <address>``, or the bare address when there is no name."""
    phrase = display_name(name)
    return f"{phrase} <{addr_spec(address)}>" if phrase else addr_spec(address)


def address_list(rows: Iterable[ContactRow], separator: str = ", ") -> str:
    """One line of mailboxes separated by `separator`, to paste into a mail client's To: field.

    RFC 5322 separates them with ``,``; many Outlook installations expect ``;``.
    """
    return separator.join(mailbox(row.name, row.email) for row in rows) + "\n"
