"""Rectification items (issue 13, item 5): one item type, its rules and its state, for every record that carries items.

The rules are checked on a copy of the demo with one fault planted in the
2025 organizational life meeting (2026-01-27), through the real command,
asserting the exact line.  The state of an item is decided once
(``figures.rectification.item_state``): the demo's overdue item reads 已逾期
on its meeting's page and on the regularity page alike, and its progress log
is an ordered list, read in real Chromium at a phone's width.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from generator.figures.rectification import item_state
from generator.records.models import Meeting
from generator.records.models.rectification import ProgressEntry, RectificationItem, item_fields

from .browser import PHONE_VIEWPORT, serve_directory
from .helpers import DEMO_WARNINGS, plant_in_demo, run_cli

TODAY = "2026-12-01"
LIFE = "content/meetings/2026/2026-01-27-organizational-life.yml"
LIFE_PAGE = Path("meetings") / "2026" / "2026-01-27-organizational-life" / "index.html"


def planted(tmp_path: Path, old: str, new: str) -> tuple[Path, str]:
    """A copy of the demo whose life meeting has ``old`` (once in it) replaced by ``new``: (site, the file's text)."""
    return plant_in_demo(tmp_path, LIFE, old, new)


def at(text: str, start: str) -> str:
    """``line:column`` of the value on the one line that starts with ``start`` (after its ``key: `` or ``- ``)."""
    hits = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.startswith(start)]
    assert len(hits) == 1, (start, hits)
    number, line = hits[0]
    return f"{number}:{line.index(': ') + 3}"


def only_problem(site: Path, today: str = TODAY) -> str:
    code, out, err = run_cli(["check", "-c", site / "site_config.yml", "--today", today], cwd=site)
    assert "Traceback" not in err, err
    lines = [line for line in (out + err).splitlines() if line.startswith("content/") and line not in DEMO_WARNINGS]
    assert len(lines) == 1, out + err
    assert code == 1, out + err
    return lines[0]


# ---------------------------------------------------------------------------
# The item type, shared
# ---------------------------------------------------------------------------


def test_meetings_hold_the_shared_item_type() -> None:
    assert item_fields(Meeting) == ("rectification",)
    item = RectificationItem(item="整改", progress=[ProgressEntry(date="2026-02-01", text="开始")])
    assert item.progress[0].date == dt.date(2026, 2, 1)


@pytest.mark.parametrize(
    "status, due, done_on, state",
    [
        ("done", "2026-03-31", "2026-04-10", "done"),  # done late is still done
        ("in_progress", "2026-03-31", None, "overdue"),
        ("not_started", "2026-03-31", None, "overdue"),
        ("in_progress", "2026-04-01", None, "in_progress"),  # due today: not yet overdue
        ("not_started", None, None, "not_started"),
    ],
)
def test_one_function_decides_an_items_state(status: str, due: str, done_on: str, state: str) -> None:
    item = RectificationItem(item="整改", status=status, due=due, done_on=done_on)
    assert item_state(item, dt.date(2026, 4, 1)) == state


# ---------------------------------------------------------------------------
# The rules, planted in the demo
# ---------------------------------------------------------------------------


def test_done_without_done_on(tmp_path: Path) -> None:
    site, text = planted(tmp_path, "    status: 已完成\n    done_on: 2026-03-20\n", "    status: 已完成\n")
    first_item = text.splitlines().index("    status: 已完成") + 1  # the first item's status line
    assert only_problem(site) == f"{LIFE}:{first_item}:13: rectification[0].status: 状态为“已完成”，但没有填写完成日期 done_on"


def test_done_on_before_the_meeting(tmp_path: Path) -> None:
    site, text = planted(tmp_path, "    done_on: 2026-03-20\n", "    done_on: 2026-01-20\n")
    assert only_problem(site) == f"{LIFE}:{at(text, '    done_on: 2026-01-20')}: rectification[0].done_on: 日期 2026-01-20 早于会议日期 2026-01-27"


def test_done_on_after_today(tmp_path: Path) -> None:
    site, text = planted(tmp_path, "    done_on: 2026-05-28\n", "    done_on: 2026-12-05\n")
    assert only_problem(site) == f"{LIFE}:{at(text, '    done_on: 2026-12-05')}: rectification[2].done_on: 日期 2026-12-05 晚于今天（2026-12-01）"


def test_done_on_on_an_item_not_marked_done(tmp_path: Path) -> None:
    site, text = planted(tmp_path, "    status: 进行中\n", "    status: 进行中\n    done_on: 2026-07-30\n")
    assert only_problem(site) == (
        f"{LIFE}:{at(text, '    done_on: 2026-07-30')}: rectification[3].done_on: 填写了完成日期 2026-07-30，但状态是“进行中”；已完成的事项请把状态改为“已完成”"
    )


