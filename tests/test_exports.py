"""Open-data exports: every file parsed with a real parser, per audience, byte-stable.

A small site with each record type, public and members records, a restricted
and a draft record, a corrected record and meetings with and without times is
written into ``tmp_path`` as YAML, loaded and checked by the real loader, and
narrowed per audience; ``export_files`` must then give files that feedparser,
icalendar, jsonschema and csv read back, holding only that audience's records.
"""

from __future__ import annotations

import csv
import datetime as dt
import fnmatch
import io
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import feedparser
import icalendar
import jsonschema
import pytest

from generator import pipeline, vocabulary
from generator.audience import narrow
from generator.compile import Output
from generator.compile.exports import documented_files, export_files
from generator.config import load_site
from generator.i18n import Labels
from generator.records import schema

from .helpers import NO_APPROVAL, make_site, run_cli

TODAY = dt.date(2026, 6, 1)
SCHEMA_TYPES = ("meeting", "decision", "finance", "appraisal", "notice", "branch")
# The published columns, as a consumer of the files relies on them.
FUNDS_COLUMNS = ["ledger_id", "period", "date", "direction", "item", "category", "amount", "approved_by", "decision"]
DUES_COLUMNS = ["ledger_id", "year", "month", "members", "due", "paid", "back_payment"]
LEDGERS_COLUMNS = ["ledger_id", "period", "period_start", "period_end", "opening_balance", "income_total", "expense_total", "closing_balance"]
INDEX_FIELDS = ["id", "type", "kind", "title", "date", "updated", "visibility", "url", "json_url"]
PUBLIC_URL = "https://dwgk.example.org/branch3/"
MEMBERS_URL = "https://intranet.example.org/"

BRANCH = {
    "name": "测试党支部",
    "parent": "测试机关党委",
    "committee": [{"name": "王书记", "post": "书记"}, {"name": "李委员", "post": "组织委员"}, {"name": "赵委员", "post": "宣传委员"}],
    "groups": [{"name": "第一党小组", "leader": "李委员", "members": ["王书记", "李委员", "赵委员", "孙党员"]}],
    "member_counts": [{"since": "2025-01-01", "count": 12}],
}
COMMITTEE = ["王书记", "李委员", "赵委员"]

# Words that appear only in members, restricted or draft records: none may reach the public files.
SECRET_WORDS = ["内部研究事项", "内部决定", "党内经费账", "党内公示对象", "不公开的记录", "草稿会议", "因病请假"]

