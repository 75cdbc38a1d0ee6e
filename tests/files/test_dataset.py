"""The shipped dataset, and the loader's answer to every kind of broken file."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import TEST_DATA, UNSAFE, make_lab
from leerlab_cli.core.choice import DatasetChoice, DatasetSource
from leerlab_cli.core.errors import DatasetError
from leerlab_cli.core.models import MboLeerweg, RouteKind, RouteStatus, SchoolType, Undetermined
from leerlab_cli.files import dataset
from leerlab_cli.formats.messages import error_lines
from leerlab_cli.formats.problems import problem_message

SOURCE_CONTACTS = TEST_DATA / "source-contacts.txt"
"""The source's contact paragraphs, with a note on where they come from."""


def test_shipped_dataset_has_the_six_leerlabs_in_the_sources_order(shipped: Path) -> None:
    labs = dataset.load(shipped).leerlab
    assert [lab.slug for lab in labs] == [
        "apeldoorn",
        "assen",
        "oost",
        "ottoland",
        "noord-brabant",
        "midden-limburg",
    ]
    assert [lab.name for lab in labs] == [
        "Leerlab Apeldoorn",
        "Leerlab Assen",
        "Leerlab Oost",
        "Leerlab Ottoland",
        "Leerlab Noord-Brabant",
        "Leerlab Midden-Limburg",
    ]


def test_shipped_meta_names_the_source(shipped: Path) -> None:
    meta = dataset.load(shipped).meta
    assert meta.publisher == "STERK Beroepsonderwijs"
    assert meta.year == 2021
    assert meta.title == "Samen op weg: naar een naadloze aansluiting vmbo-mbo"


def test_shipped_dataset_keeps_the_sources_facts_and_quirks(shipped: Path) -> None:
    labs = {lab.slug: lab for lab in dataset.load(shipped).leerlab}
    assert [c.name for c in labs["assen"].contacts] == ["Huubs Hubbeling", "Karin Stoffers"]
    assert labs["assen"].contacts[0].email == "hub@dr.nassaucollege.nl"
    assert labs["oost"].schools[0].types == [SchoolType.vo, SchoolType.mbo]
    assert [r.status for r in labs["oost"].routes] == [RouteStatus.running, RouteStatus.planned]
    assert labs["ottoland"].routes[0].mbo_leerweg is MboLeerweg.BBL
    assert labs["ottoland"].route_kinds == [RouteKind.geintegreerde_leerroute]
    assert labs["ottoland"].specialisations == [
        "Melkveehouderij",
        "Groen, Grond & Infra",
        "Hovenier",
    ]
    brabant = labs["noord-brabant"]
    assert brabant.works_on == Undetermined(nader_te_bepalen=True)
    assert brabant.target_group == Undetermined(nader_te_bepalen=True)
    assert brabant.design is None  # printed with nothing after it: not given
    assert [r.schools for r in brabant.routes] == [
        ["Campus 013", "ROC Tilburg"],
        ["Walewyc-mavo", "ROC Tilburg"],
    ]
    assert [r.start for r in labs["midden-limburg"].routes] == ["2021-09", "2022-09"]
    assert labs["oost"].provinces == ["Overijssel", "Gelderland"]
    assert "geïntegreerde" in (labs["ottoland"].works_on or "")


def test_every_e_mail_address_of_the_source_is_in_the_dataset(shipped: Path) -> None:
    lines = SOURCE_CONTACTS.read_text(encoding="utf-8").splitlines()
    source = "\n".join(line for line in lines if not line.startswith("#"))
    in_source = re.findall(r"[\w.]+@[\w.]+\w", source)
    in_data = [c.email for lab in dataset.load(shipped).leerlab for c in lab.contacts]
    assert in_data == in_source


def test_shipped_dataset_warns_only_about_assens_niveau_1(shipped: Path) -> None:
    assert _warnings(shipped) == [
        f"{shipped}:83:3: leerlab 'assen': routes[0]: a doorlopende leerroute cannot lead to "
        "mbo niveau 1 (Entree)"
    ]


