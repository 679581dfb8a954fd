"""The rules a higher-level committee checks, applied to all loaded records.

Each rule reads the records and the norms of ``site_config.yml`` and reports
errors or warnings at the line of the field that breaks it.  Money is summed
as ``Decimal`` and compared exactly.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Callable, Iterator, Optional

from . import vocabulary
from .config import Site
from .errors import RecordError, dated_within, format_field, record_problem
from .figures.dues import dues_book, month_runs, retained_dues, share_text
from .figures.ledgers import funds_ledgers, ledgers, members_on
from .figures.records import Attendance, ExcellentCap, attendance, excellent_cap, funds_totals
from .i18n import Messages
from .figures.catalogue import Disclosure, catalogue_entries, first_published
from .i18n import Labels
from .records.index import BRANCH_FILE, Record, RecordSet
from .records.models.branch import Branch, RosterMember
from .records.models.meeting import Period
from .records.models.common import money_text
from .records.models.finance import monthly_totals
from .records.models.rectification import items_of
from .records.placeholders import placeholders_in, strings_in
from .rules_duties import DUTIES_RULES
from .rules_elections import ELECTION_RULES
from .rules_opinions import check_opinions

Rule = Callable[[RecordSet, Site, dt.date], Iterator[RecordError]]


def dues_roster(branch: Optional[Branch], year: int) -> list[str]:
    """Who owes dues in ``year``, by name in branch.yml's order: the roster's members at any time that year, else the party groups' members."""
    if branch is not None and branch.members:
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        return [m.name for m in branch.members if (m.joined is None or m.joined < last) and (m.left is None or m.left > first)]
    names: list[str] = []
    for group in branch.groups if branch is not None else ():
        names.extend(name for name in group.members if name not in names)
    return names


# ---------------------------------------------------------------------------
# Finance
# ---------------------------------------------------------------------------


def check_funds(records: RecordSet, site: Site, today: dt.date) -> Iterator[RecordError]:
    """Balances that chain and add up; expenses with receipts, and an adopted decision above the large-expense norm."""
    messages = site.messages
    large: Decimal = site.config.norms.large_expense_yuan
    previous: Optional[Record] = None
    # A funds ledger with errors of its own leaves a gap in the chain: no false "opening ≠ previous closing" across it.
    chain_complete = not records.failed_of_type("finance", "funds")
    for ledger in (ledger for ledger in funds_ledgers(records) if not ledger.is_draft):
        model = ledger.model
        totals = funds_totals(ledger)
        income, expenses, expected = totals.income, totals.expenses, totals.computed_closing
        if expected != model.closing_balance:
            yield record_problem(
                ledger, ("closing_balance",), messages, "rule_closing_balance",
                closing=money_text(model.closing_balance, "plain"), opening=money_text(model.opening_balance, "plain"),
                income=money_text(income, "plain"), expenses=money_text(expenses, "plain"), expected=money_text(expected, "plain"),
            )
        if chain_complete and previous is not None and previous.model.closing_balance != model.opening_balance:
            yield record_problem(
                ledger, ("opening_balance",), messages, "rule_opening_balance",
                opening=money_text(model.opening_balance, "plain"), previous=previous.model.period, closing=money_text(previous.model.closing_balance, "plain"),
            )
        previous = ledger
        for i, expense in enumerate(model.expenses):
            decision = records.get(expense.decision)
            if decision is not None and decision.type == "decision" and decision.model.result != "adopted":
                yield record_problem(ledger, ("expenses", i, "decision"), messages, "rule_decision_not_adopted", id=decision.id, result=vocabulary.written_word("decision_result", decision.model.result, messages.language))
            if expense.amount > large and not expense.decision:
                yield record_problem(ledger, ("expenses", i, "amount"), messages, "rule_large_expense", amount=money_text(expense.amount, "plain"), limit=money_text(large, "plain"))
            if not expense.receipts:
                yield record_problem(ledger, ("expenses", i, "receipts"), messages, "rule_expense_no_receipt", "warning", item=expense.item)


def _month_list(months: tuple[int, ...], messages: Messages) -> str:
    """Months as runs: 6月—11月、2月 / months 6–11, month 2."""
    return messages.join([messages("month_word", month=a) if a == b else messages("month_run", first=a, last=b) for a, b in month_runs(months)])


