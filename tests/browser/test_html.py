"""The HTML export as a reader sees it: loaded from a file in a headless Chromium.

The browser and the page come from the fixtures in conftest.py (the system Chromium);
axe-core from browser_helpers.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from browser_helpers import describe, run_axe
from leerlab_cli.files.dataset import load, shipped_path

pytestmark = pytest.mark.browser

MATRIX_BOX = "() => document.querySelector('table.matrix').parentElement"
MATRIX_WIDTHS = (
    f"() => {{ const box = ({MATRIX_BOX})(); return [box.scrollWidth, box.clientWidth]; }}"
)
"""The route matrix's box: how wide its content is, and how wide it shows."""

A4_PRINT_WIDTH = round((210 - 2 * 14) / 25.4 * 96)
"""The width of an A4 page in portrait within the page's print margins, in CSS pixels."""

NO_SIDEWAYS_SCROLL = (
    "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
)


def test_every_part_is_visible_without_javascript(browser: Browser, html_page: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(html_page.as_uri())
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Samen op weg: naar een naadloze aansluiting vmbo-mbo"
    )
    expect(page.locator("table.overview")).to_be_visible()
    expect(page.locator("table.matrix")).to_be_visible()
    for lab in load(shipped_path()).leerlab:
        expect(page.locator(f"#{lab.slug}").get_by_role("heading", name=lab.name)).to_be_visible()
    assert requests == [html_page.as_uri()]
    context.close()


def test_an_anchor_scrolls_its_leerlab_into_view(page: Page, html_page: Path) -> None:
    page.goto(f"{html_page.as_uri()}#apeldoorn")
    expect(page.locator("#apeldoorn")).to_be_in_viewport()
    assert page.evaluate("() => window.scrollY") > 0
    page.get_by_role("link", name="Leerlab Midden-Limburg").click()
    expect(page.locator("#midden-limburg h3")).to_be_in_viewport()


def test_contacts_are_mail_links(page: Page, html_page: Path) -> None:
    page.goto(html_page.as_uri())
    expected = [
        (contact.email, f"mailto:{contact.email}")
        for lab in load(shipped_path()).leerlab
        for contact in lab.contacts
    ]
    links = page.locator('a[href^="mailto:"]')
    found = [
        (links.nth(index).inner_text(), links.nth(index).get_attribute("href"))
        for index in range(links.count())
    ]
    assert found == expected


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots_and_no_sideways_scrolling_on_a_phone(
    page: Page, html_page: Path, screenshots: Path, scheme: Any
) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(html_page.as_uri())
    page.screenshot(path=str(screenshots / f"leerlabs-1280-{scheme}.png"))
    page.set_viewport_size({"width": 375, "height": 812})
    assert page.evaluate(NO_SIDEWAYS_SCROLL), page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    page.screenshot(path=str(screenshots / f"leerlabs-375-{scheme}.png"), full_page=True)
    print(f"screenshots in {screenshots}")


def test_prints_on_a4_pages(page: Page, html_page: Path, screenshots: Path) -> None:
    page.goto(html_page.as_uri())
    pdf = page.pdf(format="A4")
    (screenshots / "leerlabs.pdf").write_bytes(pdf)
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) >= 2
    width, height = pages[0].mediabox.width, pages[0].mediabox.height
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations(page: Page, html_page: Path, scheme: Any) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(html_page.as_uri())
    violations = run_axe(page)
    assert violations == [], describe(violations)


@pytest.mark.parametrize("width", [1280, 1024])
def test_the_route_matrix_fits_on_a_desktop(page: Page, html_page: Path, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(html_page.as_uri())
    scroll_width, client_width = page.evaluate(MATRIX_WIDTHS)
    assert scroll_width <= client_width, (scroll_width, client_width)
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    # The last column shows whole: its header is inside the window.
    header = page.locator("table.matrix thead th").last
    expect(header).to_have_text("mbo 4")
    box = header.bounding_box()
    assert box is not None
    assert box["x"] + box["width"] <= width


def test_the_route_matrix_scrolls_in_its_box_on_a_phone(
    page: Page, html_page: Path, screenshots: Path
) -> None:
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(html_page.as_uri())
    scroll_width, client_width = page.evaluate(MATRIX_WIDTHS)
    assert scroll_width > client_width  # it scrolls, inside its box, not the page
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    first = page.locator("table.matrix tbody th").first
    before = first.bounding_box()
    page.evaluate(f"() => {{ ({MATRIX_BOX})().scrollLeft = 200; }}")
    after = first.bounding_box()
    assert before is not None
    assert after is not None
    assert abs(after["x"] - before["x"]) < 1  # the first column stays in view
    cell = page.locator("table.matrix tbody td").first.bounding_box()
    assert cell is not None
    assert cell["x"] < before["x"]  # the rest has moved
    page.locator("table.matrix").screenshot(path=str(screenshots / "matrix-375-scrolled.png"))


def test_the_route_matrix_fits_on_an_a4_page(page: Page, html_page: Path) -> None:
    page.emulate_media(media="print")
    page.set_viewport_size({"width": A4_PRINT_WIDTH, "height": 1000})
    page.goto(html_page.as_uri())
    scroll_width, client_width = page.evaluate(MATRIX_WIDTHS)
    assert scroll_width <= client_width, (scroll_width, client_width)
    # In the PDF itself, each header of the matrix lies within the right margin.
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    right_edge = float(reader.pages[0].mediabox.width) - 14 / 25.4 * 72
    headers: list[tuple[str, float]] = []

    def seen(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if text.strip().startswith("mbo "):
            # Where the text starts, and where it ends at a generous average glyph width.
            start = tm[4] * cm[0] + cm[4]
            headers.append((text.strip(), start + len(text.strip()) * size * cm[0] * 0.6))

    for pdf_page in reader.pages:
        pdf_page.extract_text(visitor_text=seen)
    columns = [name for name, _ in headers if name in {"mbo 1", "mbo 2", "mbo 3", "mbo 4"}]
    assert columns[:4] == ["mbo 1", "mbo 2", "mbo 3", "mbo 4"], headers
    assert all(end <= right_edge for _, end in headers), (right_edge, headers)
