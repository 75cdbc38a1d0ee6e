"""The page's filters in Chromium: each filter, their combination, the fragment, the
keyboard, print, the page's own Content-Security-Policy, and hostile fragments and data.

The shipped dataset's leerlabs: apeldoorn (Zorg en Welzijn; Gelderland, Overijssel;
bb → 2), assen (Horeca, Bakkerij & Recreatie; Drenthe; bb/kb → 1/2/3), oost (no
sector; Overijssel, Gelderland; bb → 2, and 3/4 only later), ottoland (Groen;
Zuid-Holland, Utrecht; bb → 2), noord-brabant (Sport en Bewegen; Noord-Brabant;
bb → 2, gl/tl → 4) and midden-limburg (Zorg en Welzijn; Limburg; bb → 2, kb/gl/tl → 3/4).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from browser_helpers import describe, run_axe
from helpers import Runner, make_lab
from leerlab_cli.cli import app
from leerlab_cli.files.dataset import shipped_path

pytestmark = pytest.mark.browser

ALL = ["apeldoorn", "assen", "oost", "ottoland", "noord-brabant", "midden-limburg"]

SHOWN_ROWS = (
    "() => [...document.querySelectorAll('table.overview tbody tr')]"
    ".filter(row => !row.hidden).map(row => row.dataset.lab)"
)
SHOWN_SECTIONS = (
    "() => [...document.querySelectorAll('section.leerlab')]"
    ".filter(section => section.getClientRects().length > 0).map(section => section.id)"
)
MATRIX_CELLS = (
    "() => [...document.querySelectorAll('table.matrix tbody tr')].map(row => "
    "[...row.querySelectorAll('td')].map(cell => [cell.querySelector('.count').textContent, "
    "...[...cell.querySelectorAll('li')].filter(item => !item.hidden)"
    ".map(item => item.textContent)].join(' ')))"
)


def shown(page: Page) -> list[str]:
    """The leerlabs the page shows, by the overview, checked against the sections."""
    rows: list[str] = page.evaluate(SHOWN_ROWS)
    assert page.evaluate(SHOWN_SECTIONS) == rows
    return rows


def open_page(page: Page, html_page: Path, fragment: str = "") -> None:
    page.goto(html_page.as_uri() + fragment)
    expect(page.get_by_role("search")).to_be_visible()


@pytest.mark.parametrize(
    ("select", "value", "expected", "line"),
    [
        ("sector", "zorg-en-welzijn", ["apeldoorn", "midden-limburg"], "2 van 6 leerlabs getoond"),
        ("van", "kb", ["assen", "midden-limburg"], "2 van 6 leerlabs getoond"),
        # Oost's routes to 4 are only possible later: not counted, as in `list --to 4`.
        ("naar", "4", ["noord-brabant", "midden-limburg"], "2 van 6 leerlabs getoond"),
        ("provincie", "limburg", ["midden-limburg"], "1 van 6 leerlabs getoond"),
        ("provincie", "gelderland", ["apeldoorn", "oost"], "2 van 6 leerlabs getoond"),
    ],
)
def test_each_filter_narrows_the_page(
    page: Page, html_page: Path, select: str, value: str, expected: list[str], line: str
) -> None:
    open_page(page, html_page)
    assert shown(page) == ALL
    expect(page.get_by_role("status")).to_have_text("6 van 6 leerlabs getoond")
    page.select_option(f"#filter_{select}", value)
    assert shown(page) == expected
    expect(page.get_by_role("status")).to_have_text(line)
    assert page.evaluate("() => location.hash") == f"#{select}={value}"
    page.get_by_role("button", name="Alles tonen").click()
    assert shown(page) == ALL
    assert page.evaluate("() => location.hash") == ""


def test_the_header_keeps_counting_the_whole_page(page: Page, html_page: Path) -> None:
    # The script rewrites the counts of the matrix and the provinces; the header's own
    # line, which counts the leerlabs of the page, is not one of them.
    open_page(page, html_page, "#sector=zorg-en-welzijn")
    expect(page.locator("header p.total")).to_have_text("Deze pagina toont 6 leerlabs.")
    expect(page.get_by_role("status")).to_have_text("2 van 6 leerlabs getoond")


def test_the_matrix_and_the_provinces_follow_the_filters(page: Page, html_page: Path) -> None:
    open_page(page, html_page)
    page.select_option("#filter_sector", "zorg-en-welzijn")
    assert page.evaluate(MATRIX_CELLS) == [
        ["0", "2 apeldoorn midden-limburg", "0", "0"],
        ["0", "0", "1 midden-limburg", "1 midden-limburg"],
        ["0", "0", "1 midden-limburg", "1 midden-limburg"],
        ["0", "0", "1 midden-limburg", "1 midden-limburg"],
        ["0", "0", "0", "0"],
    ]
    rows = page.locator("table.provinces tbody tr")
    expect(rows).to_have_count(12)
    gelderland = rows.filter(has=page.get_by_role("rowheader", name="Gelderland"))
    expect(gelderland.locator(".count")).to_have_text("1")
    expect(gelderland.locator("li:visible")).to_have_text(
        ["apeldoorn", "Zorg en Welzijn", "bb → 2"]
    )
    page.select_option("#filter_sector", "")
    expect(gelderland.locator(".count")).to_have_text("2")
    expect(gelderland.locator("li:visible")).to_have_text(
        [
            "apeldoorn",
            "oost",
            "Zorg en Welzijn",
            "bb → 2",
            "leerweg niet vermeld → 3*",
            "leerweg niet vermeld → 4*",
        ]
    )


def test_filters_combine(page: Page, html_page: Path) -> None:
    open_page(page, html_page)
    page.select_option("#filter_sector", "zorg-en-welzijn")
    page.select_option("#filter_van", "kb")
    page.select_option("#filter_naar", "3")
    assert shown(page) == ["midden-limburg"]
    assert page.evaluate("() => location.hash") == "#sector=zorg-en-welzijn&van=kb&naar=3"
    # bb to 3 is assen's (Horeca), kb to 2 too: no Zorg en Welzijn lab has either.
    page.select_option("#filter_van", "bb")
    assert shown(page) == []
    expect(page.get_by_role("status")).to_have_text("0 van 6 leerlabs getoond")
    page.select_option("#filter_sector", "")
    assert shown(page) == ["assen"]


@pytest.mark.parametrize(
    ("fragment", "expected", "chosen"),
    [
        ("#sector=zorg&van=kb&naar=3", ["midden-limburg"], ["zorg-en-welzijn", "kb", "3", ""]),
        ("#provincie=limburg", ["midden-limburg"], ["", "", "", "limburg"]),
        ("#provincie=Noord%20Brabant", ["noord-brabant"], ["", "", "", "noord-brabant"]),
        (
            "#sector=Zorg+en+Welzijn",
            ["apeldoorn", "midden-limburg"],
            ["zorg-en-welzijn", "", "", ""],
        ),
        # Unknown keys and values that name no option are ignored; the rest applies.
        ("#kleur=rood&naar=4&van=xx", ["noord-brabant", "midden-limburg"], ["", "", "4", ""]),
        ("#sector=en", ALL, ["", "", "", ""]),  # a word of two sectors names neither
        ("#apeldoorn", ALL, ["", "", "", ""]),  # an anchor, not a choice
    ],
)
def test_the_fragment_keeps_the_choice(
    page: Page, html_page: Path, fragment: str, expected: list[str], chosen: list[str]
) -> None:
    open_page(page, html_page, fragment)
    assert shown(page) == expected
    values = [
        page.locator(f"#filter_{key}").input_value()
        for key in ("sector", "van", "naar", "provincie")
    ]
    assert values == chosen


def test_a_new_fragment_applies_at_once(page: Page, html_page: Path) -> None:
    open_page(page, html_page, "#provincie=limburg")
    page.evaluate("() => { location.hash = 'sector=groen'; }")
    expect(page.locator("#filter_sector")).to_have_value("groen")
    assert shown(page) == ["ottoland"]


def test_the_filters_work_by_keyboard(page: Page, html_page: Path) -> None:
    open_page(page, html_page)
    page.locator("#filter_sector").focus()
    page.keyboard.press("Tab")
    expect(page.locator("#filter_van")).to_be_focused()
    page.keyboard.press("ArrowDown")  # the first leerweg: bb
    page.keyboard.press("ArrowDown")  # kb
    expect(page.locator("#filter_van")).to_have_value("kb")
    assert shown(page) == ["assen", "midden-limburg"]
    expect(page.get_by_role("status")).to_have_text("2 van 6 leerlabs getoond")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Alles tonen")).to_be_focused()
    page.keyboard.press("Enter")
    assert shown(page) == ALL
    # Each filter has its label as its accessible name; the count is a live region.
    for name in ("Sector", "Van vmbo-leerweg", "Naar mbo-niveau", "Provincie"):
        expect(page.get_by_role("combobox", name=name)).to_be_visible()
    expect(page.locator("#filters_shown")).to_have_attribute("aria-live", "polite")


def test_print_shows_what_the_filters_show(page: Page, html_page: Path) -> None:
    open_page(page, html_page, "#sector=zorg")
    text = "\n".join(
        pdf_page.extract_text() for pdf_page in PdfReader(io.BytesIO(page.pdf())).pages
    )
    assert "Leerlab Apeldoorn" in text
    assert "Leerlab Midden-Limburg" in text
    assert "2 van 6 leerlabs getoond" in text
    for hidden in ("Leerlab Assen", "Leerlab Oost", "Leerlab Ottoland", "Leerlab Noord-Brabant"):
        assert hidden not in text
    assert "Alles tonen" not in text  # the form itself is not printed


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_with_the_filters_open(
    page: Page, html_page: Path, scheme: Any
) -> None:
    page.emulate_media(color_scheme=scheme)
    open_page(page, html_page, "#sector=zorg&van=kb")
    page.locator("#filter_naar").focus()
    violations = run_axe(page)
    assert violations == [], describe(violations)


@pytest.fixture
def strict_page(browser: Browser) -> Iterator[Page]:
    """A page under its own Content-Security-Policy (not bypassed), its errors collected."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    yield context.new_page()
    context.close()


