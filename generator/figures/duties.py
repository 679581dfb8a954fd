"""The responsibility system and supervision: who has this year's duties, and where each inspection's follow-up stands.

``committee_coverage`` is the one answer to "which committee member of
branch.yml has a responsibility list for a year, signed it and reported on
it" — the rule that warns about a missing list (``rules_duties``) and the
responsibilities section's figures both read it.  ``inspection_state`` is the
one decision of an inspection's rectification state from its items' states
(``rectification.item_state``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from ..records.index import Record, RecordSet
from ..records.models import Branch
from ..records.models.responsibility import Assignment
from .rectification import ITEM_STATES, TrackedItem

# The states of an inspection, in the order its section lists them.
INSPECTION_STATES = ("overdue", "open", "closed", "no_items")


@dataclass(frozen=True)
class MemberDuties:
    """One committee member of branch.yml and their responsibility list for the year, if any."""

    index: int  # their place in branch.yml's committee
    name: str
    post: str
    record: Optional[Record] = field(default=None, repr=False, compare=False)
    assignment: Optional[Assignment] = None

    @property
    def listed(self) -> bool:
        return self.assignment is not None

    @property
    def signed(self) -> bool:
        return self.assignment is not None and self.assignment.signed_on is not None

    @property
    def reported(self) -> bool:
        return self.assignment is not None and self.assignment.reported_on is not None


@dataclass(frozen=True)
class Coverage:
    """A year's responsibility lists against the committee of branch.yml."""

    year: int
    members: tuple[MemberDuties, ...] = ()

    @property
    def listed(self) -> int:
        return sum(m.listed for m in self.members)

    @property
    def signed(self) -> int:
        return sum(m.signed for m in self.members)

    @property
    def reported(self) -> int:
        return sum(m.reported for m in self.members)

    @property
    def missing(self) -> tuple[MemberDuties, ...]:
        return tuple(m for m in self.members if not m.listed)


def assignments_of_year(records: RecordSet, year: int) -> list[tuple[Record, int, Assignment]]:
    """Every (record, index, assignment) of the published responsibility lists for ``year``, oldest list first."""
    lists = sorted((r for r in records.of_type("responsibility") if r.model.year == year and not r.is_draft), key=lambda r: (r.date, r.id))
    return [(record, i, a) for record in lists for i, a in enumerate(record.model.assignments)]


def committee_coverage(records: RecordSet, branch: Optional[Branch], year: int) -> Coverage:
    """Each committee member of ``branch`` with the first assignment of ``year`` that names them."""
    if branch is None:
        return Coverage(year)
    first: dict[str, tuple[Record, Assignment]] = {}
    for record, _, assignment in assignments_of_year(records, year):
        first.setdefault(assignment.name, (record, assignment))
    members = []
    for index, member in enumerate(branch.committee):
        record, assignment = first.get(member.name, (None, None))
        members.append(MemberDuties(index, member.name, member.post, record, assignment))
    return Coverage(year, tuple(members))


def inspection_state(items: tuple[TrackedItem, ...]) -> str:
    """``overdue`` if any item is, ``open`` while any is not done, ``closed`` when all are, ``no_items`` without any."""
    if not items:
        return "no_items"
    states = {t.state for t in items}
    if "overdue" in states:
        return "overdue"
    return "closed" if states == {"done"} else "open"


@dataclass
class DutiesFigures:
    """What the responsibilities and inspections sections and the home page show, for one audience."""

    coverage: Coverage
    inspections_by_state: dict[str, list[Record]] = field(default_factory=dict)  # state -> inspections, newest first
    inspection_items: dict[str, int] = field(default_factory=dict)  # item state -> count, over every inspection
    state_of: dict[str, str] = field(default_factory=dict)  # inspection id -> its state


def duties_figures(view: RecordSet, today: dt.date, record_items: dict[str, tuple[TrackedItem, ...]]) -> DutiesFigures:
    """This year's coverage, and each inspection's state from its items' states in ``record_items`` (by record id)."""
    by_state: dict[str, list[Record]] = {}
    state_of: dict[str, str] = {}
    counts: Counter[str] = Counter()
    for inspection in view.of_type("inspection"):
        items = record_items[inspection.id]
        state_of[inspection.id] = inspection_state(items)
        by_state.setdefault(state_of[inspection.id], []).append(inspection)
        counts.update(t.state for t in items)
    return DutiesFigures(
        coverage=committee_coverage(view, view.branch, today.year),
        inspections_by_state={state: by_state[state] for state in INSPECTION_STATES if state in by_state},
        inspection_items={state: counts[state] for state in ITEM_STATES if counts[state]},
        state_of=state_of,
    )
