"""Every figure of one audience's site, computed once per build from the records it may see.

A figure is computed here, in one place, from the records and the configured
norms, and handed to the pages as data (never computed by a template): the
regularity calendars (``regularity``), the rectification items and their
states (``rectification``), the funds ledgers chained by year (``ledgers``),
each record's own figures (``records``; a dues record's per member and a
funds ledger's retained dues in ``dues``), the section overviews
(``sections``), the responsibility lists and inspections (``duties``), the disclosure catalogue's items and whether each was disclosed in time
(``catalogue``), the opinions' reply deadlines and section figures
(``opinions``), the elections' results and the branch's current term
(``elections``) and the links and home-page figures (``site``).  Everything
reads one audience's ``RecordSet``, so a figure counts only what that
audience may see.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Mapping, Optional, Sequence

from ..config import CatalogueItem, Norms
from ..history import RecordDates
from ..records.index import Record, RecordSet
from ..workdays import WorkCalendar
from .dues import retained_dues
from .elections import TermState, current_term
from .opinions import OpinionFigures, opinion_figures
from .duties import DutiesFigures, duties_figures
from .catalogue import CatalogueEntry, catalogue_entries
from .records import RecordFigures, record_figures
from .rectification import TrackedItem, rectification_items
from .regularity import YearCalendar, calendars, year_calendar
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
    duties: DutiesFigures  # responsibility lists and inspections
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
    records = {record.id: _record_figures(view, record, norms, today, workdays) for record in view.records}
    year_calendars = calendars(view, norms, today)
    return Figures(
        site=site_figures(view, today, records, year_calendar(year_calendars, today.year)),
        sections=section_figures(view, norms.funding_per_member_per_year, today),
        calendars=year_calendars,
        rectification=rectification_items(view, today),
        records=records,
        opinions=opinion_figures(view, {rid: f.opinion for rid, f in records.items() if f.opinion is not None}),
        term=current_term(view, today, norms.transition_warning_days),
        duties=duties_figures(view, today, {record_id: figures.items for record_id, figures in records.items()}),
        catalogue=catalogue_entries(view.records, list(catalogue), today, workdays, dates, audience=view.audience),
    )


def _record_figures(view: RecordSet, record: Record, norms: Norms, today: dt.date, workdays: WorkCalendar) -> RecordFigures:
    figures = record_figures(record, today, workdays, view, norms)
    if record.type == "finance" and record.kind == "funds":
        # Across records: the dues paid in the ledger's period, from the dues records the audience sees.
        return replace(figures, dues_share=retained_dues(view, record, norms.dues_retained_share))
    return figures
