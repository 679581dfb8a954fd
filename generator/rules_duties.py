"""The responsibility system's and the inspections' rules (责任清单, 督查检查).

Called from ``rules.RULES``: a committee member of branch.yml without a
responsibility list for the current year (once ``norms.responsibility_grace_days``
of the year have passed, in a site that keeps responsibility lists at all), a name listed twice in one year's lists, a letter
signed or a report given after today or before the list, a report meeting
without the day of the report, an inspection that ends before it starts, and an
inspection's rectification item that is overdue.  The items' other checks
(``done_on``, the progress log) are ``rules.check_rectification``'s, for every
record that carries items.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterator

from . import vocabulary
from .config import Site
from .errors import RecordError, dated_within, record_problem
from .figures.duties import assignments_of_year, committee_coverage
from .figures.rectification import record_items
from .records.index import BRANCH_FILE, RecordSet
from .records.placeholders import placeholders_in


def check_responsibilities(records: RecordSet, site: Site, today: dt.date) -> Iterator[RecordError]:
    messages = site.messages
    for record in records.of_type("responsibility"):
        kind = messages.type_name(record.type)
        for i, assignment in enumerate(record.model.assignments):
            for name in ("signed_on", "reported_on"):
                day = getattr(assignment, name)
                if day is not None:
                    yield from dated_within(record, ("assignments", i, name), day, today, messages, kind, record.date.isoformat())
            if assignment.report and assignment.reported_on is None:
                yield record_problem(record, ("assignments", i, "report"), messages, "rule_report_without_date", id=assignment.report)
    for year in sorted({r.model.year for r in records.of_type("responsibility")}):
        first: dict[str, str] = {}
        for record, i, assignment in assignments_of_year(records, year):
            if assignment.name in first:
                yield record_problem(record, ("assignments", i, "name"), messages, "rule_responsibility_name_twice", "warning", name=assignment.name, year=year, other=first[assignment.name])
            else:
                first[assignment.name] = record.rel
    yield from _missing_lists(records, site, today)


def _missing_lists(records: RecordSet, site: Site, today: dt.date) -> Iterator[RecordError]:
    """A warning at each committee member of branch.yml whom no list of this year names, once the grace days have passed."""
    source = records.branch_source
    if source is None or (today - dt.date(today.year, 1, 1)).days < site.config.norms.responsibility_grace_days:
        return
    # Only a branch that keeps its responsibility lists here (any list, a draft too) is held to
    # them: a site that has never recorded one is not told about every member at once.
    if not records.of_type("responsibility"):
        return
    # A list with errors of its own may name them: its errors are reported, not a false "no list".
    if records.failed_of_type("responsibility"):
        return
    rel = site.relative(site.content_dir / BRANCH_FILE)
    for member in committee_coverage(records, records.branch, today.year).missing:
        if any(placeholders_in(member.name)):
            continue  # a name still to be filled in is warned about as such (rules.check_branch_placeholders)
        pos = source.position(("committee", member.index, "name"))
        message = site.messages("rule_responsibility_missing", name=member.name, post=member.post, year=today.year)
        yield RecordError(rel, pos.line, pos.column, f"committee[{member.index}].name", message, "warning")


def check_inspections(records: RecordSet, site: Site, today: dt.date) -> Iterator[RecordError]:
    messages = site.messages
    for inspection in records.of_type("inspection"):
        model = inspection.model
        if model.end_date is not None and model.end_date < model.date:
            yield record_problem(inspection, ("end_date",), messages, "rule_inspection_end_order", start=model.date.isoformat(), end=model.end_date.isoformat())
        if inspection.is_draft:
            continue
        for tracked in record_items(inspection, today):
            if tracked.overdue:
                status = vocabulary.written_word("progress", tracked.item.status, messages.language)
                yield record_problem(inspection, (tracked.field_name, tracked.index, "due"), messages, "rule_inspection_item_overdue", "warning", due=tracked.item.due.isoformat(), status=status)


DUTIES_RULES = (check_responsibilities, check_inspections)
