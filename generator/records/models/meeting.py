"""A meeting (三会一课, life meetings): attendance, agenda, minutes and rectification items.

Attendance is four things: who was required (应到: the branch's members on
the day, the committee, the party group, or the record's own ``expected``),
who came (``attendees``, 实到), who was excused (``on_leave``, 请假, with the
reason) and who stayed away without leave (``absent``, 缺席).  Reasons are
shown on the members' site only.  ``period`` says which month, quarter or
year of the 三会一课 calendar the meeting counts for, when not the month of
its date (the year's 组织生活会 held the next January).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Optional

from pydantic import Field, PlainSerializer, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError
from typing_extensions import Annotated

from .common import Choice, ClockTime, Count, RecordBase, RequiredText, Strict, Text, TextList
from .rectification import RectificationItem

# The units of a period, finest first.
PERIOD_UNITS = ("month", "quarter", "year")
_PERIOD_RE = re.compile(r"^(\d{4})(?:-(?:Q([1-4])|(0[1-9]|1[0-2])))?$")


@dataclass(frozen=True, order=True)
class Period:
    """A month (2025-12), a quarter (2025-Q4) or a year (2025)."""

    year: int
    unit: str  # month, quarter or year
    index: int  # 1-12, 1-4 or 1

    @classmethod
    def of_day(cls, day: dt.date, unit: str = "month") -> "Period":
        """The period of ``unit`` that holds ``day``."""
        if unit == "year":
            return cls(day.year, "year", 1)
        if unit == "quarter":
            return cls(day.year, "quarter", (day.month - 1) // 3 + 1)
        return cls(day.year, "month", day.month)

    @property
    def start(self) -> dt.date:
        if self.unit == "year":
            return dt.date(self.year, 1, 1)
        if self.unit == "quarter":
            return dt.date(self.year, 3 * self.index - 2, 1)
        return dt.date(self.year, self.index, 1)

    @property
    def end(self) -> dt.date:
        return self.following(1).start - dt.timedelta(days=1)

    def following(self, steps: int) -> "Period":
        """The period ``steps`` periods of the same unit later (earlier when negative)."""
        if self.unit == "year":
            return Period(self.year + steps, "year", 1)
        per_year = 4 if self.unit == "quarter" else 12
        position = self.year * per_year + self.index - 1 + steps
        return Period(position // per_year, self.unit, position % per_year + 1)

    def steps_to(self, later: "Period") -> int:
        """How many periods of this unit from this one to ``later`` (same unit)."""
        per_year = {"year": 1, "quarter": 4, "month": 12}[self.unit]
        return (later.year * per_year + later.index) - (self.year * per_year + self.index)

    def within(self, unit: str) -> Optional["Period"]:
        """The period of ``unit`` that holds this one; None when ``unit`` is finer than this period's."""
        if PERIOD_UNITS.index(unit) < PERIOD_UNITS.index(self.unit):
            return None
        return Period.of_day(self.start, unit)

    def __str__(self) -> str:
        if self.unit == "year":
            return str(self.year)
        if self.unit == "quarter":
            return f"{self.year}-Q{self.index}"
        return f"{self.year}-{self.index:02d}"


def _parse_period(value: Any) -> Period:
    if isinstance(value, Period):
        return value
    match = _PERIOD_RE.match(value) if isinstance(value, str) else None
    if match is None:
        raise PydanticCustomError("bad_period", "bad_period", {"value": value if isinstance(value, str) else str(value)})
    year, quarter, month = match.groups()
    if quarter:
        return Period(int(year), "quarter", int(quarter))
    if month:
        return Period(int(year), "month", int(month))
    return Period(int(year), "year", 1)


PeriodField = Annotated[
    Period,
    PlainValidator(_parse_period),
    PlainSerializer(str, return_type=str),
    # A year written bare (period: 2025) is a number to an editor's YAML parser.
    WithJsonSchema({"type": ["string", "integer"], "pattern": r"^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$", "minimum": 1900, "description": "a year (2025), a quarter (2025-Q4) or a month (2025-12)"}),
]


class Absence(Strict):
    name: RequiredText
    reason: Optional[Text] = Field(None, description="Members' site only")


class Meeting(RecordBase):
    kind: Choice("meeting_kind")
    group: Optional[Text] = Field(None, description="Party group, for a group meeting")
    period: Optional[PeriodField] = Field(None, description="The period of the 三会一课 calendar this meeting counts for: 2025, 2025-Q4 or 2025-12; the month of its date when left out")
    start_time: Optional[ClockTime] = None
    end_time: Optional[ClockTime] = None
    location: Optional[Text] = None
    chair: Optional[Text] = None
    recorder: Optional[Text] = None
    expected: Optional[Count] = Field(None, description="应到: how many were required to attend, where not the branch's members (or the committee, or the party group)")
    attendees: list[RequiredText] = Field(default_factory=list, description="实到: who attended")
    on_leave: list[Absence] = Field(default_factory=list, description="请假: who was excused, with the reason (members' site only)")
    absent: list[Absence] = Field(default_factory=list, description="缺席: who stayed away without leave")
    guests: list[RequiredText] = TextList()
    agenda: list[RequiredText] = TextList()
    speaker: Optional[Text] = Field(None, description="Party lesson: who gave it")
    topic: Optional[Text] = Field(None, description="Party lesson: its subject")
    topics: list[RequiredText] = Field(default_factory=list, description="Life meetings: criticism and self-criticism topics")
    rectification: list[RectificationItem] = TextList()

    @property
    def counts_for(self) -> Period:
        """The period the meeting fulfils: its ``period``, else the month of its date."""
        return self.period if self.period is not None else Period.of_day(self.date)