RECORDS: dict[str, Any] = {
    # A public meeting with times, an absence (reason members-only) and a correction.
    "content/meetings/2026/2026-03-05-branch-committee.yml": {
        "title": "3月支部委员会会议",
        "date": "2026-03-05",
        "kind": "支委会",
        "visibility": "公开",
        "start_time": "14:30",
        "end_time": "16:00",
        "location": "三楼党员活动室",
        "chair": "王书记",
        "attendees": ["王书记", "李委员"],
        "absent": [{"name": "赵委员", "reason": "因病请假"}],
        "agenda": ["研究学习用书采购", "安排主题党日"],
        "summary": "研究学习用书采购和主题党日安排。",
        "corrections": [{"date": "2026-03-20", "change": "更正会议地点", "reason": "原记录笔误"}],
    },
    # A public meeting without a time: an all-day event.
    "content/meetings/2026/2026-04-18-theme-day.yml": {
        "title": "4月主题党日",
        "date": "2026-04-18",
        "kind": "theme_day",
        "visibility": "public",
        "location": "社区服务中心",
        "agenda": ["志愿服务"],
    },
    # An upcoming public meeting: in the calendar, not yet in the feeds.
    "content/meetings/2026/2026-06-26-party-lesson.yml": {
        "title": "6月专题党课",
        "date": "2026-06-26",
        "kind": "党课",
        "visibility": "公开",
        "start_time": "09:00",
        "end_time": "11:00",
        "location": "报告厅",
        "speaker": "王书记",
        "topic": "党的建设",
    },
    # A members-only meeting.
    "content/meetings/2026/2026-05-07-branch-committee.yml": {
        "title": "内部研究事项会议",
        "date": "2026-05-07",
        "kind": "branch_committee",
        "visibility": "党内",
        "start_time": "15:00",
        "location": "小会议室",
        "attendees": COMMITTEE,
        "agenda": ["内部研究事项"],
    },
    # A restricted and a draft record: never published.
    "content/meetings/2026/2026-05-08-restricted.yml": {
        "title": "不公开的记录",
        "date": "2026-05-08",
        "kind": "other",
        "visibility": "不公开",
    },
    "content/meetings/2026/2026-05-09-draft.yml": {
        "title": "草稿会议",
        "date": "2026-05-09",
        "kind": "other",
        "visibility": "public",
        "status": "draft",
    },
    "content/decisions/2026/2026-03-05-study-books.yml": {
        "title": "关于采购学习用书的决定",
        "date": "2026-03-05",
        "visibility": "public",
        "meeting": "2026-03-05-branch-committee",
        "category": "经费",
        "vote": {"for": "2", "against": "0", "abstain": "0"},
        "result": "通过",
    },
    "content/decisions/2026/2026-05-07-internal.yml": {
        "title": "内部决定",
        "date": "2026-05-07",
        "visibility": "members",
        "meeting": "2026-05-07-branch-committee",
        "vote": {"for": "3"},
        "result": "adopted",
    },
    # Two chained funds ledgers: the first public (one expense approved by a members decision), the second members-only.
    "content/finances/2026/2026-q1-funds.yml": {
        "title": "2026年第一季度经费收支",
        "date": "2026-04-05",
        "kind": "经费",
        "visibility": "public",
        "period": "2026年第一季度",
        "period_start": "2026-01-01",
        "period_end": "2026-03-31",
        "opening_balance": "100",
        "income": [{"date": "2026-01-10", "source": "上级党委划拨", "amount": "1000"}],
        "expenses": [
            {"date": "2026-03-10", "item": "学习用书", "category": "学习教育", "amount": "268.5", "approved_by": "王书记", "decision": "2026-03-05-study-books"},
            {"date": "2026-02-01", "item": "活动场地布置", "amount": "31.25", "decision": "2026-05-07-internal"},
        ],
        "closing_balance": "800.25",
        "corrections": [{"date": "2026-04-20", "change": "补录一笔支出"}],
    },
    "content/finances/2026/2026-q2-funds.yml": {
        "title": "党内经费账",
        "date": "2026-05-10",
        "kind": "funds",
        "visibility": "members",
        "period": "2026年第二季度",
        "period_start": "2026-04-01",
        "opening_balance": "800.25",
        "income": [],
        "expenses": [{"date": "2026-04-15", "item": "内部研究事项资料费", "amount": "0.25"}],
        "closing_balance": "800.00",
    },
    "content/finances/2026/2026-dues.yml": {
        "title": "2026年党费收缴",
        "date": "2026-03-31",
        "kind": "党费",
        "visibility": "public",
        "year": "2026",
        "months": [
            {"month": "2", "members": "12", "due": "300", "paid": "300"},
            {"month": "1", "members": "12", "due": "300.5", "paid": "290"},
        ],
    },
    "content/appraisals/2026/2026-01-20-member-appraisal.yml": {
        "title": "2025年度民主评议党员结果",
        "date": "2026-01-20",
        "kind": "民主评议党员",
        "visibility": "public",
        "period": "2025年度",
        "members": "12",
        "results": {"优秀": "3", "合格": "9"},
        "indicators": [{"name": "学习时长", "target": "40", "actual": "42.5", "unit": "小时"}],
    },
    "content/notices/2026/2026-03-16-membership.yml": {
        "title": "发展党员公示",
        "date": "2026-03-16",
        "kind": "membership",
        "visibility": "public",
        "start": "2026-03-16",
        "end": "2026-03-20",
        "subjects": [{"name": "刘同志"}],
    },
    "content/notices/2026/2026-05-11-internal.yml": {
        "title": "党内公示对象",
        "date": "2026-05-11",
        "kind": "other",
        "visibility": "members",
        "start": "2026-05-11",
        "end": "2026-05-15",
    },
}