def test_progress_out_of_order(tmp_path: Path) -> None:
    site, text = planted(tmp_path, "      - date: 2026-04-15\n", "      - date: 2026-02-01\n")
    assert only_problem(site) == f"{LIFE}:{at(text, '      - date: 2026-02-01')}: rectification[3].progress[1].date: 进展日期 2026-02-01 早于上一条的 2026-02-10，请按时间顺序填写"


def test_progress_before_the_meeting(tmp_path: Path) -> None:
    site, text = planted(tmp_path, "      - date: 2026-02-10\n", "      - date: 2026-01-10\n")
    assert only_problem(site) == f"{LIFE}:{at(text, '      - date: 2026-01-10')}: rectification[3].progress[0].date: 日期 2026-01-10 早于会议日期 2026-01-27"


def test_progress_after_today(tmp_path: Path) -> None:
    site, text = planted(tmp_path, "      - date: 2026-07-08\n", "      - date: 2026-12-24\n")
    assert only_problem(site) == f"{LIFE}:{at(text, '      - date: 2026-12-24')}: rectification[3].progress[2].date: 日期 2026-12-24 晚于今天（2026-12-01）"


# ---------------------------------------------------------------------------
# Pages: one state everywhere, the progress log as a timeline
# ---------------------------------------------------------------------------

OVERDUE = "党员教育管理台账不规范，对2024年以来台账进行全面整理"


def _item_states(html: str) -> list[tuple[str, str, str]]:
    """(state class, title, state word) of each item listed on a page."""
    return re.findall(
        r'<li class="ob-item ob-item--(\w+)"[^>]*>\s*<div class="ob-item__head"><p class="ob-item__title">([^<]*)</p><span class="ob-status ob-status--\w+">([^<]*)</span>',
        html,
    )


def test_the_overdue_item_reads_overdue_on_every_page_that_lists_it(demo_out: Path) -> None:
    meeting = (demo_out / "members" / LIFE_PAGE).read_text(encoding="utf-8")
    regularity = (demo_out / "members" / "regularity" / "index.html").read_text(encoding="utf-8")
    on_meeting, on_regularity = _item_states(meeting), _item_states(regularity)
    assert ("overdue", OVERDUE, "已逾期") in on_meeting
    assert on_regularity[0] == ("overdue", OVERDUE, "已逾期")  # overdue first
    # The regularity page lists every record's items: the meeting's four, and the inspections' beside them.
    assert set(on_meeting) <= set(on_regularity) and len(on_meeting) == 4 and len(on_regularity) > 4
    # Its record says 进行中; no page says so once its due date has passed.
    assert [word for _, _, word in on_meeting] == ["已完成", "已完成", "已完成", "已逾期"]
    # The regularity page links each item to its place on its meeting's page.
    assert 'href="../meetings/2026/2026-01-27-organizational-life/#item-rectification-4"' in regularity
    assert 'id="item-rectification-4"' in meeting


def test_the_progress_log_is_an_ordered_timeline(demo_out: Path) -> None:
    meeting = (demo_out / "members" / LIFE_PAGE).read_text(encoding="utf-8")
    log = meeting.split('<ol class="ob-timeline" role="list" aria-labelledby="item-rectification-4-progress">', 1)[1].split("</ol>", 1)[0]
    assert re.findall(r'<time class="ob-timeline__date" datetime="([\d-]+)">', log) == ["2026-02-10", "2026-04-15", "2026-07-08"]
    assert '<p class="ob-timeline__label" id="item-rectification-4-progress">整改进展</p>' in meeting


def test_the_timeline_reads_on_a_phone(demo_out: Path, browser) -> None:
    with serve_directory(demo_out / "members") as base:
        context = browser.new_context(viewport=PHONE_VIEWPORT)
        try:
            page = context.new_page()
            page.goto(f"{base}/{LIFE_PAGE.parent.as_posix()}/")
            logs = page.get_by_role("list", name="整改进展")
            assert logs.count() == 3  # the three items that carry a log
            steps = logs.nth(2).get_by_role("listitem")
            assert steps.count() == 3
            assert steps.nth(2).inner_text().startswith("2026年7月8日")
            # Nothing wider than the phone: no sideways scrolling for the items.
            items = page.locator("ol.ob-items")
            box = items.bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE_VIEWPORT["width"]
            assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_VIEWPORT["width"]
        finally:
            context.close()
