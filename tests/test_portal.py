"""The committee portal: three small branches built with the real command, then ``openbranch portal`` over them.

Every figure the portal shows for a branch is read from the portal's pages
and compared with the same figure read from that branch's own pages (its
三会一课 page, dues ledger, finance overview, appraisal, home page): the
portal must never state a figure the branch does not.  Bad input — a
missing branch folder, a corrupt or older figures.json, two branches with
one name, a cycle in the tree, unknown keys — is one line naming the branch
and the file, and ``--keep-going`` still builds with the branch shown as
数据不可用.  Two portal builds of the same sites give the same bytes.

``three_branches`` (module scope, also used by the browser and leak tests)
builds the sites once: about 20 s.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from .helpers import build_ok, describe, run_openbranch, tree_hashes, write_file, write_site

TODAY = "2026-06-15"
YEAR = 2026

APPROVAL = {
    "proposed_by": "王思远",
    "proposed_on": "2026-01-02",
    "reviewed_by": "赵国栋",
    "reviewed_on": "2026-01-02",
    "approved_by": "陈立群",
    "approved_on": "2026-01-02",
}


def _approval(date: str) -> dict[str, str]:
    return {key: (date if key.endswith("_on") else value) for key, value in APPROVAL.items()}


def _meeting(kind: str, date: str, title: str, visibility: str = "公开", **extra: Any) -> dict[str, Any]:
    return {
        "title": title,
        "date": date,
        "visibility": visibility,
        "kind": kind,
        "chair": "陈立群",
        "attendees": ["陈立群", "王思远", "赵国栋", "孙雨桐"],
        "approval": _approval(date),
        **extra,
    }


def _branch_yml(name: str, members: int, term: tuple[str, str] | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": name,
        "parent": "中共测试区直属机关工作委员会",
        "committee": [{"name": "陈立群", "post": "书记"}, {"name": "王思远", "post": "组织委员"}],
        "member_counts": [{"since": "2024-01-01", "count": members}],
    }
    if term:
        data["term"] = {"start": term[0], "end": term[1]}
    return data


def _dues(year: int, months: list[tuple[str, str]], visibility: str = "公开") -> dict[str, Any]:
    return {
        "title": f"{year}年党费收缴情况",
        "date": f"{year}-06-05",
        "visibility": visibility,
        "kind": "党费",
        "year": year,
        "months": [{"month": i + 1, "members": 12, "due": due, "paid": paid} for i, (due, paid) in enumerate(months)],
        "approval": _approval(f"{year}-06-05"),
    }


def _funds(income: str, expense: str, opening: str = "1000.00") -> dict[str, Any]:
    closing = f"{float(opening) + float(income) - float(expense):.2f}"
    return {
        "title": "2026年第一季度党组织工作经费收支",
        "date": "2026-04-05",
        "visibility": "公开",
        "kind": "经费",
        "period": "2026年第一季度",
        "period_start": "2026-01-01",
        "period_end": "2026-03-31",
        "opening_balance": opening,
        "income": [{"date": "2026-01-10", "source": "上级党组织拨付", "amount": income}],
        "expenses": [{"date": "2026-02-20", "item": "购买学习资料", "category": "学习教育", "amount": expense, "approved_by": "陈立群"}],
        "closing_balance": closing,
        "approval": _approval("2026-04-05"),
    }


def _appraisal(excellent: int, qualified: int, members: int) -> dict[str, Any]:
    return {
        "title": "2025年度民主评议党员结果",
        "date": "2026-01-25",
        "visibility": "公开",
        "kind": "民主评议党员",
        "period": "2025年度",
        "members": members,
        "results": {"优秀": excellent, "合格": qualified},
        "steps": [{"name": "学习培训", "date": "2026-01-10"}, {"name": "民主测评", "date": "2026-01-20"}],
        "approval": _approval("2026-01-25"),
    }


def _notice(title: str, start: str, end: str, visibility: str = "公开") -> dict[str, Any]:
    return {
        "title": title,
        "date": start,
        "visibility": visibility,
        "kind": "发展党员",
        "stage": "拟接收预备党员",
        "start": start,
        "end": end,
        "contact": "区直属机关工委组织科",
        "subjects": [{"name": "刘晨阳", "detail": "大学本科"}],
        "approval": _approval(start),
    }


# A word that only branch 3's public pages contain (the browser test searches for it).
BRANCH3_WORD = "鲟鳇鱼增殖放流"


def branch_one() -> dict[str, Any]:
    meetings = {
        "2026-01-15-committee": _meeting("支委会", "2026-01-15", "1月支委会"),
        "2026-02-12-committee": _meeting("支委会", "2026-02-12", "2月支委会"),
        "2026-04-10-committee": _meeting("支委会", "2026-04-10", "4月支委会"),
        # Members only: the public site's 三会一课 page counts what the public may see.
        "2026-05-14-committee": _meeting("支委会", "2026-05-14", "5月支委会", "党内"),
        "2026-03-20-assembly": _meeting("党员大会", "2026-03-20", "一季度党员大会"),
        "2026-03-25-lesson": _meeting("党课", "2026-03-25", "一季度党课", speaker="陈立群", topic="党章学习"),
        "2026-01-20-life": _meeting(
            "组织生活会", "2026-01-20", "2025年度组织生活会", topics=["理论学习不够深入"],
            rectification=[
                {"item": "建立每月学习台账", "owner": "王思远", "due": "2026-03-31", "status": "进行中"},
                {"item": "补齐会议记录", "owner": "孙雨桐", "due": "2026-02-28", "status": "已完成", "done_on": "2026-02-20"},
            ],
        ),
    }
    for month in range(1, 6):
        meetings[f"2026-0{month}-08-theme"] = _meeting("主题党日", f"2026-0{month}-08", f"{month}月主题党日")
        meetings[f"2026-0{month}-09-group"] = _meeting("党小组会", f"2026-0{month}-09", f"{month}月党小组会")
    files: dict[str, Any] = {f"content/meetings/2026/{rid}.yml": data for rid, data in meetings.items()}
    files["content/branch.yml"] = _branch_yml("第一党支部", 12, ("2024-01-01", "2026-12-31"))
    files["content/finances/2026/2026-dues.yml"] = _dues(2026, [("120.00", "120.00")] * 4 + [("120.00", "100.00")])
    files["content/finances/2026/2026-q1-funds.yml"] = _funds("1500.00", "300.00")
    files["content/appraisals/2026/2026-01-25-member-appraisal.yml"] = _appraisal(3, 9, 12)
    files["content/notices/2026/2026-06-10-membership.yml"] = _notice("关于拟接收刘晨阳同志为预备党员的公示", "2026-06-10", "2026-06-18")
    return files


def branch_two() -> dict[str, Any]:
    files: dict[str, Any] = {
        "content/meetings/2026/2026-01-16-committee.yml": _meeting("支委会", "2026-01-16", "1月支委会"),
        "content/meetings/2026/2026-03-13-committee.yml": _meeting("支委会", "2026-03-13", "3月支委会"),
        "content/meetings/2026/2026-02-26-assembly.yml": _meeting("党员大会", "2026-02-26", "党员大会"),
        "content/meetings/2026/2026-04-08-theme.yml": _meeting("主题党日", "2026-04-08", "4月主题党日"),
        "content/branch.yml": _branch_yml("第二党支部", 12, ("2025-06-01", "2028-05-31")),
        # Dues members-only: the public portal has no dues figure for this branch.
        "content/finances/2026/2026-dues.yml": _dues(2026, [("96.00", "96.00")] * 5, "党内"),
        "content/finances/2026/2026-q1-funds.yml": _funds("800.00", "100.00", "500.00"),
        "content/appraisals/2026/2026-01-25-member-appraisal.yml": _appraisal(2, 8, 10),
        "content/notices/2026/2026-06-09-membership.yml": _notice("关于拟接收吴佳怡同志为预备党员的公示（党内）", "2026-06-09", "2026-06-17", "党内"),
    }
    return files


def branch_three() -> dict[str, Any]:
    return {
        "content/meetings/2026/2026-02-10-committee.yml": _meeting("支委会", "2026-02-10", "2月支委会", body=f"## 会议情况\n\n会议研究了{BRANCH3_WORD}志愿活动的安排。\n"),
        "content/meetings/2026/2026-05-11-committee.yml": _meeting("支委会", "2026-05-11", "5月支委会"),
        "content/branch.yml": _branch_yml("第三党支部", 9, None),
    }


BRANCHES = {"b1": ("第一党支部", branch_one), "b2": ("第二党支部", branch_two), "b3": ("第三党支部", branch_three)}


def portal_yml(folder: str = "branches") -> dict[str, Any]:
    def branch(key: str, **extra: Any) -> dict[str, Any]:
        name = BRANCHES[key][0]
        return {
            "name": name,
            **extra,
            "sites": {"public": f"{folder}/{key}/site/public", "members": f"{folder}/{key}/site/members"},
            "urls": {"public": f"{key}/", "members": f"{key}/"},
        }

    return {
        "name": "中共测试区直属机关工作委员会",
        "language": "zh",
        "organizations": [
            {"name": "机关党委", "children": [{"name": "第一党总支", "children": [branch("b1"), branch("b2")]}]},
            # A flat entry placed by its parent.
            branch("b3", parent="机关党委"),
        ],
    }


@dataclass
class Committee:
    root: Path  # holds portal.yml, branches/<key>/site/{public,members}
    portal: Path  # the built portal: portal/{public,members}

    def branch_site(self, key: str, audience: str) -> Path:
        return self.root / "branches" / key / "site" / audience


def build_branches(root: Path) -> Path:
    """The three branches written under ``root/sources`` and built into ``root/branches/<key>/site``."""
    for key, (_, files) in BRANCHES.items():
        source = write_site(root / "sources" / key, files(), {"site_name": BRANCHES[key][0] + "党务公开", "language": "zh", "default_visibility": "党内"})
        build_ok(source / "site_config.yml", root / "branches" / key / "site", TODAY)
    return root


def portal_ok(root: Path, *extra: str) -> Any:
    """``openbranch portal`` in ``root`` (by default -c root/portal.yml -d root/portal), failing the test with its output."""
    where = [] if "-c" in extra else ["-c", root / "portal.yml", "-d", root / "portal"]
    proc = run_openbranch("portal", *where, *extra, cwd=root)
    assert proc.returncode == 0, describe(proc)
    return proc


@pytest.fixture(scope="module")
def committee(tmp_path_factory: pytest.TempPathFactory) -> Committee:
    root = build_branches(tmp_path_factory.mktemp("committee"))
    write_file(root / "portal.yml", portal_yml())
    portal_ok(root)
    return Committee(root, root / "portal")


def _html(path: Path) -> Any:
    return lxml.html.fromstring(path.read_text(encoding="utf-8"))


def _text(element: Any) -> str:
    return " ".join(element.text_content().split())


def _portal_figure(committee: Committee, audience: str, page: str, branch: str, figure: str) -> list[str]:
    """The values of ``data-figure=figure`` in the portal rows (or cards) of ``branch``."""
    doc = _html(committee.portal / audience / page / "index.html")
    name = BRANCHES[branch][0]
    found = []
    for holder in doc.xpath("//tr[@data-orgs] | //div[contains(@class, 'ob-branch ')] | //div[@class='ob-branch']"):
        link = holder.xpath(".//a")
        if link and _text(link[0]) == name:
            found += [_text(e) for e in holder.xpath(f".//*[@data-figure='{figure}']")]
    return found


# ---------------------------------------------------------------------------
# Every figure equals the branch's own
# ---------------------------------------------------------------------------


def _branch_regularity(committee: Committee, key: str, audience: str) -> dict[str, Any]:
    """The branch's own 三会一课 page for YEAR: the year's rate, each row's rate and cell states."""
    doc = _html(committee.branch_site(key, audience) / "regularity" / "index.html")
    heading = doc.xpath(f"//h2[starts-with(normalize-space(.), '{YEAR}')]")[0]
    rate = None
    rows: dict[tuple[str, str], tuple[str, list[str]]] = {}
    for element in heading.itersiblings():
        if element.tag == "h2":
            break
        if rate is None and element.xpath(".//span[@class='ob-figure__value']"):
            rate = _text(element.xpath(".//span[@class='ob-figure__value']")[0])
        for tr in element.xpath(".//tbody/tr"):
            header = tr.xpath("./th")[0]
            # The row's header: the kind, its party group, its norm (每月 1 次), each in a span of its own.
            group = _text(header.xpath(".//span[@class='ob-cal__group']")[0]) if header.xpath(".//span[@class='ob-cal__group']") else ""
            kind = _text(header.xpath(".//span[@class='ob-cal__name']")[0])
            cells = [c.get("class").split("ob-cell--")[1] for c in tr.xpath("./td[contains(@class, 'ob-cell')]")]
            rows[(kind, group)] = (_text(tr.xpath("./td")[-1]), cells)
    return {"rate": rate, "rows": rows}


