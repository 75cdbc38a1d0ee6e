"""The command new: every field explained, and validate accepts it once filled in."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import META, stdout_of
from leerlab_cli.cli import app
from leerlab_cli.core.models import Leerlab, Table

FILLED_IN = {
    'name = ""': 'name = "Leerlab Zeeland"',
    'place = ""': 'place = "Goes"',
    "provinces = []": 'provinces = ["Zeeland"]',
    "schools = []": 'schools = [{ name = "Ostrea Lyceum", types = ["vo"] }]',
}
"""The required fields, as a maintainer fills them in."""


def _dataset_with(table: str, path: Path) -> Path:
    meta = "\n".join(f"{key} = {value!r}" for key, value in META.items() if key != "year")
    path.write_text(f"[meta]\n{meta}\nyear = {META['year']}\n\n{table}", encoding="utf-8")
    return path


def _comments(text: str) -> str:
    # Every comment line, joined as one text with single spaces.
    lines = [line.removeprefix("#").strip() for line in text.splitlines() if line.startswith("#")]
    return " ".join(" ".join(lines).split())


def test_new_prints_every_field_with_its_description(runner: CliRunner) -> None:
    text = stdout_of(runner, ["new", "zeeland"])
    table = tomllib.loads(text)
    assert table == {
        "leerlab": [{"slug": "zeeland", "name": "", "place": "", "provinces": [], "schools": []}]
    }
    comments = _comments(text)
    for name, field in Leerlab.model_fields.items():
        assert re.search(rf"^(# )?{name} = ", text, re.MULTILINE), name
        assert " ".join((field.description or "").split()) in comments, name
        annotation = str(field.annotation)
        # The fields of the tables inside a leerlab are explained too.
        for table_class in Table.__subclasses__():
            if table_class.__name__ in annotation and table_class.__name__ != "Undetermined":
                for inner, inner_field in table_class.model_fields.items():
                    assert f"{inner} (" in comments, (name, inner)
                    assert " ".join((inner_field.description or "").split()) in comments
    for name in ("phase", "works_on", "design", "target_group"):
        assert f"\n# {name} = {{ nader_te_bepalen = true }}\n" in text


def test_validate_accepts_it_once_the_required_fields_are_filled_in(
    runner: CliRunner, tmp_path: Path
) -> None:
    text = stdout_of(runner, ["new", "zeeland"])
    as_printed = _dataset_with(text, tmp_path / "new.toml")
    result = runner.invoke(app, ["validate", str(as_printed)])
    assert result.exit_code == 1
    assert "zeeland" in result.stderr
    for empty, value in FILLED_IN.items():
        text = text.replace(empty, value)
    # Facts left open, written as the start shows them.
    text = text.replace(
        "# works_on = { nader_te_bepalen = true }", "works_on = { nader_te_bepalen = true }"
    )
    filled = _dataset_with(text, tmp_path / "filled.toml")
    result = runner.invoke(app, ["validate", "--strict", str(filled)])
    assert result.exit_code == 0, result.output
    assert result.stdout == "1 leerlab, 0 errors, 0 warnings\n"


@pytest.mark.parametrize("slug", ["Zeeland", "../../etc/passwd", "zee land", "-zee", "a" * 65, ""])
def test_an_invalid_slug_is_a_usage_error_and_writes_nothing(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, slug: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["new", "--output", "new.toml", "--", slug])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("error: Invalid value for 'SLUG': ")
    assert "is not a slug: lowercase letters a-z, digits and single hyphens" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_output_writes_the_file_and_never_replaces_one(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "zeeland.toml"
    result = runner.invoke(app, ["new", "zeeland", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert target.read_text(encoding="utf-8") == stdout_of(runner, ["new", "zeeland"])
    # A dataset given by mistake stays as it is.
    dataset = tmp_path / "leerlabs.toml"
    dataset.write_text("[meta]\n", encoding="utf-8")
    result = runner.invoke(app, ["new", "zeeland", "-o", str(dataset)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: Invalid value for '--output': {dataset} exists: new never replaces a file; "
        "add the table with >>\n"
    )
    assert dataset.read_text(encoding="utf-8") == "[meta]\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["leerlabs.toml", "zeeland.toml"]


def test_new_speaks_dutch_around_the_model_descriptions(runner: CliRunner) -> None:
    text = stdout_of(runner, ["new", "zeeland"], env={"LEERLAB_LANG": "nl"})
    assert text.startswith("# Een nieuw leerlab: ")
    assert "# bijvoorbeeld: name = " in text


def test_output_dash_is_stdout(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["new", "zeeland", "-o", "-"])
    assert result.exit_code == 0, result.output
    assert result.stdout == stdout_of(runner, ["new", "zeeland"])
    assert list(tmp_path.iterdir()) == []
