"""A decision (重大事项): consultation of members, the vote, the result and its follow-up."""

from __future__ import annotations

from typing import Optional

from pydantic import ConfigDict, Field

from .common import Choice, Count, IsoDate, RecordBase, RecordId, RequiredText, Strict, Text, TextList


class Consultation(Strict):
    method: Optional[Text] = Field(None, description="How members' opinions were solicited")
    start: Optional[IsoDate] = None
    end: Optional[IsoDate] = None
    participants: Optional[Count] = Field(None, description="How many took part")
    opinions: Optional[Count] = Field(None, description="How many opinions were received")
    summary: Optional[Text] = None


class Vote(Strict):
    for_: Count = Field(alias="for")
    against: Count = 0
    abstain: Count = 0

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class FollowUp(Strict):
    date: IsoDate
    action: RequiredText
    status: Choice("progress") = "in_progress"


class Decision(RecordBase):
    meeting: Optional[RecordId] = Field(None, description="Id of the meeting that decided it")
    category: Optional[Text] = Field(None, description="e.g. 重大事项, 经费, 发展党员")
    background: Optional[Text] = None
    consultation: Optional[Consultation] = None
    vote: Optional[Vote] = None
    result: Choice("decision_result")
    follow_up: list[FollowUp] = TextList()