@pytest.mark.parametrize("audience", ["public", "members"])
@pytest.mark.parametrize("key", list(BRANCHES))
def test_regularity_on_the_portal_is_the_branch_page(committee: Committee, audience: str, key: str) -> None:
    own = _branch_regularity(committee, key, audience)
    assert own["rows"], "the branch's 三会一课 page has rows"
    assert _portal_figure(committee, audience, "regularity", key, "year-rate") == [own["rate"]]
    assert _portal_figure(committee, audience, "", key, "regularity-rate") == [own["rate"]]
    kinds = {row[0] for row in own["rows"]}
    for kind_label in kinds:
        kind = {"支委会": "branch_committee", "党小组会": "group_meeting", "党员大会": "general_assembly", "党课": "party_lesson", "主题党日": "theme_day", "组织生活会": "organizational_life"}[kind_label]
        doc = _html(committee.portal / audience / "regularity" / str(YEAR) / kind / "index.html")
        portal_rows = [tr for tr in doc.xpath("//tbody/tr") if _text(tr.xpath("./th/a")[0]) == BRANCHES[key][0]]
        mine = {group: value for (label, group), value in own["rows"].items() if label == kind_label}
        assert len(portal_rows) == len(mine)
        for tr in portal_rows:
            group = _text(tr.xpath("./th/small")[0]) if tr.xpath("./th/small") else ""
            states = [td.get("data-state") for td in tr.xpath("./td[@data-state]")]
            rate = _text(tr.xpath(".//*[@data-figure='row-rate']")[0])
            assert (rate, states) == mine[group], (kind, group)


