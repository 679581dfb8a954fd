"""The disclosure catalogue (党务公开目录, issue 15 item 5): its configuration, its check, its page.

``site_config.yml`` ``catalogue:`` lists the items, each with the records that
disclose it, its scope and its timing; ``check`` warns on a late or missing
disclosure at the line a worker can act on (a late record's ``published:``,
a draft's ``status:``, or the catalogue item's own line when no record
exists); the 公开目录 page on each site shows every item, the public site the
members-scope ones only as existing.  Faults are planted in copies of the demo.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.config import DEFAULT_CATALOGUE, SiteConfig
from generator.workdays import LIBRARY_CALENDAR

from .helpers import DEMO_LATE_DISCLOSURE_EN, DEMO_WARNINGS, build_ok, copy_demo, demo_site, plant_line, run_cli

TODAY = "2026-12-01"
LATE_MEETING = "content/meetings/2026/2026-03-05-branch-committee.yml"
DRAFT_MEETING = "content/meetings/2026/2026-10-12-group-1.yml"
Q2_FUNDS = "content/finances/2026/2026-q2-funds.yml"



def check(site: Path, today: str = TODAY) -> tuple[int, list[str]]:
    """``openbranch check --strict``: the exit code and the lines besides the demo's intended warnings."""
    code, out, err = run_cli(["check", "-c", site / "site_config.yml", "--strict", "--today", today], cwd=site)
    assert "Traceback" not in err, err
    return code, [line for line in (out + err).splitlines() if line.startswith(("content/", "site_config.yml")) and line not in DEMO_WARNINGS]


# ---------------------------------------------------------------------------
# The configuration
# ---------------------------------------------------------------------------


def test_the_default_catalogue_is_valid_and_named_in_both_languages() -> None:
    for language in ("zh", "en"):
        items = SiteConfig(language=language).catalogue
        assert len(items) == len(DEFAULT_CATALOGUE) >= 6
        assert all(item.records and item.item for item in items)
    assert SiteConfig().catalogue[0].item == "三会一课执行情况"
    assert SiteConfig(language="en").catalogue[0].item == "Three meetings and one lesson"
    # catalogue: [] means no catalogue, not the default.
    assert SiteConfig(catalogue=[]).catalogue == []


def test_records_are_written_as_types_or_type_and_kind_in_either_language(tmp_path: Path) -> None:
    site = demo_site(tmp_path)
    config = site / "site_config.yml"
    config.write_text(
        config.read_text(encoding="utf-8")
        + "catalogue:\n"
        + "  - {item: 三会一课执行情况, records: [会议/支委会, meeting/party_lesson, 会议/党员大会, 会议/党小组会], scope: 公开, per: 每次, within_working_days: 7}\n"
        + "  - {item: 经费, records: [finance/funds], scope: public, per: quarter, within_working_days: 10}\n",
        encoding="utf-8",
    )
    code, lines = check(site)
    assert lines == [] and code == 1  # the demo's own warnings only


def test_an_unknown_record_type_is_an_error_naming_its_line(tmp_path: Path) -> None:
    site = demo_site(tmp_path)
    config = site / "site_config.yml"
    text = config.read_text(encoding="utf-8")
    text += "catalogue:\n  - item: 意见建议办理\n    records: [会议, 意见]\n  - {item: 发展党员, records: [公示/入党], scope: 公开}\n  - {item: 空, records: []}\n"
    config.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    records_line = lines.index("    records: [会议, 意见]") + 1
    kind_line = lines.index("  - {item: 发展党员, records: [公示/入党], scope: 公开}") + 1
    code, found = check(site)
    assert code == 1
    assert found[0].startswith(f"site_config.yml:{records_line}:19: catalogue[0].records[1]: “意见”不是可用的值，应为以下之一：会议（meeting）、决策（decision）")
    assert found[1].startswith(f"site_config.yml:{kind_line}:28: catalogue[1].records[0]: “公示/入党”不是可用的值，应为以下之一：公示/发展党员（notice/membership）、公示/选举（notice/election）")
    assert found[2] == f"site_config.yml:{kind_line + 1}:24: catalogue[2].records: 至少写一个公开这一事项的记录类型，如 [会议/支委会] 或 [财务/党费]"
    assert len(found) == 3


