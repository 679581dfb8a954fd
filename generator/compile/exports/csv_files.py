"""The tabular records as CSV, as Excel opens it: funds lines, ledger totals, dues months, opinions, election results."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from typing import Iterable, NamedTuple, Optional

from ...figures.ledgers import ledgers
from ...records.models.common import money_text
from ...records.published import DuesLine, ElectionLine, FundsLine, LedgerLine, OpinionLine
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


def _yes_no(value: Optional[bool]) -> str:
    return "" if value is None else ("yes" if value else "no")


def opinion_lines(context: ExportContext) -> Iterable[OpinionLine]:
    """Each opinion, oldest first, with its due date and timeliness as its page shows them."""
    for opinion in sorted(context.view.of_type("opinion"), key=lambda r: (r.date, r.id)):
        m = opinion.model
        state = context.figures.of(opinion).opinion
        yield OpinionLine(
            opinion.id, m.date.isoformat(), m.channel, m.raised_by.role, m.subject, m.handler or "", m.handling,
            state.due.isoformat(), m.replied_on.isoformat() if m.replied_on else "",
            "" if state.working_days is None else str(state.working_days), _yes_no(state.on_time),
        )


def election_lines(context: ExportContext) -> Iterable[ElectionLine]:
    """Each candidate of each election, oldest election first, candidates in the record's order."""
    for election in sorted(context.view.of_type("election"), key=lambda r: (r.date, r.id)):
        m = election.model
        for candidate in context.figures.of(election).election.candidates:
            yield ElectionLine(
                election.id, m.date.isoformat(), m.kind, str(m.seats), "" if m.eligible_voters is None else str(m.eligible_voters),
                candidate.name, "" if candidate.votes is None else str(candidate.votes), _yes_no(candidate.elected),
            )


def export_csv(context: ExportContext, output: Output) -> None:
    output.add("data/funds.csv", _csv_bytes(FundsLine._fields, funds_lines(context)), "funds CSV")
    output.add("data/ledgers.csv", _csv_bytes(LedgerLine._fields, ledger_lines(context)), "ledgers CSV")
    output.add("data/dues.csv", _csv_bytes(DuesLine._fields, dues_lines(context)), "dues CSV")
    output.add("data/opinions.csv", _csv_bytes(OpinionLine._fields, opinion_lines(context)), "opinions CSV")
    output.add("data/elections.csv", _csv_bytes(ElectionLine._fields, election_lines(context)), "elections CSV")
