"""An appraisal: of members (grades), of the branch (rating), or by indicators."""

from __future__ import annotations

from typing import Optional

from pydantic import Field

from .common import Choice, Count, IsoDate, Number, RecordBase, RequiredText, Strict, Text, TextList


class Step(Strict):
    name: RequiredText
    date: IsoDate


class Indicator(Strict):
    name: RequiredText
    target: Number
    actual: Optional[Number] = None
    unit: Optional[Text] = None


class Appraisal(RecordBase):
    kind: Choice("appraisal_kind")
    period: RequiredText
    members: Optional[Count] = Field(None, description="Members appraised in the period; the branch's members on the appraisal's date when left out")
    probationary: Optional[Count] = Field(None, description="Of them, probationary members (appraised, not graded); from the roster on the appraisal's date when left out")
    steps: list[Step] = TextList()
    results: dict[Choice("grade"), Count] = Field(default_factory=dict, description="Grade -> count")
    excellent_members: list[RequiredText] = Field(default_factory=list, description="The members graded 优秀, by name: as many as results gives for 优秀")
    rating: Optional[Text] = Field(None, description="Branch rating, e.g. 五星")
    indicators: list[Indicator] = TextList()
    measures: list[RequiredText] = Field(default_factory=list, description="Rectification measures")