# ---------------------------------------------------------------------------
# check: a late disclosure, and ones not disclosed
# ---------------------------------------------------------------------------


def test_a_late_record_is_warned_about_at_its_published_line(tmp_path: Path) -> None:
    site = demo_site(tmp_path)
    line = plant_line(site, LATE_MEETING, "published: 2026-03-09\n", "published: 2026-03-20\n")
    # Seven working days after Thursday 5 March end on Monday 16 March; the 20th is the eleventh.
    assert LIBRARY_CALENDAR.deadline(dt.date(2026, 3, 6), 7).day == dt.date(2026, 3, 16)
    code, found = check(site)
    assert found == [
        f"{LATE_MEETING}:{line}:12: published: 警告: 逾期公开：公开目录“三会一课执行情况”要求在 2026-03-05 后 7 个工作日内（最迟 2026-03-16）公开，本记录 2026-03-20 才首次公开，用了 11 个工作日"
    ]
    assert code == 1


def test_a_draft_past_its_deadline_is_warned_about_at_its_status_line(tmp_path: Path) -> None:
    site = demo_site(tmp_path)
    line = plant_line(site, DRAFT_MEETING, "published: 2026-10-14\n", "status: 草稿\n")
    code, found = check(site)
    assert found == [
        f"{DRAFT_MEETING}:{line}:9: status: 警告: 未公开：公开目录“三会一课执行情况”最迟应在 2026-10-21 公开，本记录仍是草稿；核实后把 status 改为“已发布”"
    ]
    # Before its deadline the draft is not yet due: nothing to warn about.
    assert check(site, today="2026-10-20")[1] == []


def test_a_period_with_no_record_is_warned_about_at_the_catalogue_items_line(tmp_path: Path) -> None:
    site = demo_site(tmp_path)
    config = site / "site_config.yml"
    text = config.read_text(encoding="utf-8") + (
        "catalogue:\n"
        "  - {item: 三会一课执行情况, records: [会议/党员大会, 会议/支委会, 会议/党小组会, 会议/党课], scope: 公开, per: 每次, within_working_days: 7}\n"
        "  - {item: 党建工作经费收支, records: [财务/经费], scope: 公开, per: 季度, within_working_days: 10, since: 2025-10-01}\n"
    )
    config.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  - {item: 党建工作经费收支, records: [财务/经费], scope: 公开, per: 季度, within_working_days: 10, since: 2025-10-01}") + 1
    code, found = check(site)
    # The fourth quarter of 2025 has no funds ledger; the fourth of 2026 is still running (its draft is not late).
    assert found == [f"site_config.yml:{line}:5: catalogue[1]: 警告: 未公开：公开目录“党建工作经费收支”2025年第四季度的公开期限 2026-01-15 已过，还没有已发布的经费记录"]
    assert code == 1


def test_a_public_item_disclosed_only_within_the_party_is_not_disclosed(tmp_path: Path) -> None:
    """The default catalogue has no line in site_config.yml: the warning names the file and the item's place in it."""
    site = demo_site(tmp_path)
    plant_line(site, Q2_FUNDS, "visibility: 公开\n", "visibility: 党内\n")
    index = next(i for i, row in enumerate(DEFAULT_CATALOGUE) if row[0] == "funds")
    code, found = check(site)
    assert found == [f"site_config.yml: catalogue[{index}]: 警告: 未公开：公开目录“党建工作经费收支”2026年第二季度的公开期限 2026-07-14 已过，还没有已发布的经费记录"]