def _year_months(months: tuple[tuple[int, int], ...], messages: Messages) -> str:
    if len(months) > 1 and all((b[0] * 12 + b[1]) - (a[0] * 12 + a[1]) == 1 for a, b in zip(months, months[1:])):
        first, last = months[0], months[-1]
        return messages("year_month_run", first=messages("year_month", year=first[0], month=first[1]), last=messages("year_month", year=last[0], month=last[1]))
    return messages.join([messages("year_month", year=y, month=m) for y, m in months])


def check_dues(records: RecordSet, site: Site, today: dt.date) -> Iterator[RecordError]:
    """Dues records: each month of a year recorded once, paid within due unless a back payment says why, members unpaid too long."""
    messages = site.messages
    alert = site.config.norms.dues_alert_months
    recorded: dict[tuple[int, int], Record] = {}  # (year, month) -> the dues record that has it
    for record in sorted(ledgers(records, "dues"), key=lambda r: r.rel):
        if record.is_draft:
            continue
        model = record.model
        roster = dues_roster(records.branch, model.year)
        twice = sorted({m.month for m in model.months if (model.year, m.month) in recorded})
        if twice:
            other = recorded[(model.year, twice[0])]
            yield record_problem(record, ("year",), messages, "rule_dues_months_recorded_twice", year=model.year, months=_month_list(tuple(twice), messages), other=other.rel)
        for month in model.months:
            recorded.setdefault((model.year, month.month), record)
        if "months" in record.source.data:
            yield from _dues_months(record, messages)
        if not model.members:
            continue
        book = dues_book(model, alert)
        seen: dict[str, int] = {}
        for i, (member, dues) in enumerate(zip(model.members, book.members)):  # type: ignore[union-attr]
            name = ("members", i, "name")
            if member.name in seen:
                yield record_problem(record, name, messages, "rule_dues_member_repeated", name=member.name, first=seen[member.name] + 1)
                continue
            seen[member.name] = i
            for month, excess in dues.overpaid:
                yield record_problem(record, ("members", i, "paid", str(month)), messages, "rule_dues_member_overpaid", name=member.name, month=month, due=money_text(dues.monthly_due, "plain"), excess=money_text(excess, "plain"))
            for month, amount in dues.unsettled:
                yield record_problem(record, ("members", i, "back_payments", str(month)), messages, "rule_dues_back_unsettled", name=member.name, month=month, amount=money_text(amount, "plain"))
            if dues.missing:
                yield record_problem(record, ("members", i, "paid"), messages, "rule_dues_month_missing", name=member.name, months=_month_list(dues.missing, messages))
            if dues.not_owed:
                field = "paid" if dues.not_owed[0] in member.paid else "back_payments"
                yield record_problem(record, ("members", i, field, str(dues.not_owed[0])), messages, "rule_dues_not_owed", name=member.name, months=_month_list(dues.not_owed, messages))
            if dues.flagged:
                yield record_problem(
                    record, name, messages, "rule_dues_arrears", "warning", name=member.name, count=dues.months_unpaid,
                    months=_month_list(dues.unpaid_months, messages), amount=money_text(dues.unpaid, "plain"), alert=alert,
                )
            if roster and member.name not in roster:
                yield record_problem(record, name, messages, "rule_dues_not_in_roster", "warning", name=member.name)
        absent = [person for person in roster if person not in seen]
        if roster and absent:
            yield record_problem(record, ("members",), messages, "rule_dues_roster_missing", "warning", names=messages.join(absent))


def _dues_months(record: Record, messages: Messages) -> Iterator[RecordError]:
    """The monthly totals as written: each month once, paid within due plus back payment, and agreeing with the members."""
    model = record.model
    seen: dict[int, int] = {}
    computed = {m.month: m for m in monthly_totals(model.members)} if model.members else {}
    for i, month in enumerate(model.months):
        if month.month in seen:
            yield record_problem(record, ("months", i, "month"), messages, "rule_dues_month_repeated", month=month.month, first=seen[month.month] + 1)
            continue
        seen[month.month] = i
        back = month.back_payment or Decimal("0")
        if month.paid > month.due + back:
            yield record_problem(
                record, ("months", i, "paid"), messages, "rule_dues_paid_exceeds_back" if back else "rule_dues_paid_exceeds",
                month=month.month, paid=money_text(month.paid, "plain"), due=money_text(month.due, "plain"), back=money_text(back, "plain"),
            )
        if model.members:
            members = computed.get(month.month)
            for field in ("members", "due", "paid"):
                given = getattr(month, field)
                total = getattr(members, field) if members is not None else 0
                if given != total:
                    shown = (lambda v: str(v)) if field == "members" else (lambda v: money_text(Decimal(v), "plain"))
                    yield record_problem(record, ("months", i, field), messages, "rule_dues_totals_differ", month=month.month, given=shown(given), computed=shown(total))