def _figure_value(path: Path, label: str) -> str:
    """The value of the figure box labelled ``label`` on a branch page."""
    doc = _html(path)
    for box in doc.xpath("//div[contains(@class, 'ob-figure')]"):
        labels = box.xpath("./span[@class='ob-figure__label']")
        if labels and _text(labels[0]) == label:
            return _text(box.xpath("./span[@class='ob-figure__value']")[0])
    raise AssertionError(f"no figure {label!r} in {path}")


def test_dues_rate_is_the_ledger_page(committee: Committee) -> None:
    own = _figure_value(committee.branch_site("b1", "public") / "finances" / "2026" / "2026-dues" / "index.html", "收缴率")
    assert own == "96.7%"  # 580 of 600
    assert _portal_figure(committee, "public", "finances", "b1", "dues-rate") == [own]
    assert _portal_figure(committee, "public", "", "b1", "dues-rate") == [own]
    # Branch 2's dues are members-only: the public portal has none, the members' one has the members' page's.
    assert _portal_figure(committee, "public", "", "b2", "dues-rate") == ["—"]
    members_own = _figure_value(committee.branch_site("b2", "members") / "finances" / "2026" / "2026-dues" / "index.html", "收缴率")
    assert _portal_figure(committee, "members", "finances", "b2", "dues-rate") == [members_own] == ["100.0%"]


