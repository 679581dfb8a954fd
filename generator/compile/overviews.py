"""What a section's page shows above its listing: its figures and charts.

The figures come ready from ``generator.figures``; this module picks those of
each section, draws their charts (``charts``) in the site's language and names
the template that shows them.
"""

from __future__ import annotations

from typing import Any, Optional

from .. import vocabulary
from .charts import chart
from .pages import PageRenderer


def overview(pages: PageRenderer, section: str) -> Optional[dict[str, Any]]:
    """The data of ``report/<section>.md.j2``, or None for a section without an overview."""
    if section == "meetings":
        return _meetings(pages)
    if section == "finances":
        return _finances(pages)
    if section == "appraisals":
        return _appraisals(pages)
    if section == "opinions":
        return {"template": "report/opinions.md.j2", "opinions": pages.figures.opinions}
    if section == "elections":
        return {"template": "report/elections.md.j2", "term": pages.figures.term}
    if section == "responsibilities":
        return {"template": "report/responsibilities.md.j2", "coverage": pages.figures.duties.coverage, "has_committee": bool(pages.view.branch and pages.view.branch.committee)}
    if section == "inspections":
        duties = pages.figures.duties
        state_pages = {state: f"inspections/states/{state}/" for state in duties.inspections_by_state}
        return {"template": "report/inspections.md.j2", "by_state": duties.inspections_by_state, "state_pages": state_pages, "item_counts": duties.inspection_items}
    return None


def _chart(pages: PageRenderer, name: str, caption: str, categories: list[str], series: dict[str, list[Any]], unit: str, **options: Any) -> dict[str, Any]:
    return chart(pages.output, pages.cache, name, caption, categories, series, unit, **options)


def _meetings(pages: PageRenderer) -> Optional[dict[str, Any]]:
    t = pages.t
    held = pages.figures.sections.meetings
    if not held.counts:
        return None
    kinds = [k for k in vocabulary.values("meeting_kind") if k in held.counts]
    series = {t("year_heading", year=y): [held.counts[k].get(y, 0) for k in kinds] for y in held.years}
    figure = _chart(pages, "meetings-per-kind", t("meetings_chart"), [t.enum("meeting_kind", k) for k in kinds], series, t("count_meetings"), head=t("kind"))
    return {"template": "report/meetings.md.j2", "chart": figure}


def _finances(pages: PageRenderer) -> dict[str, Any]:
    t = pages.t
    sections = pages.figures.sections
    years, dues = sections.funds_years, sections.dues
    result: dict[str, Any] = {"template": "report/finances.md.j2", "funds_years": years, "dues": dues}
    ledgers = [ledger for year in reversed(years) for ledger in year.ledgers]
    if ledgers:
        totals = [pages.figures.of(ledger).funds for ledger in ledgers]
        periods = [t.period(ledger.model.period_start, ledger.model.period_end) or ledger.model.period for ledger in ledgers]
        result["funds_chart"] = _chart(
            pages, "funds-per-period", t("funds_chart"), periods,
            {t("income"): [x.income for x in totals], t("expenses"): [x.expenses for x in totals]}, t("yuan_unit"), head=t("period"),
        )
    if dues:
        newest = dues[0]
        months = newest.model.months
        totals = pages.figures.of(newest).dues
        result["dues_totals"] = totals
        # The rate of each month against the 100 % it should reach (amounts differ
        # little from month to month, so bars of amounts would all look alike).
        result["dues_chart"] = _chart(
            pages, f"dues-{newest.model.year}", t("dues_chart", year=newest.model.year), [t.month(m.month) for m in months],
            {t("collection_rate"): list(totals.month_rates)}, "%", head=t("month"),
            reference=(100, t("dues_full")), percent=True,
            table={
                t("due_amount"): [m.due for m in months],
                t("paid_amount"): [m.paid for m in months],
                t("collection_rate"): ["—" if r is None else f"{r}%" for r in totals.month_rates],
            },
        )
    return result


def _appraisals(pages: PageRenderer) -> Optional[dict[str, Any]]:
    t = pages.t
    sections = pages.figures.sections
    history = sections.appraisal_history
    if not history:
        return None
    figure = _chart(
        pages, "grades", t("grades_chart"), [r.model.period for r in history],
        {t.enum("grade", g): [r.model.results.get(g, 0) for r in history] for g in vocabulary.values("grade")}, t("count_people"), stacked=True, head=t("period"),
    )
    return {"template": "report/appraisals.md.j2", "chart": figure, "ratings": sections.ratings, "indicators": sections.indicators}
