"""The physical disclosure board (公开栏): one printable page per quarter.

Each record of the quarter gets a short digest and a QR code (SVG, made with
segno) that links to its page on the audience's site, so a reader standing at
the board can open the full record on a phone.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Optional
from urllib.parse import quote, urljoin

import segno

from . import figures as fig
from .records.index import RecordSet as AudienceView
from .cache import NO_CACHE, Cache
from .i18n import Labels
from .records.index import Record


@dataclass
class BoardItem:
    record: Record
    digest: str
    facts: list[tuple[str, str]]
    url: Optional[str]  # absolute URL for the QR code, when the site URL is configured
    qr_svg: Optional[str]


@dataclass
class BoardPeriod:
    year: int
    quarter: int
    items: list[BoardItem] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return f"{self.year}-q{self.quarter}"


def _plain(markdown_text: str, limit: int = 120) -> str:
    """The first words of a Markdown body as plain text, for the board's digest."""
    text = re.sub(r"[#>*_`|\-\[\]()!]+", " ", markdown_text)
    text = re.sub(r"<[^>]*>", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


QR_VERSION = f"segno {segno.__version__}, m, mask 4, scale 3, border 2"


def qr_svg(url: str, cache: Cache = NO_CACHE) -> str:
    """A QR code as inline SVG (black on white, scales with CSS).

    The mask is fixed: choosing the best of eight costs four times as much per
    code and every mask gives a valid, readable code.  Codes are cached across
    builds: segno is pure Python and a decade of records has thousands.
    """
    return cache.get_or_make(
        "qr", QR_VERSION, url, lambda: segno.make(url, error="m", mask=4).svg_inline(scale=3, border=2, omitsize=True, dark="#000", light="#fff")
    )


def _facts(record: Record, t: Labels, today: dt.date) -> list[tuple[str, str]]:
    m = record.model
    facts: list[tuple[str, str]] = [(t("date"), t.date(record.date))]
    if record.type == "meeting":
        if m.location:
            facts.append((t("location"), m.location))
        attendance = fig.attendance(record)
        if attendance:
            facts.append((t("attendance"), f"{attendance.present}/{attendance.expected}"))
    elif record.type == "decision":
        facts.append((t("result"), t.enum("decision_result", m.result)))
        if m.vote:
            facts.append((t("vote"), f"{t('vote_for')} {m.vote.for_} · {t('vote_against')} {m.vote.against} · {t('vote_abstain')} {m.vote.abstain}"))
    elif record.type == "finance" and record.kind == "funds":
        totals = fig.funds_totals(record)
        facts.append((t("income"), f"{totals['income']:,.2f}"))
        facts.append((t("expenses"), f"{totals['expenses']:,.2f}"))
        facts.append((t("closing_balance"), f"{m.closing_balance:,.2f}"))
    elif record.type == "finance" and record.kind == "dues":
        totals = fig.dues_totals(record)
        facts.append((t("collection_rate"), f"{totals['rate']}%" if totals["rate"] is not None else ""))
    elif record.type == "notice":
        facts.append((t("notice_period"), t("date_range", start=t.date(m.start), end=t.date(m.end))))
        if m.contact:
            facts.append((t("objections"), m.contact))
    elif record.type == "appraisal" and m.results:
        facts.append((t("results"), "，".join(f"{t.enum('grade', g)} {n}" for g, n in m.results.items())))
    return facts


def periods(view: AudienceView, site_url: Optional[str], t: Labels, today: dt.date, cache: Cache = NO_CACHE) -> list[BoardPeriod]:
    """One board per quarter that has records (up to today), newest first."""
    boards: dict[tuple[int, int], BoardPeriod] = {}
    for record in sorted(view.records, key=lambda r: (r.date, r.id)):
        if record.date > today:
            continue
        key = (record.date.year, (record.date.month - 1) // 3 + 1)
        board = boards.setdefault(key, BoardPeriod(*key))
        url = urljoin(site_url if site_url.endswith("/") else site_url + "/", quote(record.url)) if site_url else None
        board.items.append(
            BoardItem(
                record=record,
                digest=record.model.summary or _plain(record.model.body),
                facts=_facts(record, t, today),
                url=url,
                qr_svg=qr_svg(url, cache) if url else None,
            )
        )
    return [boards[k] for k in sorted(boards, reverse=True)]