def check_dues_share(records: RecordSet, site: Site, today: dt.date) -> Iterator[RecordError]:
    """The branch's retained share of the dues paid in a funds ledger's period is booked as its income, to the cent."""
    messages = site.messages
    share: Fraction = site.config.norms.dues_retained_share
    # A dues record with errors is reported as such; the months it would have given are not "missing" too.
    dues_failed = any(failed.type == "finance" and failed.kind in (None, "dues") for failed in records.failed.values())
    for ledger in (ledger for ledger in funds_ledgers(records) if not ledger.is_draft):
        for i, income in enumerate(ledger.model.income):
            target = records.get(income.dues)
            if target is not None and target.type == "finance" and target.kind != "dues":
                yield record_problem(ledger, ("income", i, "dues"), messages, "rule_dues_share_not_dues", id=target.id)
        figure = retained_dues(records, ledger, share)
        if figure is None:
            continue
        if not figure.months:
            continue
        where = ("income", figure.lines[0], "amount") if figure.lines else ("income",)
        months = _year_months(figure.months, messages)
        if figure.missing and dues_failed:
            continue
        if figure.missing:
            yield record_problem(ledger, where, messages, "rule_dues_share_unchecked", "warning", months=_year_months(figure.missing, messages))
        elif figure.difference:
            yield record_problem(
                ledger, where, messages, "rule_dues_share_more" if figure.difference > 0 else "rule_dues_share_less",
                expected=money_text(figure.expected, "plain"), months=months, paid=money_text(figure.paid, "plain"), share=share_text(share),
                booked=money_text(figure.booked, "plain"), difference=money_text(abs(figure.difference), "plain"),
            )


# ---------------------------------------------------------------------------
# Appraisals: the 优秀 cap and the named outstanding members
# ---------------------------------------------------------------------------


def check_appraisals(records: RecordSet, site: Site, today: dt.date) -> Iterator[RecordError]:
    messages = site.messages
    norms = site.config.norms
    for appraisal in records.of_type("appraisal"):
        model = appraisal.model
        if not model.results:
            continue
        excellent_key = _grade_key(appraisal, "excellent")
        if model.excellent_members and len(model.excellent_members) != model.results.get("excellent", 0):
            yield record_problem(appraisal, ("excellent_members",), messages, "rule_excellent_names", names=len(model.excellent_members), count=model.results.get("excellent", 0))
        members = model.members if model.members is not None else members_on(records.branch, appraisal.date)
        if members is None:
            continue
        total = sum(model.results.values())
        if total > members:
            yield record_problem(appraisal, ("results",), messages, "rule_grades_exceed", total=total, members=members)
        cap = excellent_cap(appraisal, records.branch, norms)
        if cap is not None and cap.over:
            yield record_problem(appraisal, ("results", excellent_key), messages, "rule_excellent_cap", count=cap.count, base=excellent_base_text(cap, messages), limit=cap.limit, share=str(cap.share))


def _grade_key(appraisal: Record, grade: str) -> str:
    """A grade's key in ``results`` as the worker typed it (优秀 or excellent)."""
    words = (vocabulary.written_word("grade", grade, "zh"), grade)
    return next((k for k in words if ("results", k) in appraisal.source.value_positions), grade)


def excellent_base_text(cap: ExcellentCap, messages: Messages) -> str:
    """The base of the 优秀 cap in words: 参评正式党员 26 人 / 参评党员 27 人."""
    return messages("excellent_base_full" if cap.base_kind == "full_members" else "excellent_base_members", count=cap.base)


# ---------------------------------------------------------------------------
# Votes and quorum: full members only (预备党员 attend but do not vote)
# ---------------------------------------------------------------------------

# The kinds of meeting that decide, and so need a quorum.
DECIDING_KINDS = ("general_assembly", "branch_committee", "group_meeting")


