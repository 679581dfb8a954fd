"""The portal's own data files: every table as CSV and JSON, the Atom feed, and the search's branch list.

- ``data/<table>.csv`` and ``data/<table>.json`` for each of ``tables.TABLES``
  (CSV as Excel opens it, JSON as a list of objects with the same keys);
- ``feeds/latest.atom``: the latest disclosures across the branches, each
  linking to the branch's page (timestamps are the records' dates);
- ``data/search.json``: the branches whose Pagefind indexes the search box
  merges, with their addresses and organisations
  (``openbranch-portal-search-worker.js`` reads it).

Everything is deterministic: rows in the tree's order or sorted on total keys.
"""

from __future__ import annotations

from typing import Any

from feedgen.feed import FeedGenerator

from .. import search, vocabulary
from ..compile.exports.atom import midnight
from ..compile.exports.context import json_bytes
from ..compile.exports.csv_files import csv_bytes
from ..compile.output import Output
from ..compile.urls import site_base
from ..i18n import Labels
from .tables import TABLES, rows_of
from .view import PortalView

SEARCH_CONFIG = "data/search.json"
FEED = "feeds/latest.atom"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def export_tables(view: PortalView, output: Output) -> None:
    for name, (_, columns) in TABLES.items():
        rows = rows_of(view, name)
        output.add(f"data/{name}.csv", csv_bytes(columns, ([_cell(row[c]) for c in columns] for row in rows)), f"portal table {name}")
        output.add(f"data/{name}.json", json_bytes(rows), f"portal table {name}")


def _feed(view: PortalView) -> bytes:
    t = Labels(view.portal.config.language)
    base = site_base(getattr(view.portal.config.urls, view.audience))
    feed = FeedGenerator()
    feed.id(base + FEED if base else f"tag:openbranch,2024:portal/{FEED}")
    feed.title(f"{view.portal.config.name} · {t('portal_latest')}")
    feed.author({"name": view.portal.config.name})
    feed.link(href=base + FEED if base else "latest.atom", rel="self", type="application/atom+xml")
    feed.link(href=base or "../", rel="alternate", type="text/html")
    feed.language(t.language)
    feed.generator("OpenBranch")
    latest = view.latest()
    feed.updated(midnight(latest[0].item.date if latest else view.as_of))
    for dated in latest:
        record, branch = dated.item, dated.branch
        # Links from the feed's own folder: a relative address resolves against feeds/.
        href = branch.link("feeds/", record.record.page)
        if base and not href.startswith(("http://", "https://", "/")):
            href = base + branch.link("", record.record.page)
        entry = feed.add_entry(order="append")
        entry.id(f"tag:openbranch,2024:{branch.id}/{record.record.id}")
        entry.title(f"{branch.name} · {record.record.title}")
        entry.link(href=href, rel="alternate", type="text/html")
        entry.published(midnight(record.date))
        entry.updated(midnight(record.date))
        entry.category(term=vocabulary.SECTION_OF[record.type], label=t(f"section_{vocabulary.SECTION_OF[record.type]}"))
        entry.summary(" · ".join(x for x in (branch.name, vocabulary.kind_label(record.type, record.kind, t.language) or t(f"section_{vocabulary.SECTION_OF[record.type]}"), t.date(record.date)) if x))
    return feed.atom_str(pretty=True, encoding="UTF-8")


def search_config(view: PortalView) -> dict[str, Any]:
    """What the search needs: its words (openbranch-portal.js), the portal's Pagefind version, the step size, every branch and organisation."""
    t = Labels(view.portal.config.language)
    return {
        "labels": {
            "scope": t("portal_search_scope"),
            "all": t("portal_search_all"),
            "searching": t("portal_search_searching", searched="{searched}", total="{total}"),
            "searched_all": t("portal_search_done", total="{total}"),
            "unavailable": t("portal_search_unavailable", names="{names}"),
            "separator": "、" if t.language == "zh" else ", ",
        },
        "pagefind": search.versions().get("pagefind"),
        "batch": view.portal.config.search_batch,
        "branches": [
            {"id": b.id, "name": b.name, "url": b.site.url, "organizations": [n.id for n in b.organizations], "index": b.site.searchable}
            for b in view.branches
        ],
        "organizations": [{"id": item.node.id, "name": item.node.name, "depth": item.node.depth} for item in view.walk() if item.children],
    }


def export_files(view: PortalView, output: Output) -> None:
    """Every data file of one audience's portal into ``output``."""
    export_tables(view, output)
    output.add(FEED, _feed(view), "portal Atom feed")
    output.add(SEARCH_CONFIG, json_bytes(search_config(view)), "portal search")
