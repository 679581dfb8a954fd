"""An incremental build gives exactly the bytes a clean build gives.

``build`` keeps its staged projects and a manifest of what the live site was
rendered from; the next build renders only pages whose source (or the
site-wide inputs) changed and links the rest from the live site, and a build
whose inputs are all unchanged does nothing.  Each step below changes the
demo branch the way a secretary (or the calendar) would — a record edited,
added, removed, made private, a record that others link to, a theme file,
site_config.yml, the day passing a notice's end — builds incrementally,
checks that pages were in fact reused, then builds the same records from
scratch into another folder and compares every file byte for byte: listings,
figures, feeds, the sitemap and the search index included.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from .helpers import REPO_ROOT, build_site, copy_demo, describe, tree_hashes

TODAY = "2026-11-22"
EDITED = "content/meetings/2026/2026-01-12-group-1.yml"
MADE_PRIVATE = "content/meetings/2026/2026-01-14-group-3.yml"
REMOVED = "content/meetings/2026/2026-01-22-theme-day.yml"
# A meeting a decision links to: the decision's page shows the meeting's title.
LINKED = "content/meetings/2026/2026-01-08-branch-committee.yml"
LINKING_PAGE = "decisions/2026/2026-01-08-work-plan/index.html"
# A publicity notice open on TODAY (2026-11-18 to 2026-11-24) and closed the day after its end.
NOTICE_PAGE = "notices/2026/2026-11-18-membership-deng/index.html"
AFTER_NOTICE = "2026-11-25"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("incremental")
    copy_demo(root / "site")
    return root


def _reused(stdout: str) -> dict[str, tuple[int, int]]:
    """Per audience label: (rendered, reused), from the build summary."""
    return {m.group(1): (int(m.group(2)), int(m.group(3))) for m in re.finditer(r"(\S+)：重新生成 (\d+) 页，沿用未变的 (\d+) 页", stdout)}


def _incremental_then_clean(demo: Path, step: str, today: str = TODAY) -> tuple[dict[str, tuple[int, int]], dict[str, str], dict[str, str]]:
    site = demo / "site"
    live = build_site(site, demo / "live", today=today)
    assert live.returncode == 0, describe(live)
    assert "读取与检查" in live.stdout, f"{step}: the build found nothing changed\n{live.stdout}"
    clean = build_site(site, demo / f"clean-{step}", "--clean", today=today)
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


def _navigation_pages(site: Path) -> dict[str, int]:
    """Per audience: how many pages the staged project's ``nav:`` lists (one ``- title: page.md`` line each)."""
    counts = {}
    for staged in site.glob(".openbranch/build-*/*/mkdocs.yml"):
        nav = re.search(r"^nav:\n((?:- .*\n)+)", staged.read_text(encoding="utf-8"), re.MULTILINE)
        assert nav, staged
        counts[staged.parent.name] = len(re.findall(r"\.md$", nav.group(1), re.MULTILINE))
    return counts


def _inodes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_build_with_nothing_changed_does_nothing(demo: Path, first_build: None) -> None:
    before = _inodes(demo / "live")
    again = build_site(demo / "site", demo / "live", today=TODAY)
    assert again.returncode == 0, describe(again)
    # Only the inputs were compared: no record read, no page rendered, no file of the sites written again.
    assert "核对输入" in again.stdout and "读取与检查" not in again.stdout, again.stdout
    assert _inodes(demo / "live") == before
    reused = _reused(again.stdout)
    assert set(reused) == {"公开网站", "党内网站"} and all(rendered == 0 and kept > 100 for rendered, kept in reused.values()), reused


def test_a_file_touched_but_unchanged_reuses_every_record_page(demo: Path, first_build: None) -> None:
    record = demo / "site" / EDITED
    os.utime(record)  # newer, same bytes: the inputs look changed, nothing is
    reused, live, clean = _incremental_then_clean(demo, "touched")
    assert _differences(live, clean) == []
    in_nav = _navigation_pages(demo / "site")
    assert set(in_nav) == {"public", "members"} and all(count >= 10 for count in in_nav.values()), in_nav
    for audience, label in (("public", "公开网站"), ("members", "党内网站")):
        rendered, kept = reused[label]
        assert kept > 100, (audience, rendered, kept)
        # The navigation's own pages only: they show their neighbours, so they are always rendered.
        assert rendered == in_nav[audience], (audience, rendered, kept, in_nav)


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


def test_a_linked_record_changed(demo: Path, first_build: None) -> None:
    path = demo / "site" / LINKED
    text = path.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title: "))
    path.write_text(text.replace(title, "title: 1月支部委员会：研究年度工作计划（增量）"), encoding="utf-8")

    reused, live, clean = _incremental_then_clean(demo, "linked")

    assert _differences(live, clean) == []
    assert reused and all(kept > 100 for _, kept in reused.values()), reused
    for audience in ("public", "members"):
        assert "研究年度工作计划（增量）" in (demo / "live" / audience / LINKING_PAGE).read_text(encoding="utf-8"), audience