def check_votes(records: RecordSet, site: Site, today: dt.date) -> Iterator[RecordError]:
    messages = site.messages
    quorum: Fraction = site.config.norms.quorum_more_than
    for decision in records.of_type("decision"):
        model = decision.model
        if decision.is_draft:
            continue
        if not model.meeting:
            # Without its meeting nothing of a vote or a result can be checked.
            if model.vote is not None or model.result in ("adopted", "rejected"):
                yield record_problem(decision, ("vote",) if model.vote is not None else ("result",), messages, "rule_decision_needs_meeting")
            continue
        meeting = records.get(model.meeting)
        if meeting is None or meeting.type != "meeting":
            continue
        counted = attendance(meeting, records.branch)
        if counted is None:
            if model.vote is not None:
                yield record_problem(decision, ("vote",), messages, "rule_vote_without_attendance", meeting=meeting.id)
            continue
        voters = voters_present(counted)
        base = vote_base_text(counted, messages)
        if model.vote is not None:
            cast = model.vote.for_ + model.vote.against + model.vote.abstain
            majority = Fraction(model.vote.for_) > Fraction(voters, 2)
            if cast > voters:
                yield record_problem(decision, ("vote",), messages, "rule_vote_exceeds", cast=cast, meeting=meeting.id, base=base)
            elif model.result == "adopted" and not majority:
                yield record_problem(decision, ("result",), messages, "rule_no_majority", votes=model.vote.for_, base=base)
            elif model.result == "rejected" and majority:
                yield record_problem(decision, ("result",), messages, "rule_majority_not_adopted", votes=model.vote.for_, base=base, result=vocabulary.written_word("decision_result", model.result, messages.language))
        eligible = counted.voters_expected if counted.voters_expected is not None else counted.expected
        if meeting.model.kind in DECIDING_KINDS and eligible and Fraction(voters, eligible) <= quorum:
            yield record_problem(decision, ("meeting",), messages, "rule_quorum", meeting=meeting.id, base=base, eligible=eligible, share=str(quorum))


def voters_present(counted: Attendance) -> int:
    """Who could vote at a meeting: its full members present, or everyone present where the data cannot tell."""
    return counted.voters_present if counted.voters_present is not None else counted.present


def vote_base_text(counted: Attendance, messages: Messages) -> str:
    """The voting base in words: 有表决权的出席党员 24 人 / 出席人数 8."""
    if counted.voters_present is not None:
        return messages("vote_base_voters", count=counted.voters_present)
    return messages("vote_base_present", count=counted.present)


# ---------------------------------------------------------------------------
# Meetings: attendance adds up, and the period a meeting counts for
# ---------------------------------------------------------------------------

_PEOPLE_FIELDS = ("attendees", "on_leave", "absent")


def check_attendance(records: RecordSet, site: Site, today: dt.date) -> Iterator[RecordError]:
    """Each person listed once and (with a roster) a member that day; 应到 = 实到 + 请假 + 缺席 where 应到 is dated.

    The sums are warnings, and the page says where they do not add up.  A
    committee or group meeting is not held to today's lists (they carry no
    dates); its people are held to the roster of its day.
    """
    messages = site.messages
    branch = records.branch
    for meeting in records.of_type("meeting"):
        if meeting.is_draft:
            continue
        model = meeting.model
        listed: dict[str, str] = {}
        for field, index, name in _people(model):
            path = (field, index) if field == "attendees" else (field, index, "name")
            if name in listed:
                yield record_problem(meeting, path, messages, "rule_listed_twice", name=name, other=listed[name])
            else:
                listed[name] = field
        counted = attendance(meeting, branch)
        if counted is None:
            continue
        roster = branch.roster_on(meeting.date) if branch is not None and model.expected is None else None
        if roster is not None:
            on_roster = {m.name for m in roster}
            for field, index, name in _people(model):
                if name not in on_roster:
                    path = (field, index) if field == "attendees" else (field, index, "name")
                    yield record_problem(meeting, path, messages, "rule_not_on_roster", name=name, date=meeting.date.isoformat())
        if not counted.dated:
            continue
        where = ("expected",) if counted.basis == "expected" else ("attendees",)
        values = dict(
            expected=counted.expected, basis=basis_text(counted, meeting, messages), present=counted.present,
            on_leave=counted.on_leave, absent=counted.absent, accounted=counted.accounted,
        )
        if counted.unaccounted < 0:
            yield record_problem(meeting, where, messages, "rule_attendance_over", "warning", **values)
        elif counted.unaccounted > 0:
            required = [m.name for m in roster] if roster is not None and counted.basis == "members" else []
            missing = [n for n in required if n not in listed]
            names = messages("missing_names", names=messages.join(missing)) if missing else ""
            yield record_problem(meeting, where, messages, "rule_attendance_unaccounted", "warning", missing=counted.unaccounted, names=names, **values)


