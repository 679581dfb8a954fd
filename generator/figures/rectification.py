"""Rectification items as the pages show them: each item's state today, decided in one place.

``item_state`` is the one decision of what an item's state is — 已完成, 已逾期
(not done and its due date has passed), 进行中 or 未开始 — so the record's own
page, the regularity page and any later list of items never disagree.
Items come from every record that carries them (``records.models.rectification``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..records.index import Record, RecordSet
from ..records.models.rectification import RectificationItem, items_of

# The states an item can be in, in the order a list of items shows them.
ITEM_STATES = ("overdue", "in_progress", "not_started", "done")


def item_state(item: RectificationItem, today: dt.date) -> str:
    """``done``, ``overdue`` (not done, due before today), else the recorded ``in_progress`` or ``not_started``."""
    if item.status == "done":
        return "done"
    if item.due is not None and item.due < today:
        return "overdue"
    return item.status


@dataclass(frozen=True)
class TrackedItem:
    """One item of one record, with its state today."""

    record: Record = field(repr=False, compare=False)  # left out of repr: a record page's cache key holds its figures' repr
    field_name: str  # the record's field that holds it (``rectification``)
    index: int
    item: RectificationItem
    state: str  # one of ITEM_STATES

    @property
    def overdue(self) -> bool:
        return self.state == "overdue"


def record_items(record: Record, today: dt.date) -> tuple[TrackedItem, ...]:
    """A record's items in the order it lists them."""
    return tuple(TrackedItem(record, name, index, item, item_state(item, today)) for name, index, item in items_of(record.model))


def rectification_items(view: RecordSet, today: dt.date) -> list[TrackedItem]:
    """Every item of every record one audience sees: overdue first, then by due date (none last), record and place."""
    items = [tracked for record in view.records for tracked in record_items(record, today)]
    items.sort(key=lambda t: (ITEM_STATES.index(t.state) != 0, t.item.due or dt.date.max, t.record.id, t.field_name, t.index))
    return items
