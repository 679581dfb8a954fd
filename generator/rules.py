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
from .errors import RecordError
from .history import record_dates
from .figures.dues import dues_book, month_runs, retained_dues, share_text
from .figures.ledgers import funds_ledgers, ledgers, members_on
from .figures.records import funds_totals
from .i18n import Messages
from .records.index import BRANCH_FILE, Record, RecordSet
from .records.models import Branch
from .records.models.common import money_text
from .records.models.finance import monthly_totals
from .records.placeholders import placeholders_in, strings_in
from .records.validate import format_field

Rule = Callable[[RecordSet, Site, dt.date], Iterator[RecordError]]


def _problem(record: Record, path: tuple, messages: Messages, key: str, severity: str = "error", **values) -> RecordError:
    line, column = record.position(path)
    return RecordError(record.rel, line, column, format_field(path), messages(key, **values), severity)  # type: ignore[arg-type]


def eligible_for(meeting: Record, branch: Optional[Branch]) -> Optional[int]:
    """Who is entitled to attend a deciding meeting: all members, the committee, or the group."""
    if branch is None:
        return None
    kind = meeting.model.kind
    if kind == "general_assembly":
        return members_on(branch, meeting.date)
    if kind == "branch_committee":
        return len(branch.committee) or None
    if kind == "group_meeting":
        group = next((g for g in branch.groups if g.name == meeting.model.group), None)
        return len(group.members) if group and group.members else None
    return None


def branch_roster(branch: Optional[Branch]) -> list[str]:
    """The branch's members by name, in the order branch.yml lists them: the party groups' members."""
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
    for ledger in (ledger for ledger in funds_ledgers(records) if not ledger.is_draft):
        model = ledger.model
        totals = funds_totals(ledger)
        income, expenses, expected = totals.income, totals.expenses, totals.computed_closing
        if expected != model.closing_balance:
            yield _problem(
                ledger, ("closing_balance",), messages, "rule_closing_balance",
                closing=money_text(model.closing_balance, "plain"), opening=money_text(model.opening_balance, "plain"),
                income=money_text(income, "plain"), expenses=money_text(expenses, "plain"), expected=money_text(expected, "plain"),
            )
        if previous is not None and previous.model.closing_balance != model.opening_balance:
            yield _problem(
                ledger, ("opening_balance",), messages, "rule_opening_balance",
                opening=money_text(model.opening_balance, "plain"), previous=previous.model.period, closing=money_text(previous.model.closing_balance, "plain"),
            )
        previous = ledger
        for i, expense in enumerate(model.expenses):
            decision = records.get(expense.decision)
            if decision is not None and decision.type == "decision" and decision.model.result != "adopted":
                yield _problem(ledger, ("expenses", i, "decision"), messages, "rule_decision_not_adopted", id=decision.id, result=vocabulary.written_word("decision_result", decision.model.result, messages.language))
            if expense.amount > large and not expense.decision:
                yield _problem(ledger, ("expenses", i, "amount"), messages, "rule_large_expense", amount=money_text(expense.amount, "plain"), limit=money_text(large, "plain"))
            if not expense.receipts:
                yield _problem(ledger, ("expenses", i, "receipts"), messages, "rule_expense_no_receipt", "warning", item=expense.item)


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
    roster = branch_roster(records.branch)
    for record in sorted(ledgers(records, "dues"), key=lambda r: r.rel):
        if record.is_draft:
            continue
        model = record.model
        twice = sorted({m.month for m in model.months if (model.year, m.month) in recorded})
        if twice:
            other = recorded[(model.year, twice[0])]
            yield _problem(record, ("year",), messages, "rule_dues_months_recorded_twice", year=model.year, months=_month_list(tuple(twice), messages), other=other.rel)
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
                yield _problem(record, name, messages, "rule_dues_member_repeated", name=member.name, first=seen[member.name] + 1)
                continue
            seen[member.name] = i
            for month, excess in dues.overpaid:
                yield _problem(record, ("members", i, "paid", str(month)), messages, "rule_dues_member_overpaid", name=member.name, month=month, due=money_text(dues.monthly_due, "plain"), excess=money_text(excess, "plain"))
            for month, amount in dues.unsettled:
                yield _problem(record, ("members", i, "back_payments", str(month)), messages, "rule_dues_back_unsettled", name=member.name, month=month, amount=money_text(amount, "plain"))
            if dues.missing:
                yield _problem(record, ("members", i, "paid"), messages, "rule_dues_month_missing", name=member.name, months=_month_list(dues.missing, messages))
            if dues.not_owed:
                field = "paid" if dues.not_owed[0] in member.paid else "back_payments"
                yield _problem(record, ("members", i, field, str(dues.not_owed[0])), messages, "rule_dues_not_owed", name=member.name, months=_month_list(dues.not_owed, messages))
            if dues.flagged:
                yield _problem(
                    record, name, messages, "rule_dues_arrears", "warning", name=member.name, count=dues.months_unpaid,
                    months=_month_list(dues.unpaid_months, messages), amount=money_text(dues.unpaid, "plain"), alert=alert,
                )
            if roster and member.name not in roster:
                yield _problem(record, name, messages, "rule_dues_not_in_roster", "warning", name=member.name)
        absent = [person for person in roster if person not in seen]
        if roster and absent:
            yield _problem(record, ("members",), messages, "rule_dues_roster_missing", "warning", names=messages.join(absent))