def _people(model) -> Iterator[tuple[str, int, str]]:
    for field in _PEOPLE_FIELDS:
        for index, entry in enumerate(getattr(model, field)):
            yield field, index, entry if isinstance(entry, str) else entry.name


def basis_text(counted: Attendance, meeting: Record, messages: Messages) -> str:
    """Where a dated 应到 comes from, in words, for a message."""
    if counted.basis == "expected":
        return messages("attendance_basis_expected")
    return messages("attendance_basis_members", date=meeting.date.isoformat())


def check_meeting_periods(records: RecordSet, site: Site, today: dt.date) -> Iterator[RecordError]:
    """A meeting's ``period``: as fine as its kind's norm, begun by its date, and at most one period before it."""
    messages = site.messages
    norms = site.config.norms.meetings
    for meeting in records.of_type("meeting"):
        period = meeting.model.period
        if period is None:
            continue
        frequency = norms.get(meeting.model.kind)
        if frequency is not None and frequency.count and period.within(frequency.per) is None:
            yield record_problem(
                meeting, ("period",), messages, "rule_period_coarse",
                kind=vocabulary.written_word("meeting_kind", meeting.model.kind, messages.language),
                per=vocabulary.written_word("period", frequency.per, messages.language), example=str(Period.of_day(meeting.date, frequency.per)), period=str(period),
            )
        if period.start > meeting.date:
            yield record_problem(meeting, ("period",), messages, "rule_period_after_date", date=meeting.date.isoformat(), period=str(period), start=period.start.isoformat())
            continue
        steps = period.steps_to(Period.of_day(meeting.date, period.unit))
        if steps > 1:
            yield record_problem(meeting, ("period",), messages, "rule_period_late", "warning", period=str(period), date=meeting.date.isoformat(), steps=steps)


# ---------------------------------------------------------------------------
# The roster (branch.yml members) and member_counts
# ---------------------------------------------------------------------------


def check_roster(records: RecordSet, site: Site, today: dt.date) -> Iterator[RecordError]:
    """The roster's dates in order, no one on it twice at once, and ``member_counts`` agreeing with it."""
    branch, source = records.branch, records.branch_source
    if branch is None or source is None or not branch.members:
        return
    messages = site.messages
    rel = site.relative(site.content_dir / BRANCH_FILE)

    def problem(path: tuple, message: str) -> RecordError:
        pos = source.position(path)
        return RecordError(rel, pos.line, pos.column, format_field(path), message)

    seen: dict[str, list[tuple[int, RosterMember]]] = {}
    for i, member in enumerate(branch.members):
        if member.status == "probationary" and member.full_member_on is not None:
            yield problem(("members", i, "full_member_on"), messages("rule_roster_probationary_full"))
        for field in ("full_member_on", "left"):
            day = getattr(member, field)
            if day is not None and day < member.joined:
                yield problem(("members", i, field), messages("rule_roster_before_joined", field=field, date=day.isoformat(), joined=member.joined.isoformat()))
        for j, other in seen.get(member.name, []):
            # The same name twice is a member who left and came back only if the stays do not overlap.
            apart = (other.left is not None and other.left < member.joined) or (member.left is not None and member.left < other.joined)
            if not apart:
                yield problem(("members", i, "name"), messages("rule_roster_twice", name=member.name, other=f"members[{j}]"))
        seen.setdefault(member.name, []).append((i, member))
    begins = branch.roster_begins
    for i, entry in enumerate(branch.member_counts):
        headcount = branch.headcount_on(entry.since) if begins is not None and entry.since >= begins else None
        if headcount is None:
            continue
        if headcount.members != entry.count:
            yield problem(("member_counts", i, "count"), messages("rule_counts_disagree", since=entry.since.isoformat(), roster=headcount.members, count=entry.count))
        elif entry.probationary is not None and headcount.probationary != entry.probationary:
            yield problem(("member_counts", i, "probationary"), messages("rule_probationary_disagree", since=entry.since.isoformat(), roster=headcount.probationary, count=entry.probationary))


# ---------------------------------------------------------------------------
# Notices (the term and elections: rules_elections)
# ---------------------------------------------------------------------------


