"""The portal's pages: Jinja2 templates of the built-in theme (``templates/portal/``) -> staged Markdown.

One page per concern a committee checks: the organisation tree with each
branch's headline figures (home), 三会一课 (a summary per year and a
branch × period matrix per required kind), dues and funding against the
norms, appraisals, open notices and the latest disclosures, overdue
rectifications and terms, and the open data.  Templates get the view
(``view.PortalView``): figures as the branches computed them, never
computed again.  Charts count branches (``compile.charts``), each with the
table of its numbers.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Optional

import jinja2

from .. import vocabulary
from ..cache import Cache
from ..compile.charts import chart
from ..compile.headings import dedupe_heading_ids
from ..compile.output import Output
from ..compile.pages import front_matter_page, template_environment
from ..compile.urls import page_url, relative_url
from ..i18n import Labels
from ..theme import builtin_theme
from .tables import COLUMNS, TABLES
from .view import Branch, PortalView


class PortalPages:
    """One audience's portal pages: a template and the view -> a staged page."""

    def __init__(self, view: PortalView, output: Output, cache: Cache, page_front_matter: Optional[dict[str, Any]] = None):
        self.view = view
        self.output = output
        self.cache = cache
        self.page_front_matter = dict(page_front_matter or {})
        self.t = Labels(view.portal.config.language)
        self.env = template_environment(jinja2.FileSystemLoader(str(builtin_theme() / "templates")), self.t, view.portal.stage_dir)
        self.env.globals.update(t=self.t, view=view, audience=view.audience, portal=view.portal.config, record_kind=self.record_kind)

    def record_kind(self, record_type: str, kind: Optional[str]) -> str:
        """A record's kind as the branch's pages name it, else its section."""
        return vocabulary.kind_label(record_type, kind, self.t.language) or self.t(f"section_{vocabulary.SECTION_OF[record_type]}")

    def emit(self, doc_path: str, template: str, title: str, meta: Optional[dict[str, Any]] = None, **values: Any) -> None:
        url = page_url(doc_path)

        def link(target: str) -> str:
            return relative_url(url, target)

        def branch_link(branch: Branch, target: str = "") -> str:
            return branch.link(url, target)

        body = self.env.get_template(template).render(page_url=url, link=link, branch_link=branch_link, title=title, **values)
        # The portal's tables want the page's width: no navigation sidebar, no table of contents.
        front = {"title": title, "hide": ["navigation", "toc"], **self.page_front_matter, **(meta or {})}
        text = front_matter_page(front, dedupe_heading_ids(body))
        self.output.add(doc_path, text, f"portal page {template}")

    def chart(self, name: str, caption: str, bands: list[tuple[str, int]]) -> dict[str, Any]:
        """A bar chart of how many branches fall in each band, with its table."""
        t = self.t
        return chart(self.output, self.cache, name, caption, [label for label, _ in bands], {t("portal_branch_count"): [n for _, n in bands]}, "", head=t("portal_band"), whole=True)


# ---------------------------------------------------------------------------
# Bands: how many branches a chart shows in each range of a figure
# ---------------------------------------------------------------------------


def _rate_bands(t: Labels, rates: list[Optional[Decimal]]) -> list[tuple[str, int]]:
    edges = [(Decimal(100), t("portal_band_full")), (Decimal(90), t("portal_band_from", low=90, high=100)), (Decimal(75), t("portal_band_from", low=75, high=90)), (Decimal(0), t("portal_band_below", high=75))]
    counts = {label: 0 for _, label in edges}
    missing = 0
    for rate in rates:
        if rate is None:
            missing += 1
            continue
        counts[next(label for low, label in edges if rate >= low)] += 1
    return [*counts.items(), (t("portal_band_none"), missing)]


def _norm_bands(t: Labels, meets: list[Optional[bool]]) -> list[tuple[str, int]]:
    return [(t("meets_norm"), meets.count(True)), (t("below_norm"), meets.count(False)), (t("portal_band_none"), meets.count(None))]


# ---------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------

