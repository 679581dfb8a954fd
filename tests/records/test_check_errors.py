"""`openbranch check` on a site of broken records: the exact lines a worker sees.

The site is ``tests/records/broken/`` (one problem per file, see its README),
copied into ``tmp_path`` and checked through the real command line.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ..helpers import copy_site, run_cli, write_file

BROKEN = Path(__file__).resolve().parent / "broken"
MEETINGS = "content/meetings/2025"
DECISIONS = "content/decisions/2025"
FINANCES = "content/finances/2025"

# Every line `openbranch check` prints for the broken site, in order.
EXPECTED_ZH = [
    f"{DECISIONS}/missing-meeting.yml:3:10: meeting: 引用的会议“2025-03-20-branch-committee”不存在",
    f"{DECISIONS}/yaml11-result-no.yml:4:9: result: “no”不是可用的值，应为以下之一：通过（adopted）、未通过（rejected）、暂缓（deferred）",
    f"{DECISIONS}/yaml11-vote-octal.yml:5:8: vote.for: 应为不小于 0 的整数，收到“010”",
    f"{FINANCES}/missing-decision.yml:14:15: expenses[1].decision: 引用的决策“2025-03-25-transport”不存在",
    f"{FINANCES}/money-decimals.yml:9:13: income[0].amount: 金额最多两位小数，收到“1200.505”",
    f"{FINANCES}/yaml11-amount-exp.yml:9:13: income[0].amount: 金额应为数字，最多两位小数（如 1200 或 35.50），不带货币符号和千位分隔符，收到“1e3”",
    f"{MEETINGS}/alias.yml:5:9: 不支持 YAML 锚点和别名（& 和 *），请直接写出内容",
    f"{MEETINGS}/bad-choice.yml:3:7: kind: “支部会”不是可用的值，应为以下之一：党员大会（general_assembly）、支委会（branch_committee）、党小组会（group_meeting）、党课（party_lesson）、主题党日（theme_day）、组织生活会（organizational_life）、民主生活会（democratic_life）、其他会议（other）",
    f"{MEETINGS}/bad-date.yml:2:7: date: 日期应写成 YYYY-MM-DD（如 2025-03-07），收到“2025-1-5”",
    f"{MEETINGS}/duplicate-id-b.yml:1:5: id: 编号“2025-03-committee”重复，另一条记录在 {MEETINGS}/duplicate-id-a.yml",
    f"{MEETINGS}/gbk.yml:1:12: 文件不是 UTF-8 编码（可能是 Windows 记事本保存的 GBK/ANSI 编码）。请在编辑器中选择“另存为”，编码选 UTF-8 后重新保存",
    f"{MEETINGS}/impossible-date.yml:2:7: date: 日期“2025-02-30”不存在",
    f"{MEETINGS}/missing-attachment.yml:5:11: attachments[0].file: 附件“2025/会议纪要.pdf”不存在（附件应放在 content/attachments/ 下）",
    f"{MEETINGS}/missing-field.yml:1:1: kind: 缺少必填字段",
    f"{MEETINGS}/three-problems.yml:1:1: title: 缺少必填字段",
    f"{MEETINGS}/three-problems.yml:1:7: date: 日期“2025-04-31”不存在",
    f"{MEETINGS}/three-problems.yml:4:1: attendee: 未知字段“attendee”，是否应为“attendees”？",
    f"{MEETINGS}/unknown-field.yml:4:1: locaton: 未知字段“locaton”，是否应为“location”？",
    f"{MEETINGS}/wrong-type-list.yml:2:3: title: 应为文字，收到的是列表",
    f"{MEETINGS}/wrong-type-text.yml:4:12: attendees: 应为列表（每项以“- ”开头），收到的是文字“王书记、李委员”",
    f"{MEETINGS}/yaml-syntax.yml:4:14: YAML 格式错误：此处不能出现冒号；若值中含有冒号，请给整个值加上引号",
    f"{MEETINGS}/yaml11-date.yml:2:7: date: 日期应写成 YYYY-MM-DD（如 2025-03-07），收到“2025-5-9”",
]
COUNT_LINE_ZH = "发现 22 个错误、0 个警告"

# Files that must produce no line at all.
VALID_FILES = {f"{MEETINGS}/ok-meeting.yml", f"{DECISIONS}/ok-decision.yml", f"{MEETINGS}/bom-accepted.yml", f"{MEETINGS}/duplicate-id-a.yml"}

GBK_TEXT = "title: 2025年3月主题党日\ndate: 2025-03-16\nkind: 主题党日\nlocation: 社区服务中心\n"


@pytest.fixture
def broken_site(tmp_path: Path) -> Path:
    site = copy_site(BROKEN, tmp_path)
    # The two encoding files must hold exactly the bytes they are about; an
    # editor that "fixes" them in the repository must not make the test pass.
    gbk = site / MEETINGS / "gbk.yml"
    assert gbk.read_bytes() == GBK_TEXT.encode("gbk"), "gbk.yml must stay GBK-encoded"
    with pytest.raises(UnicodeDecodeError):
        gbk.read_bytes().decode("utf-8")
    assert (site / MEETINGS / "bom-accepted.yml").read_bytes().startswith(b"\xef\xbb\xbf")
    return site


def _as_english(site: Path) -> Path:
    write_file(site / "site_config.yml", {"site_name": "Test branch", "language": "en"})
    return site


def _text_line(entry: dict) -> str:
    place = f"{entry['path']}:{entry['line']}:{entry['column']}:"
    field = f" {entry['field']}:" if entry["field"] else ""
    return f"{place}{field} {entry['message']}"


def test_broken_site_golden_output(broken_site: Path) -> None:
    code, out, err = run_cli(["check", "-c", broken_site / "site_config.yml"], cwd=broken_site.parent)
    assert code == 1, out + err
    lines = out.splitlines()
    assert lines == EXPECTED_ZH + [COUNT_LINE_ZH]
    assert err == ""


def test_every_broken_file_is_reported_and_valid_ones_are_not(broken_site: Path) -> None:
    files = {p.relative_to(broken_site).as_posix() for p in (broken_site / "content").rglob("*.yml")} - {"content/branch.yml"}
    reported = {line.split(":", 1)[0] for line in EXPECTED_ZH}
    assert reported == files - VALID_FILES
    assert not reported & VALID_FILES


def test_output_does_not_depend_on_working_folder(broken_site: Path) -> None:
    code, out, _ = run_cli(["check"], cwd=broken_site)
    assert code == 1
    assert out.splitlines() == EXPECTED_ZH + [COUNT_LINE_ZH]


def test_three_problems_in_one_file_are_all_reported(broken_site: Path) -> None:
    _, out, _ = run_cli(["check", "-c", broken_site / "site_config.yml"])
    mine = [line for line in out.splitlines() if line.startswith(f"{MEETINGS}/three-problems.yml:")]
    assert [line.split(": ", 2)[1] for line in mine] == ["title", "date", "attendee"]


def test_bom_file_alone_is_accepted(broken_site: Path) -> None:
    # Remove every other record: the site must then pass.
    for path in (broken_site / "content").rglob("*.yml"):
        if path.name not in ("bom-accepted.yml", "branch.yml"):
            path.unlink()
    code, out, _ = run_cli(["check", "-c", broken_site / "site_config.yml"])
    assert code == 0, out
    assert out.splitlines()[0] == "检查通过：共 1 条记录"
    assert "  会议：1" in out.splitlines()


def test_english_messages(broken_site: Path) -> None:
    site = _as_english(broken_site)
    code, out, _ = run_cli(["check", "-c", site / "site_config.yml"])
    assert code == 1
    lines = out.splitlines()
    expected = [
        f"{MEETINGS}/bad-choice.yml:3:7: kind: '支部会' is not allowed; expected one of: general_assembly, branch_committee, group_meeting, party_lesson, theme_day, organizational_life, democratic_life, other",
        f"{MEETINGS}/duplicate-id-b.yml:1:5: id: the id '2025-03-committee' is used twice; the other record is {MEETINGS}/duplicate-id-a.yml",
        f"{MEETINGS}/gbk.yml:1:12: the file is not UTF-8 (probably saved as GBK/ANSI by a Windows editor). Open it and save it again with the encoding UTF-8",
        f"{MEETINGS}/three-problems.yml:1:1: title: required field missing",
        f"{MEETINGS}/three-problems.yml:1:7: date: there is no such date as '2025-04-31'",
        f"{MEETINGS}/three-problems.yml:4:1: attendee: unknown field 'attendee'; did you mean 'attendees'?",
        f"{MEETINGS}/yaml-syntax.yml:4:14: YAML syntax error: a colon is not allowed here; if the value contains a colon, put the whole value in quotes",
        f"{DECISIONS}/yaml11-result-no.yml:4:9: result: 'no' is not allowed; expected one of: adopted, rejected, deferred",
        f"{FINANCES}/money-decimals.yml:9:13: income[0].amount: an amount has at most two decimals, got '1200.505'",
    ]
    for line in expected:
        assert line in lines
    assert len(lines) == len(EXPECTED_ZH) + 1
    assert lines[-1] == "22 error(s), 0 warning(s)"
    # Same places in both languages: only the messages change.
    places = [line.split(": ", 1)[0] for line in lines[:-1]]
    assert places == [line.split(": ", 1)[0] for line in EXPECTED_ZH]


def test_github_annotations(broken_site: Path) -> None:
    code, out, _ = run_cli(["check", "-c", broken_site / "site_config.yml", "--format", "github"])
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == len(EXPECTED_ZH)  # no count line: every line is an annotation
    assert all(line.startswith("::error file=content/") for line in lines)
    assert f"::error file={FINANCES}/missing-decision.yml,line=14,col=15,title=expenses[1].decision::引用的决策“2025-03-25-transport”不存在" in lines
    assert f"::error file={MEETINGS}/gbk.yml,line=1,col=12::文件不是 UTF-8 编码（可能是 Windows 记事本保存的 GBK/ANSI 编码）。请在编辑器中选择“另存为”，编码选 UTF-8 后重新保存" in lines
    assert f"::error file={MEETINGS}/three-problems.yml,line=4,col=1,title=attendee::未知字段“attendee”，是否应为“attendees”？" in lines


def test_github_annotations_escape_commas_and_colons(site) -> None:
    # A field title holding ',' or ':' would break the annotation; the path too.
    folder = site(
        {
            "content/branch.yml": {"name": "支部"},
            "content/meetings/2025/a,b.yml": "title: 会议\ndate: 2025-03-05\nkind: 支委会\nx:y: 1\n",
        }
    )
    code, out, _ = run_cli(["check", "-c", folder / "site_config.yml", "--format", "github"])
    assert code == 1
    assert out.splitlines() == [
        "::error file=content/meetings/2025/a%2Cb.yml,line=4,col=1,title=x%3Ay::未知字段“x:y”（可用字段：id, type, title, date, published, visibility, status, summary, tags, body, attachments, approval, corrections, numbers_ok, kind, group, period, start_time, end_time, location, chair, recorder, expected, attendees, on_leave, absent, guests, agenda, speaker, topic, topics, rectification）"
    ]


def test_json_output(broken_site: Path) -> None:
    code, out, _ = run_cli(["check", "-c", broken_site / "site_config.yml", "--format", "json"])
    assert code == 1
    entries = json.loads(out)
    assert isinstance(entries, list) and len(entries) == len(EXPECTED_ZH)
    for entry in entries:
        assert set(entry) == {"path", "line", "column", "field", "message", "severity"}
        assert isinstance(entry["line"], int) and isinstance(entry["column"], int)
        assert entry["severity"] == "error"
    assert [_text_line(e) for e in entries] == EXPECTED_ZH
    assert {
        "path": f"{FINANCES}/money-decimals.yml",
        "line": 9,
        "column": 13,
        "field": "income[0].amount",
        "message": "金额最多两位小数，收到“1200.505”",
        "severity": "error",
    } in entries
    gbk = next(e for e in entries if e["path"].endswith("gbk.yml"))
    assert (gbk["line"], gbk["column"], gbk["field"]) == (1, 12, "")


def test_billion_laughs_is_refused_quickly(broken_site: Path) -> None:
    import time

    started = time.monotonic()
    code, out, _ = run_cli(["check", "-c", broken_site / "site_config.yml"])
    assert code == 1
    assert f"{MEETINGS}/alias.yml:5:9: 不支持 YAML 锚点和别名（& 和 *），请直接写出内容" in out.splitlines()
    assert time.monotonic() - started < 30
