"""The rules a higher-level committee checks, applied to all loaded records.

Each rule reads the records and the norms of ``site_config.yml`` and reports
errors or warnings at the line of the field that breaks it.  Money is summed
as ``Decimal`` and compared exactly.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from fractions import Fraction
from typing import Callable, Iterator, Optional

from . import vocabulary
from .config import Site
from .errors import RecordError
from .figures.catalogue import Disclosure, catalogue_entries, first_published
from .figures.ledgers import funds_ledgers, members_on
from .history import record_dates
from .figures.records import funds_totals
from .i18n import Labels, Messages
from .records.index import BRANCH_FILE, Record, RecordSet
from .records.models import Branch
from .records.models.common import money_text
from .records.models.rectification import items_of
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


# ---------------------------------------------------------------------------
# Finance
# ---------------------------------------------------------------------------


def check_funds(records: RecordSet, site: Site, today: dt.date) -> Iterator[RecordError]:
    messages = site.messages
    previous: Optional[Record] = None
    # A funds ledger with errors of its own leaves a gap in the chain: no false "opening ≠ previous closing" across it.
    chain_complete = not records.failed_of_type("finance", "funds")
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
        if chain_complete and previous is not None and previous.model.closing_balance != model.opening_balance:
            yield _problem(
                ledger, ("opening_balance",), messages, "rule_opening_balance",
                opening=money_text(model.opening_balance, "plain"), previous=previous.model.period, closing=money_text(previous.model.closing_balance, "plain"),
            )
        previous = ledger
        for i, expense in enumerate(model.expenses):
            decision = records.get(expense.decision)
            if decision is not None and decision.type == "decision" and decision.model.result != "adopted":
                yield _problem(ledger, ("expenses", i, "decision"), messages, "rule_decision_not_adopted", id=decision.id, result=vocabulary.written_word("decision_result", decision.model.result, messages.language))


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


def check_notices(records: RecordSet, site: Site, today: dt.date) -> Iterator[RecordError]:
    """A membership notice's period against the norm, in working days; a period in a year without holiday data is warned about."""
    messages = site.messages
    required = site.config.norms.publicity_working_days
    for notice in records.of_type("notice"):
        model = notice.model
        if model.end < model.start:
            yield _problem(notice, ("end",), messages, "rule_notice_order", start=model.start.isoformat(), end=model.end.isoformat())
            continue
        length = site.workdays.count(model.start, model.end)
        for year in length.estimated_years:
            at = "start" if model.start.year == year else "end"
            yield _problem(notice, (at,), messages, "rule_holidays_unknown", "warning", year=year, days=length.days)
        if model.kind != "membership" or length.days >= required:
            continue
        if length.exact:
            yield _problem(notice, ("end",), messages, "rule_notice_short", days=length.days, required=required)
        else:
            # Counted Monday to Friday: likely short, but not a fact to fail on.
            yield _problem(notice, ("end",), messages, "rule_notice_short_estimated", "warning", days=length.days, required=required)


def check_term(records: RecordSet, site: Site, today: dt.date) -> Iterator[RecordError]:
    branch = records.branch
    if branch is None or branch.term is None or branch.term.end >= today:
        return
    elected = any(
        (r.type == "notice" and r.model.kind == "election" and r.date >= branch.term.end - dt.timedelta(days=180))
        for r in records
    )
    # An election notice with errors of its own may be the election: its errors are reported, not a false "no election".
    if not elected and records.branch_source is not None and not records.failed_of_type("notice", "election"):
        pos = records.branch_source.position(("term", "end"))
        rel = site.relative(site.content_dir / "branch.yml")
        yield RecordError(rel, pos.line, pos.column, "term.end", site.messages("rule_term_ended", end=branch.term.end.isoformat()), "warning")




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
                yield _problem(record, at + ("status",), messages, "rule_item_done_without_date")
            elif item.done_on is not None and item.status != "done":
                yield _problem(record, at + ("done_on",), messages, "rule_item_done_on_not_done", date=item.done_on.isoformat(), status=vocabulary.written_word("progress", item.status, messages.language))
            elif item.done_on is not None:
                yield from _dated_within(record, at + ("done_on",), item.done_on, today, messages, kind, start)
            previous: Optional[dt.date] = None
            for step, entry in enumerate(item.progress):
                path = at + ("progress", step, "date")
                out_of_bounds = list(_dated_within(record, path, entry.date, today, messages, kind, start))
                yield from out_of_bounds
                if not out_of_bounds and previous is not None and entry.date < previous:
                    yield _problem(record, path, messages, "rule_progress_order", date=entry.date.isoformat(), previous=previous.isoformat())
                previous = entry.date


def _dated_within(record: Record, path: tuple, day: dt.date, today: dt.date, messages: Messages, kind: str, start: str) -> Iterator[RecordError]:
    if day < record.date:
        yield _problem(record, path, messages, "rule_dated_before_record", date=day.isoformat(), kind=kind, start=start)
    elif day > today:
        yield _problem(record, path, messages, "rule_dated_after_today", date=day.isoformat(), today=today.isoformat())


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
    dates = record_dates(records, site.content_dir)
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
                yield _problem(
                    record, ("published",) if written else ("date",), messages, "rule_catalogue_late", "warning",
                    event=_event_words(disclosure, t, messages), allowed=item.within_working_days, published=disclosure.published.isoformat(),
                    days=disclosure.working_days.days, source=source, **values,
                )
            elif disclosure.state == "missing" and disclosure.record is not None and disclosure.record.is_draft:
                yield _problem(disclosure.record, ("status",), messages, "rule_catalogue_draft", "warning", **values)
            elif disclosure.state == "missing" and disclosure.record is not None:
                # Published, but on a day still ahead: the date to verify is its published: line.
                record = disclosure.record
                at = ("published",) if record.model.published is not None else ("date",)
                yield _problem(record, at, messages, "rule_catalogue_not_yet", "warning", published=first_published(record, dates).isoformat(), **values)
            elif disclosure.state == "missing" and not incomplete:
                line, column = site.catalogue_positions[entry.index] if site.catalogue_positions else (0, 0)
                period = t.period(disclosure.period.per, disclosure.period.year, disclosure.period.index) if disclosure.period else disclosure.event.isoformat()
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
    return messages("catalogue_period_end", period=t.period(period.per, period.year, period.index), date=period.last.isoformat())


RULES: tuple[Rule, ...] = (check_funds, check_appraisals, check_votes, check_notices, check_term, check_rectification, check_catalogue, check_personal_data, check_branch_placeholders)


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
