"""Fixtures shared by every test: sites written into ``tmp_path`` and the real CLI."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import pytest

from .helpers import BRANCH, make_site, run_cli


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
    import copy

    return copy.deepcopy(BRANCH)
