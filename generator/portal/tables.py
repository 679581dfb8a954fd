"""Every table of the portal as rows of plain values: what its CSV and JSON files hold.

Each table is one list of rows with named columns, built from the view
(``view.PortalView``) and so from the branches' figures.json as they are.
``TABLES`` names each table's columns in order; what a table and a column
mean is in ``generator.i18n`` (``portal_file_<table>``,
``portal_column_<column>``), shown on the portal's open-data page.
Addresses are the branch's own when it is published at an absolute address,
else relative to the portal's root, as portal.yml gives them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Callable, Optional

from ..records.published import PageRef
from .view import Branch, PortalView

Value = Optional[object]
Row = dict[str, Value]


def _address(branch: Branch, page: str = "") -> str:
    """A branch page's address in a data file (relative addresses from the portal's root)."""
    return branch.link("", page)


def _text(value: Value) -> Value:
    return str(value) if isinstance(value, Decimal) else value


def _who(branch: Branch) -> Row:
    return {"branch_id": branch.id, "branch": branch.name, "organization": branch.organization}


def _ref(branch: Branch, ref: PageRef) -> Row:
    return {"title": ref.title, "url": _address(branch, ref.page)}


def branches(view: PortalView) -> list[Row]:
    rows = []
    for b in view.branches:
        f, reg, dues, funding, appraisal = b.figures, b.regularity, b.dues, b.funding, b.appraisal
        rows.append({
            **_who(b),
            "organizations": " / ".join(n.name for n in b.organizations),
            "available": f is not None,
            "problem": "；".join(b.site.problems) or None,
            "as_of": f.today.isoformat() if f else None,
            "members": f.branch.members if f else None,
            "regularity_year": reg.year if reg else None,
            "regularity_rate": reg.rate if reg else None,
            "regularity_held": reg.held if reg else None,
            "regularity_due": reg.due if reg else None,
            "dues_year": dues.year if dues else None,
            "dues_rate": dues.rate if dues else None,
            "funding_year": funding.year if funding else None,
            "per_member": funding.per_member if funding else None,
            "norm": funding.norm if funding else None,
            "meets_norm": funding.meets_norm if funding else None,
            "appraisal_period": appraisal.period if appraisal else None,
            "excellent_share": appraisal.excellent_share if appraisal else None,
            "open_notices": len(b.open_notices) if f else None,
            "overdue_items": len(b.overdue) if f else None,
            "term_end": f.term.end.isoformat() if f and f.term else None,
            "url": _address(b),
        })
    return rows


def regularity_years(view: PortalView) -> list[Row]:
    return [
        {**_who(b), "year": y.year, "periods_held": y.held, "periods_due": y.due, "rate": y.rate}
        for b in view.branches if b.figures for y in b.figures.regularity if y.year in view.years
    ]


def regularity_rows(view: PortalView) -> list[Row]:
    return [
        {**_who(b), "year": y.year, "kind": r.kind, "group": r.group, "per": r.per, "required": r.required, "periods_held": r.held, "periods_due": r.due, "rate": r.rate}
        for b in view.branches if b.figures for y in b.figures.regularity if y.year in view.years for r in y.rows
    ]


def regularity_cells(view: PortalView) -> list[Row]:
    return [
        {**_who(b), "year": y.year, "kind": r.kind, "group": r.group, "per": r.per, "period": c.period, "state": c.state, "required": c.required, "meetings": c.meetings}
        for b in view.branches if b.figures for y in b.figures.regularity if y.year in view.years for r in y.rows for c in r.cells
    ]


def dues(view: PortalView) -> list[Row]:
    return [
        {**_who(b), "year": d.year, "due": d.due, "paid": d.paid, "rate": d.rate, **_ref(b, d.ledger)}
        for b in view.branches if b.figures for d in b.figures.dues
    ]


def funding(view: PortalView) -> list[Row]:
    return [
        {**_who(b), "year": y.year, "income": y.income, "expenses": y.expenses, "members": y.members, "per_member": y.per_member, "norm": y.norm, "meets_norm": y.meets_norm}
        for b in view.branches if b.figures for y in b.figures.funding
    ]


def appraisals(view: PortalView) -> list[Row]:
    return [
        {
            **_who(b), "kind": a.kind, "period": a.period, "date": a.date.isoformat(), "appraised": a.appraised, "graded": a.graded,
            "excellent": a.excellent, "excellent_share": a.excellent_share, "rating": a.rating, **_ref(b, a.record),
        }
        for b in view.branches if b.figures for a in b.figures.appraisals
    ]


def open_notices(view: PortalView) -> list[Row]:
    return [
        {**_who(d.branch), "kind": d.item.kind, "start": d.item.start.isoformat(), "end": d.item.end.isoformat(), "days_left": d.item.days_left, **_ref(d.branch, d.item.record)}
        for d in view.open_notices()
    ]


def latest(view: PortalView) -> list[Row]:
    return [
        {**_who(d.branch), "type": d.item.type, "kind": d.item.kind, "date": d.item.date.isoformat(), **_ref(d.branch, d.item.record)}
        for d in view.latest()
    ]


def overdue(view: PortalView) -> list[Row]:
    return [
        {
            **_who(d.branch), "item": d.item.item, "owner": d.item.owner, "deadline": d.item.due.isoformat() if d.item.due else None,
            "status": d.item.status, "record": d.item.record.title, "url": _address(d.branch, d.item.record.page),
        }
        for d in view.overdue()
    ]


def terms(view: PortalView) -> list[Row]:
    return [
        {**_who(b), "start": b.figures.term.start.isoformat(), "end": b.figures.term.end.isoformat(), "transition": b.figures.term.transition}
        for b in view.terms()
    ]


# Each table's name (its files are data/<name>.csv and data/<name>.json), its rows, and its columns in order.
TABLES: dict[str, tuple[Callable[[PortalView], list[Row]], tuple[str, ...]]] = {
    "branches": (branches, (
        "branch_id", "branch", "organization", "organizations", "available", "problem", "as_of", "members",
        "regularity_year", "regularity_rate", "regularity_held", "regularity_due", "dues_year", "dues_rate",
        "funding_year", "per_member", "norm", "meets_norm", "appraisal_period", "excellent_share",
        "open_notices", "overdue_items", "term_end", "url",
    )),
    "regularity_years": (regularity_years, ("branch_id", "branch", "organization", "year", "periods_held", "periods_due", "rate")),
    "regularity_rows": (regularity_rows, ("branch_id", "branch", "organization", "year", "kind", "group", "per", "required", "periods_held", "periods_due", "rate")),
    "regularity_cells": (regularity_cells, ("branch_id", "branch", "organization", "year", "kind", "group", "per", "period", "state", "required", "meetings")),
    "dues": (dues, ("branch_id", "branch", "organization", "year", "due", "paid", "rate", "title", "url")),
    "funding": (funding, ("branch_id", "branch", "organization", "year", "income", "expenses", "members", "per_member", "norm", "meets_norm")),
    "appraisals": (appraisals, ("branch_id", "branch", "organization", "kind", "period", "date", "appraised", "graded", "excellent", "excellent_share", "rating", "title", "url")),
    "open_notices": (open_notices, ("branch_id", "branch", "organization", "kind", "start", "end", "days_left", "title", "url")),
    "latest": (latest, ("branch_id", "branch", "organization", "type", "kind", "date", "title", "url")),
    "overdue": (overdue, ("branch_id", "branch", "organization", "item", "owner", "deadline", "status", "record", "url")),
    "terms": (terms, ("branch_id", "branch", "organization", "start", "end", "transition")),
}

COLUMNS: tuple[str, ...] = tuple(sorted({column for _, columns in TABLES.values() for column in columns}))


def rows_of(view: PortalView, name: str) -> list[dict[str, Any]]:
    """The rows of table ``name``, every value plain (text, number, true/false or null), the columns in order."""
    make, columns = TABLES[name]
    made = make(view)
    for row in made:
        assert set(row) == set(columns), (name, sorted(set(row) ^ set(columns)))
    return [{column: _text(row[column]) for column in columns} for row in made]
