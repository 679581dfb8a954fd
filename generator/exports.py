"""Open data for one audience: record JSON, the record index, CSV, JSON Schemas, Atom and iCalendar.

``export_files`` turns one audience's narrowed records into docs-relative
paths and bytes, which ``stage.write_stage`` writes beside the pages.  It sees
nothing but the ``AudienceView``, so the public files can hold no members
record.  Every output is deterministic: records are sorted on total keys (id
as the tiebreak) and every timestamp comes from a record's date or its
corrections, never from the clock, so two builds give the same bytes.

URLs are absolute when the audience has ``audiences.<audience>.url`` in
site_config.yml; otherwise JSON and CSV hold URLs relative to the site root
(``meetings/2025/<id>/``), the Atom feeds link relative to the feed file, and
the calendar leaves its ``URL`` out (a calendar has no base to resolve against).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal
from typing import Any, Iterable, Optional
from urllib.parse import quote

from feedgen.feed import FeedGenerator
from icalendar import Calendar, Event, Timezone, TimezoneStandard

from .records.index import RecordSet as AudienceView
from .cache import NO_CACHE, Cache, code_stamp
from .config import Site
from .i18n import Labels
from . import vocabulary as schema
from .records import schema as record_schema
from .records.index import Record


def json_bytes(value: Any) -> bytes:
    """Deterministic JSON: sorted keys, UTF-8, trailing newline."""
    return (json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1, default=str) + "\n").encode("utf-8")

SCHEMA_TYPES = ("meeting", "decision", "finance", "appraisal", "notice", "branch")
FEED_MAX_ENTRIES = 50
TIMEZONE = "Asia/Shanghai"
_CST = dt.timezone(dt.timedelta(hours=8), "CST")
# The tag: URI authority and date of entry and feed ids when no site URL is configured.
_TAG = "tag:openbranch,2024:"

FUNDS_COLUMNS = ["ledger_id", "period", "date", "direction", "item", "category", "amount", "approved_by", "decision"]
DUES_COLUMNS = ["ledger_id", "year", "month", "members", "due", "paid"]
LEDGERS_COLUMNS = ["ledger_id", "period", "period_start", "period_end", "opening_balance", "income_total", "expense_total", "closing_balance"]
INDEX_FIELDS = ["id", "type", "kind", "title", "date", "updated", "visibility", "url", "json_url"]

_WORDS = {
    "zh": {
        "all": "全部公开",
        "meetings_calendar": "会议日历",
        "corrected": "【更正】",
        "correction": "更正（{date}）：{change}",
        "reason": "原因：{reason}",
        "agenda": "议程：",
        "chair": "主持人：{name}",
        "speaker": "主讲人：{name}",
        "topic": "主题：{topic}",
    },
    "en": {
        "all": "All disclosures",
        "meetings_calendar": "Meetings",
        "corrected": "[Corrected] ",
        "correction": "Correction ({date}): {change}",
        "reason": "Reason: {reason}",
        "agenda": "Agenda:",
        "chair": "Chair: {name}",
        "speaker": "Speaker: {name}",
        "topic": "Topic: {topic}",
    },
}


def _column(name: str, zh: str, en: str) -> dict[str, str]:
    return {"name": name, "zh": zh, "en": en}


# What each exported file is and what its columns or fields mean, for the data page.
DATA_FILES_DOC: list[dict[str, Any]] = [
    {
        "path": "<section>/<yyyy>/<id>.json",
        "format": "json",
        "zh": "每条记录的全部字段（JSON），与记录页面 <section>/<yyyy>/<id>/ 并列；字段含义见该类型的 JSON Schema。金额为两位小数的字符串（元），日期为 ISO 格式。",
        "en": "Every field of one record as JSON, beside its page <section>/<yyyy>/<id>/; the fields are those of its type's JSON Schema. Money is a string with two decimals (yuan); dates are ISO dates.",
        "columns": [
            _column("id", "记录的永久编号", "The record's permanent id"),
            _column("type", "记录类型：meeting、decision、finance、appraisal、notice", "Record type: meeting, decision, finance, appraisal, notice"),
            _column("url", "记录页面的地址", "The address of the record's page"),
            _column("…", "其余字段同该类型的 JSON Schema（data/schemas/<type>.schema.json）", "The other fields are those of the type's JSON Schema (data/schemas/<type>.schema.json)"),
        ],
    },
    {
        "path": "data/records.json",
        "format": "json",
        "zh": "全部记录的索引，按日期从新到旧排列（同日按编号）。",
        "en": "An index of all records, newest first (same date: by id).",
        "columns": [
            _column("id", "记录的永久编号", "The record's permanent id"),
            _column("type", "记录类型", "Record type"),
            _column("kind", "记录种类（如会议类别），没有则为 null", "Kind within the type (e.g. the meeting kind), or null"),
            _column("title", "标题", "Title"),
            _column("date", "日期", "Date"),
            _column("updated", "最后更正日期，未更正则同日期", "Date of the latest correction, else the record's date"),
            _column("visibility", "公开范围：public（党外公开）或 members（党内公开）", "Disclosure scope: public or members"),
            _column("url", "记录页面的地址", "The address of the record's page"),
            _column("json_url", "记录 JSON 文件的地址", "The address of the record's JSON file"),
        ],
    },
    {
        "path": "data/funds.csv",
        "format": "csv",
        "zh": "经费收支明细：每个经费账目的每笔收入和支出一行（UTF-8 带 BOM，可用 Excel 直接打开）。",
        "en": "Funds ledger lines: one row per income or expense of every funds ledger (UTF-8 with BOM, opens in Excel).",
        "columns": [
            _column("ledger_id", "账目记录编号", "Id of the ledger record"),
            _column("period", "账期", "Accounting period"),
            _column("date", "日期", "Date"),
            _column("direction", "收支方向：income（收入）或 expense（支出）", "income or expense"),
            _column("item", "收入来源或支出事项", "Source of the income, or the item paid for"),
            _column("category", "支出类别", "Expense category"),
            _column("amount", "金额（元，两位小数）", "Amount (yuan, two decimals)"),
            _column("approved_by", "审批人", "Who approved the expense"),
            _column("decision", "批准该支出的决策记录编号", "Id of the decision that approved the expense"),
        ],
    },
    {
        "path": "data/ledgers.csv",
        "format": "csv",
        "zh": "经费账目汇总：每个账期一行，期初余额 + 收入合计 − 支出合计 = 期末余额。",
        "en": "Funds ledger totals: one row per period; opening balance + income − expenses = closing balance.",
        "columns": [
            _column("ledger_id", "账目记录编号", "Id of the ledger record"),
            _column("period", "账期", "Accounting period"),
            _column("period_start", "账期开始日期", "First day of the period"),
            _column("period_end", "账期结束日期", "Last day of the period"),
            _column("opening_balance", "期初余额（元）", "Opening balance (yuan)"),
            _column("income_total", "收入合计（元）", "Total income (yuan)"),
            _column("expense_total", "支出合计（元）", "Total expenses (yuan)"),
            _column("closing_balance", "期末余额（元）", "Closing balance (yuan)"),
        ],
    },
    {
        "path": "data/dues.csv",
        "format": "csv",
        "zh": "党费收缴：每个党费账目的每月一行。",
        "en": "Party dues: one row per month of every dues ledger.",
        "columns": [
            _column("ledger_id", "党费记录编号", "Id of the dues record"),
            _column("year", "年度", "Year"),
            _column("month", "月份", "Month"),
            _column("members", "应缴党员人数", "Members liable to pay"),
            _column("due", "应缴金额（元）", "Amount due (yuan)"),
            _column("paid", "实缴金额（元）", "Amount paid (yuan)"),
        ],
    },
    {
        "path": "data/schemas/<type>.schema.json",
        "format": "json-schema",
        "zh": "各类记录的 JSON Schema（meeting、decision、finance、appraisal、notice、branch），可供编辑器补全和校验。",
        "en": "The JSON Schema of each record type (meeting, decision, finance, appraisal, notice, branch), for editors to complete and check fields.",
        "columns": [],
    },
    {
        "path": "data/schemas/records.schema.json",
        "format": "json-schema",
        "zh": "记录索引 data/records.json 的 JSON Schema。",
        "en": "The JSON Schema of the record index data/records.json.",
        "columns": [],
    },
    {
        "path": "feeds/all.atom",
        "format": "atom",
        "zh": "全部新公开和更正记录的 Atom 订阅源（最新 50 条）。",
        "en": "Atom feed of new and corrected disclosures (latest 50).",
        "columns": [],
    },
    {
        "path": "feeds/<section>.atom",
        "format": "atom",
        "zh": "各栏目（meetings、decisions、finances、appraisals、notices）的 Atom 订阅源。",
        "en": "Atom feed of one section (meetings, decisions, finances, appraisals, notices).",
        "columns": [],
    },
    {
        "path": "feeds/meetings.ics",
        "format": "icalendar",
        "zh": "会议日历（iCalendar），含已召开和即将召开的会议、地点、议程和记录链接，可在日历应用中订阅。",
        "en": "Meetings calendar (iCalendar): past and upcoming meetings with place, agenda and a link to the record, to subscribe to in a calendar app.",
        "columns": [],
    },
]

# The JSON Schema of data/records.json.
INDEX_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "records.schema.json",
    "title": "records",
    "type": "object",
    "additionalProperties": False,
    "required": ["audience", "records"],
    "properties": {
        "audience": {"type": "string", "enum": ["public", "members"]},
        "records": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": INDEX_FIELDS,
                "properties": {
                    "id": {"type": "string", "minLength": 1},
                    "type": {"type": "string", "enum": sorted(schema.SECTION_OF)},
                    "kind": {"type": ["string", "null"]},
                    "title": {"type": "string"},
                    "date": {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
                    "updated": {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
                    "visibility": {"type": "string", "enum": ["public", "members"]},
                    "url": {"type": "string"},
                    "json_url": {"type": "string"},
                },
            },
        },
    },
}


def export_files(site: Site, view: AudienceView, today: dt.date, cache: Cache = NO_CACHE) -> dict[str, bytes]:
    """Every open-data file of one audience: docs-relative path -> bytes.

    Holds only ``view``'s records, already narrowed to the audience.  Records
    dated after ``today`` are in the JSON, CSV and calendar but not yet in the
    Atom feeds (a feed entry dated in the future would sort above real news).
    """
    return _Exporter(site, view, today, cache).files()


def record_json_path(record: Record) -> str:
    """Where a record's JSON is, beside its page: ``<section>/<yyyy>/<id>.json``."""
    return f"{record.section}/{record.date.year}/{record.id}.json"


