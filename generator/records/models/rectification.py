"""Rectification items (整改事项): what a record found to be put right, followed up until done.

One item type for every record that carries items — a life meeting's
``rectification:`` today, an inspection's findings tomorrow: an item names
what is to be fixed, its owner, its due date, its status, the day it was done
(``done_on``) and a dated progress log.  A record model holds its items as a
field of type ``list[RectificationItem]``; ``item_fields`` finds those fields
in any model, so the rules (``rules.check_rectification``) and the figures
(``figures.rectification``) are written once for every record that has them.
"""

from __future__ import annotations

import typing
from functools import lru_cache
from typing import Any, Iterator, Optional

from pydantic import BaseModel

from .common import Choice, IsoDate, RequiredText, Strict, Text, TextList


class ProgressEntry(Strict):
    """One dated step of an item's progress log."""

    date: IsoDate
    text: RequiredText


class RectificationItem(Strict):
    item: RequiredText
    owner: Optional[Text] = None
    due: Optional[IsoDate] = None
    status: Choice("progress") = "not_started"
    done_on: Optional[IsoDate] = None
    progress: list[ProgressEntry] = TextList()


@lru_cache(maxsize=None)
def item_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a record model that hold rectification items, in the model's order."""
    return tuple(
        name
        for name, info in model.model_fields.items()
        if typing.get_origin(info.annotation) is list and typing.get_args(info.annotation) == (RectificationItem,)
    )


def items_of(model: Any) -> Iterator[tuple[str, int, RectificationItem]]:
    """Every (field, index, item) a record's model carries."""
    for name in item_fields(type(model)):
        for index, item in enumerate(getattr(model, name)):
            yield name, index, item
