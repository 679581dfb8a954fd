"""Fixtures shared by every test: sites written into ``tmp_path``, the real CLI, Chromium, the built demo."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest

from .browser import launch_chromium
from .helpers import BRANCH, DEMO_TODAY, build_ok, copy_demo, make_site, run_cli


@pytest.fixture
def site(tmp_path: Path) -> Callable[..., Path]:
    """Factory: ``site(files, config=None, folder="site")`` -> the site folder in tmp_path.

    Each call may use its own ``folder`` to make several sites in one test.
    """

    def factory(files: dict[str, Any] | None = None, config: Any = None, *, folder: str = "site") -> Path:
        return make_site(tmp_path, files, config, folder=folder)

    return factory


@pytest.fixture
def cli() -> Callable[..., tuple[int, str, str]]:
    """``cli(args, cwd)`` runs the real openbranch command; returns (code, stdout, stderr)."""
    return run_cli


@pytest.fixture
def branch() -> dict[str, Any]:
    """A fresh copy of a valid branch.yml as a dict."""
    return copy.deepcopy(BRANCH)


@pytest.fixture(scope="session")
def demo_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's demo branch, copied into a temp folder and built once per session: ``<out>/public``, ``<out>/members``.

    One build makes both audiences' sites, each once.  For tests that only read
    the output; a test that changes the demo copies it itself (``copy_demo``).
    """
    root = tmp_path_factory.mktemp("demo")
    return build_ok(copy_demo(root / "site"), root / "out", DEMO_TODAY)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """The system Chromium, headless, for one test module.

    Module scope matters for Playwright: only one sync Playwright may run in a
    thread at a time, and each module's instance is stopped when the module
    ends, before the next module starts its own.  Nothing is downloaded,
    nothing is skipped: a missing browser is an error.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = launch_chromium(pw)
        try:
            yield chromium
        finally:
            chromium.close()