def record_updated(record: Record, today: Optional[dt.date] = None) -> dt.date:
    """The record's date, or its latest correction's (corrections after ``today`` not counted)."""
    dates = [c.date for c in record.model.corrections if today is None or c.date <= today]
    return max([record.date, *dates])


# ---------------------------------------------------------------------------
# The exporter
# ---------------------------------------------------------------------------


class _Exporter:
    def __init__(self, site: Site, view: AudienceView, today: dt.date, cache: Cache = NO_CACHE):
        self.site = site
        self.cache = cache
        self.view = view
        self.today = today
        self.language = site.config.language if site.config.language in _WORDS else "zh"
        self.t = Labels(self.language)
        self.words = _WORDS[self.language]
        settings = getattr(site.config.audiences, view.audience)
        self.base = (settings.url.rstrip("/") + "/") if settings.url else None
        branch_name = view.branch.name if view.branch else None
        self.site_name = settings.title or site.config.site_name or branch_name or "OpenBranch"
        self.author = branch_name or self.site_name
        self.records = sorted(view.records, key=Record.sort_key)

    def files(self) -> dict[str, bytes]:
        out: dict[str, bytes] = {}
        for record in self.records:
            # Cached across builds: a decade of records is thousands of files that rarely change.
            key = json.dumps([self.base, record.fingerprint], ensure_ascii=False)
            text = self.cache.get_or_make("record-json", code_stamp(), key, lambda: json_bytes(self._record_data(record)).decode("utf-8"))
            out[record_json_path(record)] = text.encode("utf-8")
        out["data/records.json"] = json_bytes(self._index())
        out["data/funds.csv"] = _csv_bytes(FUNDS_COLUMNS, self._funds_rows())
        out["data/ledgers.csv"] = _csv_bytes(LEDGERS_COLUMNS, self._ledger_rows())
        out["data/dues.csv"] = _csv_bytes(DUES_COLUMNS, self._dues_rows())
        for record_type in SCHEMA_TYPES:
            out[f"data/schemas/{record_type}.schema.json"] = json_bytes(record_schema.json_schema(record_type))
        out["data/schemas/records.schema.json"] = json_bytes(INDEX_SCHEMA)
        out["feeds/all.atom"] = self._atom(None)
        for section in schema.SECTIONS:
            out[f"feeds/{section}.atom"] = self._atom(section)
        out["feeds/meetings.ics"] = self._calendar()
        return dict(sorted(out.items()))

    # -- URLs ------------------------------------------------------------

    def _url(self, site_path: str) -> str:
        """Absolute when the audience's URL is configured, else relative to the site root."""
        return self.base + _quote_path(site_path) if self.base else site_path

    # -- JSON --------------------------------------------------------------

    def _record_data(self, record: Record) -> dict[str, Any]:
        data = record.model.model_dump(mode="json", by_alias=True)
        data["id"] = record.id
        data["type"] = record.type
        data["visibility"] = record.visibility
        data["url"] = self._url(record.url)
        return data

    def _index(self) -> dict[str, Any]:
        entries = []
        for record in self.records:
            entries.append(
                {
                    "id": record.id,
                    "type": record.type,
                    "kind": record.kind,
                    "title": record.title,
                    "date": record.date.isoformat(),
                    "updated": record_updated(record).isoformat(),
                    "visibility": record.visibility,
                    "url": self._url(record.url),
                    "json_url": self._url(record_json_path(record)),
                }
            )
        return {"audience": self.view.audience, "records": entries}

    # -- CSV ---------------------------------------------------------------

    def _ledgers(self, kind: str) -> list[Record]:
        """Ledgers of one finance kind, oldest first (period start or date, then id)."""
        ledgers = [r for r in self.records if r.type == "finance" and r.kind == kind]
        return sorted(ledgers, key=lambda r: (getattr(r.model, "period_start", None) or r.date, r.date, r.id))

    def _funds_rows(self) -> Iterable[list[str]]:
        for ledger in self._ledgers("funds"):
            m = ledger.model
            lines: list[tuple[dt.date, int, list[str]]] = []
            for i, income in enumerate(m.income):
                lines.append((income.date, i, [ledger.id, m.period, income.date.isoformat(), "income", income.source, "", _money(income.amount), "", ""]))
            offset = len(m.income)
            for i, expense in enumerate(m.expenses):
                row = [ledger.id, m.period, expense.date.isoformat(), "expense", expense.item, expense.category or "", _money(expense.amount), expense.approved_by or "", expense.decision or ""]
                lines.append((expense.date, offset + i, row))
            for _, _, row in sorted(lines, key=lambda line: (line[0], line[1])):
                yield row

    def _ledger_rows(self) -> Iterable[list[str]]:
        for ledger in self._ledgers("funds"):
            m = ledger.model
            income = sum((i.amount for i in m.income), Decimal(0))
            expenses = sum((e.amount for e in m.expenses), Decimal(0))
            yield [
                ledger.id,
                m.period,
                m.period_start.isoformat() if m.period_start else "",
                m.period_end.isoformat() if m.period_end else "",
                _money(m.opening_balance),
                _money(income),
                _money(expenses),
                _money(m.closing_balance),
            ]

    def _dues_rows(self) -> Iterable[list[str]]:
        for ledger in self._ledgers("dues"):
            m = ledger.model
            for month in sorted(m.months, key=lambda mo: mo.month):
                yield [ledger.id, str(m.year), str(month.month), str(month.members), _money(month.due), _money(month.paid)]

    # -- Atom --------------------------------------------------------------

    def _atom(self, section: Optional[str]) -> bytes:
        name = f"{section}.atom" if section else "all.atom"
        candidates = [r for r in self.records if r.date <= self.today and (section is None or r.section == section)]
        candidates.sort(key=lambda r: (-record_updated(r, self.today).toordinal(), -r.date.toordinal(), r.id))
        entries = candidates[:FEED_MAX_ENTRIES]
        everything = [r for r in self.records if r.date <= self.today]
        if entries:
            newest = record_updated(entries[0], self.today)
        elif everything:
            newest = max(record_updated(r, self.today) for r in everything)
        else:
            newest = self.today

        feed = FeedGenerator()
        feed_label = self.t(f"section_{section}") if section else self.words["all"]
        feed.id(self.base + f"feeds/{name}" if self.base else f"{_TAG}feeds/{name}")
        feed.title(f"{self.site_name} · {feed_label}")
        feed.author({"name": self.author})
        feed.link(href=self.base + f"feeds/{name}" if self.base else name, rel="self", type="application/atom+xml")
        feed.link(href=self.base + (f"{section}/" if section else "") if self.base else ("../" + (f"{section}/" if section else "")), rel="alternate", type="text/html")
        feed.language(self.language)
        # feedgen would stamp its own name and version and the wall clock: set both.
        feed.generator("OpenBranch")
        feed.updated(_midnight(newest))
        for record in entries:
            self._atom_entry(feed, record)
        return feed.atom_str(pretty=True, encoding="UTF-8")

    def _atom_entry(self, feed: FeedGenerator, record: Record) -> None:
        corrections = sorted((c for c in record.model.corrections if c.date <= self.today), key=lambda c: (c.date, c.change))
        entry = feed.add_entry(order="append")
        entry.id(self._url(record.url) if self.base else f"{_TAG}{quote(record.id, safe='')}")
        title = record.title
        if corrections:
            title = self.words["corrected"] + title
        entry.title(title)
        # One link only: feedgen 1.0 drops an entry link's rel and type
        # (lkiesow/python-feedgen#135), and a link without rel means
        # "alternate", which Atom allows once per type.
        entry.link(href=self._url(record.url) if self.base else "../" + _quote_path(record.url), rel="alternate", type="text/html")
        entry.published(_midnight(record.date))
        entry.updated(_midnight(record_updated(record, self.today)))
        entry.category(term=record.section, label=self.t(f"section_{record.section}"))
        entry.summary(self._summary(record, corrections))

    def _summary(self, record: Record, corrections: list[Any]) -> str:
        lines = []
        for correction in reversed(corrections):
            text = self.words["correction"].format(date=correction.date.isoformat(), change=correction.change)
            if correction.reason:
                separator = "；" if self.language == "zh" else "; "
                text += separator + self.words["reason"].format(reason=correction.reason)
            lines.append(text)
        kind = self._kind_label(record)
        lines.append(record.model.summary or " · ".join(x for x in (self.t(f"section_{record.section}"), kind, self.t.date(record.date)) if x))
        return "\n".join(lines)

    def _kind_label(self, record: Record) -> str:
        enumeration = {"meeting": "meeting_kind", "finance": "finance_kind", "appraisal": "appraisal_kind", "notice": "notice_kind"}.get(record.type)
        return self.t.enum(enumeration, record.kind) if enumeration and record.kind else ""

    # -- iCalendar -----------------------------------------------------------

    def _calendar(self) -> bytes:
        calendar = Calendar()
        calendar.add("prodid", "-//OpenBranch//OpenBranch//" + self.language.upper())
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        calendar.add("x-wr-calname", f"{self.site_name} · {self.words['meetings_calendar']}")
        calendar.add("x-wr-timezone", TIMEZONE)
        calendar.add_component(_shanghai_timezone())
        meetings = sorted(self.view.of_type("meeting"), key=lambda r: (r.date, r.model.start_time or "", r.id))
        # Each event's text is cached across builds (icalendar folds every line in
        # Python: thousands of meetings cost seconds) and spliced in before the end.
        events = []
        for record in meetings:
            key = json.dumps([self.base, self.language, record.fingerprint], ensure_ascii=False)
            events.append(self.cache.get_or_make("ics-event", code_stamp(), key, lambda: self._event(record).to_ical().decode("utf-8")))
        shell = calendar.to_ical().decode("utf-8")
        end = "END:VCALENDAR\r\n"
        assert shell.endswith(end)
        return (shell[: -len(end)] + "".join(events) + end).encode("utf-8")

    def _event(self, record: Record) -> Event:
        m = record.model
        event = Event()
        event.add("uid", f"{record.id}@openbranch")
        stamp = record_updated(record)
        event.add("dtstamp", dt.datetime(stamp.year, stamp.month, stamp.day, tzinfo=dt.timezone.utc))
        if m.corrections:
            event.add("last-modified", dt.datetime(stamp.year, stamp.month, stamp.day, tzinfo=dt.timezone.utc))
        event.add("sequence", len(m.corrections))
        if m.start_time:
            start = _local(record.date, m.start_time)
            event.add("dtstart", start, parameters={"TZID": TIMEZONE})
            if m.end_time and _local(record.date, m.end_time) > start:
                event.add("dtend", _local(record.date, m.end_time), parameters={"TZID": TIMEZONE})
        else:
            # No time given: an all-day event on the meeting's date.
            event.add("dtstart", record.date)
            event.add("dtend", record.date + dt.timedelta(days=1))
        event.add("summary", record.title)
        if m.location:
            event.add("location", m.location)
        kind = self._kind_label(record)
        if kind:
            event.add("categories", [kind])
        event.add("description", self._event_description(record))
        if self.base:
            event.add("url", self._url(record.url))
        event.add("class", "PUBLIC" if record.visibility == "public" else "PRIVATE")
        return event

    def _event_description(self, record: Record) -> str:
        m = record.model
        lines = []
        if m.chair:
            lines.append(self.words["chair"].format(name=m.chair))
        if m.speaker:
            lines.append(self.words["speaker"].format(name=m.speaker))
        if m.topic:
            lines.append(self.words["topic"].format(topic=m.topic))
        if m.agenda:
            lines.append(self.words["agenda"])
            lines.extend(f"{i}. {item}" for i, item in enumerate(m.agenda, 1))
        if m.summary and not lines:
            lines.append(m.summary)
        if self.base:
            lines.append(self._url(record.url))
        return "\n".join(lines)


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def _money(value: Decimal) -> str:
    return f"{value:.2f}"


