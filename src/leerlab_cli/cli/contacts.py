"""`leerlab contacts`: the contact persons of the leerlabs, to read or to mail."""

from enum import StrEnum
from typing import Annotated

import typer

from leerlab_cli.cli.options import (
    DataOption,
    FromOption,
    HeaderOption,
    KindOption,
    PlannedOption,
    ProfielOption,
    ProvinceOption,
    SearchOption,
    SectorOption,
    ToOption,
    check_header,
    choice_of,
    load_dataset,
    make_filters,
)
from leerlab_cli.cli.terminal import note, render, stdout_is_terminal, write
from leerlab_cli.core.query import select
from leerlab_cli.i18n import N_, _


class ContactsFormat(StrEnum):
    """How `contacts` prints: a table, tab-separated rows, JSON, CSV, or one line of addresses."""

    table = "table"
    tsv = "tsv"
    json = "json"
    csv = "csv"
    emails = "emails"


DEFAULT_SEPARATOR = ", "
"""What `--format emails` puts between two addresses unless `--separator` says otherwise."""


def _separator(value: str | None) -> str | None:
    # The separator goes on one line between addresses: no line break or control character.
    if value is not None and (not value.strip() or not value.isprintable()):
        raise typer.BadParameter(_("give a separator of visible characters, such as ';'"))
    return value


HELP = N_(
    "List the contact persons of the leerlabs that pass the filters, one row each.\n\n"
    "Each tab-separated line has the fields slug, name, email and organisation; "
    "--header prints their names first."
)
EXAMPLES = N_(
    "Examples:\n\n"
    "leerlab contacts --sector zorg\n\n"
    "leerlab contacts --format emails --separator ';'\n\n"
    "leerlab contacts --format csv --excel > contacten.csv"
)


def list_contacts(
    ctx: typer.Context,
    sector: SectorOption = None,
    from_: FromOption = None,
    to: ToOption = None,
    province: ProvinceOption = None,
    kind: KindOption = None,
    profiel: ProfielOption = None,
    search: SearchOption = None,
    include_planned: PlannedOption = False,
    data: DataOption = None,
    output_format: Annotated[
        ContactsFormat | None,
        typer.Option(
            "--format",
            "-f",
            parser=choice_of(ContactsFormat),
            help=N_(
                "table, tsv, json, csv or emails (default: table on a terminal, tsv in a pipe); "
                "emails is one line of Name <address> for a mail client."
            ),
            metavar=N_("FORMAT"),
            show_default=False,
        ),
    ] = None,
    header: HeaderOption = False,
    excel: Annotated[
        bool,
        typer.Option(
            "--excel",
            help=N_(
                "CSV for a Dutch spreadsheet (BOM, ';', CRLF, formulas defused), "
                "with the column names in the interface language; implies --format csv."
            ),
        ),
    ] = False,
    separator: Annotated[
        str | None,
        typer.Option(
            "--separator",
            callback=_separator,
            help=N_(
                "With --format emails: what goes between two addresses (default: ', '); "
                "many Outlook installations expect ';'."
            ),
            metavar=N_("TEXT"),
            show_default=False,
        ),
    ] = None,
) -> None:
    """The contact persons of the leerlabs that pass the filters (the help is `HELP`)."""
    check_header(header, output_format, (ContactsFormat.tsv,))
    if excel and output_format not in (None, ContactsFormat.csv):
        raise typer.BadParameter(_("only applies to --format csv"), param_hint="'--excel'")
    if separator is not None and output_format is not ContactsFormat.emails:
        raise typer.BadParameter(_("only applies to --format emails"), param_hint="'--separator'")
    filters = make_filters(
        sector, from_, to, province, search, include_planned, kind=kind, profiel=profiel
    )
    from leerlab_cli.core.contacts import contact_rows, unique_addresses

    rows = contact_rows(select(load_dataset(ctx).leerlab, filters))
    if excel:
        output_format = ContactsFormat.csv
    chosen = output_format or (ContactsFormat.table if stdout_is_terminal() else ContactsFormat.tsv)
    if chosen is ContactsFormat.json:
        from leerlab_cli.formats.contact_list import contacts_json

        write(contacts_json(rows))
    elif chosen is ContactsFormat.csv:
        # A header row always, also when no contact matches: a mail merge reads the columns.
        from leerlab_cli.formats.contact_list import contacts_csv

        if not rows:
            from leerlab_cli.formats.messages import no_contact

            note(no_contact())
        write(contacts_csv(rows, excel=excel))
    elif not rows:
        from leerlab_cli.formats.messages import no_contact

        note(no_contact())
        if header and chosen is ContactsFormat.tsv:
            from leerlab_cli.formats.contact_list import contacts_tsv

            write(contacts_tsv(rows, header=True))
    elif chosen is ContactsFormat.table:
        from leerlab_cli.formats.terminal_overview import contacts_view

        render(contacts_view(rows))
    elif chosen is ContactsFormat.emails:
        from leerlab_cli.formats.mail import address_list

        write(address_list(unique_addresses(rows), separator or DEFAULT_SEPARATOR))
    else:
        from leerlab_cli.formats.contact_list import contacts_tsv

        write(contacts_tsv(rows, header=header))
