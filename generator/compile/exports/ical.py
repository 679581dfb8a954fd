"""The meetings calendar (iCalendar): past and upcoming meetings, to subscribe to in a calendar app.

Times are local to Asia/Shanghai (a VTIMEZONE is included); a meeting
without a time is an all-day event.  Without a configured address the
calendar leaves its ``URL`` out (a calendar has no base to resolve against).
"""

from __future__ import annotations

import datetime as dt
import json

from icalendar import Calendar, Event, Timezone, TimezoneStandard

from ... import vocabulary
from ...cache import code_stamp
from ...records.index import Record
from ..output import Output
from .context import ExportContext, record_updated

TIMEZONE = "Asia/Shanghai"


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


def _calendar(context: ExportContext) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//OpenBranch//OpenBranch//" + context.language.upper())
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"{context.site_name} · {context.t('calendar_name')}")
    calendar.add("x-wr-timezone", TIMEZONE)
    calendar.add_component(_shanghai_timezone())
    meetings = sorted(context.view.of_type("meeting"), key=lambda r: (r.date, r.model.start_time or "", r.id))
    # Each event's text is cached across builds (icalendar folds every line in
    # Python: thousands of meetings cost seconds) and spliced in before the end.
    events = []
    for record in meetings:
        key = json.dumps([context.base, context.language, record.fingerprint], ensure_ascii=False)
        events.append(context.cache.get_or_make("ics-event", code_stamp(), key, lambda: _event(context, record).to_ical().decode("utf-8")))  # noqa: B023 - called at once
    shell = calendar.to_ical().decode("utf-8")
    end = "END:VCALENDAR\r\n"
    assert shell.endswith(end)
    return (shell[: -len(end)] + "".join(events) + end).encode("utf-8")


def _event(context: ExportContext, record: Record) -> Event:
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
    kind = vocabulary.kind_label(record.type, record.kind, context.language)
    if kind:
        event.add("categories", [kind])
    event.add("description", _description(context, record))
    if context.base:
        event.add("url", context.url(record.url))
    event.add("class", "PUBLIC" if record.visibility == "public" else "PRIVATE")
    return event


def _description(context: ExportContext, record: Record) -> str:
    t, m = context.t, record.model
    lines = []
    if m.chair:
        lines.append(t("calendar_chair", name=m.chair))
    if m.speaker:
        lines.append(t("calendar_speaker", name=m.speaker))
    if m.topic:
        lines.append(t("calendar_topic", topic=m.topic))
    if m.agenda:
        lines.append(t("calendar_agenda"))
        lines.extend(f"{i}. {item}" for i, item in enumerate(m.agenda, 1))
    if m.summary and not lines:
        lines.append(m.summary)
    if context.base:
        lines.append(context.url(record.url))
    return "\n".join(lines)


def export_calendar(context: ExportContext, output: Output) -> None:
    output.add("feeds/meetings.ics", _calendar(context), "meetings calendar")
