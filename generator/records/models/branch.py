"""content/branch.yml: the branch, its committee, party groups, member counts and contacts."""

from __future__ import annotations

from typing import Optional

from pydantic import Field

from .common import Count, IsoDate, RequiredText, Strict, Text, TextList


class CommitteeMember(Strict):
    name: RequiredText
    post: RequiredText


class PartyGroup(Strict):
    name: RequiredText
    leader: Optional[Text] = None
    members: list[RequiredText] = TextList()


class MemberCount(Strict):
    since: IsoDate
    count: Count
    probationary: Optional[Count] = None


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
    member_counts: list[MemberCount] = TextList()
    term: Optional[Term] = None
    contact: Optional[Contact] = None
