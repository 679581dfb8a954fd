"""Listings: each section by year, kind and status (``vocabulary.STATUS_ENUMERATION``), the tags, and numbered pages for long listings.

A section small enough for one page lists every record by year; a long one (a
decade of records) lists its years and only the newest records.  Year, kind,
status and tag listings are split into numbered pages of
``limits.listing_page_size`` records.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from .. import vocabulary
from ..records.index import Record
from .descriptions import listing_description
from .overviews import overview
from .pages import PageRenderer
from .urls import page_path, page_url


@dataclass(frozen=True)
class Pager:
    """Where one numbered page is among its listing's pages (what ``pager_nav`` shows)."""

    current: int
    total: int
    urls: list[str]
    shown: list[int]  # the page numbers linked: first, last, and two either side of the current one


@dataclass(frozen=True)
class ListingPage:
    doc_path: str
    number: int  # 1-based
    records: list[Record]
    first: int  # 1-based position of its first record in the whole listing
    pager: Optional[Pager]


def paginate(doc_path: str, records: list[Record], size: int) -> list[ListingPage]:
    """A listing in pages of ``size``: the first at ``doc_path``, then ``…/page/2/`` and on (one empty page for none)."""
    chunks = [records[i : i + size] for i in range(0, len(records), size)] or [[]]
    first_url = page_url(doc_path)
    docs = [doc_path] + [page_path(f"{first_url}page/{n}/") for n in range(2, len(chunks) + 1)]
    urls = [page_url(d) for d in docs]
    result = []
    for n, (doc, chunk) in enumerate(zip(docs, chunks), start=1):
        pager = None
        if len(chunks) > 1:
            shown = sorted({1, len(chunks), *range(max(1, n - 2), min(len(chunks), n + 2) + 1)})
            pager = Pager(current=n, total=len(chunks), urls=urls, shown=shown)
        result.append(ListingPage(doc, n, chunk, (n - 1) * size + 1, pager))
    return result


def render_listing(pages: PageRenderer, doc_path: str, title: str, section: str, records: list[Record]) -> None:
    """A listing of records split into numbered pages."""
    t = pages.t
    for page in paginate(doc_path, records, pages.site.config.limits.listing_page_size):
        page_title = title if page.number == 1 else f"{title} · {t('page_number', number=page.number)}"
        values: dict[str, Any] = {
            "section": section,
            "total": len(records),
            "first": page.first,
            "last": page.first + len(page.records) - 1,
            "pager": page.pager,
        }
        # Cached under what the page lists: a decade of records makes hundreds of listing pages.
        # Not searchable: a listing only repeats titles, and would crowd the records out of results.
        key = [page.doc_path, page_title, [r.fingerprint for r in page.records], repr(values)]
        pages.emit_cached(
            "listing-page",
            page.doc_path,
            "listing/records.md.j2",
            key,
            lambda: pages.page_text(page.doc_path, "listing/records.md.j2", page_title, {"searchable": False, "description": listing_description(title, len(records), t)}, records=page.records, **values),  # noqa: B023 - called at once
        )


def render_section(pages: PageRenderer, section: str) -> None:
    """A section's page (its overview and records by year, or its newest) and its year and kind listings."""
    t = pages.t
    record_type = vocabulary.SECTIONS[section]
    records = pages.view.of_type(record_type)
    years: dict[int, list[Record]] = {}
    kinds: dict[str, list[Record]] = {}
    statuses: dict[str, list[Record]] = {}
    status_field, status_enumeration = vocabulary.STATUS_ENUMERATION.get(record_type, (None, None))
    for record in records:
        years.setdefault(record.date.year, []).append(record)
        if record.kind:
            kinds.setdefault(record.kind, []).append(record)
        if status_field:
            statuses.setdefault(getattr(record.model, status_field), []).append(record)
    title = t(f"section_{section}")
    enumeration = vocabulary.KIND_ENUMERATION.get(record_type)
    kind_pages = {kind: f"{section}/kinds/{kind}/" for kind in (vocabulary.values(enumeration) if enumeration else []) if kind in kinds}
    status_pages = {status: f"{section}/status/{status}/" for status in (vocabulary.values(status_enumeration) if status_enumeration else []) if status in statuses}
    page_size = pages.site.config.limits.listing_page_size
    compact = len(records) > page_size
    pages.emit(
        f"{section}/index.md", "listing/section.md.j2", title, meta={"description": listing_description(title, len(records), t)},
        section=section, years=years, kind_pages=kind_pages, kinds=kinds, enumeration=enumeration, overview=overview(pages, section),
        status_pages=status_pages, statuses=statuses, status_enumeration=status_enumeration,
        compact=compact, newest=records[:page_size] if compact else [],
    )
    for year, items in years.items():
        render_listing(pages, f"{section}/{year}/index.md", f"{title} · {t('year_heading', year=year)}", section, items)
    for kind, items in kinds.items():
        label = t.enum(enumeration, kind) if enumeration else kind
        render_listing(pages, page_path(f"{section}/kinds/{kind}/"), f"{title} · {label}", section, items)
    for status, items in statuses.items():
        render_listing(pages, page_path(status_pages[status]), f"{title} · {t.enum(status_enumeration, status)}", section, items)
    if section == "inspections":
        for state, items in pages.figures.duties.inspections_by_state.items():
            render_listing(pages, page_path(f"{section}/states/{state}/"), f"{title} · {t.enum('inspection_state', state)}", section, items)


def render_tags(pages: PageRenderer) -> None:
    """The page of all tags, and each tag's listing."""
    t = pages.t
    tags = pages.figures.site.tags
    pages.emit("tags/index.md", "listing/tags.md.j2", t("tags"), meta={"description": t("description_tags", count=len(tags))}, tags=tags)
    for tag, items in tags.items():
        render_listing(pages, page_path(pages.tag_urls[tag]), t("tag_title", tag=tag), "tags", items)