def test_a_deadline_in_a_year_without_holiday_data_says_it_is_an_estimate(tmp_path: Path) -> None:
    site = demo_site(tmp_path)
    code, out, err = run_cli(["check", "-c", site / "site_config.yml", "--today", "2027-01-20"], cwd=site)
    q4 = [line for line in out.splitlines() if line.startswith("content/finances/2026/2026-q4-funds.yml")]
    assert q4 == [
        "content/finances/2026/2026-q4-funds.yml:4:9: status: 警告: 未公开：公开目录“党建工作经费收支”最迟应在 2027-01-14 公开，本记录仍是草稿；核实后把 status 改为“已发布”（2027 年没有节假日数据，工作日按周一至周五估算）"
    ], out


def test_messages_in_english(tmp_path: Path) -> None:
    site = demo_site(tmp_path)
    plant_line(site, "site_config.yml", "language: zh\n", "language: en\n")
    code, out, err = run_cli(["check", "-c", site / "site_config.yml", "--today", TODAY], cwd=site)
    assert DEMO_LATE_DISCLOSURE_EN in out.splitlines(), out


# ---------------------------------------------------------------------------
# The 公开目录 page, on both sites
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("catalogue")
    site = root / "site"
    copy_demo(site)
    return build_ok(site / "site_config.yml", root / "out", TODAY)


def _section(page: str, heading: str) -> str:
    """The part of the page from the item's heading to the next item's."""
    start = page.index(f">{heading}<")
    following = page.find("<h2", start)
    return page[start: following if following != -1 else len(page)]


def test_the_page_shows_each_item_with_its_scope_timing_latest_and_states(demo_build: Path) -> None:
    for audience in ("public", "members"):
        page = (demo_build / audience / "catalogue" / "index.html").read_text(encoding="utf-8")
        meetings = _section(page, "三会一课执行情况")
        assert "事项发生后 7 个工作日内" in meetings
        assert "及时 52 · 逾期 1 · 未公开 0" in meetings
        assert "ob-status--late" in meetings and "第二党小组9月党小组会" in meetings
        assert "用时 11 个工作日" in meetings
        # Events after today are said to lie ahead, never missed.
        assert "尚未发生" in meetings and "ob-status--missing" not in meetings
        funds = _section(page, "党建工作经费收支")
        assert "每季度，季末后 10 个工作日内" in funds
        # The fourth quarter is still running; its deadline falls in 2027, a year without holiday data.
        assert "期间未结束" in funds and "2026年第四季度" in funds and "（估算）" in funds
        assert "2027 年没有节假日数据" in funds
        assert "2026年第三季度党建工作经费收支情况" in funds  # the latest disclosure


def test_the_public_page_shows_members_scope_items_only_as_existing(demo_build: Path) -> None:
    public = (demo_build / "public" / "catalogue" / "index.html").read_text(encoding="utf-8")
    members = (demo_build / "members" / "catalogue" / "index.html").read_text(encoding="utf-8")
    dues_public, dues_members = _section(public, "党费收缴使用管理"), _section(members, "党费收缴使用管理")
    assert "党内公开事项，公开情况见党内网站" in dues_public
    assert "每年，年末后 10 个工作日内" in dues_public
    for fact in ("2026年党费收缴情况", "<dt>最近一次公开</dt>", "<dt>公开情况</dt>", "ob-disclosure"):
        assert fact not in dues_public
        assert fact in dues_members
    assert "党内公开的事项这里只列出名称" in public and "党内公开的事项这里只列出名称" not in members
    # A members-only record never discloses a public item, on either site.
    decisions = _section(members, "重大事项决策")
    assert "关于慰问困难党员和老党员的决定" not in decisions


def test_the_page_is_in_the_navigation_and_fits_a_phone(demo_build: Path) -> None:
    from playwright.sync_api import sync_playwright

    from .browser import chromium_context, serve_directory

    with sync_playwright() as p, serve_directory(demo_build) as base, chromium_context(p, viewport={"width": 390, "height": 800}) as context:
        page = context.new_page()
        for audience in ("public", "members"):
            page.goto(f"{base}/{audience}/")
            assert page.locator("a[href$='catalogue/']").count() >= 1
            page.goto(f"{base}/{audience}/catalogue/")
            assert page.locator("h1").first.inner_text() == "党务公开目录"
            assert page.evaluate("document.documentElement.scrollWidth") <= 390
