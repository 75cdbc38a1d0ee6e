"""Contact persons: rows and deduplication, RFC 5322 mailboxes, and `leerlab contacts`."""

from __future__ import annotations

import email
import email.policy
import json
from collections.abc import Callable
from email.headerregistry import AddressHeader
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import make_lab, stdout_of
from leerlab_cli.cli import app
from leerlab_cli.core.contacts import ContactRow, contact_rows, unique_addresses
from leerlab_cli.core.models import validate_leerlab
from leerlab_cli.formats.mail import address_list, mailbox

SHIPPED_EMAILS = (
    "Zerin Eralp <z.eralp@aventus.nl>, "
    "Huubs Hubbeling <hub@dr.nassaucollege.nl>, "
    "Karin Stoffers <k.stoffers@drenthecollege.nl>, "
    "Gerdien Martens <gmartens@landstede.nl>, "
    "Hijlke Wijnja <h.wijnja@wellant.nl>, "
    "Ester Cuijpers <e.cuijpers@wellant.nl>, "
    "Margriet Bak <mdbak@roctilburg.nl>, "
    "Tom Martinussen <t.martinussen@rocgilde.nl>\n"
)
SHIPPED_TSV = """\
apeldoorn\tZerin Eralp\tz.eralp@aventus.nl\tAventus
assen\tHuubs Hubbeling\thub@dr.nassaucollege.nl\tDr. Nassau College
assen\tKarin Stoffers\tk.stoffers@drenthecollege.nl\tDrenthe College
oost\tGerdien Martens\tgmartens@landstede.nl\tLandstede Groep
ottoland\tHijlke Wijnja\th.wijnja@wellant.nl\tWellantcollege
ottoland\tEster Cuijpers\te.cuijpers@wellant.nl\tWellantcollege
noord-brabant\tMargriet Bak\tmdbak@roctilburg.nl\tROC Tilburg
midden-limburg\tTom Martinussen\tt.martinussen@rocgilde.nl\tGilde Opleidingen
"""


def parsed_to_line(line: str) -> list[tuple[str, str]]:
    """Parse a To: line as a strict RFC 5322 (with UTF-8) mail parser does; no defects allowed."""
    message = email.message_from_string(f"To: {line}\n", policy=email.policy.default)
    header = message["To"]
    assert isinstance(header, AddressHeader)
    assert not header.defects, header.defects
    return [(address.display_name, address.addr_spec) for address in header.addresses]


# --- the core -------------------------------------------------------------------------------------


def test_contact_rows_are_one_per_person_in_order() -> None:
    labs = [
        validate_leerlab(
            make_lab(
                slug="a",
                contacts=[
                    {"name": "Een", "email": "een@a.nl", "organisation": "School A"},
                    {"name": "Twee", "email": "twee@a.nl"},
                ],
            )
        ),
        validate_leerlab(make_lab(slug="b", contacts=[])),
        validate_leerlab(make_lab(slug="c")),
    ]
    assert contact_rows(labs) == [
        ContactRow("a", "Een", "een@a.nl", "School A", "Leerlab Test"),
        ContactRow("a", "Twee", "twee@a.nl", None, "Leerlab Test"),
        ContactRow("c", "Piet Test", "piet@test.nl", None, "Leerlab Test"),
    ]


def test_unique_addresses_keeps_the_first_and_ignores_case() -> None:
    rows = [
        ContactRow("a", "Een", "Een@School.nl"),
        ContactRow("b", "Twee", "twee@school.nl"),
        ContactRow("c", "Een Ander", "een@school.NL"),
    ]
    assert unique_addresses(rows) == rows[:2]


@pytest.mark.parametrize(
    ("name", "address", "expected"),
    [
        ("Huubs Hubbeling", "hub@dr.nassaucollege.nl", "Huubs Hubbeling <hub@dr.nassaucollege.nl>"),
        # RFC 6532: UTF-8 in a display name is an atom, readable rather than =?utf-8?...?=.
        ("Zoë Çelik", "z@x.nl", "Zoë Çelik <z@x.nl>"),
        ("Jan O'Brien-Smit", "j@x.nl", "Jan O'Brien-Smit <j@x.nl>"),
        # Specials (RFC 5322 3.2.3) need a quoted-string.
        ("Bak, Margriet", "m@x.nl", '"Bak, Margriet" <m@x.nl>'),
        ("J. de Vries", "j@x.nl", '"J. de Vries" <j@x.nl>'),
        ("Piet (PR) Jansen", "p@x.nl", '"Piet (PR) Jansen" <p@x.nl>'),
        ("Ank <Ankie>", "a@x.nl", '"Ank <Ankie>" <a@x.nl>'),
        ('Jan "JJ" Jansen', "j@x.nl", '"Jan \\"JJ\\" Jansen" <j@x.nl>'),
        ("Back\\slash", "b@x.nl", '"Back\\\\slash" <b@x.nl>'),
        ("Info: team@school", "t@x.nl", '"Info: team@school" <t@x.nl>'),
        # Line breaks and tabs never reach the one line; runs of white space are one space.
        ("Twee\nRegels\tnaam", "t@x.nl", "Twee Regels naam <t@x.nl>"),
        ("   ", "t@x.nl", "t@x.nl"),
        # A local part that is not a dot-atom is quoted.
        ("Punt", "a..b@x.nl", 'Punt <"a..b"@x.nl>'),
        ("Punt", ".a@x.nl", 'Punt <".a"@x.nl>'),
    ],
)
def test_mailbox(name: str, address: str, expected: str) -> None:
    assert mailbox(name, address) == expected


