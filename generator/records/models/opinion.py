"""An opinion or suggestion (意见建议): who raised it, through which channel, and how it was answered.

``date`` is the day the opinion was received.  The name of the person who
raised it is members-only (``audience`` removes it for the public site, which
shows only whether a party member or a member of the public raised it).  The
reply's due date is not written: it is counted from ``date`` in working days
(``norms.opinion_reply_working_days``, ``figures.opinions``).
"""

from __future__ import annotations

from typing import Optional

from pydantic import Field

from .common import Choice, IsoDate, RecordBase, RecordId, RequiredText, Strict, Text


class Raiser(Strict):
    """Who raised the opinion: a party member or a member of the public, and their name (members' site only)."""

    role: Choice("opinion_raiser") = Field(description="member 党员 | public 群众")
    name: Optional[Text] = Field(None, description="Their name: shown on the members' site only")


class Opinion(RecordBase):
    channel: Choice("opinion_channel")
    raised_by: Raiser
    subject: RequiredText = Field(description="What the opinion is about")
    content: Optional[Text] = Field(None, description="The opinion as received")
    handler: Optional[Text] = Field(None, description="Who handles it")
    handling: Choice("opinion_status") = Field("in_progress", description="in_progress 办理中 | resolved 已解决 | reported 已上报 | explained 已说明")
    reply: Optional[Text] = Field(None, description="The reply given")
    replied_on: Optional[IsoDate] = Field(None, description="The day of the reply")
    decision: Optional[RecordId] = Field(None, description="Id of the decision it led to")
