"""Atom feeds of new and corrected disclosures: one of everything, one per section.

Records dated after today are not in the feeds yet (a feed entry dated in the
future would sort above real news); every timestamp is a record's date or a
correction's, never the clock.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Optional
from urllib.parse import quote

from feedgen.feed import FeedGenerator

from ... import vocabulary
from ...records.index import Record
from ..output import Output
from ..urls import quote_path
from .context import ExportContext, record_updated

FEED_MAX_ENTRIES = 50
_CST = dt.timezone(dt.timedelta(hours=8), "CST")
# The tag: URI authority and date of entry and feed ids when no site URL is configured.
_TAG = "tag:openbranch,2024:"


def midnight(day: dt.date) -> dt.datetime:
    """A record date as a timestamp: the start of that day in China Standard Time."""
    return dt.datetime(day.year, day.month, day.day, tzinfo=_CST)


def _feed(context: ExportContext, section: Optional[str]) -> bytes:
    t, base, today = context.t, context.base, context.today
    name = f"{section}.atom" if section else "all.atom"
    candidates = [r for r in context.records if r.date <= today and (section is None or r.section == section)]
    candidates.sort(key=lambda r: (-record_updated(r, today).toordinal(), -r.date.toordinal(), r.id))
    entries = candidates[:FEED_MAX_ENTRIES]
    everything = [r for r in context.records if r.date <= today]
    if entries:
        newest = record_updated(entries[0], today)
    elif everything:
        newest = max(record_updated(r, today) for r in everything)
    else:
        newest = today

    feed = FeedGenerator()
    feed_label = t(f"section_{section}") if section else t("feed_title_all")
    feed.id(base + f"feeds/{name}" if base else f"{_TAG}feeds/{name}")
    feed.title(f"{context.site_name} · {feed_label}")
    feed.author({"name": context.author})
    feed.link(href=base + f"feeds/{name}" if base else name, rel="self", type="application/atom+xml")
    feed.link(href=base + (f"{section}/" if section else "") if base else ("../" + (f"{section}/" if section else "")), rel="alternate", type="text/html")
    feed.language(context.language)
    # feedgen would stamp its own name and version and the wall clock: set both.
    feed.generator("OpenBranch")
    feed.updated(midnight(newest))
    for record in entries:
        _entry(context, feed, record)
    return feed.atom_str(pretty=True, encoding="UTF-8")


def _entry(context: ExportContext, feed: FeedGenerator, record: Record) -> None:
    t, today = context.t, context.today
    corrections = sorted((c for c in record.model.corrections if c.date <= today), key=lambda c: (c.date, c.change))
    entry = feed.add_entry(order="append")
    entry.id(context.url(record.url) if context.base else f"{_TAG}{quote(record.id, safe='')}")
    title = record.title
    if corrections:
        title = t("feed_corrected") + title
    entry.title(title)
    # One link only: feedgen 1.0 drops an entry link's rel and type
    # (lkiesow/python-feedgen#135), and a link without rel means
    # "alternate", which Atom allows once per type.
    entry.link(href=context.url(record.url) if context.base else "../" + quote_path(record.url), rel="alternate", type="text/html")
    entry.published(midnight(record.date))
    entry.updated(midnight(record_updated(record, today)))
    entry.category(term=record.section, label=t(f"section_{record.section}"))
    entry.summary(_summary(context, record, corrections))


def _summary(context: ExportContext, record: Record, corrections: list[Any]) -> str:
    t = context.t
    lines = []
    for correction in reversed(corrections):
        text = t("feed_correction", date=correction.date.isoformat(), change=correction.change)
        if correction.reason:
            text += t("feed_correction_reason", reason=correction.reason)
        lines.append(text)
    kind = vocabulary.kind_label(record.type, record.kind, context.language)
    lines.append(record.model.summary or " · ".join(x for x in (t(f"section_{record.section}"), kind, t.date(record.date)) if x))
    return "\n".join(lines)


def export_feeds(context: ExportContext, output: Output) -> None:
    output.add("feeds/all.atom", _feed(context, None), "Atom feeds")
    for section in vocabulary.SECTIONS:
        output.add(f"feeds/{section}.atom", _feed(context, section), "Atom feeds")