@pytest.mark.parametrize(("key", "expected"), [("b1", "125.00"), ("b2", "66.67")])
def test_funding_per_member_is_the_finance_page(committee: Committee, key: str, expected: str) -> None:
    doc = _html(committee.branch_site(key, "public") / "finances" / "index.html")
    row = next(tr for tr in doc.xpath("//tbody/tr") if _text(tr.xpath("./th")[0]).startswith(str(YEAR)))
    own = _text(row.xpath("./td")[-1])
    assert own.startswith(expected)
    assert _portal_figure(committee, "public", "finances", key, "per-member") == [expected]
    chip = _portal_figure(committee, "public", "", key, "per-member")
    assert chip == [f"{expected} 元"]
    assert ("达到标准" in own) == (key == "b1")


@pytest.mark.parametrize("key", ["b1", "b2"])
def test_excellent_share_is_the_appraisal_page(committee: Committee, key: str) -> None:
    doc = _html(committee.branch_site(key, "public") / "appraisals" / "2026" / "2026-01-25-member-appraisal" / "index.html")
    row = next(tr for tr in doc.xpath("//tbody/tr") if _text(tr.xpath("./th")[0]) == "优秀")
    own = _text(row.xpath("./td")[-1])
    assert own == {"b1": "25.0%", "b2": "20.0%"}[key]
    assert _portal_figure(committee, "public", "appraisals", key, "excellent-share") == [own]
    assert _portal_figure(committee, "public", "", key, "excellent-share") == [f"优秀 {own}"]