PUBLIC_IDS = {
    "2026-03-05-branch-committee", "2026-04-18-theme-day", "2026-06-26-party-lesson", "2026-03-05-study-books",
    "2026-q1-funds", "2026-dues", "2026-01-20-member-appraisal", "2026-03-16-membership",
}
MEMBERS_ONLY_IDS = {"2026-05-07-branch-committee", "2026-05-07-internal", "2026-q2-funds", "2026-05-11-internal"}
NEVER_IDS = {"2026-05-08-restricted", "2026-05-09-draft"}


def _config(urls: bool) -> dict[str, Any]:
    config: dict[str, Any] = {"site_name": "测试党支部党务公开", "language": "zh", "norms": NO_APPROVAL}
    if urls:
        config["audiences"] = {"public": {"url": PUBLIC_URL}, "members": {"url": MEMBERS_URL}}
    return config


def _write_site(tmp_path: Path, urls: bool = True, extra: dict[str, Any] | None = None, folder: str = "site") -> Path:
    files: dict[str, Any] = {"content/branch.yml": BRANCH, **RECORDS, **(extra or {})}
    return make_site(tmp_path, files, _config(urls), folder=folder)


def _load(folder: Path):
    site, errors = load_site(folder / "site_config.yml")
    assert site is not None, errors
    records, collector = pipeline.check(site, TODAY)
    problems = [e for e in collector.sorted() if e.severity == "error"]
    assert not problems, problems
    return site, records


def _exports(folder: Path) -> dict[str, dict[str, bytes]]:
    site, records = _load(folder)
    return {audience: export_files(site, narrow(records, audience), TODAY, Output()).files() for audience in ("public", "members")}


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, bytes]]:
    return _exports(_write_site(tmp_path_factory.mktemp("exports")))


@pytest.fixture(scope="module")
def exported_relative(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, bytes]]:
    return _exports(_write_site(tmp_path_factory.mktemp("exports_rel"), urls=False))


def _record_files(files: dict[str, bytes]) -> dict[str, dict[str, Any]]:
    """Every record JSON file of an export: path -> parsed data."""
    sections = "|".join(vocabulary.SECTIONS)
    return {path: json.loads(data) for path, data in files.items() if re.fullmatch(rf"({sections})/\d{{4}}/[^/]+\.json", path)}


def _csv_rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "CSV must start with a UTF-8 BOM"
    text = data.decode("utf-8-sig")
    assert "\n" not in text.replace("\r\n", ""), "CSV lines must end with CRLF"
    return list(csv.DictReader(io.StringIO(text, newline="")))


# ---------------------------------------------------------------------------
# What is produced, and that it is documented
# ---------------------------------------------------------------------------


def test_expected_files_for_each_audience(exported):
    for audience, ids in (("public", PUBLIC_IDS), ("members", PUBLIC_IDS | MEMBERS_ONLY_IDS)):
        files = exported[audience]
        assert {data["id"] for data in _record_files(files).values()} == ids
        for name in ("data/records.json", "data/funds.csv", "data/dues.csv", "data/ledgers.csv", "feeds/all.atom", "feeds/meetings.ics", "data/schemas/records.schema.json"):
            assert name in files
        for record_type in SCHEMA_TYPES:
            assert f"data/schemas/{record_type}.schema.json" in files
        for section in vocabulary.SECTIONS:
            assert f"feeds/{section}.atom" in files
        assert list(files) == sorted(files)


def test_every_file_is_documented(exported):
    zh, en = documented_files(Labels("zh")), documented_files(Labels("en"))
    patterns = [re.sub(r"<[^>]+>", "*", doc["path"]) for doc in zh]
    for audience in ("public", "members"):
        for path in exported[audience]:
            assert any(fnmatch.fnmatchcase(path, p) for p in patterns), f"{path} is not described on the open-data page"
    for doc_zh, doc_en in zip(zh, en):
        assert doc_zh["text"] and doc_en["text"] and doc_zh["text"] != doc_en["text"] and doc_zh["format"]
        for column_zh, column_en in zip(doc_zh["columns"], doc_en["columns"]):
            assert column_zh["name"] == column_en["name"] and column_zh["text"] and column_en["text"]
    documented = {doc["path"]: [c["name"] for c in doc["columns"]] for doc in zh}
    assert documented["data/funds.csv"] == FUNDS_COLUMNS
    assert documented["data/dues.csv"] == DUES_COLUMNS
    assert documented["data/ledgers.csv"] == LEDGERS_COLUMNS
    index = json.loads(exported["members"]["data/records.json"])
    assert documented["data/records.json"] == INDEX_FIELDS
    assert set(INDEX_FIELDS) == set(index["records"][0])