def _csv_bytes(header: list[str], rows: Iterable[list[str]]) -> bytes:
    """CSV as Excel opens it: UTF-8 with BOM, CRLF line ends."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def _quote_path(path: str) -> str:
    return quote(path, safe="/-._~")


def _midnight(day: dt.date) -> dt.datetime:
    """A record date as a timestamp: the start of that day in China Standard Time."""
    return dt.datetime(day.year, day.month, day.day, tzinfo=_CST)


def _local(day: dt.date, clock: str) -> dt.datetime:
    """A floating local time on ``day``; serialised with TZID=Asia/Shanghai."""
    hours, minutes = clock.split(":")
    return dt.datetime(day.year, day.month, day.day, int(hours), int(minutes))


def _shanghai_timezone() -> Timezone:
    """VTIMEZONE for Asia/Shanghai: UTC+8 all year (no daylight saving since 1991)."""
    timezone = Timezone()
    timezone.add("tzid", TIMEZONE)
    standard = TimezoneStandard()
    standard.add("dtstart", dt.datetime(1970, 1, 1))
    standard.add("tzoffsetfrom", dt.timedelta(hours=8))
    standard.add("tzoffsetto", dt.timedelta(hours=8))
    standard.add("tzname", "CST")
    timezone.add_component(standard)
    return timezone
