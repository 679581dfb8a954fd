"""``openbranch build --engine zensical``: the same staged project, rendered by Zensical.

One small site is written for the module and built once with the real command
and the real Zensical (no mocks).  Public records must each have their page
with their title; no byte of any public output file may hold a members-only,
restricted or draft record's id or title; the members' site has its records.
A record page is opened in Chromium to see the theme overrides at work.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import pytest

from .browser import DESKTOP_VIEWPORT, launch_chromium, serve_directory
from .helpers import NO_APPROVAL, build_site, describe, tree_hashes, write_site

TODAY = "2026-06-01"

# ASCII markers so that every encoding (HTML, JSON, URL) keeps them findable as bytes.
PUBLIC = {
    "meetings/2025/2025-03-12-pubz-committee": ("PUBZ0001 三月支部委员会会议", {"kind": "支委会", "attendees": ["王书记", "李委员"], "body": "## 会议纪要\n\n会议研究了发展党员工作，见[旧纪要](../old/minutes.md)。\n", "tags": ["发展党员"]}),
    "decisions/2025/2025-03-12-pubz-admit": ("PUBZ0002 关于接收预备党员的决定", {"meeting": "2025-03-12-pubz-committee", "result": "通过"}),
    "notices/2026/2026-05-28-pubz-notice": (
        "PUBZ0003 关于张同志拟接收为预备党员的公示",
        {"kind": "membership", "stage": "拟接收预备党员", "start": "2026-05-28", "end": "2026-06-05", "subjects": [{"name": "张同志", "detail": "入党积极分子"}]},
    ),
}
MEMBERS = {
    "meetings/2025/2025-04-20-leakmembz-assembly": ("LEAKMEMBZ0004 四月党员大会", {"kind": "general_assembly", "attendees": ["党员1", "党员2"], "attachments": [{"file": "minutes/leakmembz-minutes.pdf", "title": "LEAKMEMBZ0005 纪要"}]}),
}
HIDDEN = {  # on neither site
    "decisions/2025/2025-05-01-leakrestz-decision": ("LEAKRESTZ0006 不公开的决定", {"meeting": "2025-03-12-pubz-committee", "result": "通过"}, "restricted", "published"),
    "meetings/2025/2025-05-02-leakdraftz-meeting": ("LEAKDRAFTZ0007 草稿会议", {"kind": "支委会"}, "public", "draft"),
}
FORBIDDEN_ON_PUBLIC = ("leakmembz", "leakrestz", "leakdraftz")
FORBIDDEN_ON_MEMBERS = ("leakrestz", "leakdraftz")


def _record(path: str, title: str, fields: dict[str, Any], visibility: str, status: str = "published") -> tuple[str, dict[str, Any]]:
    date = path.split("/")[-1][:10]
    return f"content/{path}.yml", {"title": title, "date": date, "visibility": visibility, "status": status, **fields}


def _files() -> dict[str, Any]:
    files: dict[str, Any] = dict(
        [_record(p, t, f, "public") for p, (t, f) in PUBLIC.items()]
        + [_record(p, t, f, "members") for p, (t, f) in MEMBERS.items()]
        + [_record(p, t, f, v, s) for p, (t, f, v, s) in HIDDEN.items()]
    )
    files["content/attachments/minutes/leakmembz-minutes.pdf"] = b"%PDF-1.4\n% LEAKMEMBZ0008\n%%EOF\n"
    return files


CONFIG = {
    "site_name": "测试党支部党务公开",
    "language": "zh",
    "norms": NO_APPROVAL,
    "audiences": {"public": {"url": "https://public.example.org/"}, "members": {"url": "https://members.example.org/"}},
}


@dataclass
class Built:
    site: Path
    out: Path
    stdout: str
    stderr: str


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("zensical")
    site = write_site(root / "site", _files(), CONFIG)
    out = root / "out"
    proc = build_site(site, out, "--engine", "zensical", today=TODAY)
    assert proc.returncode == 0, describe(proc)
    return Built(site, out, proc.stdout, proc.stderr)


def _page(out: Path, audience: str, path: str) -> Path:
    return out / audience / path / "index.html"


def test_the_build_reports_both_sites_without_engine_noise(built: Built) -> None:
    assert "公开网站：3 条记录" in built.stdout, built.stdout
    assert "党内网站：4 条记录" in built.stdout, built.stdout
    # Zensical's own progress lines ("Build started", "No issues found") are captured, not printed.
    assert "Build started" not in built.stdout + built.stderr
    assert "Traceback" not in built.stderr
    # Its issue reports are passed on as one warning line each, with the staged file and line.
    warnings = [line.strip() for line in built.stderr.splitlines() if line.strip().startswith("Zensical: ")]
    assert warnings and all(w.startswith("Zensical: meetings/2025/2025-03-12-pubz-committee/index.md:") and w.endswith(": page does not exist") for w in warnings), built.stderr


def test_zensical_rendered_the_site(built: Built) -> None:
    """Zensical's own search index, not MkDocs' — the flag is not silently ignored."""
    for audience in ("public", "members"):
        assert (built.out / audience / "search.json").is_file(), audience
        assert not (built.out / audience / "search" / "search_index.json").exists(), audience
        assert (built.out / audience / "sitemap.xml").is_file(), audience


def test_every_public_record_has_its_page_with_its_title(built: Built) -> None:
    for path, (title, _) in PUBLIC.items():
        for audience in ("public", "members"):
            page = _page(built.out, audience, path)
            assert page.is_file(), (audience, path)
            text = page.read_text(encoding="utf-8")
            assert re.search(r"<h1[^>]*>\s*" + re.escape(title) + r"\s*</h1>", text), (audience, path)
            assert f"<title>{title} - " in text, (audience, path)


def test_the_members_site_has_the_members_record(built: Built) -> None:
    for path, (title, _) in MEMBERS.items():
        text = _page(built.out, "members", path).read_text(encoding="utf-8")
        assert title in text
        assert "LEAKMEMBZ0005 纪要" in text
    assert (built.out / "members" / "attachments" / "minutes" / "leakmembz-minutes.pdf").is_file()


def _files_holding(folder: Path, needles: tuple[str, ...]) -> list[str]:
    found = []
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix().lower()
        data = path.read_bytes().lower() if path.is_file() else b""
        for needle in needles:
            if needle in name or needle.encode() in data:
                found.append(f"{name}: {needle}")
    return found


def test_no_byte_of_the_public_site_names_a_members_restricted_or_draft_record(built: Built) -> None:
    assert _files_holding(built.out / "public", FORBIDDEN_ON_PUBLIC) == []
    # Every file was looked at: the public site is not empty.
    assert len([p for p in (built.out / "public").rglob("*") if p.is_file()]) > 50


def test_no_byte_of_the_members_site_names_a_restricted_or_draft_record(built: Built) -> None:
    assert _files_holding(built.out / "members", FORBIDDEN_ON_MEMBERS) == []
    assert _files_holding(built.out / "members", ("leakmembz",)) != []


def test_the_stage_keeps_zensical_cache_and_no_output(built: Built) -> None:
    stages = sorted((built.site / ".openbranch").glob("build-*"))
    assert len(stages) == 1
    for audience in ("public", "members"):
        kept = {p.name for p in (stages[0] / audience).iterdir()}
        assert ".cache" in kept and "mkdocs.yml" in kept and "docs" in kept, (audience, kept)
        assert ".site" not in kept, audience  # moved into the output, not copied
    # The public cache holds nothing of a members record either.
    assert _files_holding(stages[0] / "public", FORBIDDEN_ON_PUBLIC) == []


def test_an_unchanged_rebuild_is_byte_identical(built: Built, tmp_path: Path) -> None:
    """Warm (Zensical's cache kept) into the same folder, and cold into another: same bytes."""
    before = tree_hashes(built.out)
    warm = build_site(built.site, built.out, "--engine", "zensical", today=TODAY)
    assert warm.returncode == 0, describe(warm)
    assert tree_hashes(built.out) == before
    cold = build_site(built.site, tmp_path / "other", "--engine", "zensical", today=TODAY)
    assert cold.returncode == 0, describe(cold)
    assert tree_hashes(tmp_path / "other") == before


def test_an_engine_error_is_a_clear_message_and_keeps_the_previous_site(built: Built, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(built.site, broken, ignore=shutil.ignore_patterns(".openbranch"))
    overrides = broken / "themes" / "overrides"
    shutil.copytree(Path(__file__).resolve().parents[1] / "themes" / "overrides", overrides)
    (overrides / "main.html").write_text('{% extends "base.html" %}\n{% block announce %}{% if %}{% endblock %}\n', encoding="utf-8")
    out = tmp_path / "out"
    shutil.copytree(built.out, out)
    before = tree_hashes(out)

    proc = build_site(broken, out, "--engine", "zensical", today=TODAY)

    assert proc.returncode == 1, describe(proc)
    assert "Zensical 生成出错：" in proc.stderr, describe(proc)
    assert "main.html" in proc.stderr, describe(proc)
    assert "生成失败，原有网站保持不变" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert tree_hashes(out) == before
    assert sorted(p.name for p in out.iterdir()) == ["members", "public"]


# ---------------------------------------------------------------------------
# In the browser
# ---------------------------------------------------------------------------


@dataclass
class Opened:
    page: Any  # playwright Page
    responses: list[tuple[str, int]]


@pytest.fixture(scope="module")
def opened(built: Built) -> Iterator[Opened]:
    """The first public record's page, served over HTTP and opened in Chromium."""
    from playwright.sync_api import sync_playwright

    with serve_directory(built.out / "public") as base, sync_playwright() as pw:
        browser = launch_chromium(pw)
        try:
            page = browser.new_page(viewport=DESKTOP_VIEWPORT)
            responses: list[tuple[str, int]] = []
            page.on("response", lambda r: responses.append((r.url, r.status)))
            page.goto(f"{base}/{next(iter(PUBLIC))}/", wait_until="load")
            yield Opened(page, responses)
        finally:
            browser.close()


def test_a_record_page_in_chromium_shows_its_title(opened: Opened) -> None:
    page = opened.page
    title = next(iter(PUBLIC.values()))[0]
    assert page.locator("h1").first.inner_text().strip() == title
    assert page.title().startswith(title)


def test_the_theme_overrides_are_there_in_chromium(opened: Opened) -> None:
    page = opened.page
    # The audience bar from themes/overrides/main.html (block announce).
    bar = page.locator(".ob-announce.ob-announce--public")
    assert bar.is_visible()
    assert bar.inner_text().strip() == "本网站面向社会公开"
    # Our stylesheets (extra_css) loaded and applied.
    loaded = {url.rsplit("/", 1)[-1]: status for url, status in opened.responses if "/stylesheets/" in url}
    for name in ("openbranch.css", "openbranch-reports.css", "openbranch-a11y.css", "openbranch-opinions-elections.css"):
        assert loaded.get(name) == 200, loaded
    sheets = page.evaluate("[...document.styleSheets].map(s => s.href || '').filter(h => h.includes('openbranch'))")
    assert len(sheets) == 4, sheets
    # No web font is fetched (theme.font: false) and nothing leaves the machine.
    assert not [url for url, _ in opened.responses if not url.startswith("http://127.0.0.1")]

