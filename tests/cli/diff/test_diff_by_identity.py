"""`leerlab diff` matches who and what: contacts by address, schools by name, routes by shape."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from helpers import META, WriteDataset, make_lab, stdout_of

ASSEN_CONTACTS = """\
  { name = "Huubs Hubbeling", email = "hub@dr.nassaucollege.nl\""""
NEW_CONTACT = (
    '  { name = "Anna Nieuw", email = "a.nieuw@drenthecollege.nl", '
    'organisation = "Drenthe College" },\n'
)
OTTOLAND_CONTACTS = (
    '  { name = "Hijlke Wijnja", email = "h.wijnja@wellant.nl", '
    'organisation = "Wellantcollege" },\n'
    '  { name = "Ester Cuijpers", email = "e.cuijpers@wellant.nl", '
    'organisation = "Wellantcollege" },\n'
)


def _edited(shipped: Path, tmp_path: Path, old: str, new: str) -> Path:
    text = shipped.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "new.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _diff(runner: CliRunner, old: Path, new: Path, *args: str, lang: str = "en") -> str:
    return stdout_of(runner, ["diff", *args, str(old), str(new)], env={"LEERLAB_LANG": lang})


def test_a_contact_added_at_the_top_of_assen_is_one_change(
    runner: CliRunner, shipped: Path, tmp_path: Path
) -> None:
    new = _edited(shipped, tmp_path, ASSEN_CONTACTS, NEW_CONTACT + ASSEN_CONTACTS)
    assert _diff(runner, shipped, new) == (
        "Changed:\n"
        "  assen  Leerlab Assen\n"
        '    contacts[email=a.nieuw@drenthecollege.nl]: added { name = "Anna Nieuw", '
        'email = "a.nieuw@drenthecollege.nl", organisation = "Drenthe College" }\n'
        "0 added, 0 removed, 1 changed\n"
    )
    (change,) = json.loads(_diff(runner, shipped, new, "--format", "json"))["changed"]
    assert change["field"] == "contacts[email=a.nieuw@drenthecollege.nl]"
    assert _diff(runner, shipped, new, "--format", "markdown", lang="nl") == (
        "## Wat is er nieuw\n\n"
        "- Leerlab Assen: nieuwe contactpersoon Anna Nieuw (Drenthe College) "
        "\\<a.nieuw@drenthecollege.nl\\>\n"
    )


def test_swapping_ottolands_two_contacts_is_an_order_change_only(
    runner: CliRunner, shipped: Path, tmp_path: Path
) -> None:
    first, second = OTTOLAND_CONTACTS.splitlines(keepends=True)
    new = _edited(shipped, tmp_path, OTTOLAND_CONTACTS, second + first)
    assert _diff(runner, shipped, new) == (
        "Changed:\n"
        "  ottoland  Leerlab Ottoland\n"
        "    contacts: order changed\n"
        "0 added, 0 removed, 1 changed\n"
    )
    (change,) = json.loads(_diff(runner, shipped, new, "--format", "json"))["changed"]
    assert change == {
        "slug": "ottoland",
        "field": "contacts",
        "change": "order",
        "old": ["[email=h.wijnja@wellant.nl]", "[email=e.cuijpers@wellant.nl]"],
        "new": ["[email=e.cuijpers@wellant.nl]", "[email=h.wijnja@wellant.nl]"],
    }
    # Not news for a newsletter.
    assert _diff(runner, shipped, new, "--format", "markdown") == (
        "## What's new\n\nNothing has changed but the order of some lists.\n"
    )


def test_a_new_leerlab_is_named_with_its_place_sector_and_routes(
    runner: CliRunner, shipped: Path, tmp_path: Path
) -> None:
    seventh = (
        '\n[[leerlab]]\nslug = "zeeland"\nname = "Leerlab Zeeland"\nplace = "Goes"\n'
        'provinces = ["Zeeland"]\nschools = [{ name = "Scalda", types = ["mbo"] }]\n'
        'sectors = ["Zorg en Welzijn"]\n'
        'routes = [{ leerwegen = ["bb"], niveaus = [2] }]\n'
    )
    new = tmp_path / "new.toml"
    new.write_text(shipped.read_text(encoding="utf-8") + seventh, encoding="utf-8")
    assert _diff(runner, shipped, new, "--format", "markdown", lang="nl") == (
        "## Wat is er nieuw\n\n"
        "- Nieuw: Leerlab Zeeland (Goes), Zorg en Welzijn, van vmbo basis naar mbo 2\n"
    )


def test_routes_schools_and_lists_by_identity_values_never_cut(
    runner: CliRunner, write_dataset: WriteDataset, tmp_path: Path
) -> None:
    long_text = "een ontwerp dat veel langer is dan zestig tekens, en dat helemaal moet blijven"
    before = make_lab(
        sectors=["Zorg en Welzijn", "Techniek"],
        schools=[
            {"name": "Testcollege", "types": ["vo"]},
            {"name": "ROC Test", "types": ["mbo"], "place": "Houten"},
        ],
        routes=[
            {"leerwegen": ["bb"], "niveaus": [2]},
            {"leerwegen": ["kb"], "niveaus": [3], "status": "planned"},
        ],
    )
    after = make_lab(
        sectors=["Techniek", "Zorg en Welzijn", "Groen"],
        schools=[
            {"name": "ROC Test", "types": ["mbo"], "place": "Utrecht"},
            {"name": "Testcollege", "types": ["vo"]},
        ],
        routes=[
            {"leerwegen": ["kb"], "niveaus": [3], "status": "scheduled", "start": "2022"},
            {"leerwegen": ["bb"], "niveaus": [2]},
        ],
        design=long_text,
    )
    old = write_dataset(before, name="old.toml")
    new = write_dataset(after, name="new.toml")
    assert _diff(runner, old, new) == (
        "Changed:\n"
        "  testlab  Leerlab Test\n"
        '    schools[name=ROC Test].place: "Houten" → "Utrecht"\n'
        "    schools: order changed\n"
        '    sectors: added "Groen"\n'
        "    sectors: order changed\n"
        '    routes[leerwegen=kb,niveaus=3].status: "planned" → "scheduled"\n'
        '    routes[leerwegen=kb,niveaus=3].start: (nothing) → "2022"\n'
        "    routes: order changed\n"
        f'    design: "samen" → "{long_text}"\n'
        "0 added, 0 removed, 1 changed\n"
    )
    assert _diff(runner, old, new, "--format", "markdown", lang="nl") == (
        "## Wat is er nieuw\n\n"
        "- Leerlab Test: school ROC Test: Plaats nu: Utrecht\n"
        "- Leerlab Test: Sector/opleidingsrichting: ook Groen\n"
        "- Leerlab Test: route van vmbo kader naar mbo 3: nu gepland voor 2022\n"
        f"- Leerlab Test: Ontwerp van de route nu: {long_text}\n"
    )


def test_meta_is_not_a_leerlab_change(runner: CliRunner, write_dataset: WriteDataset) -> None:
    old = write_dataset(name="old.toml")
    new = write_dataset(meta={**META, "year": 2024}, name="new.toml")
    assert _diff(runner, old, new) == "No differences.\n"