def check_notices(records: RecordSet, site: Site, today: dt.date) -> Iterator[RecordError]:
    """A membership notice's period against the norm, in working days; a period in a year without holiday data is warned about."""
    messages = site.messages
    required = site.config.norms.publicity_working_days
    for notice in records.of_type("notice"):
        model = notice.model
        if model.end < model.start:
            yield record_problem(notice, ("end",), messages, "rule_notice_order", start=model.start.isoformat(), end=model.end.isoformat())
            continue
        length = site.workdays.count(model.start, model.end)
        for year in length.estimated_years:
            at = "start" if model.start.year == year else "end"
            yield record_problem(notice, (at,), messages, "rule_holidays_unknown", "warning", year=year, days=length.days)
        if model.kind != "membership" or length.days >= required:
            continue
        if length.exact:
            yield record_problem(notice, ("end",), messages, "rule_notice_short", days=length.days, required=required)
        else:
            # Counted Monday to Friday: likely short, but not a fact to fail on.
            yield record_problem(notice, ("end",), messages, "rule_notice_short_estimated", "warning", days=length.days, required=required)


# ---------------------------------------------------------------------------
# Rectification items, of every record that carries them
# ---------------------------------------------------------------------------


def check_rectification(records: RecordSet, site: Site, today: dt.date) -> Iterator[RecordError]:
    """已完成 needs ``done_on`` between the record's date and today; progress entries dated in order, within the same bounds."""
    messages = site.messages
    for record in records:
        kind = messages.type_name(record.type)
        start = record.date.isoformat()
        for name, index, item in items_of(record.model):
            at = (name, index)
            if item.status == "done" and item.done_on is None:
                yield record_problem(record, at + ("status",), messages, "rule_item_done_without_date")
            elif item.done_on is not None and item.status != "done":
                yield record_problem(record, at + ("done_on",), messages, "rule_item_done_on_not_done", date=item.done_on.isoformat(), status=vocabulary.written_word("progress", item.status, messages.language))
            elif item.done_on is not None:
                yield from dated_within(record, at + ("done_on",), item.done_on, today, messages, kind, start)
            previous: Optional[dt.date] = None
            for step, entry in enumerate(item.progress):
                path = at + ("progress", step, "date")
                out_of_bounds = list(dated_within(record, path, entry.date, today, messages, kind, start))
                yield from out_of_bounds
                if not out_of_bounds and previous is not None and entry.date < previous:
                    yield record_problem(record, path, messages, "rule_progress_order", date=entry.date.isoformat(), previous=previous.isoformat())
                previous = entry.date


# ---------------------------------------------------------------------------
# Personal data: resident ID numbers, mobile numbers, bank cards
# ---------------------------------------------------------------------------

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_ID_RE = re.compile(r"(?<![0-9A-Za-z])(\d{17}[\dXx])(?![0-9A-Za-z])")
_MOBILE_RE = re.compile(r"(?<!\d)(?:\+?86[- ]?)?(1[3-9]\d[- ]?\d{4}[- ]?\d{4})(?!\d)")
_CARD_RE = re.compile(r"(?<!\d)(\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?\d{4}(?:[ -]?\d{1,3})?)(?!\d)")


def is_resident_id(text: str) -> bool:
    """A mainland resident ID number: 18 characters, a real birth date, a valid check digit."""
    if len(text) != 18 or not text[:17].isdigit():
        return False
    try:
        dt.date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        return False
    total = sum(int(d) * w for d, w in zip(text[:17], _ID_WEIGHTS))
    return _ID_CHECK[total % 11] == text[17].upper()


def passes_luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


def personal_numbers(text: str) -> list[str]:
    """The kinds of personal number found in ``text``: id_number, mobile, bank_card."""
    found = []
    ids = [m.group(1) for m in _ID_RE.finditer(text) if is_resident_id(m.group(1))]
    if ids:
        found.append("id_number")
    if _MOBILE_RE.search(text):
        found.append("mobile")
    for match in _CARD_RE.finditer(text):
        digits = re.sub(r"\D", "", match.group(1))
        if 16 <= len(digits) <= 19 and digits not in ids and passes_luhn(digits):
            found.append("bank_card")
            break
    return found


