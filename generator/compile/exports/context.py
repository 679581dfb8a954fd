"""What every open-data file of one audience shares: its records, its address, its language."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any, Optional

from ...cache import Cache
from ...config import Site
from ...figures import Figures
from ...i18n import Labels
from ...records.index import Record, RecordSet
from ..urls import absolute_url, site_base


def json_bytes(value: Any) -> bytes:
    """Deterministic JSON: sorted keys, UTF-8, trailing newline."""
    return (json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1, default=str) + "\n").encode("utf-8")


def record_updated(record: Record, today: Optional[dt.date] = None) -> dt.date:
    """The record's date, or its latest correction's (corrections after ``today`` not counted)."""
    dates = [c.date for c in record.model.corrections if today is None or c.date <= today]
    return max([record.date, *dates])


@dataclass
class ExportContext:
    site: Site
    view: RecordSet
    figures: Figures
    today: dt.date
    cache: Cache
    t: Labels
    base: Optional[str]  # the audience's address ending in "/", or None
    site_name: str
    author: str
    records: list[Record]  # newest first, id as the tiebreak

    @classmethod
    def of(cls, site: Site, view: RecordSet, figures: Figures, today: dt.date, cache: Cache) -> "ExportContext":
        settings = getattr(site.config.audiences, view.audience)
        branch_name = view.branch.name if view.branch else None
        site_name = settings.title or site.config.site_name or branch_name or "OpenBranch"
        return cls(
            site=site,
            view=view,
            figures=figures,
            today=today,
            cache=cache,
            t=Labels(site.config.language),
            base=site_base(settings.url),
            site_name=site_name,
            author=branch_name or site_name,
            records=sorted(view.records, key=Record.sort_key),
        )

    @property
    def language(self) -> str:
        return self.t.language

    def url(self, site_path: str) -> str:
        """Absolute when the audience's URL is configured, else relative to the site root."""
        return absolute_url(self.base, site_path) if self.base else site_path
