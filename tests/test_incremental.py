"""An incremental build gives exactly the bytes a clean build gives.

``build`` keeps its staged projects and a manifest of what the live site was
rendered from; the next build renders only pages whose source (or the
site-wide inputs) changed and links the rest from the live site.  Each step
below edits the demo branch the way a secretary would, builds incrementally,
checks that pages were in fact reused, then builds the same records from
scratch into another folder and compares every file byte for byte: listings,
figures, feeds, the sitemap and the search index included.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from .helpers import REPO_ROOT, build_site, copy_demo, describe, tree_hashes

TODAY = "2026-11-22"
EDITED = "content/meetings/2026/2026-01-12-group-1.yml"
MADE_PRIVATE = "content/meetings/2026/2026-01-14-group-3.yml"
REMOVED = "content/meetings/2026/2026-01-22-theme-day.yml"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("incremental")
    copy_demo(root / "site")
    return root


def _reused(stdout: str) -> dict[str, tuple[int, int]]:
    """Per audience label: (rendered, reused), from the build summary."""
    return {m.group(1): (int(m.group(2)), int(m.group(3))) for m in re.finditer(r"(\S+)：重新生成 (\d+) 页，沿用未变的 (\d+) 页", stdout)}


def _incremental_then_clean(demo: Path, step: str) -> tuple[dict[str, tuple[int, int]], dict[str, str], dict[str, str]]:
    site = demo / "site"
    live = build_site(site, demo / "live", today=TODAY)
    assert live.returncode == 0, describe(live)
    clean = build_site(site, demo / f"clean-{step}", "--clean", today=TODAY)
    assert clean.returncode == 0, describe(clean)
    assert "沿用" not in clean.stdout, clean.stdout
    return _reused(live.stdout), tree_hashes(demo / "live"), tree_hashes(demo / f"clean-{step}")


def _differences(a: dict[str, str], b: dict[str, str]) -> list[str]:
    return sorted(path for path in a.keys() | b.keys() if a.get(path) != b.get(path))


@pytest.fixture(scope="module")
def first_build(demo: Path) -> None:
    proc = build_site(demo / "site", demo / "live", today=TODAY)
    assert proc.returncode == 0, describe(proc)
    assert "沿用" not in proc.stdout  # nothing to reuse yet


def test_unchanged_rebuild_reuses_every_record_page(demo: Path, first_build: None) -> None:
    reused, live, clean = _incremental_then_clean(demo, "unchanged")
    assert _differences(live, clean) == []
    for audience, (rendered, kept) in reused.items():
        assert kept > 100, (audience, rendered, kept)
        assert rendered <= 12, (audience, rendered, kept)  # the navigation's own pages only


def test_one_record_edited(demo: Path, first_build: None) -> None:
    path = demo / "site" / EDITED
    text = path.read_text(encoding="utf-8")
    text = text.replace("title: 第一党小组1月党小组会：党的二十届四中全会精神", "title: 第一党小组1月党小组会：学习全会精神（增量）")
    path.write_text(text, encoding="utf-8")

    reused, live, clean = _incremental_then_clean(demo, "edited")

    assert _differences(live, clean) == []
    assert reused and all(kept > 100 for _, kept in reused.values()), reused
    page = (demo / "live" / "public" / "meetings" / "2026" / "2026-01-12-group-1" / "index.html").read_text(encoding="utf-8")
    assert "学习全会精神（增量）" in page


def test_record_made_private_added_and_removed(demo: Path, first_build: None) -> None:
    site = demo / "site"
    private = site / MADE_PRIVATE
    private.write_text(private.read_text(encoding="utf-8").replace("visibility: 公开", "visibility: 党内"), encoding="utf-8")
    (site / REMOVED).unlink()
    added = site / "content" / "meetings" / "2026" / "2026-11-20-theme-day.yml"
    added.write_text(
        "title: 11月主题党日：增量生成测试\ndate: 2026-11-20\nkind: 主题党日\nvisibility: 公开\nattendees:\n  - 陈立群\n  - 刘洋\nbody: 参观学习。\n"
        "approval: {proposed_by: 王思远, proposed_on: 2026-11-20, reviewed_by: 赵国栋, reviewed_on: 2026-11-20, approved_by: 陈立群, approved_on: 2026-11-20}\n",
        encoding="utf-8",
    )

    reused, live, clean = _incremental_then_clean(demo, "moved")

    assert _differences(live, clean) == []
    assert reused, "nothing was reused"
    public = demo / "live" / "public"
    assert not (public / "meetings" / "2026" / "2026-01-14-group-3").exists()
    assert not (public / "meetings" / "2026" / "2026-01-22-theme-day").exists()
    assert (public / "meetings" / "2026" / "2026-11-20-theme-day" / "index.html").is_file()
    assert (demo / "live" / "members" / "meetings" / "2026" / "2026-01-14-group-3" / "index.html").is_file()


def test_theme_change_renders_every_page_again(demo: Path, first_build: None) -> None:
    site = demo / "site"
    overrides = site / "themes" / "overrides"
    shutil.copytree(REPO_ROOT / "themes" / "overrides", overrides)
    css = overrides / "stylesheets" / "openbranch.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n/* a site's own touch */\n", encoding="utf-8")
    main = overrides / "main.html"
    main.write_text(main.read_text(encoding="utf-8") + "\n{# a site's own touch #}\n", encoding="utf-8")

    reused, live, clean = _incremental_then_clean(demo, "theme")

    assert _differences(live, clean) == []
    assert reused == {}, reused  # a site-wide input changed: nothing may be reused
