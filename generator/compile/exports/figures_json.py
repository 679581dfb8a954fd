"""data/figures.json: the audience's figures for the committee portal, and its JSON Schema.

Every value is taken from the figures the pages are drawn from
(``generator.figures``, computed once for the build): the 三会一课 calendars,
the dues and funds per year, each record's own figures, the home page's open
notices and latest disclosures, the rectification items.  Nothing is
computed again here, so the portal and the branch's own pages cannot
disagree; a correction to a figure there reaches this file unchanged.
Pages are named by their path relative to the site root (the portal knows
where each branch is published).  The format is ``records.published.BranchFigures``,
versioned by ``FIGURES_VERSION``.
"""

from __future__ import annotations

from typing import Optional

from ...figures.ledgers import members_on
from ...figures.regularity import Cell, Row, YearCalendar
from ...records.index import Record
from ...records.published import (
    FIGURES_VERSION,
    AppraisalFigures,
    BranchFacts,
    BranchFigures,
    DuesYear,
    FundingYear,
    LatestRecord,
    OpenNotice,
    PageRef,
    RectificationFigure,
    RegularityCell,
    RegularityRow,
    RegularityYear,
    TermFigures,
    figures_schema,
)
from ..output import Output
from .context import ExportContext, json_bytes

FIGURES_PATH = "data/figures.json"
SCHEMA_PATH = "data/schemas/figures.schema.json"


def _ref(record: Record) -> PageRef:
    return PageRef(id=record.id, page=record.url, title=record.title)


def _period(cell: Cell, per: str) -> str:
    year = cell.start.year
    if per == "month":
        return f"{year}-{cell.index:02d}"
    if per == "quarter":
        return f"{year}-Q{cell.index}"
    return str(year)


def _row(row: Row) -> RegularityRow:
    per = row.frequency.per
    cells = [
        RegularityCell(period=_period(c, per), start=c.start, end=c.end, state=c.state, required=row.frequency.count, meetings=c.count)
        for c in row.cells
    ]
    return RegularityRow(kind=row.kind, group=row.group, per=per, required=row.frequency.count, held=row.held, due=row.due, rate=row.rate, cells=cells)


def _year(calendar: YearCalendar) -> RegularityYear:
    return RegularityYear(year=calendar.year, held=calendar.held, due=calendar.due, rate=calendar.rate, rows=[_row(r) for r in calendar.rows])


def _appraisal(context: ExportContext, record: Record) -> AppraisalFigures:
    grades = context.figures.of(record).grades
    excellent: Optional[int] = None
    if grades is not None:
        excellent = dict(grades.counts).get("excellent", 0)
    m = record.model
    return AppraisalFigures(
        record=_ref(record),
        kind=m.kind,
        period=m.period,
        date=record.date,
        appraised=m.members,
        graded=grades.total if grades else None,
        excellent=excellent,
        excellent_share=grades.shares.get("excellent") if grades else None,
        rating=m.rating,
    )


def branch_figures(context: ExportContext) -> BranchFigures:
    """The audience's figures, as data/figures.json holds them."""
    figures, view, today = context.figures, context.view, context.today
    branch = view.branch
    sections = figures.sections
    dues = []
    for ledger in sections.dues:
        totals = figures.of(ledger).dues
        dues.append(DuesYear(year=ledger.model.year, ledger=_ref(ledger), due=totals.due, paid=totals.paid, rate=totals.rate))
    funding = [
        FundingYear(year=y.year, income=y.income, expenses=y.expenses, members=y.members, per_member=y.per_member, norm=y.norm, meets_norm=y.meets_norm)
        for y in sections.funds_years
    ]
    appraisals = [_appraisal(context, r) for r in sorted(view.of_type("appraisal"), key=Record.sort_key)]
    notices = [
        OpenNotice(record=_ref(n), kind=n.model.kind, start=n.model.start, end=n.model.end, days_left=state.days_left)
        for n, state in figures.site.open_notices
    ]
    rectification = [
        RectificationFigure(record=_ref(t.record), item=t.item.item, owner=t.item.owner, due=t.item.due, status=t.item.status, overdue=t.overdue)
        for t in figures.rectification
    ]
    latest = [LatestRecord(record=_ref(r), type=r.type, kind=r.kind, date=r.date) for r in figures.site.latest]
    return BranchFigures(
        version=FIGURES_VERSION,
        audience=view.audience,
        today=today,
        branch=BranchFacts(
            name=branch.name if branch else None,
            parent=branch.parent if branch else None,
            members=members_on(branch, today),
        ),
        term=TermFigures(start=branch.term.start, end=branch.term.end) if branch and branch.term else None,
        regularity=[_year(c) for c in figures.calendars],
        dues=dues,
        funding=funding,
        appraisals=appraisals,
        open_notices=notices,
        rectification=rectification,
        latest=latest,
    )


def export_figures(context: ExportContext, output: Output) -> None:
    output.add(FIGURES_PATH, json_bytes(branch_figures(context).model_dump(mode="json")), "figures for the committee portal")
    output.add(SCHEMA_PATH, json_bytes(figures_schema()), "JSON Schemas")