def test_geintegreerde_leerroute_outside_bb_to_2_is_a_warning(
    write_dataset: Callable[..., Path],
) -> None:
    lab = make_lab(
        route_kinds=["geïntegreerde leerroute"],
        routes=[{"leerwegen": ["kb"], "niveaus": [3]}],
    )
    path = write_dataset(lab)
    assert _warnings(path) == [
        f"{path}:40:1: leerlab 'testlab': routes[0]: a geïntegreerde leerroute runs from vmbo bb "
        "to mbo niveau 2 only"
    ]


def _warnings(path: Path) -> list[str]:
    return [problem_message(problem) for problem in dataset.check(path).warnings]


def test_choose_prefers_option_then_environment_then_shipped(tmp_path: Path) -> None:
    explicit = tmp_path / "a.toml"
    from_env = tmp_path / "b.toml"
    env = {"LEERLAB_DATA": str(from_env)}
    assert dataset.choose(explicit, env) == DatasetChoice(explicit, DatasetSource.option)
    assert dataset.choose(None, env) == DatasetChoice(from_env, DatasetSource.environment)
    shipped = DatasetChoice(dataset.shipped_path(), DatasetSource.shipped)
    assert dataset.choose(None, {}) == shipped
    assert dataset.choose(None, {"LEERLAB_DATA": ""}) == shipped


def _errors(path: Path) -> tuple[str, ...]:
    with pytest.raises(DatasetError) as caught:
        dataset.load(path)
    return tuple(error_lines(caught.value))


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.toml"
    assert _errors(path) == (f"{path}: no such file",)


def test_folder_given_as_dataset(tmp_path: Path) -> None:
    assert _errors(tmp_path) == (f"{tmp_path}: is a folder, not a dataset file",)


def test_not_utf8_names_the_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(b'[meta]\ntitle = "caf\xe9"\n')
    assert _errors(path) == (f"{path}:2:13: not valid UTF-8 text: save the file as UTF-8",)


def test_toml_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[meta]\ntitle = "x"\nyear = \n', encoding="utf-8")
    assert _errors(path) == (
        f'{path}:3:8: invalid TOML: this is not a value: text needs quotes ("…"), true and '
        "false are lowercase",
    )


def test_deep_nesting_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "deep.toml"
    path.write_text("x = " + "[" * 3000 + "]" * 3000 + "\n", encoding="utf-8")
    assert _errors(path) == (f"{path}:1:105: invalid TOML: lists or tables nested too deeply",)


def test_huge_integer_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    path.write_text("x = " + "9" * 5000 + "\n", encoding="utf-8")
    assert _errors(path) == (f"{path}:1:5: invalid TOML: an integer is too large",)


def test_empty_file_lacks_meta(tmp_path: Path) -> None:
    path = tmp_path / "empty.toml"
    path.write_bytes(b"")
    assert _errors(path) == (f"{path}: meta: required field meta is missing",)


def test_byte_order_mark_is_accepted(write_dataset: Callable[..., Path]) -> None:
    path = write_dataset()
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert [lab.slug for lab in dataset.load(path).leerlab] == ["testlab"]


def test_schema_errors_name_the_leerlab_and_field_path(write_dataset: Callable[..., Path]) -> None:
    path = write_dataset(
        make_lab(),
        make_lab(
            slug="tweede",
            routes=[{"leerwegen": ["bb"], "niveaus": [2, 5]}],
            contacts=[{"name": "X", "email": "not-an-address"}],
            colour="blue",
        ),
    )
    assert _errors(path) == (
        f"{path}:67:27: leerlab 'tweede': contacts[0].email: \"not-an-address\" is not a valid "
        "e-mail address",
        f"{path}:69:1: leerlab 'tweede': colour: unknown field colour",
        f"{path}:89:5: leerlab 'tweede': routes[0].niveaus[1]: 5 must be 4 or less",
    )


def test_invalid_slug_and_missing_fields(write_dataset: Callable[..., Path]) -> None:
    lab = make_lab(slug="Noord Brabant")
    del lab["place"]
    path = write_dataset(lab)
    assert _errors(path) == (
        f"{path}:6:1: leerlab 'Noord Brabant': place: required field place is missing",
        f"{path}:7:8: leerlab 'Noord Brabant': slug: \"Noord Brabant\" must be lowercase letters "
        "a-z, digits and single hyphens, like 'noord-brabant'",
    )