def _dues_months(record: Record, messages: Messages) -> Iterator[RecordError]:
    """The monthly totals as written: each month once, paid within due plus back payment, and agreeing with the members."""
    model = record.model
    seen: dict[int, int] = {}
    computed = {m.month: m for m in monthly_totals(model.members)} if model.members else {}
    for i, month in enumerate(model.months):
        if month.month in seen:
            yield _problem(record, ("months", i, "month"), messages, "rule_dues_month_repeated", month=month.month, first=seen[month.month] + 1)
            continue
        seen[month.month] = i
        back = month.back_payment or Decimal("0")
        if month.paid > month.due + back:
            yield _problem(
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
                    yield _problem(record, ("months", i, field), messages, "rule_dues_totals_differ", month=month.month, given=shown(given), computed=shown(total))


def check_dues_share(records: RecordSet, site: Site, today: dt.date) -> Iterator[RecordError]:
    """The branch's retained share of the dues paid in a funds ledger's period is booked as its income, to the cent."""
    messages = site.messages
    share: Fraction = site.config.norms.dues_retained_share
    for ledger in (ledger for ledger in funds_ledgers(records) if not ledger.is_draft):
        for i, income in enumerate(ledger.model.income):
            target = records.get(income.dues)
            if target is not None and target.type == "finance" and target.kind != "dues":
                yield _problem(ledger, ("income", i, "dues"), messages, "rule_dues_share_not_dues", id=target.id)
        figure = retained_dues(records, ledger, share)
        if figure is None:
            continue
        if not figure.months:
            continue
        where = ("income", figure.lines[0], "amount") if figure.lines else ("income",)
        months = _year_months(figure.months, messages)
        if figure.missing:
            yield _problem(ledger, where, messages, "rule_dues_share_unchecked", "warning", months=_year_months(figure.missing, messages))
        elif figure.difference:
            yield _problem(
                ledger, where, messages, "rule_dues_share_more" if figure.difference > 0 else "rule_dues_share_less",
                expected=money_text(figure.expected, "plain"), months=months, paid=money_text(figure.paid, "plain"), share=share_text(share),
                booked=money_text(figure.booked, "plain"), difference=money_text(abs(figure.difference), "plain"),
            )


# ---------------------------------------------------------------------------
# Appraisals
# ---------------------------------------------------------------------------


def check_appraisals(records: RecordSet, site: Site, today: dt.date) -> Iterator[RecordError]:
    messages = site.messages
    cap: Fraction = site.config.norms.excellent_share_max
    for appraisal in records.of_type("appraisal"):
        model = appraisal.model
        if not model.results:
            continue
        members = model.members if model.members is not None else members_on(records.branch, appraisal.date)
        if members is None:
            continue
        total = sum(model.results.values())
        if total > members:
            yield _problem(appraisal, ("results",), messages, "rule_grades_exceed", total=total, members=members)
        excellent = model.results.get("excellent", 0)
        if excellent > cap * members:
            # Point at the key as the worker typed it (优秀 or excellent).
            key = next((k for k in (vocabulary.written_word("grade", "excellent", "zh"), "excellent") if ("results", k) in appraisal.source.value_positions), "excellent")
            limit = int(cap * members)
            yield _problem(appraisal, ("results", key), messages, "rule_excellent_cap", count=excellent, limit=limit, members=members, share=str(cap))


# ---------------------------------------------------------------------------
# Votes and quorum
# ---------------------------------------------------------------------------


def check_votes(records: RecordSet, site: Site, today: dt.date) -> Iterator[RecordError]:
    messages = site.messages
    quorum: Fraction = site.config.norms.quorum_more_than
    for decision in records.of_type("decision"):
        model = decision.model
        meeting = records.get(model.meeting)
        if meeting is None or meeting.type != "meeting":
            continue
        present = len(meeting.model.attendees)
        if model.vote is not None and present:
            cast = model.vote.for_ + model.vote.against + model.vote.abstain
            if cast > present:
                yield _problem(decision, ("vote",), messages, "rule_vote_exceeds", cast=cast, present=present, meeting=meeting.id)
            elif model.result == "adopted" and Fraction(model.vote.for_) <= Fraction(present, 2):
                yield _problem(decision, ("result",), messages, "rule_no_majority", votes=model.vote.for_, present=present)
        eligible = eligible_for(meeting, records.branch)
        if eligible and present and Fraction(present, eligible) <= quorum:
            yield _problem(decision, ("meeting",), messages, "rule_quorum", meeting=meeting.id, present=present, eligible=eligible, share=str(quorum))


# ---------------------------------------------------------------------------
# Notices and terms
# ---------------------------------------------------------------------------


def working_days(start: dt.date, end: dt.date) -> tuple[int, bool]:
    """Working days from start to end inclusive, with China's holidays and make-up workdays.

    Returns the count and whether the holiday calendar covered every day (outside
    the library's years, weekdays are counted instead).
    """
    import chinese_calendar

    count, covered = 0, True
    day = start
    while day <= end:
        try:
            count += chinese_calendar.is_workday(day)
        except NotImplementedError:
            covered = False
            count += day.weekday() < 5
        day += dt.timedelta(days=1)
    return count, covered


def check_notices(records: RecordSet, site: Site, today: dt.date) -> Iterator[RecordError]:
    messages = site.messages
    required = site.config.norms.publicity_working_days
    for notice in records.of_type("notice"):
        model = notice.model
        if model.end < model.start:
            yield _problem(notice, ("end",), messages, "rule_notice_order", start=model.start.isoformat(), end=model.end.isoformat())
            continue
        if model.kind != "membership":
            continue
        days, _ = working_days(model.start, model.end)
        if days < required:
            yield _problem(notice, ("end",), messages, "rule_notice_short", "warning", days=days, required=required)


def check_term(records: RecordSet, site: Site, today: dt.date) -> Iterator[RecordError]:
    branch = records.branch
    if branch is None or branch.term is None or branch.term.end >= today:
        return
    elected = any(
        (r.type == "notice" and r.model.kind == "election" and r.date >= branch.term.end - dt.timedelta(days=180))
        for r in records
    )
    if not elected and records.branch_source is not None:
        pos = records.branch_source.position(("term", "end"))
        rel = site.relative(site.content_dir / "branch.yml")
        yield RecordError(rel, pos.line, pos.column, "term.end", site.messages("rule_term_ended", end=branch.term.end.isoformat()), "warning")




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
                yield _problem(record, path, messages, f"pii_{kind}", severity)


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
    dates = record_dates(RecordSet(records=due), site.content_dir) if due else {}
    for record in due:
        approval = record.model.approval
        missing = [field for step in _APPROVAL_STEPS for field in step if approval is None or not getattr(approval, field) or not str(getattr(approval, field)).strip()]
        if missing:
            yield _problem(record, ("approval",), messages, "rule_approval_missing", fields=messages.join([names[f] for f in missing]))
            continue
        for (_, earlier), (_, later) in zip(_APPROVAL_STEPS, _APPROVAL_STEPS[1:]):
            if getattr(approval, later) < getattr(approval, earlier):
                yield _problem(
                    record, ("approval", later), messages, "rule_approval_order",
                    later=names[later], later_date=getattr(approval, later).isoformat(), earlier=names[earlier], earlier_date=getattr(approval, earlier).isoformat(),
                )
        known = dates[record.id]
        first = known.first_published if record.model.published is not None or known.from_git else today
        if approval.approved_on > first:
            yield _problem(record, ("approval", "approved_on"), messages, "rule_approval_after_publication", approved=approval.approved_on.isoformat(), published=first.isoformat())


def check_published_placeholders(records: RecordSet, site: Site, today: dt.date) -> Iterator[RecordError]:
    """An error for each placeholder (【请填写：…】) left in a published record: it would be disclosed as it is."""
    for record in records:
        if record.is_draft or record.visibility == "restricted":
            continue
        for path, what in placeholders_in(record.source.data):
            yield _problem(record, path, site.messages, "placeholder_published", what=what)


RULES: tuple[Rule, ...] = (
    check_funds, check_dues, check_dues_share, check_appraisals, check_votes, check_notices, check_term,
    check_personal_data, check_branch_placeholders, check_approval, check_published_placeholders,
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
