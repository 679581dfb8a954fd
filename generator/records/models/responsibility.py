"""A responsibility list (责任清单): one year's duties of each committee member, 一岗双责.

Each committee member holds a post in the branch committee and a post at
work; "one post, two responsibilities" means the party-building duties they
carry beside their work.  The list records both, the day each member signed
the letter of responsibility (责任书), and the day they gave their year-end
report (述职), with the meeting it was given at, once it has been given.  ``rules_duties`` warns
about a committee member of ``branch.yml`` without a list for the current year.
"""

from __future__ import annotations

from typing import Optional

from pydantic import Field

from .common import Count, IsoDate, RecordBase, RecordId, RequiredText, Strict, Text, TextList


class Assignment(Strict):
    """One committee member's duties for the year."""

    name: RequiredText
    post: RequiredText = Field(description="Post in the branch committee, as in branch.yml")
    work_post: Optional[Text] = Field(None, description="Post at work, beside which the party duties are carried")
    duties: list[RequiredText] = Field(default_factory=list, description="Party-building duties (党建责任)")
    work_duties: list[RequiredText] = Field(default_factory=list, description="Duties of the work post that carry party-building with them")
    signed_on: Optional[IsoDate] = Field(None, description="The day the letter of responsibility (责任书) was signed")
    reported_on: Optional[IsoDate] = Field(None, description="The day the year-end report (述职) was given")
    report: Optional[RecordId] = Field(None, description="Id of the meeting at which the year-end report was given")
    report_summary: Optional[Text] = Field(None, description="What the report said, in a sentence or two")


class Responsibility(RecordBase):
    year: Count = Field(description="The year the duties are for")
    issued_by: Optional[Text] = Field(None, description="Who issued the list, e.g. the branch committee")
    assignments: list[Assignment] = TextList()
