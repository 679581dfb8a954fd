"""Property-based tests (hypothesis) of "nothing lost" and "every bad record reported" (issue 6).

1. Random *valid* records of four types — titles drawn from CJK, ASCII,
   Chinese and ASCII punctuation, HTML-special characters and other printable
   Unicode (no control characters, no surrogates), random dates and
   visibility public/members — are written to a site and built with the real
   ``openbranch build``.  Every record's page exists on each site its
   visibility allows (public: both; members: members only, and *no* page on
   the public site), its ``<h1>`` is exactly its title once HTML entities are
   decoded, and the printed counts per audience and type match.
2. Random *invalid* records (a badly written date, an unknown field, a word
   outside an enumeration) among valid ones are each reported by ``check``
   with their file path and the field, and ``check`` fails.

Few examples (each one is a full build), no deadline; the site lives in a
fresh temporary folder per example.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .helpers import build_site, describe, run_openbranch, write_site

TODAY = "2026-06-01"
SECTION = {"meeting": "meetings", "decision": "decisions", "notice": "notices", "appraisal": "appraisals"}
TYPE_LABEL = {"meeting": "会议", "decision": "决策", "finance": "财务", "appraisal": "评议", "notice": "公示", "opinion": "意见建议", "election": "换届选举", "responsibility": "责任清单", "inspection": "督查检查"}

_SPECIAL = "<>&\"'`/\\=;:#{}[]()*_~|!-+.,%$@^?，。、：；“”‘’（）《》【】…—·！？"
TITLE_CHARS = st.one_of(
    st.sampled_from(_SPECIAL),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    # Letters, marks, numbers, punctuation, symbols and spaces of the BMP and beyond: no Cc/Cs/Cf/Co/Cn/Zl/Zp.
    st.characters(categories=("L", "M", "N", "P", "S", "Zs")),
)
TITLES = st.text(alphabet=TITLE_CHARS, min_size=1, max_size=40).filter(lambda s: s.strip())
DATES = st.dates(min_value=dt.date(2019, 1, 1), max_value=dt.date(2026, 5, 31))
DECIDING_MEETING_ID = "deciding-meeting"
DECIDING_MEETING = {"title": "作出决策的会议", "date": "2019-01-01", "visibility": "public", "kind": "other"}


@st.composite
def valid_record(draw: Any) -> tuple[str, dict[str, Any]]:
    record_type = draw(st.sampled_from(sorted(SECTION)))
    date = draw(DATES)
    record: dict[str, Any] = {
        "title": draw(TITLES),
        "date": date.isoformat(),
        "visibility": draw(st.sampled_from(["public", "members", "公开", "党内"])),
        # Random text may happen to look like a phone number; that is another test's business.
        "numbers_ok": ["title"],
    }
    if record_type == "meeting":
        record["kind"] = draw(st.sampled_from(["支委会", "党员大会", "party_lesson", "theme_day", "other"]))
    elif record_type == "decision":
        record["result"] = draw(st.sampled_from(["adopted", "未通过", "deferred"]))
        if record["result"] != "deferred":
            # A decision with a result names the meeting that took it (the test adds it).
            record["meeting"] = DECIDING_MEETING_ID
    elif record_type == "notice":
        record.update(kind="other", start=date.isoformat(), end=(date + dt.timedelta(days=draw(st.integers(0, 20)))).isoformat())
    else:
        record.update(kind="member_appraisal", period=f"{date.year}年度")
    return record_type, record


def _audience(visibility: str) -> str:
    return {"公开": "public", "党内": "members"}.get(visibility, visibility)


H1 = re.compile(r'<h1 class="ob-title">(.*?)</h1>', re.S)
SUMMARY = re.compile(r"^(公开网站|党内网站)：(\d+) 条记录，(\d+) 个页面（(.*)）$")


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])
@given(records=st.lists(valid_record(), min_size=1, max_size=8))
def test_every_valid_record_is_on_every_site_allowed_to_show_it(records: list[tuple[str, dict[str, Any]]]) -> None:
    with tempfile.TemporaryDirectory(prefix="ob-prop-") as tmp:
        root = Path(tmp)
        files = {}
        pages = []
        for i, (record_type, record) in enumerate(records):
            year = record["date"][:4]
            files[f"content/{SECTION[record_type]}/{year}/r{i}.yml"] = record
            pages.append((f"{SECTION[record_type]}/{year}/r{i}/index.html", record_type, record))
        if any(record.get("meeting") == DECIDING_MEETING_ID for _, record in records):
            files[f"content/meetings/2019/{DECIDING_MEETING_ID}.yml"] = DECIDING_MEETING
            pages.append((f"meetings/2019/{DECIDING_MEETING_ID}/index.html", "meeting", DECIDING_MEETING))
        site = write_site(root / "site", files)
        out = root / "out"
        proc = build_site(site, out)
        assert proc.returncode == 0, describe(proc)

        expected_counts = {"public": Counter(), "members": Counter()}
        for page, record_type, record in pages:
            audience = _audience(record["visibility"])
            shown_on = ("public", "members") if audience == "public" else ("members",)
            for site_name in ("public", "members"):
                path = out / site_name / page
                if site_name not in shown_on:
                    assert not path.exists(), f"a {audience} record is on the {site_name} site: {page}"
                    continue
                expected_counts[site_name][record_type] += 1
                assert path.is_file(), f"{page} missing from the {site_name} site\n{proc.stdout}"
                text = path.read_text(encoding="utf-8")
                headings = H1.findall(text)
                assert len(headings) == 1, page
                assert html.unescape(headings[0]) == record["title"], (headings[0], record["title"])
                assert record["title"] in html.unescape(text)

        summaries = {}
        for line in proc.stdout.splitlines():
            match = SUMMARY.match(line.strip())
            if match:
                label, total, _, per_type = match.groups()
                counts = dict(part.rsplit(" ", 1) for part in per_type.split("、"))
                summaries["public" if label == "公开网站" else "members"] = (int(total), {k: int(v) for k, v in counts.items()})
        assert set(summaries) == {"public", "members"}, proc.stdout
        for audience, (total, per_type) in summaries.items():
            want = expected_counts[audience]
            assert total == sum(want.values()), (audience, proc.stdout)
            assert per_type == {TYPE_LABEL[t]: want.get(t, 0) for t in TYPE_LABEL}, (audience, proc.stdout)


# ---------------------------------------------------------------------------
# Invalid records
# ---------------------------------------------------------------------------

BAD_DATES = st.builds(
    lambda d, fmt: fmt.format(y=d.year, m=d.month, d=d.day),
    DATES,
    st.sampled_from(["{y}/{m:02d}/{d:02d}", "{y}-{m}-{d}x", "{d:02d}.{m:02d}.{y}", "{y}年{m}月{d}日", "{y}{m:02d}{d:02d}", "{y}-{m:02d}-{d:02d} 09:00", "{y}-{m:02d}"]),
)
UNKNOWN_FIELDS = st.from_regex(r"\A[a-z][a-z_]{2,12}\Z").filter(
    lambda k: k not in {"title", "date", "visibility", "status", "summary", "tags", "body", "attachments", "approval", "corrections", "numbers_ok", "kind",
                        "result", "start", "end", "period", "id", "type", "group", "chair", "location", "attendees", "agenda", "contact", "stage", "subjects",
                        "members", "steps", "results", "rating", "indicators", "measures", "meeting", "category", "background", "consultation", "vote",
                        "follow_up", "speaker", "topic", "topics", "recorder", "guests", "absent", "start_time", "end_time", "rectification",
                        "excellent_members"}
)
BAD_WORDS = st.one_of(st.sampled_from(["yes", "no", "on", "off", "true", "1", "会议", "通过了", "Adopted", "PUBLIC"]), TITLES)


@st.composite
def invalid_record(draw: Any) -> tuple[str, dict[str, Any], str]:
    record_type, record = draw(valid_record())
    flaw = draw(st.sampled_from(["date", "unknown", "visibility", "kind_or_result"]))
    if flaw == "date":
        record["date"] = draw(BAD_DATES)
        field = "date"
    elif flaw == "unknown":
        field = draw(UNKNOWN_FIELDS)
        record[field] = draw(TITLES)
    elif flaw == "visibility":
        field = "visibility"
        record[field] = draw(BAD_WORDS.filter(lambda w: w not in {"public", "members", "restricted", "公开", "党内", "不公开"}))
    else:
        field = "result" if record_type == "decision" else "kind"
        allowed = {"adopted", "rejected", "deferred", "通过", "未通过", "暂缓"} if field == "result" else {
            "general_assembly", "branch_committee", "group_meeting", "party_lesson", "theme_day", "organizational_life", "democratic_life", "other",
            "党员大会", "支委会", "党小组会", "党课", "主题党日", "组织生活会", "民主生活会", "其他会议", "membership", "election", "appraisal",
            "发展党员", "选举", "评议结果", "其他", "member_appraisal", "branch_rating", "performance", "民主评议党员", "支部评星定级", "绩效考核"}
        record[field] = draw(BAD_WORDS.filter(lambda w: w not in allowed))
    return record_type, record, field


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])
@given(bad=st.lists(invalid_record(), min_size=1, max_size=4), good=st.lists(valid_record(), max_size=3))
def test_every_invalid_record_is_reported_with_its_file(bad: list[tuple[str, dict[str, Any], str]], good: list[tuple[str, dict[str, Any]]]) -> None:
    with tempfile.TemporaryDirectory(prefix="ob-prop-") as tmp:
        files: dict[str, Any] = {}
        flawed: dict[str, str] = {}
        for i, (record_type, record, field) in enumerate(bad):
            # A bad date has no year: the file sits in a plausible year folder all the same.
            rel = f"content/{SECTION[record_type]}/2025/bad{i}.yml"
            files[rel] = record
            flawed[rel] = field
        valid = []
        for i, (record_type, record) in enumerate(good):
            rel = f"content/{SECTION[record_type]}/{record['date'][:4]}/good{i}.yml"
            files[rel] = record
            valid.append(rel)
        if any(record.get("meeting") == DECIDING_MEETING_ID for _, record in good):
            files[f"content/meetings/2019/{DECIDING_MEETING_ID}.yml"] = DECIDING_MEETING
        site = write_site(Path(tmp) / "site", files)
        proc = run_openbranch("check", "-c", site / "site_config.yml", "--today", TODAY, cwd=site)
        assert proc.returncode == 1, describe(proc)
        assert "Traceback" not in proc.stderr, describe(proc)
        lines = proc.stdout.splitlines()
        for rel, field in flawed.items():
            hits = [line for line in lines if line.startswith(f"{rel}:") and f" {field}: " in line and "警告" not in line]
            assert hits, f"{rel} ({field}) not reported\n{describe(proc)}"
            assert re.match(rf"^{re.escape(rel)}:\d+:\d+: {re.escape(field)}: ", hits[0]), hits[0]
        for rel in valid:
            errors = [line for line in lines if line.startswith(f"{rel}:") and "警告" not in line]
            assert not errors, f"a valid record was reported: {errors}"