def test_two_calls_give_identical_bytes(tmp_path):
    folder = _write_site(tmp_path)
    first, second = _exports(folder), _exports(folder)
    assert first == second


# ---------------------------------------------------------------------------
# JSON
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("audience", ["public", "members"])
def test_record_json_validates_against_published_schema(exported, audience):
    files = exported[audience]
    base = PUBLIC_URL if audience == "public" else MEMBERS_URL
    records = _record_files(files)
    assert records
    for path, data in records.items():
        record_type = data["type"]
        published = json.loads(files[f"data/schemas/{record_type}.schema.json"])
        assert published == json.loads(json.dumps(schema.json_schema(record_type)))
        fields = {k: v for k, v in data.items() if k not in ("id", "type", "url", "files")}
        jsonschema.Draft202012Validator(published, format_checker=jsonschema.FormatChecker()).validate(fields)
        section = vocabulary.SECTION_OF[record_type]
        assert path == f"{section}/{data['date'][:4]}/{data['id']}.json"
        assert data["url"] == f"{base}{section}/{data['date'][:4]}/{data['id']}/"
        assert data["visibility"] in ({"public"} if audience == "public" else {"public", "members"})


def test_money_is_two_decimal_strings_and_other_fields_are_kept(exported):
    records = _record_files(exported["members"])
    funds = records["finances/2026/2026-q1-funds.json"]
    assert funds["opening_balance"] == "100.00"
    assert funds["closing_balance"] == "800.25"
    assert [i["amount"] for i in funds["income"]] == ["1000.00"]
    assert [e["amount"] for e in funds["expenses"]] == ["268.50", "31.25"]
    assert funds["corrections"] == [{"date": "2026-04-20", "change": "补录一笔支出", "reason": None}]
    dues = records["finances/2026/2026-dues.json"]
    assert [(m["due"], m["paid"]) for m in dues["months"]] == [("300.00", "300.00"), ("300.50", "290.00")]
    appraisal = records["appraisals/2026/2026-01-20-member-appraisal.json"]
    assert appraisal["results"] == {"excellent": 3, "qualified": 9}
    assert appraisal["indicators"][0]["actual"] == "42.5"  # a measured value, not money
    decision = records["decisions/2026/2026-03-05-study-books.json"]
    assert decision["vote"] == {"for": 2, "against": 0, "abstain": 0}
    assert decision["result"] == "adopted"
    meeting = records["meetings/2026/2026-03-05-branch-committee.json"]
    assert meeting["absent"] == [{"name": "赵委员", "reason": "因病请假"}]


def test_public_json_is_narrowed(exported):
    records = _record_files(exported["public"])
    meeting = records["meetings/2026/2026-03-05-branch-committee.json"]
    assert meeting["absent"] == [{"name": "赵委员", "reason": None}]
    funds = records["finances/2026/2026-q1-funds.json"]
    # The approving decision is members-only: its id is dropped for the public.
    assert [e["decision"] for e in funds["expenses"]] == ["2026-03-05-study-books", None]


@pytest.mark.parametrize("audience", ["public", "members"])
def test_records_index(exported, audience):
    files = exported[audience]
    index = json.loads(files["data/records.json"])
    jsonschema.Draft202012Validator(json.loads(files["data/schemas/records.schema.json"])).validate(index)
    assert index["audience"] == audience
    entries = index["records"]
    keys = [(-dt.date.fromisoformat(e["date"]).toordinal(), e["id"]) for e in entries]
    assert keys == sorted(keys), "newest first, id as the tiebreak"
    by_id = {e["id"]: e for e in entries}
    records = _record_files(files)
    assert set(by_id) == {data["id"] for data in records.values()}
    base = PUBLIC_URL if audience == "public" else MEMBERS_URL
    for entry in entries:
        relative = entry["json_url"][len(base):]
        assert entry["json_url"].startswith(base) and relative in files
        assert json.loads(files[relative])["url"] == entry["url"]
    assert by_id["2026-q1-funds"]["updated"] == "2026-04-20"
    assert by_id["2026-q1-funds"]["kind"] == "funds"
    assert by_id["2026-03-16-membership"]["updated"] == "2026-03-16"