def collect_problems(page: Page) -> list[str]:
    """Console errors and warnings, uncaught errors and dialogs, as they happen."""
    problems: list[str] = []
    page.on(
        "console",
        lambda message: (
            problems.append(f"{message.type}: {message.text}")
            if message.type in ("error", "warning")
            else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(f"pageerror: {error}"))

    def refuse(dialog: Any) -> None:
        problems.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", refuse)
    return problems


def test_the_script_runs_under_the_pages_own_policy(strict_page: Page, html_page: Path) -> None:
    problems = collect_problems(strict_page)
    requests: list[str] = []
    strict_page.on("request", lambda request: requests.append(request.url))
    open_page(strict_page, html_page, "#provincie=limburg")
    assert shown(strict_page) == ["midden-limburg"]
    assert problems == []
    assert requests == [html_page.as_uri()]  # the file alone (a request has no fragment)


def test_without_javascript_the_filters_are_hidden(browser: Browser, html_page: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(html_page.as_uri() + "#sector=zorg")
    expect(page.locator("#filters")).to_be_hidden()
    assert page.evaluate(SHOWN_SECTIONS) == ALL
    context.close()


HOSTILE = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>--></script><!--'
"""A text that runs script wherever it is read as markup, and closes elements."""

HOSTILE_FRAGMENTS = [
    "#sector=<img src=x onerror=window.pwned=3>",
    "#sector=%3Cimg%20src%3Dx%20onerror%3Dwindow.pwned%3D4%3E",
    "#van=%3Cscript%3Ewindow.pwned=5%3C/script%3E",
    "#provincie=%E0%A4%A&naar=%",
    "#__proto__=x&constructor=y&hasOwnProperty=z&sector=__proto__",
    "#sector=" + "zorg&" * 20_000,
    "#" + "x" * 100_000,
    "#naar=" + "3" * 100_000,
]


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A page of two leerlabs whose every text, sectors too, is hostile (provinces are a
    closed list, so no text reaches them)."""
    lab = make_lab(
        name=HOSTILE,
        place=HOSTILE,
        provinces=["Limburg"],
        schools=[{"name": HOSTILE, "types": ["vo"], "place": HOSTILE, "note": HOSTILE}],
        schools_note=HOSTILE,
        sectors=[HOSTILE, "Zorg en Welzijn"],
        specialisations=[HOSTILE],
        sector_note=HOSTILE,
        phase=HOSTILE,
        route_text=HOSTILE,
        routes=[{"leerwegen": ["kb"], "niveaus": [3], "schools": [HOSTILE]}],
        works_on=HOSTILE,
        design=HOSTILE,
        target_group=HOSTILE,
        contacts=[{"name": HOSTILE, "email": "piet@test.nl", "organisation": HOSTILE}],
    )
    other = make_lab(slug="ander", name=HOSTILE, sectors=[HOSTILE], provinces=["Zeeland"])
    folder = tmp_path_factory.mktemp("hostile")
    data = folder / "labs.toml"
    meta = {"title": HOSTILE, "publisher": HOSTILE, "year": 2021, "introduction": HOSTILE}
    data.write_bytes(tomli_w.dumps({"meta": meta, "leerlab": [lab, other]}).encode("utf-8"))
    target = folder / "hostile.html"
    result = Runner().invoke(
        app, ["--data", str(data), "export", "-o", str(target)], env={"LEERLAB_LANG": "nl"}
    )
    assert result.exit_code == 0, result.output
    return target


NEXT_FRAME = "() => new Promise(resolve => requestAnimationFrame(() => resolve(null)))"
ELEMENTS = "() => [...document.querySelectorAll('*')].map(element => element.tagName).join(' ')"


@pytest.mark.parametrize("fragment", HOSTILE_FRAGMENTS, ids=range(len(HOSTILE_FRAGMENTS)))
def test_hostile_fragments_over_hostile_data_run_nothing(
    browser: Browser, hostile_page: Path, fragment: str
) -> None:
    # The policy is bypassed: what keeps the page safe here is the script itself.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    problems = collect_problems(page)
    page.goto(hostile_page.as_uri())
    expect(page.get_by_role("search")).to_be_visible()
    before = page.evaluate(ELEMENTS)

    def assert_untouched() -> None:
        page.evaluate(NEXT_FRAME)
        assert page.evaluate("() => window.pwned") is None
        assert page.evaluate(ELEMENTS) == before  # nothing inserted
        assert page.locator("script").count() == 1
        assert page.locator("img").count() == 0
        assert problems == []

    page.goto("about:blank")
    page.goto(hostile_page.as_uri() + fragment)  # a page opened with the fragment
    expect(page.get_by_role("search")).to_be_visible()
    assert_untouched()
    page.goto(hostile_page.as_uri() + "#apeldoorn")
    page.goto(hostile_page.as_uri() + fragment)  # the fragment changed in an open page
    assert_untouched()
    page.select_option("#filter_sector", "zorg-en-welzijn")
    page.select_option("#filter_sector", "")
    assert_untouched()
    context.close()


def test_hostile_data_filters_as_text(browser: Browser, hostile_page: Path) -> None:
    context = browser.new_context()  # under the page's own policy
    page = context.new_page()
    problems = collect_problems(page)
    page.goto(hostile_page.as_uri() + "#sector=zorg&provincie=limburg")
    expect(page.get_by_role("status")).to_have_text("1 van 2 leerlabs getoond")
    assert shown(page) == ["testlab"]
    expect(page.locator("#filter_sector option").nth(1)).to_have_text(HOSTILE)
    assert page.evaluate("() => window.pwned") is None
    assert problems == []
    context.close()


def test_the_overview_alone_filters_too(browser: Browser, tmp_path: Path) -> None:
    target = tmp_path / "nieuwsbrief.html"
    result = Runner().invoke(
        app,
        ["--data", str(shipped_path()), "export", "--overview", "-o", str(target)],
        env={"LEERLAB_LANG": "nl"},
    )
    assert result.exit_code == 0, result.output
    context = browser.new_context()
    page = context.new_page()
    problems = collect_problems(page)
    page.goto(target.as_uri() + "#provincie=overijssel")
    expect(page.get_by_role("status")).to_have_text("2 van 6 leerlabs getoond")
    assert page.evaluate(SHOWN_ROWS) == ["apeldoorn", "oost"]
    assert problems == []
    context.close()
