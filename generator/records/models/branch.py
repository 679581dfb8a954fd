"""content/branch.yml: the branch, its committee, party groups, roster, member counts and contacts.

The roster (``members``) lists every member with the day they joined the
branch, the day a probationary member became a full member and the day they
left (each taking effect the next day), so the roster of any day can be told: who was a member, and who of
them could vote (full members only).  ``member_counts`` says only how many
there were from a day on; it is the fallback of a branch without a roster,
and where both are given ``check`` holds them to agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional

from pydantic import Field

from .common import Choice, Count, IsoDate, RequiredText, Strict, Text, TextList


class CommitteeMember(Strict):
    name: RequiredText
    post: RequiredText


class PartyGroup(Strict):
    name: RequiredText
    leader: Optional[Text] = None
    members: list[RequiredText] = TextList()


class RosterMember(Strict):
    """One member on the roster (党员名册).

    A change takes effect the day after its date: the meeting that admits a
    member, or converts a probationary member, still counts them as they were
    when it began, and a member who leaves is counted on the day they leave.
    """

    name: RequiredText
    status: Choice("member_status") = Field(description="正式党员 (full) or 预备党员 (probationary): the member's status now, or when they left")
    joined: IsoDate = Field(description="The day they joined the branch (admitted as a probationary member, or transferred in); a member from the next day")
    full_member_on: Optional[IsoDate] = Field(None, description="A member admitted as probationary: the day they became a full member (转正); a full member from the next day")
    left: Optional[IsoDate] = Field(None, description="The day they left the branch (transferred out, died, …); a member until that day")

    def on_roster(self, day: dt.date) -> bool:
        return self.joined < day and (self.left is None or day <= self.left)

    def status_on(self, day: dt.date) -> Optional[str]:
        """``full`` or ``probationary`` on ``day``; None when not on the roster that day."""
        if not self.on_roster(day):
            return None
        if self.status == "probationary" or (self.full_member_on is not None and day <= self.full_member_on):
            return "probationary"
        return "full"


class MemberCount(Strict):
    since: IsoDate
    count: Count
    probationary: Optional[Count] = None


@dataclass(frozen=True)
class Headcount:
    """How many members the branch had on a day, and how many of them were probationary (None: not known)."""

    members: int
    probationary: Optional[int]

    @property
    def full(self) -> Optional[int]:
        return None if self.probationary is None else self.members - self.probationary


class Term(Strict):
    start: IsoDate
    end: IsoDate


class Contact(Strict):
    phone: Optional[Text] = None
    email: Optional[Text] = None
    address: Optional[Text] = None
    objections: Optional[Text] = Field(None, description="Where objections to notices go")


class Branch(Strict):
    name: RequiredText
    parent: Optional[Text] = None
    description: Optional[Text] = None
    committee: list[CommitteeMember] = TextList()
    groups: list[PartyGroup] = TextList()
    members: list[RosterMember] = Field(default_factory=list, description="The roster (党员名册): every member, with status and dates; members' site only")
    member_counts: list[MemberCount] = Field(default_factory=list, description="How many members from a day on, for a branch without a roster; must agree with the roster where both are given")
    term: Optional[Term] = None
    contact: Optional[Contact] = None

    # -- the roster of a day ---------------------------------------------

    @property
    def roster_begins(self) -> Optional[dt.date]:
        """The first day the roster speaks for (the day after the earliest joining); None without a roster."""
        earliest = min((m.joined for m in self.members), default=None)
        return earliest + dt.timedelta(days=1) if earliest is not None else None

    def roster_on(self, day: dt.date) -> Optional[list[RosterMember]]:
        """The members on ``day``; None where there is no roster or it begins later."""
        begins = self.roster_begins
        if begins is None or day < begins:
            return None
        return [m for m in self.members if m.on_roster(day)]

    def status_on(self, name: str, day: dt.date) -> Optional[str]:
        """A person's status on ``day`` by the roster (``full``, ``probationary``), None if not on it."""
        for member in self.members:
            if member.name == name:
                status = member.status_on(day)
                if status is not None:
                    return status
        return None

    def headcount_on(self, day: dt.date) -> Optional[Headcount]:
        """Members and probationary members on ``day``: from the roster, else from ``member_counts``."""
        roster = self.roster_on(day)
        if roster is not None:
            return Headcount(len(roster), sum(1 for m in roster if m.status_on(day) == "probationary"))
        counts = sorted((c for c in self.member_counts if c.since <= day), key=lambda c: c.since)
        return Headcount(counts[-1].count, counts[-1].probationary) if counts else None

    def counts_from_roster(self) -> list[MemberCount]:
        """The headcount of every day as counts alone: ``member_counts`` before the roster begins, then an entry on each day the roster's headcount changes.

        A branch with these counts and no roster has the same ``headcount_on`` every day.
        """
        begins = self.roster_begins
        if begins is None:
            return list(self.member_counts)
        counts = sorted((c for c in self.member_counts if c.since < begins), key=lambda c: c.since)
        # A change dated D shows in the headcount of D + 1.
        days = sorted({d + dt.timedelta(days=1) for m in self.members for d in (m.joined, m.full_member_on, m.left) if d is not None})
        for day in days:
            headcount = self.headcount_on(day)
            assert headcount is not None  # every day here is on or after the roster begins
            if counts and counts[-1].since >= begins and (counts[-1].count, counts[-1].probationary) == (headcount.members, headcount.probationary):
                continue
            counts.append(MemberCount(since=day, count=headcount.members, probationary=headcount.probationary))
        return counts
