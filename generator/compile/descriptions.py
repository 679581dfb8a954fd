"""Page descriptions: the sentence under a page's title in a search engine's results and in a link preview.

Every page gets one (``description`` in its front matter, which Material puts
in ``<meta name="description">``): a record's own summary; else the first
words of its body; else a sentence made from its data (type, kind, date,
place).  Listings, reports and the home page say what they hold, in the
site's language.  Only what the page itself shows goes into it, so a
description can never say more than its audience may read.
"""

from __future__ import annotations

import re
from typing import Optional

from .. import vocabulary
from ..i18n import Labels
from ..records.index import Record

# Search engines show about this many characters of a description.
LIMIT = 120


def plain_text(markdown_text: str, limit: int = LIMIT) -> str:
    """The first words of a Markdown text as plain text (marks, tags and extra spaces gone), cut at ``limit`` with "…"."""
    text = re.sub(r"[#>*_`|\-\[\]()!]+", " ", markdown_text)
    text = re.sub(r"<[^>]*>", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


def record_description(record: Record, t: Labels) -> str:
    """A record page's description: its summary, else its body's first words, else its type, kind, date (and place)."""
    model = record.model
    if model.summary:
        return plain_text(model.summary)
    if model.body and model.body.strip():
        return plain_text(model.body)
    what = t(f"section_{record.section}")
    kind = vocabulary.kind_label(record.type, record.kind, t.language)
    if kind:
        what = f"{what} · {kind}"
    place: Optional[str] = getattr(model, "location", None)
    if place:
        return t("description_record_at", what=what, date=t.date(record.date), place=place)
    return t("description_record", what=what, date=t.date(record.date))


def listing_description(title: str, count: int, t: Labels) -> str:
    """A listing's description: what it lists and how many."""
    return t("description_listing", title=title, count=count)
