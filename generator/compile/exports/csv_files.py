"""The tabular records as CSV, as Excel opens it: funds lines, ledger totals, dues months, dues per member, opinions, election results, responsibility lists.

A ledger's file is written only when the audience sees a ledger of its kind: no empty files.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from typing import Iterable, NamedTuple, Optional

from ...figures.ledgers import ledgers
from ...records.models.common import money_text
from ...figures.catalogue import Period
from ...records.index import RecordSet
from ...records.published import CatalogueLine, DuesLine, DuesMemberLine, ElectionLine, FundsLine, LedgerLine, OpinionLine, ResponsibilityLine
from ..output import Output
from .context import ExportContext


def _money(value: Decimal) -> str:
    return money_text(value, "plain")


def csv_bytes(header: Iterable[str], rows: Iterable[NamedTuple]) -> bytes:
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
            back = _money(month.back_payment) if month.back_payment is not None else ""
            yield DuesLine(ledger.id, str(m.year), str(month.month), str(month.members), _money(month.due), _money(month.paid), back)


def dues_member_lines(context: ExportContext) -> Iterable[DuesMemberLine]:
    """Each member of each dues ledger the audience sees per member, in the ledger's order."""
    for ledger in ledgers(context.view, "dues"):
        book = context.figures.of(ledger).dues.book
        for member in book.members if book is not None else ():
            yield DuesMemberLine(
                ledger.id, str(ledger.model.year), member.name, _money(member.base) if member.base is not None else "",
                f"{member.rate}%" if member.rate is not None else "", _money(member.monthly_due), _money(member.due), _money(member.paid),
                str(member.months_unpaid), _money(member.unpaid),
            )


def has_funds(view: RecordSet) -> bool:
    return bool(ledgers(view, "funds"))


def has_dues(view: RecordSet) -> bool:
    return bool(ledgers(view, "dues"))


def has_member_dues(view: RecordSet) -> bool:
    # Narrowing empties a dues ledger's members for the public: only the members' site has them.
    return any(ledger.model.members for ledger in ledgers(view, "dues"))


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


def responsibility_lines(context: ExportContext) -> Iterable[ResponsibilityLine]:
    """Each assignment of each responsibility list, the oldest year first, in the list's order."""
    lists = sorted(context.view.of_type("responsibility"), key=lambda r: (r.model.year, r.date, r.id))
    for record in lists:
        for a in record.model.assignments:
            dates = (a.signed_on.isoformat() if a.signed_on else "", a.reported_on.isoformat() if a.reported_on else "")
            yield ResponsibilityLine(record.id, str(record.model.year), a.name, a.post, a.work_post or "", "\n".join(a.duties), "\n".join(a.work_duties), *dates, a.report or "")


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
    """The ledgers' CSV files the audience's records make: none for a kind of ledger it does not see."""
    view = context.view
    if has_funds(view):
        output.add("data/funds.csv", csv_bytes(FundsLine._fields, funds_lines(context)), "funds CSV")
        output.add("data/ledgers.csv", csv_bytes(LedgerLine._fields, ledger_lines(context)), "ledgers CSV")
    if has_dues(view):
        output.add("data/dues.csv", csv_bytes(DuesLine._fields, dues_lines(context)), "dues CSV")
    if has_member_dues(view):
        output.add("data/dues-members.csv", csv_bytes(DuesMemberLine._fields, dues_member_lines(context)), "dues per member CSV")
    output.add("data/opinions.csv", csv_bytes(OpinionLine._fields, opinion_lines(context)), "opinions CSV")
    output.add("data/elections.csv", csv_bytes(ElectionLine._fields, election_lines(context)), "elections CSV")
    output.add("data/responsibilities.csv", csv_bytes(ResponsibilityLine._fields, responsibility_lines(context)), "responsibilities CSV")
    output.add("data/catalogue.csv", csv_bytes(CatalogueLine._fields, catalogue_lines(context)), "catalogue CSV")
