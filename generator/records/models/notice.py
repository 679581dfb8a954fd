"""A publicity notice (公示): its period, its subjects and where objections go."""

from __future__ import annotations

from typing import Optional

from pydantic import Field

from .common import Choice, IsoDate, RecordBase, RequiredText, Strict, Text, TextList


class Subject(Strict):
    name: RequiredText
    detail: Optional[Text] = None


class Notice(RecordBase):
    kind: Choice("notice_kind")
    stage: Optional[Text] = Field(None, description="e.g. 拟接收预备党员")
    start: IsoDate
    end: IsoDate
    contact: Optional[Text] = Field(None, description="Where objections go")
    subjects: list[Subject] = TextList()