def check_personal_data(records: RecordSet, site: Site, today: dt.date) -> Iterator[RecordError]:
    """Errors for personal numbers in public records, warnings in members records."""
    messages = site.messages
    for record in records:
        if record.is_draft or record.visibility == "restricted":
            continue
        intended = set(record.model.numbers_ok)
        severity = "error" if record.visibility == "public" else "warning"
        for path, text in strings_in(record.source.data):
            if not path or path[0] == "numbers_ok" or format_field(path) in intended or str(path[0]) in intended:
                continue
            for kind in personal_numbers(text):
                yield record_problem(record, path, messages, f"pii_{kind}", severity)


def check_branch_placeholders(records: RecordSet, site: Site, today: dt.date) -> Iterator[RecordError]:
    """A warning for each placeholder (【请填写：…】) still left in content/branch.yml."""
    source = records.branch_source
    if source is None:
        return
    rel = site.relative(site.content_dir / BRANCH_FILE)
    for path, what in placeholders_in(source.data):
        pos = source.position(path)
        yield RecordError(rel, pos.line, pos.column, format_field(path), site.messages("placeholder_left", what=what), "warning")


# ---------------------------------------------------------------------------
# The disclosure catalogue (党务公开目录): late and missing disclosures
# ---------------------------------------------------------------------------


def check_catalogue(records: RecordSet, site: Site, today: dt.date) -> Iterator[RecordError]:
    """A warning for each event or period of a catalogue item disclosed late or not at all.

    Where a worker can act: a late record at its ``published:`` line (the
    date to verify; ``date`` when the day comes from git); a draft past its
    deadline at its ``status:`` line (publish it); a period with no record
    at all at the item's line in site_config.yml (add the record, or change
    the item), or at ``site_config.yml`` itself for the default catalogue.
    """
    messages = site.messages
    t = Labels(messages.language)
    dates = records.dates
    for entry in catalogue_entries(records.records, site.config.catalogue, today, site.workdays, dates):
        item = entry.item
        # A record with errors of its own may be the disclosure: its errors are reported, not a false "not disclosed".
        incomplete = any(records.failed_of_type(*_type_and_kind(spec)) for spec in item.records)
        for disclosure in entry.disclosures:
            estimate = messages("catalogue_estimate", years=messages.join([str(y) for y in disclosure.estimated_years])) if disclosure.estimated_years else ""
            values = {"item": item.item, "deadline": disclosure.deadline.day.isoformat(), "estimate": estimate}
            if disclosure.state == "late":
                record = disclosure.record
                written = record.model.published is not None
                known = dates.get(record.id)
                source = messages("catalogue_from_git") if not written and known is not None and known.from_git else ""
                yield record_problem(
                    record, ("published",) if written else ("date",), messages, "rule_catalogue_late", "warning",
                    event=_event_words(disclosure, t, messages), allowed=item.within_working_days, published=disclosure.published.isoformat(),
                    days=disclosure.working_days.days, source=source, **values,
                )
            elif disclosure.state == "missing" and disclosure.record is not None and disclosure.record.is_draft:
                yield record_problem(disclosure.record, ("status",), messages, "rule_catalogue_draft", "warning", **values)
            elif disclosure.state == "missing" and disclosure.record is not None:
                # Published, but on a day still ahead: the date to verify is its published: line.
                record = disclosure.record
                at = ("published",) if record.model.published is not None else ("date",)
                yield record_problem(record, at, messages, "rule_catalogue_not_yet", "warning", published=first_published(record, dates).isoformat(), **values)
            elif disclosure.state == "missing" and not incomplete:
                line, column = site.catalogue_positions[entry.index] if site.catalogue_positions else (0, 0)
                period = t.catalogue_period(disclosure.period.per, disclosure.period.year, disclosure.period.index) if disclosure.period else disclosure.event.isoformat()
                words = messages.join([vocabulary.disclosing_label(spec, messages.language) for spec in item.records])
                message = messages("rule_catalogue_missing", period=period, records=words, **values)
                yield RecordError(site.relative(site.config_path), line, column, f"catalogue[{entry.index}]", message, "warning")


def _type_and_kind(spec: str) -> tuple[str, Optional[str]]:
    record_type, _, kind = spec.partition("/")
    return record_type, kind or None


def _event_words(disclosure: Disclosure, t: Labels, messages: Messages) -> str:
    if disclosure.period is None:
        return disclosure.event.isoformat()
    period = disclosure.period
    return messages("catalogue_period_end", period=t.catalogue_period(period.per, period.year, period.index), date=period.last.isoformat())


