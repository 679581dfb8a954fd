"""Every figure of one audience's site, computed once per build from the records it may see.

A figure is computed here, in one place, from the records and the configured
norms, and handed to the pages as data (never computed by a template): the
regularity calendars (``regularity``), the rectification items and their
states (``rectification``), the funds ledgers chained by year (``ledgers``),
each record's own figures (``records``), the section overviews
(``sections``), the disclosure catalogue's items and whether each was
disclosed in time (``catalogue``) and the links and home-page figures (``site``).  Everything
reads one audience's ``RecordSet``, so a figure counts only what that
audience may see.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Mapping, Optional, Sequence

from ..config import CatalogueItem, Norms
from ..history import RecordDates
from ..records.index import Record, RecordSet
from ..workdays import WorkCalendar
from .catalogue import CatalogueEntry, catalogue_entries
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
    catalogue: list[CatalogueEntry] = field(default_factory=list)  # the 党务公开目录, in the catalogue's order

    def of(self, record: Record) -> RecordFigures:
        return self.records[record.id]


def compute(
    view: RecordSet,
    norms: Norms,
    today: dt.date,
    workdays: WorkCalendar,
    catalogue: Sequence[CatalogueItem] = (),
    dates: Optional[Mapping[str, RecordDates]] = None,
) -> Figures:
    """All figures of one audience, once; working days are counted with ``workdays`` (the site's).

    ``catalogue`` is the site's disclosure catalogue and ``dates`` the records'
    first-published dates (``generator.history``; without them, ``published:``
    or the record's date).
    """
    records = {record.id: record_figures(record, today, workdays) for record in view.records}
    return Figures(
        site=site_figures(view, today, records),
        sections=section_figures(view, norms.funding_per_member_per_year, today),
        calendars=calendars(view, norms, today),
        rectification=rectification_items(view, today),
        records=records,
        catalogue=catalogue_entries(view.records, list(catalogue), today, workdays, dates, audience=view.audience),
    )