def test_relative_urls_without_configured_site_url(exported_relative):
    files = exported_relative["public"]
    index = json.loads(files["data/records.json"])
    for entry in index["records"]:
        assert not entry["url"].startswith(("http", "/"))
        assert entry["json_url"] in files
        assert entry["url"] == entry["json_url"][: -len(".json")] + "/"


# ---------------------------------------------------------------------------
# CSV
# ---------------------------------------------------------------------------


def test_funds_csv_totals_match_the_ledgers(exported, tmp_path):
    site, records = _load(_write_site(tmp_path))
    for audience in ("public", "members"):
        files = exported[audience]
        rows = _csv_rows(files["data/funds.csv"])
        assert rows and list(rows[0]) == FUNDS_COLUMNS
        ledgers = {row["ledger_id"]: row for row in _csv_rows(files["data/ledgers.csv"])}
        view = narrow(records, audience)
        funds = [r for r in view.of_type("finance") if r.kind == "funds"]
        assert set(ledgers) == {r.id for r in funds}
        for ledger in funds:
            mine = [row for row in rows if row["ledger_id"] == ledger.id]
            expenses = sum((Decimal(row["amount"]) for row in mine if row["direction"] == "expense"), Decimal(0))
            income = sum((Decimal(row["amount"]) for row in mine if row["direction"] == "income"), Decimal(0))
            assert expenses == sum((e.amount for e in ledger.model.expenses), Decimal(0))
            assert income == sum((i.amount for i in ledger.model.income), Decimal(0))
            total = ledgers[ledger.id]
            assert Decimal(total["expense_total"]) == expenses and Decimal(total["income_total"]) == income
            assert Decimal(total["opening_balance"]) + income - expenses == Decimal(total["closing_balance"]) == ledger.model.closing_balance
            assert all(re.fullmatch(r"\d+\.\d\d", row["amount"]) for row in mine)
            assert {row["period"] for row in mine} == {ledger.model.period}
    public_rows = _csv_rows(exported["public"]["data/funds.csv"])
    assert [(r["date"], r["direction"], r["item"], r["amount"], r["decision"]) for r in public_rows] == [
        ("2026-01-10", "income", "上级党委划拨", "1000.00", ""),
        ("2026-02-01", "expense", "活动场地布置", "31.25", ""),
        ("2026-03-10", "expense", "学习用书", "268.50", "2026-03-05-study-books"),
    ]


def test_dues_csv(exported):
    rows = _csv_rows(exported["public"]["data/dues.csv"])
    assert list(rows[0]) == DUES_COLUMNS
    assert [(r["ledger_id"], r["year"], r["month"], r["members"], r["due"], r["paid"]) for r in rows] == [
        ("2026-dues", "2026", "1", "12", "300.50", "290.00"),
        ("2026-dues", "2026", "2", "12", "300.00", "300.00"),
    ]


# ---------------------------------------------------------------------------
# Atom
# ---------------------------------------------------------------------------