@pytest.mark.parametrize("audience", ["public", "members"])
@pytest.mark.parametrize("key", list(BRANCHES))
def test_open_notices_overdue_items_and_term_are_the_branch_pages(committee: Committee, audience: str, key: str) -> None:
    home = _html(committee.branch_site(key, audience) / "index.html")
    notices = home.xpath("//ul[@class='ob-notices']/li")
    assert _portal_figure(committee, audience, "", key, "open-notices") == [str(len(notices))]
    regularity = _html(committee.branch_site(key, audience) / "regularity" / "index.html")
    overdue = regularity.xpath("//li[contains(concat(' ', @class, ' '), ' ob-item--overdue ')]")
    assert _portal_figure(committee, audience, "", key, "overdue-items") == [str(len(overdue))]
    facts = {_text(d.xpath("./dt")[0]): _text(d.xpath("./dd")[0]) for d in home.xpath("//div[@class='ob-fact']")}
    term = facts.get("任期")
    shown = _portal_figure(committee, audience, "", key, "term-end")
    assert shown == [term.split("至")[-1].strip() if term else "—"], (term, shown)
    # Each open notice is listed on the portal with the days left its branch's home page says.
    portal_notices = _html(committee.portal / audience / "notices" / "index.html")
    for li in notices:
        title = _text(li.xpath("./a")[0])
        days = _text(li.xpath(".//span[contains(@class, 'ob-notice__left')]")[0])
        row = [tr for tr in portal_notices.xpath("//tbody/tr[.//*[@data-figure='days-left']]") if title in _text(tr)]
        assert len(row) == 1, title
        assert _text(row[0].xpath(".//*[@data-figure='days-left']")[0]) in days


def test_the_members_notice_is_on_the_members_portal_only(committee: Committee) -> None:
    title = "关于拟接收吴佳怡同志为预备党员的公示（党内）"
    assert title in (committee.portal / "members" / "notices" / "index.html").read_text(encoding="utf-8")
    for path in (committee.portal / "public").rglob("*"):
        if path.is_file():
            assert "吴佳怡".encode() not in path.read_bytes(), path


def test_every_row_links_to_the_branch_site(committee: Committee) -> None:
    """Every link the portal makes to a branch resolves to a file of that branch's site."""
    for audience in ("public", "members"):
        portal = committee.portal / audience
        for page in portal.rglob("index.html"):
            doc = _html(page)
            for href in doc.xpath("//article//a/@href | //div[@class='md-content']//a/@href"):
                if href.startswith(("http", "#", "mailto:")):
                    continue
                target = (page.parent / href.split("#")[0].split("?")[0]).resolve()
                relative = target.relative_to(portal.resolve()) if target.is_relative_to(portal.resolve()) else None
                if relative is None or relative.parts[0] not in BRANCHES:
                    continue
                key = relative.parts[0]
                inside = committee.branch_site(key, audience).joinpath(*relative.parts[1:])
                assert inside.is_file() or (inside / "index.html").is_file(), f"{page}: {href}"