def test_site_config_changed(demo: Path, first_build: None) -> None:
    config = demo / "site" / "site_config.yml"
    text = config.read_text(encoding="utf-8")
    name = next(line for line in text.splitlines() if line.startswith("site_name: "))
    config.write_text(text.replace(name, name + "（增量）"), encoding="utf-8")

    reused, live, clean = _incremental_then_clean(demo, "config")

    assert _differences(live, clean) == []
    assert reused == {}, reused  # the site's name is on every page: nothing may be reused
    assert "（增量）" in (demo / "live" / "public" / "index.html").read_text(encoding="utf-8")


def test_the_day_passes_a_notice_end(demo: Path, first_build: None) -> None:
    before = (demo / "live" / "public" / NOTICE_PAGE).read_text(encoding="utf-8")

    reused, live, clean = _incremental_then_clean(demo, "day", today=AFTER_NOTICE)

    assert _differences(live, clean) == []
    assert reused and all(kept > 100 for _, kept in reused.values()), reused
    assert (demo / "live" / "public" / NOTICE_PAGE).read_text(encoding="utf-8") != before, "the notice's page did not change when it closed"


def test_a_page_template_of_the_site_changed_twice(demo: Path, first_build: None) -> None:
    """The site's own page template is used as it stands at each build, though templates are kept compiled between builds."""
    own = demo / "site" / "themes" / "templates" / "record" / "meeting.md.j2"
    own.parent.mkdir(parents=True, exist_ok=True)
    builtin = (REPO_ROOT / "themes" / "templates" / "record" / "meeting.md.j2").read_text(encoding="utf-8")
    footer = "{{ record_footer(record, attachments) }}"
    assert footer in builtin
    page = demo / "live" / "public" / "meetings" / "2026" / "2026-01-12-group-1" / "index.html"
    for version in ("第一版", "第二版"):
        own.write_text(builtin.replace(footer, f"本页模板由本支部调整（{version}）。\n\n{footer}"), encoding="utf-8")

        reused, live, clean = _incremental_then_clean(demo, f"template-{version}", today=AFTER_NOTICE)

        assert _differences(live, clean) == []
        assert any(demo.glob("site/.openbranch/templates-compiled/*")), "no template was kept compiled"
        shown = page.read_text(encoding="utf-8")
        assert f"本页模板由本支部调整（{version}）" in shown
        assert shown.count("本页模板由本支部调整") == 1


def _index_parts(site: Path) -> list[str]:
    """The index's parts after the first, as the site's pagefind/openbranch-parts.json lists them."""
    return json.loads((site / "pagefind" / "openbranch-parts.json").read_text(encoding="utf-8"))["parts"]


def _part_inodes(site: Path) -> dict[str, dict[str, int]]:
    """Per part of the index ("" for the first): its files' inodes."""
    parts: dict[str, dict[str, int]] = {"": {}}
    for rel, inode in _inodes(site / "pagefind").items():
        head, _, rest = rel.partition("/")
        if head.startswith("part-"):
            parts.setdefault(head, {})[rest] = inode
        else:
            parts[""][rel] = inode
    return parts


def test_an_index_in_parts_makes_again_only_the_parts_that_changed(tmp_path: Path) -> None:
    """A record edited, then made private, on a site whose index is in parts: each build gives a clean build's bytes, and a part none of whose pages changed is the live site's own files."""
    demo = tmp_path
    copy_demo(demo / "site")
    config = demo / "site" / "site_config.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nlimits:\n  search_index_pages: 40\n", encoding="utf-8")
    first = build_site(demo / "site", demo / "live", today=TODAY)
    assert first.returncode == 0, describe(first)
    for audience in ("public", "members"):
        assert len(_index_parts(demo / "live" / audience)) >= 3, _index_parts(demo / "live" / audience)

    edited = demo / "site" / EDITED
    edited.write_text(edited.read_text(encoding="utf-8").replace("：党的二十届四中全会精神", "：学习全会精神（分块）"), encoding="utf-8")
    private = demo / "site" / MADE_PRIVATE
    for step, change in (("edited", None), ("private", lambda: private.write_text(private.read_text(encoding="utf-8").replace("visibility: 公开", "visibility: 党内"), encoding="utf-8"))):
        if change is not None:
            change()
        before = {audience: _part_inodes(demo / "live" / audience) for audience in ("public", "members")}
        reused, live, clean = _incremental_then_clean(demo, f"parts-{step}")
        assert _differences(live, clean) == [], step
        for audience in ("public", "members"):
            after = _part_inodes(demo / "live" / audience)
            kept = [part for part, files in after.items() if part and files == before[audience].get(part)]
            made = [part for part, files in after.items() if files != before[audience].get(part)]
            # The first part holds the listings, which show the record: made again; some other part is not.
            assert "" in made and kept, (step, audience, made, kept)
    assert "学习全会精神（分块）" in (demo / "live" / "public" / "meetings" / "2026" / "2026-01-12-group-1" / "index.html").read_text(encoding="utf-8")
    assert not (demo / "live" / "public" / "meetings" / "2026" / "2026-01-14-group-3").exists()