# Approval before publication (党务公开条例 Art. 15) and unfilled forms
# ---------------------------------------------------------------------------

# Which visibilities each norms.approval_required asks a complete approval of.
_APPROVAL_SCOPE = {"public": {"public"}, "all": {"public", "members"}, "none": set()}
_APPROVAL_STEPS = (("proposed_by", "proposed_on"), ("reviewed_by", "reviewed_on"), ("approved_by", "approved_on"))


def check_approval(records: RecordSet, site: Site, today: dt.date) -> Iterator[RecordError]:
    """Published records in ``norms.approval_required``'s scope: 提出 → 审核（保密审查）→ 审批, named and dated, in order, before publication."""
    messages = site.messages
    scope = _APPROVAL_SCOPE[site.config.norms.approval_required]
    names = {
        "proposed_by": messages("approval_proposed_by"), "proposed_on": messages("approval_proposed_on"),
        "reviewed_by": messages("approval_reviewed_by"), "reviewed_on": messages("approval_reviewed_on"),
        "approved_by": messages("approval_approved_by"), "approved_on": messages("approval_approved_on"),
    }
    due = [record for record in records if not record.is_draft and record.visibility in scope]
    # When a record was first published: its published:, else the commit that added it (as its page
    # says); a record git does not know yet is being published now, so today.
    dates = records.dates
    for record in due:
        approval = record.model.approval
        missing = [field for step in _APPROVAL_STEPS for field in step if approval is None or not getattr(approval, field) or not str(getattr(approval, field)).strip()]
        if missing:
            yield record_problem(record, ("approval",), messages, "rule_approval_missing", fields=messages.join([names[f] for f in missing]))
            continue
        for (_, earlier), (_, later) in zip(_APPROVAL_STEPS, _APPROVAL_STEPS[1:]):
            if getattr(approval, later) < getattr(approval, earlier):
                yield record_problem(
                    record, ("approval", later), messages, "rule_approval_order",
                    later=names[later], later_date=getattr(approval, later).isoformat(), earlier=names[earlier], earlier_date=getattr(approval, earlier).isoformat(),
                )
        known = dates[record.id]
        first = known.first_published if record.model.published is not None or known.from_git else today
        if approval.approved_on > first:
            yield record_problem(record, ("approval", "approved_on"), messages, "rule_approval_after_publication", approved=approval.approved_on.isoformat(), published=first.isoformat())


def check_published_placeholders(records: RecordSet, site: Site, today: dt.date) -> Iterator[RecordError]:
    """An error for each placeholder (【请填写：…】) left in a published record: it would be disclosed as it is."""
    for record in records:
        if record.is_draft or record.visibility == "restricted":
            continue
        for path, what in placeholders_in(record.source.data):
            yield record_problem(record, path, site.messages, "placeholder_published", what=what)


RULES: tuple[Rule, ...] = (
    check_funds, check_dues, check_dues_share, check_appraisals, check_votes, check_attendance, check_meeting_periods, check_roster,
    check_notices, check_rectification, *DUTIES_RULES, check_personal_data, check_branch_placeholders, check_approval, check_published_placeholders, check_catalogue,
    # Opinions and elections (issue 15): their own modules
    check_opinions, *ELECTION_RULES,
)


def apply_rules(records: RecordSet, site: Site, today: dt.date) -> list[RecordError]:
    problems: list[RecordError] = []
    for rule in RULES:
        problems.extend(rule(records, site, today))
    return problems


# ---------------------------------------------------------------------------
# Permanent links: ids published by the last build must not disappear
# ---------------------------------------------------------------------------


def check_previous_ids(records: RecordSet, site: Site, previous_index: Path) -> list[RecordError]:
    """Warnings for ids in the last build's data/records.json that no published record has now."""
    import json

    messages = site.messages
    rel = previous_index.as_posix()
    try:
        data = json.loads(previous_index.read_text(encoding="utf-8"))
        previous = [(entry["id"], entry.get("url", "")) for entry in data["records"]]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return [RecordError(rel, 0, 0, "", messages("previous_unreadable", reason=str(exc)))]
    current = {r.id for r in records if not r.is_draft and r.visibility != "restricted"}
    return [
        RecordError(rel, 0, 0, "", messages("previous_id_gone", id=record_id, url=url), "warning")
        for record_id, url in sorted(previous)
        if record_id not in current
    ]
