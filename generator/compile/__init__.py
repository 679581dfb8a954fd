"""Compiling one audience's site: records narrowed to the audience -> an engine-neutral project.

``compile_audience`` computes the audience's figures once, then renders every
page (``pages``, ``listings``, ``overviews``, ``board``), stages the files the
records name (``attachments``) and writes the open data (``exports``), all
into one ``Output`` that ``stage.write_stage`` writes into the build folder.
The parts: ``sanitise`` (record bodies, the security boundary), ``headings``
(anchors), ``urls``, ``charts``, ``output``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Optional

from ..cache import NO_CACHE, Cache
from ..config import Site
from ..figures import compute
from ..history import RecordDates
from ..records.index import RecordSet
from .attachments import stage_attachments
from .board import render_board
from .exports import export_files
from .listings import render_section, render_tags
from .output import DuplicateOutput, Output
from .pages import SECTION_ORDER, PageRenderer, navigation, render_data_page, render_catalogue, render_home, render_record, render_regularity


def compile_audience(
    site: Site,
    view: RecordSet,
    today: dt.date,
    *,
    dates: Optional[dict[str, RecordDates]] = None,
    cache: Cache = NO_CACHE,
    page_front_matter: Optional[dict[str, Any]] = None,
) -> Output:
    """Every page, file and data file of one audience (``view``, already narrowed).

    ``dates`` are the records' first-published and last-changed dates (from
    git); ``page_front_matter`` is added to every page's front matter (what
    the engine needs on every page).
    """
    figures = compute(view, site.config.norms, today, site.workdays, site.config.catalogue, dates)
    output = Output()
    pages = PageRenderer(site, view, figures, today, output, cache, page_front_matter)
    render_home(pages)
    for record in view.records:
        render_record(pages, record, (dates or {}).get(record.id))
    render_regularity(pages)
    render_catalogue(pages)
    for section in SECTION_ORDER:
        render_section(pages, section)
    render_tags(pages)
    render_board(pages)
    render_data_page(pages)
    output.nav = navigation(pages.t)
    stage_attachments(site, view, output)
    export_files(site, view, today, output, figures, cache)
    return output


__all__ = ["DuplicateOutput", "Output", "compile_audience"]
