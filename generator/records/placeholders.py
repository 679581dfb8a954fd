"""Placeholders: the one way a template marks a value a person still has to fill in.

A placeholder is the text ``【请填写：what】`` (Chinese sites) or
``【fill in: what】`` (English sites): full-width brackets, the marker word,
a colon (either width) and what belongs there.  ``openbranch init`` writes
them into ``content/branch.yml`` and the example records; ``placeholders_in``
finds every one left in any loaded record's values, with the field path of
the value that holds it, so a check can point at its line and column.

The marker is looked for in both languages whatever the site's language: a
Chinese placeholder left in an English site is still unfilled.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from .loader import FieldPath

# The marker word of each language; the brackets and the colon are shared.
MARKERS = {"zh": "请填写", "en": "fill in"}

_PLACEHOLDER_RE = re.compile(
    "【(?:" + "|".join(re.escape(word) for word in MARKERS.values()) + r")\s*[:：]\s*(?P<what>[^】]*?)\s*】",
    re.IGNORECASE,
)


def placeholder(what: str, language: str) -> str:
    """The placeholder asking for ``what`` in ``language`` (``zh`` or ``en``)."""
    colon = "：" if language == "zh" else ": "
    return f"【{MARKERS[language]}{colon}{what}】"


def strings_in(value: Any, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    """Every string in ``value`` (a loaded record's data) with its field path, in document order."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings_in(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from strings_in(item, path + (i,))


def placeholders_in(value: Any, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    """Every placeholder in ``value`` (a loaded record's data): (field path, what it asks for).

    Walks mappings, lists and strings in document order; a string holding two
    placeholders yields two entries with the same path.
    """
    for where, text in strings_in(value, path):
        for match in _PLACEHOLDER_RE.finditer(text):
            yield where, match.group("what")