def _feed(data: bytes) -> Any:
    parsed = feedparser.parse(data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


@pytest.mark.parametrize("audience", ["public", "members"])
def test_atom_feeds(exported, audience):
    files = exported[audience]
    base = PUBLIC_URL if audience == "public" else MEMBERS_URL
    index = {e["id"]: e for e in json.loads(files["data/records.json"])["records"]}
    published = {i for i, e in index.items() if e["date"] <= TODAY.isoformat()}
    feed = _feed(files["feeds/all.atom"])
    assert feed.feed.id == f"{base}feeds/all.atom"
    assert feed.feed.title.startswith("测试党支部党务公开")
    ids = [e.id for e in feed.entries]
    assert len(ids) == len(set(ids)) == len(published)
    assert set(ids) == {index[i]["url"] for i in published}
    updated = [e.updated_parsed for e in feed.entries]
    assert updated == sorted(updated, reverse=True)
    assert feed.feed.updated == feed.entries[0].updated
    assert not any("6月专题党课" in e.title for e in feed.entries), "an upcoming meeting is not news yet"
    for entry in feed.entries:
        assert entry.link.startswith(base)
        assert "generator" not in entry
    assert feed.feed.generator == "OpenBranch"
    for section in vocabulary.SECTIONS:
        section_feed = _feed(files[f"feeds/{section}.atom"])
        section_ids = {e.id for e in section_feed.entries}
        assert section_ids == {index[i]["url"] for i in published if index[i]["type"] == vocabulary.SECTIONS[section]}


def test_corrected_records_are_announced(exported):
    feed = _feed(exported["public"]["feeds/all.atom"])
    entries = {e.id: e for e in feed.entries}
    meeting = entries[f"{PUBLIC_URL}meetings/2026/2026-03-05-branch-committee/"]
    assert meeting.title == "【更正】3月支部委员会会议"
    assert "更正（2026-03-20）：更正会议地点" in meeting.summary and "原记录笔误" in meeting.summary
    assert meeting.updated.startswith("2026-03-20") and meeting.published.startswith("2026-03-05")
    ledger = entries[f"{PUBLIC_URL}finances/2026/2026-q1-funds/"]
    assert ledger.title.startswith("【更正】") and ledger.updated.startswith("2026-04-20")
    plain = entries[f"{PUBLIC_URL}notices/2026/2026-03-16-membership/"]
    assert plain.title == "发展党员公示" and plain.updated == plain.published


def test_atom_without_site_url_uses_tag_ids_and_relative_links(exported_relative):
    feed = _feed(exported_relative["public"]["feeds/all.atom"])
    assert feed.feed.id.startswith("tag:openbranch,")
    for entry in feed.entries:
        assert re.fullmatch(r"tag:openbranch,\d{4}:[^\s]+", entry.id)
    raw = exported_relative["public"]["feeds/meetings.atom"].decode("utf-8")
    assert 'href="../meetings/2026/2026-04-18-theme-day/"' in raw


def test_feed_keeps_the_newest_fifty(tmp_path):
    extra = {
        f"content/notices/2025/2025-{1 + i // 28:02d}-{1 + i % 28:02d}-n{i:02d}.yml": {
            "title": f"公示{i:02d}", "date": f"2025-{1 + i // 28:02d}-{1 + i % 28:02d}", "kind": "other", "visibility": "public",
            "start": f"2025-{1 + i // 28:02d}-{1 + i % 28:02d}", "end": f"2025-{1 + i // 28:02d}-{1 + i % 28:02d}",
        }
        for i in range(60)
    }
    files = _exports(_write_site(tmp_path, extra=extra))["public"]
    feed = _feed(files["feeds/all.atom"])
    assert len(feed.entries) == 50
    notices = _feed(files["feeds/notices.atom"])
    assert len(notices.entries) == 50
    assert notices.entries[0].title == "发展党员公示"
    assert "公示00" not in {e.title for e in notices.entries}  # the oldest fall off


def test_no_wall_clock_in_feeds(exported):
    for audience in ("public", "members"):
        raw = exported[audience]["feeds/all.atom"].decode("utf-8")
        stamps = re.findall(r"<(?:updated|published)>([^<]+)<", raw)
        assert stamps and all(s.endswith("T00:00:00+08:00") for s in stamps)
        assert "lastBuildDate" not in raw and "python-feedgen" not in raw
        ics = exported[audience]["feeds/meetings.ics"].decode("utf-8")
        assert all(line.endswith("T000000Z") for line in re.findall(r"DTSTAMP:\S+", ics))


# ---------------------------------------------------------------------------
# iCalendar
# ---------------------------------------------------------------------------


def _events(data: bytes) -> dict[str, Any]:
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["VERSION"]) == "2.0" and calendar["PRODID"]
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Shanghai"]
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_calendar_of_meetings(exported):
    events = _events(exported["public"]["feeds/meetings.ics"])
    assert set(events) == {"2026-03-05-branch-committee@openbranch", "2026-04-18-theme-day@openbranch", "2026-06-26-party-lesson@openbranch"}
    timed = events["2026-03-05-branch-committee@openbranch"]
    start, end = timed.decoded("DTSTART"), timed.decoded("DTEND")
    assert (start.replace(tzinfo=None), end.replace(tzinfo=None)) == (dt.datetime(2026, 3, 5, 14, 30), dt.datetime(2026, 3, 5, 16, 0))
    assert start.utcoffset() == dt.timedelta(hours=8)
    assert timed["DTSTART"].params["TZID"] == "Asia/Shanghai"
    assert str(timed["SUMMARY"]) == "3月支部委员会会议"
    assert str(timed["LOCATION"]) == "三楼党员活动室"
    description = str(timed["DESCRIPTION"])
    assert "1. 研究学习用书采购" in description and "2. 安排主题党日" in description
    assert str(timed["URL"]) == f"{PUBLIC_URL}meetings/2026/2026-03-05-branch-committee/"
    # DTSTAMP comes from the record (its latest correction), never the clock.
    assert timed.decoded("DTSTAMP") == dt.datetime(2026, 3, 20, tzinfo=dt.timezone.utc)
    assert int(timed["SEQUENCE"]) == 1
    all_day = events["2026-04-18-theme-day@openbranch"]
    assert all_day.decoded("DTSTART") == dt.date(2026, 4, 18)
    assert all_day.decoded("DTEND") == dt.date(2026, 4, 19)
    assert all_day.decoded("DTSTAMP") == dt.datetime(2026, 4, 18, tzinfo=dt.timezone.utc)
    upcoming = events["2026-06-26-party-lesson@openbranch"]
    assert upcoming.decoded("DTSTART").replace(tzinfo=None) == dt.datetime(2026, 6, 26, 9, 0)
    assert "王书记" in str(upcoming["DESCRIPTION"]) and "党的建设" in str(upcoming["DESCRIPTION"])


