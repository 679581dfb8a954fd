"""Elections (换届选举): each election's results against the norms, and the branch's current term.

``election_result`` decides once whether an election was 差额 and which
candidates had more than ``norms.election_majority`` of the eligible voters'
votes; ``current_term`` decides once which term is the branch's (the latest
election's, else ``branch.yml term``) and whether its transition is due
(within ``norms.transition_warning_days`` of its end) or overdue.  The
check, the record page and both home pages read them.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Optional

from ..config import Norms
from ..records.index import Record, RecordSet

# The states of the current term, as the home page shows them.
TERM_STATES = ("current", "due", "overdue")


@dataclass(frozen=True)
class CandidateResult:
    name: str
    votes: Optional[int]
    elected: bool
    majority: Optional[bool]  # more than the norm's share of the eligible voters (None without votes or voters)


@dataclass(frozen=True)
class ElectionResult:
    """One election's figures: candidates needed for 差额 and each candidate's result."""

    candidates: tuple[CandidateResult, ...]
    required_candidates: Optional[int]  # the least for 差额 (committee elections only)
    majority_votes: Optional[int]  # the fewest votes that are more than the norm's share of the eligible voters

    @property
    def competitive(self) -> Optional[bool]:
        """Whether there are enough candidates for 差额 (None where the norm does not apply)."""
        if self.required_candidates is None:
            return None
        return len(self.candidates) >= self.required_candidates


def required_candidates(seats: int, margin: Fraction) -> int:
    """The fewest candidates for ``seats`` that are at least seats × (1 + margin)."""
    return math.ceil(seats * (1 + margin))


def majority_votes(eligible: int, share: Fraction) -> int:
    """The fewest votes that are more than ``share`` of ``eligible`` voters."""
    return math.floor(eligible * share) + 1


def election_result(election: Record, norms: Norms) -> ElectionResult:
    m = election.model
    needed = majority_votes(m.eligible_voters, norms.election_majority) if m.eligible_voters else None
    elected = set(m.elected)
    candidates = tuple(
        CandidateResult(c.name, c.votes, c.name in elected, None if c.votes is None or needed is None else c.votes >= needed)
        for c in m.candidates
    )
    required = required_candidates(m.seats, norms.election_margin) if m.kind == "committee" else None
    return ElectionResult(candidates, required, needed)


@dataclass(frozen=True)
class TermState:
    """The branch's current term and where its transition (换届) stands today."""

    start: dt.date
    end: dt.date
    state: str  # one of TERM_STATES
    days_left: int  # days from today to the end (negative once overdue)
    election: Optional[Record] = field(default=None, repr=False, compare=False)  # the election it comes from; None: branch.yml

    @property
    def election_id(self) -> Optional[str]:
        return self.election.id if self.election is not None else None


def latest_election(records: RecordSet, today: dt.date) -> Optional[Record]:
    """The newest published election held by ``today`` that records a term (same date: the later term start, then id)."""
    elections = [r for r in records.of_type("election") if r.model.term is not None and not r.is_draft and r.date <= today]
    return max(elections, key=lambda r: (r.date, r.model.term.start, r.id), default=None)


def current_term(records: RecordSet, today: dt.date, warning_days: int) -> Optional[TermState]:
    """The latest election's term, else branch.yml's; None when neither records one."""
    election = latest_election(records, today)
    if election is not None:
        start, end = election.model.term.start, election.model.term.end
    elif records.branch is not None and records.branch.term is not None:
        start, end = records.branch.term.start, records.branch.term.end
    else:
        return None
    left = (end - today).days
    state = "overdue" if left < 0 else ("due" if left <= warning_days else "current")
    return TermState(start, end, state, left, election)
