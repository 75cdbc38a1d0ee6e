"""The route matrix: its core computation, and `leerlab routes` in every format."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token
from typer.testing import CliRunner

from helpers import make_lab, stdout_of
from leerlab_cli.cli import app
from leerlab_cli.core.coverage import NIVEAUS, Cell, matrix_rows, route_matrix
from leerlab_cli.core.models import Leerlab, Leerweg, validate_leerlab
from leerlab_cli.files.dataset import load

LEERWEGEN = ["bb", "kb", "gl", "tl"]


def cells_json(**filled: tuple[list[str], list[str]]) -> list[dict[str, Any]]:
    """All 16 cells in order, empty but for `filled`: ``kb3=(["assen"], [])``.

    ``none3=...`` fills the row of routes whose leerweg is not stated (``"from": null``),
    which then follows with its four cells.
    """
    rows: list[str | None] = [*LEERWEGEN]
    if any(key.startswith("none") for key in filled):
        rows.append(None)
    cells = []
    for leerweg in rows:
        for niveau in (1, 2, 3, 4):
            leerlabs, planned = filled.get(f"{leerweg or 'none'}{niveau}", ([], []))
            cells.append({"from": leerweg, "to": niveau, "leerlabs": leerlabs, "planned": planned})
    return cells


def lab(slug: str, *routes: dict[str, Any]) -> Leerlab:
    return validate_leerlab(make_lab(slug=slug, routes=list(routes)))


def route(leerwegen: list[str], niveaus: list[int], status: str = "running") -> dict[str, Any]:
    made = {"leerwegen": leerwegen, "niveaus": niveaus, "status": status}
    # A scheduled route must say when it starts.
    return {**made, "start": "2022-09"} if status == "scheduled" else made


# --- the core -------------------------------------------------------------------------------------


def test_matrix_has_every_cell_in_leerweg_then_niveau_order() -> None:
    cells = route_matrix([])
    assert [(cell.leerweg.value, cell.niveau) for cell in cells] == [
        (leerweg, niveau) for leerweg in LEERWEGEN for niveau in (1, 2, 3, 4)
    ]
    assert all(cell == Cell(cell.leerweg, cell.niveau) for cell in cells)
    assert NIVEAUS == (1, 2, 3, 4)


def test_a_route_fills_every_pair_of_its_leerwegen_and_niveaus() -> None:
    cells = route_matrix([lab("a", route(["kb", "gl"], [3, 4], "scheduled"))])
    filled = {(cell.leerweg.value, cell.niveau) for cell in cells if cell.leerlabs}
    assert filled == {("kb", 3), ("kb", 4), ("gl", 3), ("gl", 4)}


@pytest.mark.parametrize("status", ["running", "scheduled", "in-development"])
def test_every_status_but_planned_counts(status: str) -> None:
    (cell,) = [c for c in route_matrix([lab("a", route(["bb"], [2], status))]) if c.leerlabs]
    assert (cell.leerlabs, cell.planned, cell.count) == (("a",), (), 1)


def test_planned_routes_are_kept_apart_and_not_counted() -> None:
    cells = route_matrix([lab("a", route(["bb"], [3], "planned"))])
    (cell,) = [c for c in cells if c.planned]
    assert (cell.leerweg, cell.niveau, cell.leerlabs, cell.planned, cell.count) == (
        Leerweg.bb,
        3,
        (),
        ("a",),
        0,
    )


def test_a_lab_with_a_counting_route_is_not_also_planned_in_that_cell() -> None:
    both = lab("a", route(["bb"], [2, 3], "planned"), route(["bb"], [2]))
    cells = {(c.leerweg.value, c.niveau): c for c in route_matrix([both])}
    assert (cells["bb", 2].leerlabs, cells["bb", 2].planned) == (("a",), ())
    assert (cells["bb", 3].leerlabs, cells["bb", 3].planned) == ((), ("a",))


def test_slugs_keep_the_order_of_the_labs_and_appear_once() -> None:
    labs = [
        lab("zeta", route(["bb"], [2]), route(["bb", "kb"], [2])),
        lab("alfa", route(["bb"], [2])),
    ]
    cells = {(c.leerweg.value, c.niveau): c for c in route_matrix(labs)}
    assert cells["bb", 2].leerlabs == ("zeta", "alfa")


def test_matrix_rows_group_cells_by_leerweg() -> None:
    rows = matrix_rows(route_matrix([]))
    assert [leerweg for leerweg, _ in rows] == list(Leerweg)
    assert all([cell.niveau for cell in row] == [1, 2, 3, 4] for _, row in rows)
    assert all(cell.leerweg is leerweg for leerweg, row in rows for cell in row)


def test_matrix_of_the_shipped_dataset(shipped: Path) -> None:
    cells = route_matrix(load(shipped).leerlab)
    assert [
        {
            "from": c.leerweg.value if c.leerweg else None,
            "to": c.niveau,
            "leerlabs": list(c.leerlabs),
            "planned": list(c.planned),
        }
        for c in cells
    ] == SHIPPED


SHIPPED = cells_json(
    bb1=(["assen"], []),
    bb2=(["apeldoorn", "assen", "oost", "ottoland", "noord-brabant", "midden-limburg"], []),
    bb3=(["assen"], []),
    kb1=(["assen"], []),
    kb2=(["assen"], []),
    kb3=(["assen", "midden-limburg"], []),
    kb4=(["midden-limburg"], []),
    gl3=(["midden-limburg"], []),
    gl4=(["noord-brabant", "midden-limburg"], []),
    tl3=(["midden-limburg"], []),
    tl4=(["noord-brabant", "midden-limburg"], []),
    # Oost's "mogelijk later routes naar niveau 3/4" state no leerweg.
    none3=([], ["oost"]),
    none4=([], ["oost"]),
)


# --- the command ----------------------------------------------------------------------------------


def invoke(runner: CliRunner, *args: str, env: dict[str, str] | None = None) -> str:
    return stdout_of(runner, ["routes", *args], env=env)


def test_json_of_a_small_dataset(runner: CliRunner, write_dataset: Callable[..., Path]) -> None:
    path = write_dataset(
        make_lab(slug="een", routes=[route(["bb"], [2]), route(["bb"], [3, 4], "planned")]),
        make_lab(slug="twee", routes=[route(["kb", "tl"], [3], "scheduled")]),
    )
    output = invoke(runner, "--format", "json", env={"LEERLAB_DATA": str(path)})
    assert json.loads(output) == cells_json(
        bb2=(["een"], []),
        bb3=([], ["een"]),
        bb4=([], ["een"]),
        kb3=(["twee"], []),
        tl3=(["twee"], []),
    )


def test_json_of_the_shipped_dataset(runner: CliRunner) -> None:
    assert json.loads(invoke(runner, "--format", "json")) == SHIPPED


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        # The filters select leerlabs, as in `list`; the matrix shows all their routes.
        (
            ["--from", "kb"],
            {"bb1", "bb2", "bb3", "kb1", "kb2", "kb3", "kb4", "gl3", "gl4", "tl3", "tl4"},
        ),
        (["--sector", "groen"], {"bb2"}),
        (["--province", "drenthe", "--to", "1"], {"bb1", "bb2", "bb3", "kb1", "kb2", "kb3"}),
        (["--from", "basis", "--to", "4"], set()),
        # Oost's planned route to 4 states no leerweg: `--from basis` does not select Oost.
        (["--from", "basis", "--to", "4", "--include-planned"], set()),
    ],
)
def test_filters_select_leerlabs_whose_routes_all_show(
    runner: CliRunner, args: list[str], expected: set[str]
) -> None:
    cells = json.loads(invoke(runner, *args, "--format", "json"))
    assert len(cells) == 16
    shown = {f"{c['from']}{c['to']}" for c in cells if c["leerlabs"] or c["planned"]}
    assert shown == expected
    if "--from" in args and "kb" in args:
        assert {slug for c in cells for slug in c["leerlabs"]} == {"assen", "midden-limburg"}


def test_no_match_still_prints_every_cell_empty(runner: CliRunner) -> None:
    assert json.loads(invoke(runner, "--sector", "techniek", "--format", "json")) == cells_json()
    assert "| 0 | 0 | 0 | 0 |" in invoke(runner, "--sector", "techniek", "--format", "markdown")


def table_cells(tokens: list[Token]) -> list[list[str]]:
    rows: list[list[str]] = []
    for index, token in enumerate(tokens):
        if token.type == "tr_open":
            rows.append([])
        elif token.type in ("th_open", "td_open"):
            rows[-1].append(tokens[index + 1].content)
    return rows


def rendered_text(token: Token) -> str:
    """The text a Markdown renderer shows for an inline token, escapes undone."""
    return "".join(child.content for child in token.children or [] if child.type == "text")


def test_markdown_parses_as_a_table(runner: CliRunner) -> None:
    output = invoke(runner, "--format", "markdown")
    assert "\x1b" not in output
    tokens = MarkdownIt("commonmark").enable("table").parse(output)
    inline = [t for t in tokens if t.type == "inline"]
    header = [rendered_text(t) for t in inline[:5]]
    assert header == [
        "vmbo → mbo",
        "mbo 1 Entree",
        "mbo 2 basisberoepsopleiding",
        "mbo 3 vakopleiding",
        "mbo 4 middenkader- of specialistenopleiding",
    ]
    rows = [[rendered_text(t) for t in inline[start : start + 5]] for start in range(5, 30, 5)]
    assert rows == [
        [
            "basisberoepsgerichte leerweg (bb)",
            "1: assen",
            "6: apeldoorn, assen, oost, ottoland, noord-brabant, midden-limburg",
            "1: assen",
            "0",
        ],
        ["kaderberoepsgerichte leerweg (kb)", "1: assen", "1: assen", *KB_3_4],
        ["gemengde leerweg (gl)", "0", "0", *GT_3_4],
        ["theoretische leerweg (tl)", "0", "0", *GT_3_4],
        ["leerweg not given", "0", "0", "0: oost*", "0: oost*"],
    ]
    assert len(table_cells(tokens)) == 6
    # The legend is a paragraph under the table that explains the mark literally.
    legend = rendered_text(inline[30])
    assert legend.startswith("Each cell: how many leerlabs")
    assert "slug*: a route only possible later, not counted" in legend
    assert not any(t.type == "em_open" for t in tokens)


KB_3_4 = ["2: assen, midden-limburg", "1: midden-limburg"]
GT_3_4 = ["1: midden-limburg", "2: noord-brabant, midden-limburg"]


def test_table_is_the_default_on_a_terminal(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("leerlab_cli.cli.routes.stdout_is_terminal", lambda: True)
    output = invoke(runner, env={"COLUMNS": "120"})
    assert output == invoke(runner, "--format", "table", env={"COLUMNS": "120"})
    assert "vmbo → mbo" in output
    assert "|---" not in output


@pytest.mark.parametrize("width", [120, 80, 40])
def test_table_stays_readable_at_every_width(runner: CliRunner, width: int) -> None:
    output = invoke(runner, "--format", "table", env={"COLUMNS": str(width)})
    lines = output.splitlines()
    assert all(len(line.rstrip()) <= width for line in lines), output
    assert "\x1b" not in output
    assert "…" not in output
    # No slug is cut: each appears whole as often as it has cells.
    assert output.count("midden-limburg") == 7, output
    assert output.count("noord-brabant") == 3, output
    assert output.count("oost*") == 2, output
    for name in ("basisberoepsgerichte", "kaderberoepsgerichte", "theoretische", "gemengde"):
        assert name in output, output
    words = " ".join(output.split())
    assert words.endswith("slug*: a route only possible later, not counted.")


def test_table_is_a_matrix_where_it_fits_and_a_list_on_a_narrow_terminal(
    runner: CliRunner,
) -> None:
    wide = invoke(runner, "--format", "table", env={"COLUMNS": "120"})
    assert "Entree" in wide
    assert "→ mbo 2" not in wide
    medium = invoke(runner, "--format", "table", env={"COLUMNS": "80"})
    assert "mbo 4" in medium
    assert "Entree" not in medium
    assert "→ mbo 2" not in medium
    narrow = invoke(runner, "--format", "table", env={"COLUMNS": "40"})
    assert "→ mbo 2  6  apeldoorn, assen, oost," in narrow


def test_help_says_how_the_filters_work(runner: CliRunner) -> None:
    result = runner.invoke(app, ["routes", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "The filters select leerlabs as list does" in result.stdout
    for option in ("--sector", "--from", "--to", "--province", "--search", "--include-planned"):
        assert option in result.stdout


def test_invalid_format_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["routes", "--format", "emails"])
    assert result.exit_code == 2, result.output
    formats = ("table", "tsv", "csv", "json", "markdown")
    assert all(f"'{name}'" in result.stderr for name in formats)


def test_broken_dataset_is_an_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["--data", str(tmp_path / "missing.toml"), "routes"])
    assert result.exit_code == 1
    assert "no such file" in result.stderr
    assert result.stdout == ""