def test_members_calendar_and_relative_calendar(exported, exported_relative):
    events = _events(exported["members"]["feeds/meetings.ics"])
    assert "2026-05-07-branch-committee@openbranch" in events
    members_only = events["2026-05-07-branch-committee@openbranch"]
    assert "DTEND" not in members_only  # a start time alone: no invented end
    assert str(members_only["URL"]).startswith(MEMBERS_URL)
    for event in _events(exported_relative["public"]["feeds/meetings.ics"]).values():
        assert "URL" not in event  # a calendar has no base to resolve a relative URL against


# ---------------------------------------------------------------------------
# Leaks
# ---------------------------------------------------------------------------


def test_public_outputs_hold_no_members_record(exported, exported_relative):
    for files in (exported["public"], exported_relative["public"]):
        for path, data in files.items():
            if path.startswith("data/schemas/"):
                continue
            text = data.decode("utf-8-sig")
            for hidden in sorted(MEMBERS_ONLY_IDS | NEVER_IDS):
                assert hidden not in text, f"{path} leaks {hidden}"
            for word in SECRET_WORDS:
                assert word not in text, f"{path} leaks {word}"
    members = exported["members"]
    for path, data in members.items():
        text = data.decode("utf-8-sig")
        for hidden in sorted(NEVER_IDS):
            assert hidden not in text, f"{path} leaks {hidden}"
        for word in ("不公开的记录", "草稿会议"):
            assert word not in text
    assert "内部研究事项" in members["feeds/meetings.ics"].decode("utf-8").replace("\r\n ", "")
    assert "内部决定" in members["feeds/all.atom"].decode("utf-8")


# ---------------------------------------------------------------------------
# Through the real build
# ---------------------------------------------------------------------------


def test_build_through_the_cli_publishes_the_exports(tmp_path):
    folder = _write_site(tmp_path)
    out = tmp_path / "out"
    code, stdout, stderr = run_cli(["build", "-c", folder / "site_config.yml", "-d", out, "--today", TODAY.isoformat()], timeout=300)
    assert code == 0, stdout + stderr
    expected = {audience: export_files(*_site_and_view(folder, audience), Output()).files() for audience in ("public", "members")}
    for audience, files in expected.items():
        for path, data in files.items():
            assert (out / audience / path).read_bytes() == data, f"{audience}/{path} differs from export_files"
    _feed((out / "public" / "feeds" / "all.atom").read_bytes())
    _events((out / "public" / "feeds" / "meetings.ics").read_bytes())


def _site_and_view(folder: Path, audience: str):
    site, records = _load(folder)
    return site, narrow(records, audience), TODAY
