"""Fixtures of the browser tests: one system Chromium per session, a page per module.

The browser is the system's (Debian: `apt-get install --no-install-recommends chromium
fonts-liberation`), driven by Playwright through `executable_path`; Playwright's own
browser download is never used. Without a Chromium these tests skip, saying how to
install one; in CI (the CI variable set) they fail instead, so CI never passes without
having run them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Playwright, ViewportSize, sync_playwright

from helpers import Runner
from leerlab_cli.cli import app
from leerlab_cli.files.dataset import shipped_path

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
"""The system Chromium; set CHROMIUM=/path/to/chrome to use another."""

INSTALL_HINT = (
    "no Chromium found at {path}: install it (Debian/Ubuntu: apt-get install -y "
    "--no-install-recommends chromium fonts-liberation) or set CHROMIUM=/path/to/chromium"
)

LAUNCH_ARGS = [
    "--no-sandbox",  # tests may run as root, where Chromium has no usable sandbox
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-extensions",
    # Chromium still looks up Google hosts at start despite the flags above; this
    # makes every name lookup fail inside the browser, so the tests stay offline.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]


@pytest.fixture(scope="session")
def html_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped dataset exported as HTML in Dutch, as it would be published."""
    target = tmp_path_factory.mktemp("html") / "leerlabs.html"
    result = Runner().invoke(
        app,
        ["--data", str(shipped_path()), "export", "--output", str(target)],
        env={"LEERLAB_LANG": "nl"},
    )
    assert result.exit_code == 0, result.output
    return target


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the screenshots and the PDF go: the pytest temp folder, never the repository."""
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright_driver: Playwright) -> Iterator[Browser]:
    """One Chromium for the whole session: launching it is the slow part."""
    if not Path(CHROMIUM).exists():
        message = INSTALL_HINT.format(path=CHROMIUM)
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    chromium = playwright_driver.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS
    )
    yield chromium
    chromium.close()


VIEWPORT: ViewportSize = {"width": 1280, "height": 800}


@pytest.fixture(scope="module")
def module_page(browser: Browser) -> Iterator[Page]:
    """The page that the tests of one module share; bypass_csp lets axe-core be injected
    despite the page's Content-Security-Policy."""
    context = browser.new_context(viewport=VIEWPORT, bypass_csp=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def page(module_page: Page) -> Page:
    """The module's page, reset: at about:blank, 1280×800, screen media, light scheme.

    A page of its own would cost each test a new context, and Chromium a new renderer
    process: about 0.2 s of CPU, as much as the test itself. What a test may change in
    the page and keeps across a navigation is reset here; a test that needs more (its
    own listeners, no JavaScript, the page's own policy) opens a context of its own.
    """
    module_page.goto("about:blank")
    module_page.set_viewport_size(VIEWPORT)
    module_page.emulate_media(media="null", color_scheme="light")
    return module_page
