"""An inspection (督查检查): who inspected, what, what they found, and its rectification.

The inspecting body is the ``kind`` (the parent committee, a discipline
inspection group, an inspection tour); its findings may each be members-only
(``audience.narrow`` removes them from the public site), and what is to be
put right is a list of the same rectification items meetings carry
(``rectification.RectificationItem``), followed up until done.
"""

from __future__ import annotations

from typing import Optional

from pydantic import Field

from .common import Choice, IsoDate, RecordBase, RequiredText, Strict, Text, TextList
from .rectification import RectificationItem


class Finding(Strict):
    """One problem the inspectors found."""

    text: RequiredText
    category: Optional[Text] = Field(None, description="e.g. 组织生活, 党费, 台账")
    visibility: Optional[Choice("visibility")] = Field(None, description="members: shown on the members' site only; the record's visibility if left out")


class Inspection(RecordBase):
    kind: Choice("inspection_kind")
    inspector: RequiredText = Field(description="Who inspected, e.g. the parent committee's inspection group")
    end_date: Optional[IsoDate] = Field(None, description="The last day of the inspection, if it took more than one")
    scope: list[RequiredText] = Field(default_factory=list, description="What was inspected")
    method: Optional[Text] = Field(None, description="How: records reviewed, talks, on-site checks")
    conclusion: Optional[Text] = None
    findings: list[Finding] = TextList()
    rectification: list[RectificationItem] = TextList()
    feedback_on: Optional[IsoDate] = Field(None, description="The day the findings were fed back to the branch")
    report_due: Optional[IsoDate] = Field(None, description="The day the rectification report is due to the inspectors")
