"""The one clock: "today", and the timestamps written into a build.

``SOURCE_DATE_EPOCH`` (reproducible-builds.org) is read here and nowhere
else, once, when a command starts (``Clock.read``); the clock is then passed
down.  "Today" (what is open, upcoming or overdue) is ``--today``, else the
day of ``SOURCE_DATE_EPOCH``, else the system clock's.  The timestamps in
the output (the sitemap, the gzip header) are ``SOURCE_DATE_EPOCH`` when it
is set, else midnight UTC of the newest record's date: the same records give
the same bytes.  An engine that reads ``SOURCE_DATE_EPOCH`` from the
environment is run inside ``source_date_epoch``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterable, Iterator, Mapping, Optional

VARIABLE = "SOURCE_DATE_EPOCH"


def _parse_epoch(text: Optional[str]) -> Optional[int]:
    """Whole seconds since 1970, or None where the variable is unset or not a number."""
    text = (text or "").strip()
    return int(text) if text.isdigit() else None


@dataclass(frozen=True)
class Clock:
    """What a command takes as today, and ``SOURCE_DATE_EPOCH`` as it was when the command started."""

    today: dt.date
    epoch: Optional[int] = None

    @classmethod
    def read(cls, today: Optional[dt.date] = None, environ: Mapping[str, str] = os.environ) -> "Clock":
        """The clock of one command: ``today`` (``--today``) if given, else ``SOURCE_DATE_EPOCH``'s day, else the system's."""
        epoch = _parse_epoch(environ.get(VARIABLE))
        if today is None:
            today = dt.datetime.fromtimestamp(epoch, tz=dt.timezone.utc).date() if epoch is not None else dt.date.today()
        return cls(today, epoch)

    def build_epoch(self, dates: Iterable[dt.date]) -> int:
        """The timestamp of a build's output: ``SOURCE_DATE_EPOCH`` if set, else the newest of ``dates`` up to today."""
        if self.epoch is not None:
            return self.epoch
        newest = max((date for date in dates if date <= self.today), default=self.today)
        return calendar.timegm(newest.timetuple())


@contextmanager
def source_date_epoch(epoch: int) -> Iterator[None]:
    """Run an engine with ``SOURCE_DATE_EPOCH=epoch`` (MkDocs stamps its sitemap with it); put the old value back after."""
    previous = os.environ.get(VARIABLE)
    os.environ[VARIABLE] = str(epoch)
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(VARIABLE, None)
        else:
            os.environ[VARIABLE] = previous
