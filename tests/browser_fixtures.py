"""Shared pieces of the browser tests (search, offline, accessibility, HTML validity).

Fixtures here are module-scoped; a test module imports the ones it uses
(``from .browser_fixtures import browser``) so pytest registers them for that
module.  Module scope matters for Playwright: only one sync Playwright may run
in a thread at a time, and each module's instance is stopped when the module
ends, before the next module starts its own.

Everything is real: sites are built with the ``openbranch`` command (a
subprocess, ``python -m generator``), served by a plain static HTTP server on
127.0.0.1 and opened in Debian's Chromium (``/usr/bin/chromium``) through
Playwright.  Nothing is downloaded, nothing is skipped: a missing browser is
an error.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

import pytest

from .browser import launch_chromium
from .helpers import REPO_ROOT, run_cli

DEMO_CONFIG = REPO_ROOT / "site_config.yml"
DEMO_TODAY = "2026-11-22"


def build(config: Path, dest: Path, today: str, *extra: str) -> Path:
    """``openbranch build -c CONFIG -d DEST --today TODAY``; fail with its output."""
    code, out, err = run_cli(
        ["build", "-c", config, "-d", dest, "--today", today, *extra],
        cwd=config.parent,
        env={"NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
    )
    assert code == 0, f"openbranch build failed (exit {code})\n--- stdout ---\n{out}\n--- stderr ---\n{err}"
    for audience in ("public", "members"):
        if "--audience" not in extra:
            assert (dest / audience / "index.html").is_file(), f"no {audience}/index.html after build:\n{out}"
    return dest


def url_path(href: str) -> str:
    """The path of a URL, without query (``?h=…`` from search.highlight) or fragment."""
    return urlsplit(href).path


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """The system Chromium, headless, for one test module."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = launch_chromium(pw)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="module")
def demo_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's demo site (content/ via /site_config.yml) built into a temp folder."""
    return build(DEMO_CONFIG, tmp_path_factory.mktemp("demo") / "out", DEMO_TODAY)