@pytest.mark.parametrize(
    "name",
    ["Bak, Margriet", "J. de Vries", 'Jan "JJ" Jansen', "Zoë Çelik", "Piet (PR) Jansen", "Ank <A>"],
)
def test_mailboxes_parse_back_to_the_same_name_and_address(name: str) -> None:
    rows = [ContactRow("a", name, "een@x.nl"), ContactRow("b", "Twee", "twee@x.nl")]
    assert parsed_to_line(address_list(rows).rstrip("\n")) == [
        (name, "een@x.nl"),
        ("Twee", "twee@x.nl"),
    ]


# --- the command ----------------------------------------------------------------------------------


def invoke(runner: CliRunner, *args: str, env: dict[str, str] | None = None) -> str:
    return stdout_of(runner, ["contacts", *args], env=env)


def test_emails_of_the_shipped_dataset(runner: CliRunner) -> None:
    output = invoke(runner, "--format", "emails")
    assert output == SHIPPED_EMAILS
    assert len(parsed_to_line(output.rstrip("\n"))) == 8


def test_emails_for_a_sector(runner: CliRunner) -> None:
    output = invoke(runner, "--sector", "zorg", "--format", "emails")
    assert (
        output == "Zerin Eralp <z.eralp@aventus.nl>, Tom Martinussen <t.martinussen@rocgilde.nl>\n"
    )


def test_emails_are_deduplicated_by_address_keeping_the_first(
    runner: CliRunner, write_dataset: Callable[..., Path]
) -> None:
    path = write_dataset(
        make_lab(
            slug="a",
            contacts=[
                {"name": "Bak, M.", "email": "m.bak@x.nl"},
                {"name": "Zoë", "email": "zoe@x.nl"},
            ],
        ),
        make_lab(slug="b", contacts=[{"name": "Margriet Bak", "email": "M.Bak@x.nl"}]),
    )
    env = {"LEERLAB_DATA": str(path)}
    output = invoke(runner, "--format", "emails", env=env)
    assert output == '"Bak, M." <m.bak@x.nl>, Zoë <zoe@x.nl>\n'
    # The other formats keep one row per contact person.
    assert len(invoke(runner, "--format", "tsv", env=env).splitlines()) == 3


def test_tsv_is_the_default_in_a_pipe(runner: CliRunner) -> None:
    output = invoke(runner)
    assert output == SHIPPED_TSV
    assert output == invoke(runner, "--format", "tsv")


def test_tsv_fields_stay_on_one_line(runner: CliRunner, write_dataset: Callable[..., Path]) -> None:
    path = write_dataset(
        make_lab(contacts=[{"name": "Twee\tdelen\nnaam", "email": "t@x.nl"}]),
    )
    output = invoke(runner, env={"LEERLAB_DATA": str(path)})
    assert output == "testlab\tTwee delen naam\tt@x.nl\t\n"


def test_json_of_a_small_dataset(runner: CliRunner, write_dataset: Callable[..., Path]) -> None:
    path = write_dataset(
        make_lab(
            slug="a",
            contacts=[
                {"name": "Zoë Çelik", "email": "zoe@a.nl", "organisation": "School A"},
                {"name": "Piet", "email": "piet@a.nl"},
            ],
        ),
        make_lab(slug="b", contacts=[{"name": "Zoë Çelik", "email": "zoe@a.nl"}]),
    )
    output = invoke(runner, "--format", "json", env={"LEERLAB_DATA": str(path)})
    assert json.loads(output) == [
        {"slug": "a", "name": "Zoë Çelik", "email": "zoe@a.nl", "organisation": "School A"},
        {"slug": "a", "name": "Piet", "email": "piet@a.nl", "organisation": None},
        {"slug": "b", "name": "Zoë Çelik", "email": "zoe@a.nl", "organisation": None},
    ]
    assert "Zoë" in output


@pytest.mark.parametrize(
    ("args", "slugs"),
    [
        (["--sector", "groen"], ["ottoland", "ottoland"]),
        (["--from", "kader", "--to", "3"], ["assen", "assen", "midden-limburg"]),
        (["--province", "gelderland"], ["apeldoorn", "oost"]),
        (["-q", "gilde"], ["midden-limburg"]),
    ],
)
def test_filters_are_those_of_list(runner: CliRunner, args: list[str], slugs: list[str]) -> None:
    rows = json.loads(invoke(runner, *args, "--format", "json"))
    assert [row["slug"] for row in rows] == slugs


@pytest.mark.parametrize(("fmt", "expected"), [("tsv", ""), ("emails", ""), ("json", "[]\n")])
def test_no_match_prints_no_contacts(runner: CliRunner, fmt: str, expected: str) -> None:
    assert invoke(runner, "--sector", "techniek", "--format", fmt) == expected


def test_table_is_the_default_on_a_terminal(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("leerlab_cli.cli.contacts.stdout_is_terminal", lambda: True)
    output = invoke(runner, env={"COLUMNS": "120"})
    assert output == invoke(runner, "--format", "table", env={"COLUMNS": "120"})
    assert output.split()[:4] == ["slug", "name", "email", "organisation"]


@pytest.mark.parametrize("width", [120, 80, 40])
def test_table_stays_readable_at_every_width(runner: CliRunner, width: int) -> None:
    output = invoke(runner, "--format", "table", env={"COLUMNS": str(width)})
    assert all(len(line.rstrip()) <= width for line in output.splitlines()), output
    assert "\x1b" not in output
    assert "…" not in output
    for line in SHIPPED_TSV.splitlines():
        slug, name, address, organisation = line.split("\t")
        # Addresses and slugs are never cut; names and organisations may wrap at a space.
        assert address in output.split(), output
        assert slug in output.split(), output
        assert all(word in output.split() for word in (*name.split(), *organisation.split()))


def test_help_names_the_formats(runner: CliRunner) -> None:
    result = runner.invoke(app, ["contacts", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "table, tsv, json, csv or emails" in result.stdout
