"""The figures above each section's listing: meetings per kind and year, funds by year, dues, appraisals."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from ..records.index import Record, RecordSet
from .ledgers import FundsYear, funds_years


@dataclass
class MeetingCounts:
    """Meetings held (dated up to today) per kind and year: ``counts[kind][year]``."""

    years: list[int] = field(default_factory=list)
    counts: dict[str, dict[int, int]] = field(default_factory=dict)


def meetings_per_kind_per_year(view: RecordSet, today: dt.date) -> MeetingCounts:
    counts: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    years = set()
    for meeting in view.of_type("meeting"):
        if meeting.date <= today:
            counts[meeting.model.kind][meeting.date.year] += 1
            years.add(meeting.date.year)
    return MeetingCounts(sorted(years), {k: dict(v) for k, v in counts.items()})


def appraisal_history(view: RecordSet) -> list[Record]:
    """Member appraisals with grade results, oldest first (for a history across years)."""
    return sorted((r for r in view.of_type("appraisal") if r.model.results), key=lambda r: (r.date, r.id))


def dues_newest_first(view: RecordSet) -> list[Record]:
    """The dues ledgers, the newest year first."""
    return sorted((r for r in view.of_type("finance") if r.kind == "dues"), key=lambda r: (-r.model.year, r.id))


@dataclass
class SectionFigures:
    meetings: MeetingCounts
    funds_years: list[FundsYear]
    dues: list[Record]
    appraisal_history: list[Record]
    ratings: list[Record]  # appraisals with a branch rating
    indicators: list[Record]  # appraisals with indicators


def section_figures(view: RecordSet, funding_norm: Decimal, today: dt.date) -> SectionFigures:
    appraisals = view.of_type("appraisal")
    return SectionFigures(
        meetings=meetings_per_kind_per_year(view, today),
        funds_years=funds_years(view, funding_norm),
        dues=dues_newest_first(view),
        appraisal_history=appraisal_history(view),
        ratings=[r for r in appraisals if r.model.rating],
        indicators=[r for r in appraisals if r.model.indicators],
    )
