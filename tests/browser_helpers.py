"""Helpers of the browser tests (tests/browser): axe-core, run in a loaded page.

axe-core comes from the pinned PyPI package axe-playwright-python.
"""

from __future__ import annotations

from importlib.resources import files
from typing import Any

from playwright.sync_api import Page


def run_axe(page: Page) -> list[dict[str, Any]]:
    """Inject axe-core into the loaded page, run it, and return the violations."""
    page.add_script_tag(path=str(files("axe_playwright_python") / "axe.min.js"))
    results: dict[str, Any] = page.evaluate(
        "options => axe.run(document, options)", {"resultTypes": ["violations"]}
    )
    return list(results["violations"])


def describe(violations: list[dict[str, Any]]) -> str:
    """The violations, one a line, with the elements they were found on."""
    return "\n".join(
        f"{violation['id']} ({violation['impact']}): {violation['help']}: "
        f"{[node['target'] for node in violation['nodes']]}"
        for violation in violations
    )
