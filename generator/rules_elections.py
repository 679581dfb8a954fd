"""The checks of elections (换届选举) and of the branch's term.

An election's ballots add up (returned ≤ issued ≤ eligible voters, valid ≤
returned, a candidate's votes ≤ valid ballots), a committee election is 差额
(``norms.election_margin``), everyone elected is a candidate with more than
``norms.election_majority`` of the eligible voters' votes, and no more are
elected than there are seats.  The term (``figures.elections.current_term``:
the latest election's, else branch.yml's) is warned about from
``norms.transition_warning_days`` before its end and is an error once past
it.  Called from ``rules.RULES``.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterator

from .config import Site
from .errors import RecordError, record_problem
from .figures.elections import current_term, election_result
from .records.index import BRANCH_FILE, RecordSet


def check_elections(records: RecordSet, site: Site, today: dt.date) -> Iterator[RecordError]:
    messages = site.messages
    norms = site.config.norms
    for election in records.of_type("election"):
        m = election.model
        if m.plan_approval is not None and m.plan_approval.date > m.date:
            yield record_problem(election, ("plan_approval", "date"), messages, "rule_plan_approved_after", approved=m.plan_approval.date.isoformat(), date=m.date.isoformat())
        if m.term is not None and m.term.end < m.term.start:
            yield record_problem(election, ("term", "end"), messages, "rule_term_order", start=m.term.start.isoformat(), end=m.term.end.isoformat())
        ballots = m.ballots
        if ballots is not None:
            if m.eligible_voters is not None and ballots.issued > m.eligible_voters:
                yield record_problem(election, ("ballots", "issued"), messages, "rule_ballots_issued", issued=ballots.issued, eligible=m.eligible_voters)
            if ballots.returned > ballots.issued:
                yield record_problem(election, ("ballots", "returned"), messages, "rule_ballots_returned", returned=ballots.returned, issued=ballots.issued)
            if ballots.valid > ballots.returned:
                yield record_problem(election, ("ballots", "valid"), messages, "rule_ballots_valid", valid=ballots.valid, returned=ballots.returned)
            for i, candidate in enumerate(m.candidates):
                if candidate.votes is not None and candidate.votes > ballots.valid:
                    yield record_problem(election, ("candidates", i, "votes"), messages, "rule_votes_exceed_valid", name=candidate.name, votes=candidate.votes, valid=ballots.valid)
        result = election_result(election, norms)
        if result.competitive is False:
            yield record_problem(
                election, ("candidates",), messages, "rule_election_not_competitive",
                candidates=len(m.candidates), seats=m.seats, required=result.required_candidates, margin=str(norms.election_margin),
            )
        if len(m.elected) > m.seats:
            yield record_problem(election, ("elected",), messages, "rule_election_too_many", elected=len(m.elected), seats=m.seats)
        by_name = {c.name: c for c in result.candidates}
        for i, name in enumerate(m.elected):
            candidate = by_name.get(name)
            if candidate is None:
                yield record_problem(election, ("elected", i), messages, "rule_elected_not_candidate", name=name)
            elif candidate.majority is False:
                yield record_problem(
                    election, ("elected", i), messages, "rule_elected_without_majority",
                    name=name, votes=candidate.votes, eligible=m.eligible_voters, needed=result.majority_votes, share=str(norms.election_majority),
                )


def check_term_transition(records: RecordSet, site: Site, today: dt.date) -> Iterator[RecordError]:
    """A warning from ``transition_warning_days`` before the current term ends; an error once it has ended."""
    term = current_term(records, today, site.config.norms.transition_warning_days)
    if term is None or term.state == "current":
        return
    messages = site.messages
    due = term.state == "due"
    severity = "warning" if due else "error"
    values = {"end": term.end.isoformat(), "days": term.days_left if due else -term.days_left}
    if term.election is not None:
        yield record_problem(term.election, ("term", "end"), messages, "rule_term_due" if due else "rule_term_overdue", severity, **values)
    elif records.branch_source is not None:
        pos = records.branch_source.position(("term", "end"))
        text = messages("rule_term_due" if due else "rule_term_overdue", **values)
        yield RecordError(site.relative(site.content_dir / BRANCH_FILE), pos.line, pos.column, "term.end", text, severity)  # type: ignore[arg-type]

ELECTION_RULES = (check_elections, check_term_transition)
