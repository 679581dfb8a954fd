"""Every figure of one audience's site, computed once per build from the records it may see.

A figure is computed here, in one place, from the records and the configured
norms, and handed to the pages as data (never computed by a template): the
regularity calendars (``regularity``), the funds ledgers chained by year
(``ledgers``), each record's own figures (``records``; a dues record's per
member and a funds ledger's retained dues in ``dues``), the section overviews
(``sections``) and the links and home-page figures (``site``).  Everything
reads one audience's ``RecordSet``, so a figure counts only what that
audience may see.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from ..config import Norms
from ..records.index import Record, RecordSet
from .dues import retained_dues
from .records import RecordFigures, record_figures
from .regularity import RectificationItem, YearCalendar, calendars, rectification_items
from .sections import SectionFigures, section_figures
from .site import SiteFigures, site_figures


@dataclass
class Figures:
    site: SiteFigures
    sections: SectionFigures
    calendars: list[YearCalendar]  # 三会一课, newest year first
    rectification: list[RectificationItem]
    records: dict[str, RecordFigures]  # by record id

    def of(self, record: Record) -> RecordFigures:
        return self.records[record.id]


def compute(view: RecordSet, norms: Norms, today: dt.date) -> Figures:
    """All figures of one audience, once."""
    return Figures(
        site=site_figures(view, today),
        sections=section_figures(view, norms.funding_per_member_per_year, today),
        calendars=calendars(view, norms, today),
        rectification=rectification_items(view, today),
        records={record.id: _record_figures(view, record, norms, today) for record in view.records},
    )


def _record_figures(view: RecordSet, record: Record, norms: Norms, today: dt.date) -> RecordFigures:
    figures = record_figures(record, today, norms.dues_alert_months)
    if record.type == "finance" and record.kind == "funds":
        # Across records: the dues paid in the ledger's period, from the dues records the audience sees.
        return replace(figures, dues_share=retained_dues(view, record, norms.dues_retained_share))
    return figures
