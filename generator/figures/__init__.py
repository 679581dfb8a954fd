"""Every figure of one audience's site, computed once per build from the records it may see.

A figure is computed here, in one place, from the records and the configured
norms, and handed to the pages as data (never computed by a template): the
regularity calendars (``regularity``), the rectification items and their
states (``rectification``), the funds ledgers chained by year (``ledgers``),
each record's own figures (``records``), the section overviews
(``sections``), the opinions' reply deadlines and section figures
(``opinions``), the elections' results and the branch's current term
(``elections``) and the links and home-page figures (``site``).  Everything
reads one audience's ``RecordSet``, so a figure counts only what that
audience may see.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional

from ..config import Norms
from ..records.index import Record, RecordSet
from ..workdays import WorkCalendar
from .elections import TermState, current_term
from .opinions import OpinionFigures, opinion_figures
from .records import RecordFigures, record_figures
from .rectification import TrackedItem, rectification_items
from .regularity import YearCalendar, calendars
from .sections import SectionFigures, section_figures
from .site import SiteFigures, site_figures


@dataclass
class Figures:
    site: SiteFigures
    sections: SectionFigures
    calendars: list[YearCalendar]  # 三会一课, newest year first
    rectification: list[TrackedItem]  # every record's items, overdue first
    records: dict[str, RecordFigures]  # by record id
    opinions: OpinionFigures  # the opinion section's counts, timeliness and time to reply
    term: Optional[TermState]  # the branch's current term (latest election, else branch.yml) and its transition

    def of(self, record: Record) -> RecordFigures:
        return self.records[record.id]


def compute(view: RecordSet, norms: Norms, today: dt.date, workdays: WorkCalendar) -> Figures:
    """All figures of one audience, once; working days are counted with ``workdays`` (the site's)."""
    records = {record.id: record_figures(record, today, workdays, norms) for record in view.records}
    return Figures(
        site=site_figures(view, today, records),
        sections=section_figures(view, norms.funding_per_member_per_year, today),
        calendars=calendars(view, norms, today),
        rectification=rectification_items(view, today),
        records=records,
        opinions=opinion_figures(view, {rid: f.opinion for rid, f in records.items() if f.opinion is not None}),
        term=current_term(view, today, norms.transition_warning_days),
    )
