"""Open data for one audience: record JSON, the record index, figures, CSV, JSON Schemas, Atom and iCalendar.

``export_files`` turns one audience's narrowed records into data files in the
audience's ``Output``, beside the pages.  It sees nothing but that audience's
``RecordSet``, so the public files can hold no members record.  Every output
is deterministic: records are sorted on total keys (id as the tiebreak) and
every timestamp comes from a record's date or its corrections, never from
the clock, so two builds give the same bytes.

URLs are absolute when the audience has ``audiences.<audience>.url`` in
site_config.yml; otherwise JSON and CSV hold URLs relative to the site root
(``meetings/2025/<id>/``), the Atom feeds link relative to the feed file, and
the calendar leaves its ``URL`` out.

``DATA_FILES`` lists every file with its columns, for the open-data page;
what each file and column means is in ``generator.i18n``
(``data_file_<key>``, ``data_column_<key>_<column>``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable, Optional

from ...cache import NO_CACHE, Cache
from ...config import Site
from ...figures import Figures, compute
from ...i18n import Labels
from ...records.index import RecordSet
from ...records.published import BranchFigures, CatalogueLine, DuesLine, DuesMemberLine, ElectionLine, FundsLine, IndexEntry, LedgerLine, OpinionLine, ResponsibilityLine
from ..output import Output
from .atom import export_feeds
from .context import ExportContext, json_bytes, record_updated
from .csv_files import export_csv, has_dues, has_funds, has_member_dues
from .figures_json import export_figures
from .ical import export_calendar
from .json_files import export_json


@dataclass(frozen=True)
class DataFile:
    """One published data file (or family of files, ``<…>`` in its path) and its columns or fields.

    ``shown_for`` says whether an audience's records make the file at all (a
    site whose audience sees no dues has no dues.csv, and its open-data page
    does not describe one); None: always.
    """

    path: str
    format: str
    key: str  # i18n: data_file_<key>, data_column_<key>_<column> ("more" for the column "…")
    columns: tuple[str, ...] = ()
    shown_for: Optional[Callable[[RecordSet], bool]] = None

    def shown(self, view: Optional[RecordSet]) -> bool:
        return view is None or self.shown_for is None or self.shown_for(view)


DATA_FILES: tuple[DataFile, ...] = (
    DataFile("<section>/<yyyy>/<id>.json", "json", "record_json", ("id", "type", "url", "files", "…")),
    DataFile("data/records.json", "json", "records_index", tuple(IndexEntry.model_fields)),
    DataFile("data/figures.json", "json", "figures_json", tuple(BranchFigures.model_fields)),
    DataFile("data/funds.csv", "csv", "funds_csv", FundsLine._fields, has_funds),
    DataFile("data/ledgers.csv", "csv", "ledgers_csv", LedgerLine._fields, has_funds),
    DataFile("data/dues.csv", "csv", "dues_csv", DuesLine._fields, has_dues),
    DataFile("data/dues-members.csv", "csv", "dues_members_csv", DuesMemberLine._fields, has_member_dues),
    DataFile("data/opinions.csv", "csv", "opinions_csv", OpinionLine._fields),
    DataFile("data/elections.csv", "csv", "elections_csv", ElectionLine._fields),
    DataFile("data/responsibilities.csv", "csv", "responsibilities_csv", ResponsibilityLine._fields),
    DataFile("data/catalogue.csv", "csv", "catalogue_csv", CatalogueLine._fields),
    DataFile("data/schemas/<type>.schema.json", "json-schema", "record_schemas"),
    DataFile("data/schemas/records.schema.json", "json-schema", "index_schema"),
    DataFile("data/schemas/figures.schema.json", "json-schema", "figures_schema"),
    DataFile("feeds/all.atom", "atom", "feed_all"),
    DataFile("feeds/<section>.atom", "atom", "feed_sections"),
    DataFile("feeds/meetings.ics", "icalendar", "calendar"),
)


def documented_files(t: Labels, view: Optional[RecordSet] = None) -> list[dict[str, Any]]:
    """``DATA_FILES`` in the site's language, as the open-data page shows them: those ``view``'s site has (all without one)."""
    return [
        {
            "path": f.path,
            "format": f.format,
            "text": t(f"data_file_{f.key}"),
            "columns": [{"name": column, "text": t(f"data_column_{f.key}_{'more' if column == '…' else column}")} for column in f.columns],
        }
        for f in DATA_FILES
        if f.shown(view)
    ]


def export_files(site: Site, view: RecordSet, today: dt.date, output: Output, figures: Optional[Figures] = None, cache: Cache = NO_CACHE) -> Output:
    """Every open-data file of one audience into ``output`` (returned).

    Holds only ``view``'s records, already narrowed to the audience.  Records
    dated after ``today`` are in the JSON, CSV and calendar but not yet in the
    Atom feeds.  ``figures`` are the audience's, computed when not given.
    """
    context = ExportContext.of(site, view, figures or compute(view, site.config.norms, today, site.workdays, site.config.catalogue), today, cache)
    export_json(context, output)
    export_figures(context, output)
    export_csv(context, output)
    export_feeds(context, output)
    export_calendar(context, output)
    return output


__all__ = ["DATA_FILES", "DataFile", "documented_files", "export_files", "json_bytes", "record_updated"]