def test_tree_and_data_files(committee: Committee) -> None:
    doc = _html(committee.portal / "public" / "index.html")
    orgs = [_text(p) for p in doc.xpath("//p[@class='ob-tree__org']")]
    assert orgs == ["机关党委", "第一党总支"]
    # 第三党支部 (placed by parent) is under 机关党委, after 第一党总支.
    top = doc.xpath("//ul[@class='ob-tree']/li")[0]
    names = [_text(a) for a in top.xpath(".//p[@class='ob-branch__name']/a")]
    assert names == ["第一党支部", "第二党支部", "第三党支部"]
    rows = json.loads((committee.portal / "public" / "data" / "branches.json").read_text(encoding="utf-8"))
    assert [r["branch"] for r in rows] == names
    assert rows[0]["organizations"] == "机关党委 / 第一党总支"
    assert rows[2]["organization"] == "机关党委"
    assert rows[0]["dues_rate"] == "96.7" and rows[1]["dues_rate"] is None
    csv_text = (committee.portal / "public" / "data" / "branches.csv").read_bytes().decode("utf-8-sig")
    assert csv_text.splitlines()[0].startswith("branch_id,branch,organization,organizations,available")
    feed = (committee.portal / "public" / "feeds" / "latest.atom").read_text(encoding="utf-8")
    assert "第一党支部 · 关于拟接收刘晨阳同志为预备党员的公示" in feed
    search = json.loads((committee.portal / "public" / "data" / "search.json").read_text(encoding="utf-8"))
    assert [b["url"] for b in search["branches"]] == ["b1/", "b2/", "b3/"]
    assert all(b["index"] for b in search["branches"])


def test_figures_json_validates_against_its_published_schema(committee: Committee) -> None:
    import jsonschema

    for key in BRANCHES:
        for audience in ("public", "members"):
            site = committee.branch_site(key, audience)
            schema = json.loads((site / "data" / "schemas" / "figures.schema.json").read_text(encoding="utf-8"))
            jsonschema.validate(json.loads((site / "data" / "figures.json").read_text(encoding="utf-8")), schema)


def test_two_portal_builds_give_the_same_bytes(committee: Committee, tmp_path: Path) -> None:
    root = tmp_path / "again"
    shutil.copytree(committee.root / "branches", root / "branches")
    write_file(root / "portal.yml", portal_yml())
    portal_ok(root)
    for audience in ("public", "members"):
        assert tree_hashes(root / "portal" / audience) == tree_hashes(committee.portal / audience)


# ---------------------------------------------------------------------------
# Bad input: one line each, naming the branch and the file
# ---------------------------------------------------------------------------


def _copy_committee(committee: Committee, tmp_path: Path) -> Path:
    root = tmp_path / "committee"
    shutil.copytree(committee.root / "branches", root / "branches")
    write_file(root / "portal.yml", portal_yml())
    return root


def _portal_fails(root: Path, *extra: str) -> list[str]:
    proc = run_openbranch("portal", "-c", root / "portal.yml", "-d", root / "portal", *extra, cwd=root)
    assert proc.returncode == 1, describe(proc)
    assert "Traceback" not in proc.stderr
    assert not (root / "portal").exists(), "a failed build writes nothing"
    return proc.stderr.splitlines()


def test_missing_branch_folder(committee: Committee, tmp_path: Path) -> None:
    root = _copy_committee(committee, tmp_path)
    shutil.rmtree(root / "branches" / "b2" / "site" / "public")
    lines = _portal_fails(root)
    assert lines[0] == "portal.yml:17:17: organizations[0].children[0].children[1].sites.public: 支部“第二党支部”的公开网站文件夹不存在：branches/b2/site/public（先生成该支部的网站，或改正路径）"
    assert lines[-1] == "门户未生成，原有门户保持不变"


def test_corrupt_figures(committee: Committee, tmp_path: Path) -> None:
    root = _copy_committee(committee, tmp_path)
    (root / "branches" / "b1" / "site" / "members" / "data" / "figures.json").write_text('{"version": 1,\n "audience": "members"\n', encoding="utf-8")
    lines = _portal_fails(root)
    assert lines[0] == "branches/b1/site/members/data/figures.json:3:1: 支部“第一党支部”的 figures.json 无法读取：Expecting ',' delimiter"


