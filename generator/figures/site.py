"""Site-wide figures of one audience: links between records, tags, and the home page's figures."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Optional

from ..records.index import Record, RecordSet
from .ledgers import funds_ledgers
from .records import NoticeState, RecordFigures, dues_totals
from .regularity import YearCalendar


@dataclass
class SiteFigures:
    """Everything the home page, listings and links need, for one audience."""

    today: dt.date
    decisions_of_meeting: dict[str, list[Record]] = field(default_factory=dict)
    expenses_of_decision: dict[str, list[Record]] = field(default_factory=dict)
    tags: dict[str, list[Record]] = field(default_factory=dict)
    open_notices: list[tuple[Record, NoticeState]] = field(default_factory=list)
    upcoming_meetings: list[Record] = field(default_factory=list)
    latest: list[Record] = field(default_factory=list)
    year_figures: dict[str, object] = field(default_factory=dict)


def site_figures(view: RecordSet, today: dt.date, record_figures: dict[str, RecordFigures], regularity: Optional[YearCalendar] = None) -> SiteFigures:
    """The site's links and home-page figures; a notice's state is the one in its ``record_figures``; ``regularity`` is this year's 三会一课 calendar."""
    figures = SiteFigures(today=today)
    decisions: dict[str, list[Record]] = defaultdict(list)
    expenses: dict[str, list[Record]] = defaultdict(list)
    tags: dict[str, list[Record]] = defaultdict(list)
    for record in view.records:  # already newest first
        if record.type == "decision" and record.model.meeting:
            decisions[record.model.meeting].append(record)
        if record.type == "finance" and record.kind == "funds":
            for expense in record.model.expenses:
                if expense.decision and record not in expenses[expense.decision]:
                    expenses[expense.decision].append(record)
        for tag in record.model.tags:
            tags[tag].append(record)
    figures.decisions_of_meeting = dict(decisions)
    figures.expenses_of_decision = dict(expenses)
    figures.tags = dict(sorted(tags.items()))

    for notice in view.of_type("notice"):
        state = record_figures[notice.id].notice
        if state is not None and state.open:
            figures.open_notices.append((notice, state))
    figures.open_notices.sort(key=lambda pair: (pair[0].model.end, pair[0].id))
    figures.upcoming_meetings = sorted((m for m in view.of_type("meeting") if m.date >= today), key=lambda r: (r.date, r.id))
    figures.latest = [r for r in view.records if r.date <= today][:10]
    figures.year_figures = _year_figures(view, today, regularity)
    return figures


def _year_figures(view: RecordSet, today: dt.date, regularity: Optional[YearCalendar]) -> dict[str, object]:
    year = today.year
    dues = [f for f in view.of_type("finance") if f.kind == "dues" and f.model.year == year]
    # The balance is the closing balance of the latest ledger published so far, in the ledgers' chain order.
    funds = [ledger for ledger in funds_ledgers(view) if ledger.date <= today]
    result: dict[str, object] = {"year": year, "decisions": len([d for d in view.of_type("decision") if d.date.year == year])}
    headcount = view.branch.headcount_on(today) if view.branch else None
    if headcount is not None:
        # The roster's (or member_counts') headcount today: the same on both sites.
        result["members"] = headcount.members
    if regularity is not None:
        # 三会一课 as the calendar counts it (members-only meetings included on the public site too).
        result["regularity"] = regularity
    if dues:
        result["dues_rate"] = dues_totals(dues[0]).rate
    if funds:
        result["balance"] = funds[-1].model.closing_balance
        result["balance_period"] = funds[-1].model.period
    return result
