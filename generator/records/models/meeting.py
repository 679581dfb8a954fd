"""A meeting (三会一课, life meetings): attendance, agenda, minutes and rectification items."""

from __future__ import annotations

from typing import Optional

from pydantic import Field

from .common import Choice, ClockTime, RecordBase, RequiredText, Strict, Text, TextList
from .rectification import RectificationItem


class Absence(Strict):
    name: RequiredText
    reason: Optional[Text] = Field(None, description="Members' site only")


class Meeting(RecordBase):
    kind: Choice("meeting_kind")
    group: Optional[Text] = Field(None, description="Party group, for a group meeting")
    start_time: Optional[ClockTime] = None
    end_time: Optional[ClockTime] = None
    location: Optional[Text] = None
    chair: Optional[Text] = None
    recorder: Optional[Text] = None
    attendees: list[RequiredText] = TextList()
    absent: list[Absence] = TextList()
    guests: list[RequiredText] = TextList()
    agenda: list[RequiredText] = TextList()
    speaker: Optional[Text] = Field(None, description="Party lesson: who gave it")
    topic: Optional[Text] = Field(None, description="Party lesson: its subject")
    topics: list[RequiredText] = Field(default_factory=list, description="Life meetings: criticism and self-criticism topics")
    rectification: list[RectificationItem] = TextList()
