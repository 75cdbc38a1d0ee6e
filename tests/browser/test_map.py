"""The map of the provinces in Chromium: in the page (a control per province that sets
the province filter, and follows the other filters) and as a standalone SVG picture."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from browser_helpers import describe, run_axe
from helpers import Runner
from leerlab_cli.cli import app
from leerlab_cli.files.dataset import shipped_path

pytestmark = pytest.mark.browser

SHOWN_ROWS = (
    "() => [...document.querySelectorAll('table.overview tbody tr')]"
    ".filter(row => !row.hidden).map(row => row.dataset.lab)"
)
SHADES = (
    "() => Object.fromEntries([...document.querySelectorAll('#province_map g.province')]"
    ".map(g => [g.dataset.name, [...g.classList].find(c => c.startsWith('shade-')) + ' '"
    " + g.querySelector('text').textContent]))"
)


def test_each_province_is_on_the_map(page: Page, html_page: Path) -> None:
    page.goto(html_page.as_uri())
    expect(page.locator("#province_map g.province")).to_have_count(12)
    # The provinces with a leerlab are buttons named by their number; the others are not.
    expect(page.get_by_role("button", name="Gelderland: 2 leerlabs")).to_be_visible()
    expect(page.get_by_role("button", name="Limburg: 1 leerlab")).to_be_visible()
    expect(page.locator("#province_map [role=button]")).to_have_count(7)
    expect(page.locator("#province_map g[data-name='Zeeland']")).not_to_have_attribute(
        "role", "button"
    )


def test_a_click_on_limburg_narrows_the_page(page: Page, html_page: Path) -> None:
    page.goto(html_page.as_uri())
    limburg = page.get_by_role("button", name="Limburg: 1 leerlab")
    limburg.click()
    assert page.evaluate(SHOWN_ROWS) == ["midden-limburg"]
    assert page.evaluate("() => location.hash") == "#provincie=limburg"
    expect(page.locator("#filter_provincie")).to_have_value("limburg")
    expect(limburg).to_have_attribute("aria-pressed", "true")
    limburg.click()
    assert len(page.evaluate(SHOWN_ROWS)) == 6
    expect(limburg).to_have_attribute("aria-pressed", "false")


def test_the_map_works_by_keyboard(page: Page, html_page: Path) -> None:
    page.goto(html_page.as_uri())
    gelderland = page.get_by_role("button", name="Gelderland: 2 leerlabs")
    gelderland.focus()
    page.keyboard.press("Enter")
    assert page.evaluate(SHOWN_ROWS) == ["apeldoorn", "oost"]
    # Tab goes to the next province with a leerlab, in the map's order: Groningen has none.
    page.keyboard.press("Tab")
    expect(page.locator("#province_map g[data-name='Limburg']")).to_be_focused()
    page.keyboard.press("Shift+Tab")
    expect(gelderland).to_be_focused()
    page.keyboard.press(" ")
    assert len(page.evaluate(SHOWN_ROWS)) == 6


def test_the_map_follows_the_other_filters(page: Page, html_page: Path) -> None:
    page.goto(html_page.as_uri() + "#sector=zorg")
    shades = page.evaluate(SHADES)
    assert {name: shade for name, shade in shades.items() if shade != "shade-0 0"} == {
        "Gelderland": "shade-1 1",
        "Limburg": "shade-1 1",
        "Overijssel": "shade-1 1",
    }
    expect(page.get_by_role("button", name="Gelderland: 1 leerlab")).to_be_visible()
    expect(page.get_by_role("button", name="Drenthe: 0 leerlabs")).to_be_visible()


def test_without_javascript_the_map_is_a_picture(browser: Browser, html_page: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(html_page.as_uri())
    expect(page.get_by_role("img", name="Kaart: het aantal leerlabs per provincie")).to_be_visible()
    expect(page.get_by_role("button")).to_have_count(0)
    expect(page.locator("table.provinces")).to_be_visible()  # the accessible alternative
    context.close()


def test_the_map_prints_with_its_legend_and_attribution(page: Page, html_page: Path) -> None:
    page.goto(html_page.as_uri() + "#sector=zorg")
    text = " ".join(pdf_page.extract_text() for pdf_page in PdfReader(io.BytesIO(page.pdf())).pages)
    assert "3 of meer leerlabs" in text
    assert "MapSVG (mapsvg.com)" in text


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_a_focused_province(
    page: Page, html_page: Path, scheme: str
) -> None:
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    page.goto(html_page.as_uri() + "#provincie=gelderland")
    page.get_by_role("button", name="Gelderland: 2 leerlabs").focus()
    violations = run_axe(page)
    assert violations == [], describe(violations)


def test_the_standalone_svg_renders(browser: Browser, tmp_path: Path, screenshots: Path) -> None:
    result = Runner().invoke(
        app,
        ["--data", str(shipped_path()), "provinces", "--format", "svg"],
        env={"LEERLAB_LANG": "nl"},
    )
    assert result.exit_code == 0, result.output
    picture = tmp_path / "kaart.svg"
    picture.write_text(result.stdout, encoding="utf-8")
    context = browser.new_context(viewport={"width": 640, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(picture.as_uri())
    widths = page.evaluate(
        "() => [...document.querySelectorAll('g[id^=province-]')].map(g => g.getBBox().width)"
    )
    assert len(widths) == 12
    assert all(width > 10 for width in widths)
    # Every text inside the picture: none cut off at its right or bottom edge.
    size = page.evaluate(
        "() => [document.documentElement.width.baseVal.value,"
        " document.documentElement.height.baseVal.value]"
    )
    edges = page.evaluate(
        "() => [...document.querySelectorAll('text')].map(text => {"
        " const box = text.getBBox();"
        " return [text.textContent, box.x + box.width, box.y + box.height]; })"
    )
    outside = [edge for edge in edges if edge[1] > size[0] - 10 or edge[2] > size[1]]
    assert outside == [], size
    page.set_viewport_size({"width": 640, "height": int(size[1])})
    shot = page.screenshot(path=str(screenshots / "kaart.png"))
    page.goto("about:blank")
    assert page.screenshot() != shot  # the picture is not blank
    assert requests == [picture.as_uri()]
    context.close()