def regularity_path(view: PortalView, year: int, kind: Optional[str] = None) -> str:
    """The staged page of a year's 三会一课 summary (the newest year at regularity/), or of one kind's matrix."""
    if kind is not None:
        return f"regularity/{year}/{kind}/index.md"
    return "regularity/index.md" if year == view.years[0] else f"regularity/{year}/index.md"


def render_home(pages: PortalPages) -> None:
    view = pages.view
    pages.emit("index.md", "portal/home.md.j2", view.portal.config.name)


def render_regularity(pages: PortalPages) -> None:
    view, t = pages.view, pages.t
    for year in view.years:
        kinds = view.kinds(year)
        rates = [y.rate if (y := b.regularity_of(year)) else None for b in view.branches]
        figure = pages.chart(f"portal-regularity-{year}", t("portal_regularity_chart", year=year), _rate_bands(t, rates))
        pages.emit(
            regularity_path(view, year), "portal/regularity.md.j2", t("portal_regularity_title", year=year),
            meta={"searchable": False}, year=year, kinds=kinds, chart=figure,
            kind_pages={kind: page_url(regularity_path(view, year, kind)) for kind, _ in kinds},
            year_pages={y: page_url(regularity_path(view, y)) for y in view.years},
        )
        for kind, per in kinds:
            pages.emit(
                regularity_path(view, year, kind), "portal/regularity_kind.md.j2", t("portal_matrix_title", year=year, kind=t.enum("meeting_kind", kind)),
                meta={"searchable": False}, year=year, kind=kind, per=per, rows=view.matrix(year, kind), summary=page_url(regularity_path(view, year)),
            )


def render_finances(pages: PortalPages) -> None:
    view, t = pages.view, pages.t
    dues_chart = pages.chart("portal-dues", t("portal_dues_chart"), _rate_bands(t, [b.dues.rate if b.dues else None for b in view.branches]))
    funding_chart = pages.chart("portal-funding", t("portal_funding_chart"), _norm_bands(t, [b.funding.meets_norm if b.funding else None for b in view.branches]))
    pages.emit("finances/index.md", "portal/finances.md.j2", t("portal_finances_title"), meta={"searchable": False}, dues_chart=dues_chart, funding_chart=funding_chart)


def render_appraisals(pages: PortalPages) -> None:
    pages.emit("appraisals/index.md", "portal/appraisals.md.j2", pages.t("portal_appraisals_title"), meta={"searchable": False})


def render_notices(pages: PortalPages) -> None:
    view = pages.view
    pages.emit("notices/index.md", "portal/notices.md.j2", pages.t("portal_notices_title"), meta={"searchable": False}, notices=view.open_notices(), latest=view.latest())


def render_followup(pages: PortalPages) -> None:
    view = pages.view
    pages.emit("followup/index.md", "portal/followup.md.j2", pages.t("portal_followup_title"), meta={"searchable": False}, overdue=view.overdue(), terms=view.terms())


def render_data(pages: PortalPages) -> None:
    t = pages.t
    files = [
        {"name": name, "text": t(f"portal_file_{name}"), "columns": [{"name": c, "text": t(f"portal_column_{c}")} for c in columns]}
        for name, (_, columns) in TABLES.items()
    ]
    assert set(COLUMNS) == {c["name"] for f in files for c in f["columns"]}
    pages.emit("data/index.md", "portal/data.md.j2", t("open_data"), meta={"searchable": False}, files=files)


def navigation(t: Labels) -> list[Any]:
    return [
        {t("portal_home"): "index.md"},
        {t("portal_regularity"): "regularity/index.md"},
        {t("portal_finances"): "finances/index.md"},
        {t("portal_appraisals"): "appraisals/index.md"},
        {t("portal_notices"): "notices/index.md"},
        {t("portal_followup"): "followup/index.md"},
        {t("open_data"): "data/index.md"},
    ]


def render_pages(pages: PortalPages) -> None:
    """Every page of one audience's portal, and its navigation."""
    render_home(pages)
    render_regularity(pages)
    render_finances(pages)
    render_appraisals(pages)
    render_notices(pages)
    render_followup(pages)
    render_data(pages)
    pages.output.nav = navigation(pages.t)
