"""Every figure of one audience's site, computed once per build from the records it may see.

A figure is computed here, in one place, from the records and the configured
norms, and handed to the pages as data (never computed by a template): the
regularity calendars (``regularity``), the rectification items and their
states (``rectification``), the funds ledgers chained by year (``ledgers``),
each record's own figures (``records``), the responsibility lists and
inspections (``duties``), the section overviews
(``sections``) and the links and home-page figures (``site``).  Everything
reads one audience's ``RecordSet``, so a figure counts only what that
audience may see.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..config import Norms
from ..records.index import Record, RecordSet
from ..workdays import WorkCalendar
from .duties import DutiesFigures, duties_figures
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
    duties: DutiesFigures  # responsibility lists and inspections

    def of(self, record: Record) -> RecordFigures:
        return self.records[record.id]


def compute(view: RecordSet, norms: Norms, today: dt.date, workdays: WorkCalendar) -> Figures:
    """All figures of one audience, once; working days are counted with ``workdays`` (the site's)."""
    records = {record.id: record_figures(record, today, workdays) for record in view.records}
    return Figures(
        site=site_figures(view, today, records),
        sections=section_figures(view, norms.funding_per_member_per_year, today),
        calendars=calendars(view, norms, today),
        rectification=rectification_items(view, today),
        records=records,
        duties=duties_figures(view, today, {record_id: figures.items for record_id, figures in records.items()}),
    )
