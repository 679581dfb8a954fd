"""The physical disclosure board (公开栏): one printable page per quarter.

Each record of the quarter gets a short digest and a QR code (SVG, made with
segno) that links to its page on the audience's site, so a reader standing at
the board can open the full record on a phone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Optional

import segno

from ..cache import NO_CACHE, Cache
from ..figures import Figures
from ..i18n import Labels
from ..records.index import Record, RecordSet
from ..records.models.common import money_text
from .descriptions import plain_text
from .pages import PageRenderer
from .urls import absolute_url, site_base


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


def _facts(record: Record, figures: Figures, t: Labels) -> list[tuple[str, str]]:
    m = record.model
    numbers = figures.of(record)
    facts: list[tuple[str, str]] = [(t("date"), t.date(record.date))]
    if record.type == "meeting":
        if m.location:
            facts.append((t("location"), m.location))
        if numbers.attendance:
            facts.append((t("attendance"), f"{numbers.attendance.present}/{numbers.attendance.expected}"))
    elif record.type == "decision":
        facts.append((t("result"), t.enum("decision_result", m.result)))
        if m.vote:
            facts.append((t("vote"), f"{t('vote_for')} {m.vote.for_} · {t('vote_against')} {m.vote.against} · {t('vote_abstain')} {m.vote.abstain}"))
    elif numbers.funds is not None:
        facts.append((t("income"), money_text(numbers.funds.income, "grouped")))
        facts.append((t("expenses"), money_text(numbers.funds.expenses, "grouped")))
        facts.append((t("closing_balance"), money_text(m.closing_balance, "grouped")))
    elif numbers.dues is not None:
        facts.append((t("collection_rate"), f"{numbers.dues.rate}%" if numbers.dues.rate is not None else ""))
    elif record.type == "notice":
        facts.append((t("notice_period"), t("date_range", start=t.date(m.start), end=t.date(m.end))))
        if m.contact:
            facts.append((t("objections"), m.contact))
    elif record.type == "inspection":
        facts.append((t("inspector"), m.inspector))
    elif record.type == "appraisal" and m.results:
        facts.append((t("results"), t("comma").join(f"{t.enum('grade', g)} {n}" for g, n in m.results.items())))
    elif record.type == "opinion":
        facts.append((t("handling"), t.enum("opinion_status", m.handling)))
        if m.replied_on:
            facts.append((t("replied_on"), t.date(m.replied_on)))
    elif record.type == "election" and m.elected:
        facts.append((t("elected"), t("list_separator").join(m.elected)))
    return facts


def periods(view: RecordSet, figures: Figures, site_url: Optional[str], t: Labels, today: dt.date, cache: Cache = NO_CACHE) -> list[BoardPeriod]:
    """One board per quarter that has records (up to today), newest first."""
    base = site_base(site_url)
    boards: dict[tuple[int, int], BoardPeriod] = {}
    for record in sorted(view.records, key=lambda r: (r.date, r.id)):
        if record.date > today:
            continue
        key = (record.date.year, (record.date.month - 1) // 3 + 1)
        board = boards.setdefault(key, BoardPeriod(*key))
        url = absolute_url(base, record.url) if base else None
        board.items.append(
            BoardItem(
                record=record,
                digest=record.model.summary or plain_text(record.model.body),
                facts=_facts(record, figures, t),
                url=url,
                qr_svg=qr_svg(url, cache) if url else None,
            )
        )
    return [boards[k] for k in sorted(boards, reverse=True)]


def render_board(pages: PageRenderer) -> None:
    """The printable pages for the physical disclosure board, one per quarter, and their index."""
    t = pages.t
    site_url = getattr(pages.site.config.audiences, pages.view.audience).url
    boards = periods(pages.view, pages.figures, site_url, t, pages.today, pages.cache)
    pages.emit("print/index.md", "report/print_index.md.j2", t("board"), meta={"description": t("board_intro")}, boards=boards)
    for period in boards:
        title = t("board_title", year=period.year, quarter=t.quarter(period.quarter))
        # Board pages repeat the records' text: keep them out of search results.
        meta = {"hide": ["navigation", "toc"], "searchable": False, "description": t("description_board", title=title, count=len(period.items))}
        pages.emit(f"print/{period.slug}/index.md", "report/print.md.j2", title, meta=meta, period=period, branch=pages.view.branch)
