"""`leerlab info`: which dataset is in use and why, as lines for people or JSON for scripts."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import META, WriteDataset, make_lab, strict_json
from leerlab_cli.cli import app


def _info_json(runner: CliRunner, args: list[str], **env: str | None) -> dict[str, object]:
    result = runner.invoke(app, [*args, "info", "--format", "json"], env=env)
    assert result.exit_code == 0, result.output
    parsed = strict_json(result.stdout)
    assert isinstance(parsed, dict)
    return parsed


def test_info_json_names_the_shipped_dataset(runner: CliRunner, shipped: Path) -> None:
    assert _info_json(runner, []) == {
        "path": str(shipped),
        "source": "shipped",
        "title": "Samen op weg: naar een naadloze aansluiting vmbo-mbo",
        "edition": "Digizine voorjaar 2021",
        "year": 2021,
        "leerlabs": 6,
    }


def test_info_names_the_environment_and_the_option(
    runner: CliRunner, write_dataset: WriteDataset
) -> None:
    from_environment = write_dataset(make_lab(), name="env.toml")
    from_option = write_dataset(make_lab(), make_lab(slug="tweede"), name="option.toml")
    shown = _info_json(runner, [], LEERLAB_DATA=str(from_environment))
    assert (shown["source"], shown["path"], shown["leerlabs"]) == (
        "environment",
        str(from_environment),
        1,
    )
    for args in (["--data", str(from_option), "info"], ["info", "--data", str(from_option)]):
        env = {"LEERLAB_DATA": str(from_environment)}
        result = runner.invoke(app, [*args, "--format", "json"], env=env)
        assert result.exit_code == 0, result.output
        shown = strict_json(result.stdout)
        assert (shown["source"], shown["path"], shown["leerlabs"]) == (
            "option",
            str(from_option),
            2,
        )


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            "Dataset:  {path}\n"
            "Chosen:   named by --data\n"
            "Title:    Testbron\n"
            "Edition:  Testeditie\n"
            "Leerlabs: 1\n",
        ),
        (
            "nl",
            "Dataset:  {path}\n"
            "Gekozen:  genoemd met --data\n"
            "Titel:    Testbron\n"
            "Editie:   Testeditie\n"
            "Leerlabs: 1\n",
        ),
    ],
)
def test_info_text_in_each_language(
    runner: CliRunner, write_dataset: WriteDataset, language: str, expected: str
) -> None:
    path = write_dataset(meta={**META, "edition": "Testeditie"})
    env = {"LEERLAB_LANG": language}
    result = runner.invoke(app, ["info", "--data", str(path)], env=env)
    assert result.exit_code == 0, result.output
    assert result.stdout == expected.format(path=path)


def test_info_without_an_edition_shows_the_year(
    runner: CliRunner, write_dataset: WriteDataset
) -> None:
    path = write_dataset()
    result = runner.invoke(app, ["info", "--data", str(path)])
    assert result.exit_code == 0, result.output
    assert "Edition:  2021\n" in result.stdout
    assert _info_json(runner, ["--data", str(path)])["edition"] is None
