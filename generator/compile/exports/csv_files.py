"""The tabular records as CSV, as Excel opens it: funds lines, ledger totals, dues months, responsibility lists."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from typing import Iterable, NamedTuple

from ...figures.ledgers import ledgers
from ...records.models.common import money_text
from ...records.published import DuesLine, FundsLine, LedgerLine, ResponsibilityLine
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


def responsibility_lines(context: ExportContext) -> Iterable[ResponsibilityLine]:
    """Each assignment of each responsibility list, the oldest year first, in the list's order."""
    lists = sorted(context.view.of_type("responsibility"), key=lambda r: (r.model.year, r.date, r.id))
    for record in lists:
        for a in record.model.assignments:
            dates = (a.signed_on.isoformat() if a.signed_on else "", a.reported_on.isoformat() if a.reported_on else "")
            yield ResponsibilityLine(record.id, str(record.model.year), a.name, a.post, a.work_post or "", "\n".join(a.duties), "\n".join(a.work_duties), *dates, a.report or "")


def export_csv(context: ExportContext, output: Output) -> None:
    output.add("data/funds.csv", _csv_bytes(FundsLine._fields, funds_lines(context)), "funds CSV")
    output.add("data/ledgers.csv", _csv_bytes(LedgerLine._fields, ledger_lines(context)), "ledgers CSV")
    output.add("data/dues.csv", _csv_bytes(DuesLine._fields, dues_lines(context)), "dues CSV")
    output.add("data/responsibilities.csv", _csv_bytes(ResponsibilityLine._fields, responsibility_lines(context)), "responsibilities CSV")