def test_a_leerlab_without_slug_is_named_by_its_number(write_dataset: Callable[..., Path]) -> None:
    lab = make_lab()
    del lab["slug"]
    path = write_dataset(lab)
    assert _errors(path) == (f"{path}:6:1: leerlab #1: slug: required field slug is missing",)


@pytest.mark.parametrize(
    "value",
    ["bell\x07", "esc \x1b[31m red", "c1 \x9b", "reversed \u202e text", "isolate \u2066"],
)
def test_terminal_control_characters_are_rejected(
    write_dataset: Callable[..., Path], value: str
) -> None:
    path = write_dataset(make_lab(phase=value))
    (line,) = _errors(path)
    assert line.startswith(f"{path}:16:9: leerlab 'testlab': phase: \"")
    assert line.endswith('" contains a control character, which is not allowed in text')
    assert not UNSAFE.search(line)


def test_tab_and_newline_are_allowed_in_text(write_dataset: Callable[..., Path]) -> None:
    path = write_dataset(make_lab(design="regel 1\nregel\t2"))
    assert dataset.load(path).leerlab[0].design == "regel 1\nregel\t2"


def test_statement_accepts_text_or_undetermined_only(write_dataset: Callable[..., Path]) -> None:
    path = write_dataset(make_lab(works_on={"nader_te_bepalen": False}, design=7, target_group=""))
    assert _errors(path) == (
        f"{path}:21:10: leerlab 'testlab': design: 7 must be text (between quotes)",
        f"{path}:22:16: leerlab 'testlab': target_group: must not be empty",
        f"{path}:48:20: leerlab 'testlab': works_on.nader_te_bepalen: false must be true",
    )


def test_duplicate_slugs_are_rejected(write_dataset: Callable[..., Path]) -> None:
    path = write_dataset(make_lab(), make_lab(name="Ander"), make_lab(slug="b"))
    assert _errors(path) == (
        f"{path}:49:8: leerlab 'testlab' (line 48): slug: "
        'slug "testlab" is already used by leerlab #1',
    )


def test_routes_and_target_groups_must_name_the_leerlabs_own_schools(
    write_dataset: Callable[..., Path],
) -> None:
    path = write_dataset(
        make_lab(
            routes=[{"leerwegen": ["bb"], "niveaus": [2], "schools": ["Elders"]}],
            target_group_per_school=[{"school": "Nergens", "text": "iedereen"}],
        )
    )
    schools = 'the leerlab\'s schools: "Testcollege", "ROC Test"'
    assert _errors(path) == (
        f"{path}:28:16: leerlab 'testlab': target_group_per_school[0].school: \"Nergens\" is not "
        f"one of the leerlab's schools; {schools}",
        f"{path}:51:5: leerlab 'testlab': routes[0].schools[0]: \"Elders\" is not one of the "
        f"leerlab's schools; {schools}",
    )


def test_unknown_keys_with_control_characters_are_shown_escaped(tmp_path: Path) -> None:
    path = tmp_path / "keys.toml"
    path.write_text(
        '[meta]\ntitle = "t"\npublisher = "p"\nyear = 2021\n"\\u001b[2J" = 1\n', encoding="utf-8"
    )
    assert _errors(path) == (f"{path}:5:1: meta['\\x1b[2J']: unknown field \\x1b[2J",)


def test_the_file_name_is_shown_escaped(tmp_path: Path) -> None:
    path = tmp_path / "evil\x1b[2J.toml"
    (line,) = _errors(path)
    assert "\x1b" not in line
    assert line.endswith("evil\\x1b[2J.toml: no such file")


def test_check_collects_errors_and_warnings(
    write_dataset: Callable[..., Path], shipped: Path
) -> None:
    report = dataset.check(shipped)
    assert (report.leerlabs, report.errors, len(report.warnings)) == (6, (), 1)
    broken = write_dataset(make_lab(), make_lab(slug="x", provinces=[]))
    report = dataset.check(broken)
    assert report.leerlabs == 2
    assert [problem_message(problem) for problem in report.errors] == [
        f"{broken}:52:13: leerlab 'x': provinces: must have at least 1 item"
    ]


def test_the_shipped_file_is_plain_toml(shipped: Path) -> None:
    document = tomllib.loads(shipped.read_text(encoding="utf-8"))
    assert len(document["leerlab"]) == 6