def test_older_figures(committee: Committee, tmp_path: Path) -> None:
    root = _copy_committee(committee, tmp_path)
    path = root / "branches" / "b3" / "site" / "public" / "data" / "figures.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["version"] = 0
    path.write_text(json.dumps(data), encoding="utf-8")
    lines = _portal_fails(root)
    assert lines[0] == "branches/b3/site/public/data/figures.json: version: 支部“第三党支部”的 figures.json 是第 0 版，本程序只读第 1 版：请用与门户相同版本的 OpenBranch 重新生成该支部的网站"


def test_a_members_site_given_as_public(committee: Committee, tmp_path: Path) -> None:
    root = _copy_committee(committee, tmp_path)
    config = portal_yml()
    config["organizations"][1]["sites"]["public"] = "branches/b3/site/members"
    write_file(root / "portal.yml", config)
    lines = _portal_fails(root)
    assert "branches/b3/site/members/data/figures.json: audience: 支部“第三党支部”的这个文件夹是党内网站，不是公开网站：请检查 sites 中的路径" in lines


def test_two_branches_with_one_name(committee: Committee, tmp_path: Path) -> None:
    root = _copy_committee(committee, tmp_path)
    config = portal_yml()
    config["organizations"][1]["name"] = "第一党支部"
    write_file(root / "portal.yml", config)
    lines = _portal_fails(root)
    assert lines[0] == "portal.yml:22:9: organizations[1].name: 组织名称“第一党支部”重复（第 8 行已有），每个组织的名称必须唯一"


def test_a_cycle(committee: Committee, tmp_path: Path) -> None:
    root = _copy_committee(committee, tmp_path)
    config = portal_yml()
    config["organizations"].append({"name": "甲党委", "parent": "乙党委"})
    config["organizations"].append({"name": "乙党委", "parent": "甲党委"})
    write_file(root / "portal.yml", config)
    lines = _portal_fails(root)
    assert lines[0] == "portal.yml:33:11: organizations[3].parent: 组织的上下级关系成环：乙党委 → 甲党委 → 乙党委"


def test_unknown_key_with_a_suggestion(committee: Committee, tmp_path: Path) -> None:
    root = _copy_committee(committee, tmp_path)
    text = (root / "portal.yml").read_text(encoding="utf-8").replace("organizations:", "organisations:", 1)
    (root / "portal.yml").write_text(text, encoding="utf-8")
    lines = _portal_fails(root)
    assert "portal.yml:3:1: organisations: 未知字段“organisations”，是否应为“organizations”？" in lines


def test_keep_going_builds_with_the_branch_unavailable(committee: Committee, tmp_path: Path) -> None:
    root = _copy_committee(committee, tmp_path)
    shutil.rmtree(root / "branches" / "b2" / "site")
    proc = portal_ok(root, "--keep-going")
    assert "portal.yml:17:17: organizations[0].children[0].children[1].sites.public: 支部“第二党支部”的公开网站文件夹不存在" in proc.stderr
    assert "已按 --keep-going 生成门户" in proc.stderr
    for audience in ("public", "members"):
        doc = _html(root / "portal" / audience / "index.html")
        card = next(div for div in doc.xpath("//div[contains(@class, 'ob-branch')]") if div.xpath(".//a") and _text(div.xpath(".//a")[0]) == "第二党支部")
        assert "数据不可用" in _text(card)
        assert "ob-branch--unavailable" in card.get("class")
        assert "数据不可用" in _text(_html(root / "portal" / audience / "regularity" / "index.html"))
        # The other branches are there with their figures.
        assert _portal_figure(Committee(root, root / "portal"), audience, "", "b1", "regularity-rate") == _portal_figure(committee, audience, "", "b1", "regularity-rate")
        rows = json.loads((root / "portal" / audience / "data" / "branches.json").read_text(encoding="utf-8"))
        assert [r["available"] for r in rows] == [True, False, True]
