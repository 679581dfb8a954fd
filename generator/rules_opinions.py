"""The checks of opinions (意见建议): a reply's dates, a closed opinion's reply, and replies overdue or late.

The due date and timeliness come from ``figures.opinions.opinion_state``
(working days on the site's calendar), the same the pages show.  Called
from ``rules.RULES``.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterator

from . import vocabulary
from .config import Site
from .errors import RecordError, record_problem
from .figures.opinions import opinion_state
from .records.index import RecordSet


def check_opinions(records: RecordSet, site: Site, today: dt.date) -> Iterator[RecordError]:
    """A reply dated before receipt or after today, a closed opinion without a reply date, a reply overdue or late (warnings)."""
    messages = site.messages
    reply_days = site.config.norms.opinion_reply_working_days
    for opinion in records.of_type("opinion"):
        model = opinion.model
        replied_on = model.replied_on
        if replied_on is not None and replied_on < model.date:
            yield record_problem(opinion, ("replied_on",), messages, "rule_opinion_reply_before_received", date=replied_on.isoformat(), received=model.date.isoformat())
            continue
        if replied_on is not None and replied_on > today:
            yield record_problem(opinion, ("replied_on",), messages, "rule_dated_after_today", date=replied_on.isoformat(), today=today.isoformat())
            continue
        if model.handling != "in_progress" and replied_on is None:
            yield record_problem(opinion, ("handling",), messages, "rule_opinion_closed_without_reply", status=vocabulary.written_word("opinion_status", model.handling, messages.language))
            continue
        state = opinion_state(opinion, today, site.workdays, reply_days)
        # Counted Monday to Friday for want of holiday data: said so, and still only a warning.
        if state.overdue:
            yield record_problem(
                opinion, ("date",), messages, "rule_opinion_overdue" if state.exact else "rule_opinion_overdue_estimated", "warning",
                due=state.due.isoformat(), days=reply_days,
            )
        elif state.on_time is False:
            yield record_problem(
                opinion, ("replied_on",), messages, "rule_opinion_replied_late" if state.exact else "rule_opinion_replied_late_estimated", "warning",
                date=replied_on.isoformat(), due=state.due.isoformat(), days=reply_days,
            )
