"""The funds and dues ledgers as CSV, as Excel opens it: funds lines, ledger totals, dues months."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from typing import Iterable, NamedTuple

from ...figures.ledgers import ledgers
from ...records.models.common import money_text
from ...figures.catalogue import Period
from ...records.published import CatalogueLine, DuesLine, FundsLine, LedgerLine
from ..output import Output
from .context import ExportContext


def _money(value: Decimal) -> str:
    return money_text(value, "plain")


def _csv_bytes(header: Iterable[str], rows: Iterable[NamedTuple]) -> bytes:
    """CSV as Excel opens it: UTF-8 with BOM, CRLF line ends."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def funds_lines(context: ExportContext) -> Iterable[FundsLine]:
    """Each funds ledger's income and expenses in the order of their dates (as written for the same date)."""
    for ledger in ledgers(context.view, "funds"):
        m = ledger.model
        lines: list[tuple[dt.date, int, FundsLine]] = []
        for i, income in enumerate(m.income):
            lines.append((income.date, i, FundsLine(ledger.id, m.period, income.date.isoformat(), "income", income.source, "", _money(income.amount), "", "")))
        offset = len(m.income)
        for i, expense in enumerate(m.expenses):
            line = FundsLine(ledger.id, m.period, expense.date.isoformat(), "expense", expense.item, expense.category or "", _money(expense.amount), expense.approved_by or "", expense.decision or "")
            lines.append((expense.date, offset + i, line))
        for _, _, line in sorted(lines, key=lambda entry: (entry[0], entry[1])):
            yield line


def ledger_lines(context: ExportContext) -> Iterable[LedgerLine]:
    for ledger in ledgers(context.view, "funds"):
        m = ledger.model
        totals = context.figures.of(ledger).funds
        yield LedgerLine(
            ledger.id,
            m.period,
            m.period_start.isoformat() if m.period_start else "",
            m.period_end.isoformat() if m.period_end else "",
            _money(m.opening_balance),
            _money(totals.income),
            _money(totals.expenses),
            _money(m.closing_balance),
        )


def dues_lines(context: ExportContext) -> Iterable[DuesLine]:
    for ledger in ledgers(context.view, "dues"):
        m = ledger.model
        for month in sorted(m.months, key=lambda mo: mo.month):
            yield DuesLine(ledger.id, str(m.year), str(month.month), str(month.members), _money(month.due), _money(month.paid))


def _period_text(period: Period) -> str:
    if period.per == "quarter":
        return f"{period.year}-Q{period.index}"
    if period.per == "month":
        return f"{period.year}-{period.index:02d}"
    return str(period.year)


def catalogue_lines(context: ExportContext) -> Iterable[CatalogueLine]:
    """Each event or period of the catalogue items this audience may see, in the catalogue's order, newest first."""
    for entry in context.figures.catalogue:
        item = entry.item
        for d in entry.disclosures if entry.shown else ():
            yield CatalogueLine(
                item.item, item.scope, item.per, str(item.within_working_days),
                _period_text(d.period) if d.period else "",
                d.event.isoformat(), d.deadline.day.isoformat(), " ".join(str(year) for year in d.estimated_years),
                d.record.id if d.record else "", d.published.isoformat() if d.published else "",
                str(d.working_days.days) if d.working_days is not None else "", d.state,
            )


def export_csv(context: ExportContext, output: Output) -> None:
    output.add("data/funds.csv", _csv_bytes(FundsLine._fields, funds_lines(context)), "funds CSV")
    output.add("data/ledgers.csv", _csv_bytes(LedgerLine._fields, ledger_lines(context)), "ledgers CSV")
    output.add("data/dues.csv", _csv_bytes(DuesLine._fields, dues_lines(context)), "dues CSV")
    output.add("data/catalogue.csv", _csv_bytes(CatalogueLine._fields, catalogue_lines(context)), "catalogue CSV")
