"""An election (换届选举): the body elected, the approved plan, the ballots, each candidate's votes and the term.

A branch committee election is 差额 (more candidates than seats, by
``norms.election_margin``); a candidate is elected with more than
``norms.election_majority`` of the eligible voters' votes (``rules_elections``).
The latest election's term is the branch's current term
(``figures.elections``); ``branch.yml term`` is the fallback.
"""

from __future__ import annotations

from typing import Optional

from pydantic import Field

from .common import Choice, Count, IsoDate, RecordBase, RecordId, RequiredText, Strict, Text, TextList


class PlanApproval(Strict):
    """The parent committee's reply (批复) approving the election plan."""

    date: IsoDate
    number: Optional[Text] = Field(None, description="The reply's document number (文号)")
    by: Optional[Text] = Field(None, description="Who approved: the parent committee")


class Ballots(Strict):
    issued: Count
    returned: Count
    valid: Count


class Candidate(Strict):
    name: RequiredText
    votes: Optional[Count] = None


class ElectedTerm(Strict):
    start: IsoDate
    end: IsoDate


class Election(RecordBase):
    kind: Choice("election_body")
    meeting: Optional[RecordId] = Field(None, description="Id of the meeting that held the election")
    plan_approval: Optional[PlanApproval] = None
    seats: Count
    eligible_voters: Optional[Count] = Field(None, description="Members entitled to vote (有选举权的党员)")
    ballots: Optional[Ballots] = None
    candidates: list[Candidate] = TextList()
    elected: list[RequiredText] = Field(default_factory=list, description="The names of those elected, as among the candidates")
    term: Optional[ElectedTerm] = None
