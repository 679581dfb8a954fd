"""Record and listing pages: Jinja2 templates from ``themes/`` -> Markdown with front matter.

Every plain field reaches the page through Jinja2's autoescaping inside HTML
elements, where Markdown leaves it alone; a record's ``body`` is Markdown,
rendered here and sanitised with nh3 before it is placed in the page.  The
page title in the front matter is HTML-escaped too, because the engine's
templates print it without escaping.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
from importlib.metadata import version as _package_version
import posixpath
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping, Optional

import jinja2
import markdown
import nh3
import yaml
from markupsafe import Markup
from pymdownx.slugs import slugify

from . import board, exports, regularity, theme
from . import figures as fig
from .audience import AudienceView
from .cache import NO_CACHE, Cache, code_stamp
from .config import Site
from .history import RecordDates
from .i18n import Labels
from .records import schema
from .records.index import Record, resolve_attachment

# Charts are cached across builds under their numbers plus this stamp of the code drawing them.
CHARTS_VERSION = hashlib.sha256(Path(__file__).with_name("charts.py").read_bytes()).hexdigest()[:16] + " matplotlib " + _package_version("matplotlib")

SECTION_ORDER = ["notices", "meetings", "decisions", "finances", "appraisals"]
_KIND_ENUMERATION = {"meeting": "meeting_kind", "finance": "finance_kind", "appraisal": "appraisal_kind", "notice": "notice_kind"}

# The slug function for heading anchors, shared with the generated mkdocs.yml so
# body headings and template headings get the same readable Chinese anchors.
heading_slug = slugify(case="lower")

# ---------------------------------------------------------------------------
# Record bodies: Markdown -> sanitised HTML
# ---------------------------------------------------------------------------

_ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "div", "dl", "dt", "em", "h2", "h3", "h4", "h5", "h6",
    "hr", "i", "ins", "kbd", "li", "mark", "ol", "p", "pre", "s", "small", "span", "strong", "sub", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}
_ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "td": {"align", "colspan", "rowspan"},
    "th": {"align", "colspan", "rowspan", "scope"},
    "ol": {"start"},
    **{f"h{n}": {"id"} for n in range(2, 7)},
}


def _fingerprint(record: Optional[Record]) -> Optional[str]:
    return record.fingerprint if record is not None else None


def _folder_stamp(folder: Optional[Path]) -> str:
    """A site's own templates, by content (most sites have none)."""
    if folder is None or not folder.is_dir():
        return ""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=4096)
def render_body(text: str) -> str:
    """A record's Markdown body as safe HTML (no script, handler, style or foreign URL scheme)."""
    if not text.strip():
        return ""
    converter = markdown.Markdown(
        extensions=["tables", "sane_lists", "fenced_code", "toc"],
        # "#" in a body is a section inside the page's own "会议记录"/"正文" heading (h2 -> h3).
        # align="…" rather than style="text-align: …": the sanitiser drops style, keeps align.
        extension_configs={
            "toc": {"slugify": heading_slug, "permalink": False, "baselevel": 2},
            "tables": {"use_align_attribute": True},
        },
        output_format="html",
    )
    raw = converter.convert(text)
    cleaned = nh3.clean(
        raw,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )
    # Blank lines would end the raw HTML block in the staged Markdown page.
    return "\n".join(line for line in cleaned.splitlines() if line.strip())


# ---------------------------------------------------------------------------
# Attachments
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AttachmentInfo:
    name: str  # path under content/attachments/
    title: str
    size: int
    sha256: str
    source: Path

    @property
    def url(self) -> str:
        return f"attachments/{self.name}"


@lru_cache(maxsize=4096)
def _file_facts(path: Path, mtime_ns: int, size: int) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def attachment_info(site: Site, name: str, title: Optional[str]) -> Optional[AttachmentInfo]:
    real, _ = resolve_attachment(site, name)
    if real is None:
        return None
    stat = real.stat()
    return AttachmentInfo(name=name, title=title or Path(name).name, size=stat.st_size, sha256=_file_facts(real, stat.st_mtime_ns, stat.st_size), source=real)


def human_size(size: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024  # type: ignore[assignment]
    return str(size)


# ---------------------------------------------------------------------------
# The renderer
# ---------------------------------------------------------------------------


@dataclass
class CompiledSite:
    """One audience's pages: docs-relative path -> text, plus files to copy and the nav."""

    pages: dict[str, str] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)  # docs-relative path -> source file
    assets: dict[str, bytes] = field(default_factory=dict)  # docs-relative path -> generated bytes (charts, data)
    nav: list[Any] = field(default_factory=list)


def page_url(doc_path: str) -> str:
    """The URL (directory style) a staged Markdown file is served at."""
    stem = doc_path[:-3] if doc_path.endswith(".md") else doc_path
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_url(from_url: str, to_url: str) -> str:
    """A link from one page's URL to another URL, both relative to the site root."""
    start = from_url or "."
    target = to_url or "."
    rel = posixpath.relpath(target, start)
    if to_url.endswith("/") or to_url == "":
        rel = rel.rstrip("/") + "/"
        if rel == "./":
            return "./"
    return rel


_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*$", re.MULTILINE)
_HTML_HEADING_ID = re.compile(r'(<h[1-6] id=")([^"]+)(")')


def _dedupe_heading_ids(text: str) -> str:
    """Give a body heading another id when the page's own heading has the same one.

    The engine slugs the template's Markdown headings; the record body's
    headings were slugged earlier, apart from them, so "## 会议议程" in both
    would give two elements with one id and break links to the section.
    """
    taken = {heading_slug(m.group(1), "-") for m in _MARKDOWN_HEADING.finditer(text)}

    def rename(match: re.Match) -> str:
        wanted, n = match.group(2), 1
        candidate = wanted
        while candidate in taken:
            candidate = f"{wanted}_{n}"
            n += 1
        taken.add(candidate)
        return f"{match.group(1)}{candidate}{match.group(3)}"

    return _HTML_HEADING_ID.sub(rename, text)


def _money(value: Optional[Decimal]) -> str:
    if value is None:
        return ""
    return f"{value:,.2f}"


class PageRenderer:
    """Renders every page of one audience's site from its narrowed records."""

    def __init__(self, site: Site, view: AudienceView, today: dt.date, dates: Optional[dict[str, RecordDates]] = None, cache: Cache = NO_CACHE, page_front_matter: Optional[Mapping[str, Any]] = None):
        self.site = site
        # What the engine needs in every page's front matter (engines.ProjectNeeds).
        self.page_front_matter = dict(page_front_matter or {})
        self.cache = cache
        self.view = view
        self.today = today
        self.dates = dates or {}
        self.t = Labels(site.config.language)
        self.figures = fig.compute(view, today)
        self.env = self._environment()
        self.out = CompiledSite()
        # Everything site-wide a record's page depends on besides the record itself.
        self.page_stamp = json.dumps(
            [
                view.audience,
                site.config.model_dump_json(),
                view.branch.model_dump_json() if view.branch else None,
                _folder_stamp(theme.own_templates(self.site)),
                self.page_front_matter,
            ],
            ensure_ascii=False,
        )

    def _environment(self) -> jinja2.Environment:
        env = jinja2.Environment(
            loader=theme.template_loader(self.site),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,
        )
        env.globals.update(t=self.t, site=self.site, view=self.view, figures=self.figures, today=self.today, audience=self.view.audience, fig=fig)
        env.filters.update(
            date=self.t.date,
            money=_money,
            enum=self.t.enum,
            size=human_size,
            percent=lambda v: "" if v is None else f"{v}%",
        )
        return env

    # -- helpers available to templates ---------------------------------

    def _context(self, doc_path: str, **values: Any) -> dict[str, Any]:
        url = page_url(doc_path)

        def link(target: Any) -> str:
            to = target.url if isinstance(target, Record) else str(target)
            return relative_url(url, to)

        def kind_label(record: Record) -> str:
            enumeration = _KIND_ENUMERATION.get(record.type)
            return self.t.enum(enumeration, record.kind) if enumeration and record.kind else ""

        return {"page_url": url, "link": link, "kind_label": kind_label, "record_of": self.view.get, **values}

    def _emit(self, doc_path: str, template: str, title: str, meta: Optional[dict[str, Any]] = None, **values: Any) -> None:
        self.out.pages[doc_path] = self._page_text(doc_path, template, title, meta, **values)

    def _page_text(self, doc_path: str, template: str, title: str, meta: Optional[dict[str, Any]] = None, **values: Any) -> str:
        # Every page is a folder's index.md, so the Markdown file sits in its
        # URL's folder and a relative link means the same to every engine:
        # MkDocs keeps links in raw HTML as written, Zensical resolves them
        # against the Markdown file's folder.
        assert doc_path == "index.md" or doc_path.endswith("/index.md"), doc_path
        body = self.env.get_template(template).render(self._context(doc_path, title=title, **values))
        body = _dedupe_heading_ids(body)
        front: dict[str, Any] = {"title": html.escape(title, quote=False), **self.page_front_matter}
        if meta:
            front.update(meta)
        # libyaml's emitter: same YAML, five times faster (it writes astral characters as escapes).
        header = yaml.dump(front, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=True, width=1000).strip()
        return f"---\n{header}\n---\n\n{body.rstrip()}\n"

    # -- pages -------------------------------------------------------------

    def render(self) -> CompiledSite:
        self.calendars = regularity.calendars(self.view, self.site.config.norms, self.today)
        self._render_home()
        for record in self.view.records:
            self._render_record(record)
        self._render_regularity()
        for section in SECTION_ORDER:
            self._render_section(section)
        self._render_tags()
        self._render_board()
        self._emit("data/index.md", "report/data.md.j2", self.t("open_data"), files=exports.DATA_FILES_DOC, sections=SECTION_ORDER)
        self.out.nav = self._nav()
        return self.out

    def _render_home(self) -> None:
        title = self.site.config.site_name or (self.view.branch.name if self.view.branch else "OpenBranch")
        this_year = next((c for c in self.calendars if c.year == self.today.year), None)
        self._emit("index.md", "home.md.j2", title, meta={"hide": ["navigation"]}, branch=self.view.branch, regularity_year=this_year)

    def _attachments(self, record: Record) -> list[AttachmentInfo]:
        infos = []
        for attachment in record.model.attachments:
            info = attachment_info(self.site, attachment.file, attachment.title)
            if info is not None:
                infos.append(info)
                self.out.files[info.url] = info.source
        return infos

    def _receipts(self, record: Record) -> dict[str, AttachmentInfo]:
        found: dict[str, AttachmentInfo] = {}
        if record.type == "finance" and record.kind == "funds":
            for expense in record.model.expenses:
                for receipt in expense.receipts:
                    info = attachment_info(self.site, receipt, None)
                    if info is not None:
                        found[receipt] = info
                        self.out.files[info.url] = info.source
        return found

    def _render_record(self, record: Record) -> None:
        template = f"record/{record.type}_{record.kind}.md.j2" if record.type == "finance" else f"record/{record.type}.md.j2"
        doc_path = f"{record.section}/{record.date.year}/{record.id}/index.md"
        related = {
            "decisions": self.figures.decisions_of_meeting.get(record.id, []),
            "ledgers": self.figures.expenses_of_decision.get(record.id, []),
            "meeting": self.view.get(record.model.meeting) if record.type == "decision" else None,
        }
        attachments = self._attachments(record)
        receipts = self._receipts(record)
        attendance = fig.attendance(record) if record.type == "meeting" else None
        notice = fig.notice_state(record, self.today) if record.type == "notice" else None

        def make() -> str:
            return self._page_text(
                doc_path,
                template,
                record.title,
                meta={"record_id": record.id, "record_type": record.type, "date": record.date.isoformat()},
                record=record,
                m=record.model,
                body_html=Markup(render_body(record.model.body)),
                attachments=attachments,
                receipts=receipts,
                related=related,
                attendance=attendance,
                dates=self.dates.get(record.id),
                notice=notice,
            )

        # A record's page is cached across builds under everything it shows: the
        # record, the records it links to, its files, its dates and the day's state.
        linked = [*related["decisions"], *related["ledgers"], related["meeting"]]
        if record.type == "finance" and record.kind == "funds":
            linked += [self.view.get(e.decision) for e in record.model.expenses if e.decision]
        key = json.dumps(
            [
                self.page_stamp,
                _fingerprint(record),
                [_fingerprint(r) for r in linked],
                [(a.url, a.size, a.sha256) for a in [*attachments, *receipts.values()]],
                repr(self.dates.get(record.id)),
                repr(attendance),
                repr(notice),
                record.date >= self.today,
                [c.date <= self.today for c in record.model.corrections],
            ],
            ensure_ascii=False,
            default=str,
        )
        self.out.pages[doc_path] = self.cache.get_or_make("record-page", code_stamp(), key, make)

    def _render_section(self, section: str) -> None:
        record_type = schema.SECTIONS[section]
        records = self.view.of_type(record_type)
        years: dict[int, list[Record]] = {}
        kinds: dict[str, list[Record]] = {}
        for record in records:
            years.setdefault(record.date.year, []).append(record)
            if record.kind:
                kinds.setdefault(record.kind, []).append(record)
        title = self.t(f"section_{section}")
        overview = self._overview(section)
        kind_pages = {}
        enumeration = _KIND_ENUMERATION.get(record_type)
        if enumeration:
            for kind in schema.ENUMERATIONS[enumeration]:
                if kind in kinds:
                    kind_pages[kind] = f"{section}/kinds/{kind}/"
        # A section small enough for one page lists every record by year; a long
        # one (a decade of records) lists its years and only the newest records.
        page_size = self.site.config.limits.listing_page_size
        compact = len(records) > page_size
        self._emit(
            f"{section}/index.md", "listing/section.md.j2", title,
            section=section, years=years, kind_pages=kind_pages, kinds=kinds, enumeration=enumeration, overview=overview,
            compact=compact, newest=records[:page_size] if compact else [],
        )
        for year, items in years.items():
            self._emit_listing(f"{section}/{year}/index.md", f"{title} · {self.t('year_heading', year=year)}", section, items)
        for kind, items in kinds.items():
            label = self.t.enum(enumeration, kind) if enumeration else kind
            self._emit_listing(f"{section}/kinds/{kind}/index.md", f"{title} · {label}", section, items)

    def _emit_listing(self, doc_path: str, title: str, section: str, records: list[Record]) -> None:
        """A listing split into numbered pages: the first at ``doc_path``, then ``…/page/2/`` and on."""
        size = self.site.config.limits.listing_page_size
        chunks = [records[i : i + size] for i in range(0, len(records), size)] or [[]]
        first_url = page_url(doc_path)
        docs = [doc_path] + [f"{first_url}page/{n}/index.md" for n in range(2, len(chunks) + 1)]
        urls = [page_url(d) for d in docs]
        for n, (doc, chunk) in enumerate(zip(docs, chunks), start=1):
            pager = None
            if len(chunks) > 1:
                shown = sorted({1, len(chunks), *range(max(1, n - 2), min(len(chunks), n + 2) + 1)})
                pager = {"current": n, "total": len(chunks), "urls": urls, "shown": shown}
            page_title = title if n == 1 else f"{title} · {self.t('page_number', number=n)}"
            first = (n - 1) * size + 1
            values = {"section": section, "records": chunk, "total": len(records), "first": first, "last": first + len(chunk) - 1, "pager": pager}
            # Cached under what the page lists: a decade of records makes hundreds of listing pages.
            # Not searchable: a listing only repeats titles, and would crowd the records out of results.
            key = json.dumps([self.page_stamp, doc, page_title, [r.fingerprint for r in chunk], {k: v for k, v in values.items() if k != "records"}], ensure_ascii=False)
            self.out.pages[doc] = self.cache.get_or_make(
                "listing-page", code_stamp(), key, lambda: self._page_text(doc, "listing/records.md.j2", page_title, {"searchable": False}, **values)  # noqa: B023 - called at once
            )

    # -- reports: regularity, finance, appraisal, meetings -----------------

    def _chart(self, name: str, caption: str, categories: list[str], series: dict[str, list[Any]], unit: str, stacked: bool = False, head: Optional[str] = None) -> dict[str, Any]:
        """Make one chart's SVG and the table of the same numbers that goes with it."""
        path = f"charts/{name}.svg"
        key = json.dumps([categories, {k: [str(v) for v in values] for k, values in series.items()}, unit, stacked], ensure_ascii=False)

        def make() -> str:
            from . import charts  # matplotlib is slow to import: only when a chart changed

            return charts.grouped_bars(categories, series, unit, stacked=stacked)

        self.out.assets[path] = self.cache.get_or_make("chart", CHARTS_VERSION, key, make).encode("utf-8")
        shown = {k: [_money(v) if isinstance(v, Decimal) else v for v in values] for k, values in series.items()}
        rows = [[category] + [shown[k][i] for k in shown] for i, category in enumerate(categories)]
        return {"path": path, "caption": caption, "head": [head or ""] + list(series), "rows": rows}

    def _render_regularity(self) -> None:
        self._emit(
            "regularity/index.md",
            "report/regularity.md.j2",
            self.t("regularity"),
            calendars=self.calendars,
            rectification=regularity.rectification_items(self.view, self.today),
        )

    def _overview(self, section: str) -> Optional[dict[str, Any]]:
        """Figures and charts shown above a section's listing."""
        t = self.t
        if section == "meetings":
            years, counts = fig.meetings_per_kind_per_year(self.view, self.today)
            if not counts:
                return None
            kinds = [k for k in schema.MEETING_KINDS if k in counts]
            series = {t("year_heading", year=y): [counts[k].get(y, 0) for k in kinds] for y in years}
            chart = self._chart("meetings-per-kind", t("meetings_chart"), [t.enum("meeting_kind", k) for k in kinds], series, t("count_meetings"), head=t("kind"))
            return {"template": "report/meetings.md.j2", "chart": chart}
        if section == "finances":
            years = fig.funds_years(self.view, self.site.config.norms.funding_per_member_per_year)
            dues = sorted((r for r in self.view.of_type("finance") if r.kind == "dues"), key=lambda r: (-r.model.year, r.id))
            result: dict[str, Any] = {"template": "report/finances.md.j2", "funds_years": years, "dues": dues}
            ledgers = [ledger for year in reversed(years) for ledger in year.ledgers]
            if ledgers:
                totals = [fig.funds_totals(ledger) for ledger in ledgers]
                result["funds_chart"] = self._chart(
                    "funds-per-period", t("funds_chart"), [ledger.model.period for ledger in ledgers],
                    {t("income"): [x["income"] for x in totals], t("expenses"): [x["expenses"] for x in totals]}, t("yuan_unit"), head=t("period"),
                )
            if dues:
                months = dues[0].model.months
                result["dues_chart"] = self._chart(
                    f"dues-{dues[0].model.year}", t("dues_chart", year=dues[0].model.year), [t.month(m.month) for m in months],
                    {t("due_amount"): [m.due for m in months], t("paid_amount"): [m.paid for m in months]}, t("yuan_unit"), head=t("month"),
                )
            return result
        if section == "appraisals":
            history = fig.appraisal_history(self.view)
            if not history:
                return None
            chart = self._chart(
                "grades", t("grades_chart"), [r.model.period for r in history],
                {t.enum("grade", g): [r.model.results.get(g, 0) for r in history] for g in schema.GRADES}, t("count_people"), stacked=True, head=t("period"),
            )
            ratings = [r for r in self.view.of_type("appraisal") if r.model.rating]
            indicators = [r for r in self.view.of_type("appraisal") if r.model.indicators]
            return {"template": "report/appraisals.md.j2", "chart": chart, "ratings": ratings, "indicators": indicators}
        return None

    def _render_board(self) -> None:
        """The printable pages for the physical disclosure board, one per quarter."""
        site_url = getattr(self.site.config.audiences, self.view.audience).url
        boards = board.periods(self.view, site_url, self.t, self.today, self.cache)
        self._emit("print/index.md", "report/print_index.md.j2", self.t("board"), boards=boards)
        for period in boards:
            title = self.t("board_title", year=period.year, quarter=self.t.quarter(period.quarter))
            # Board pages repeat the records' text: keep them out of search results.
            meta = {"hide": ["navigation", "toc"], "searchable": False}
            self._emit(f"print/{period.slug}/index.md", "report/print.md.j2", title, meta=meta, period=period, branch=self.view.branch)

    def _render_tags(self) -> None:
        tags = self.figures.tags
        self._emit("tags/index.md", "listing/tags.md.j2", self.t("tags"), tags=tags, slug=fig.tag_slug)
        for tag, items in tags.items():
            self._emit_listing(f"tags/{fig.tag_slug(tag)}/index.md", f"{self.t('tag')}：{tag}" if self.t.language == "zh" else f"Tag: {tag}", "tags", items)

    def _nav(self) -> list[Any]:
        nav: list[Any] = [{self.t("home"): "index.md"}]
        for section in SECTION_ORDER:
            nav.append({self.t(f"section_{section}"): f"{section}/index.md"})
            if section == "meetings":
                nav.append({self.t("regularity_short"): "regularity/index.md"})
        nav.append({self.t("tags"): "tags/index.md"})
        nav.append({self.t("open_data"): "data/index.md"})
        nav.append({self.t("board"): "print/index.md"})
        return nav


def compile_pages(site: Site, view: AudienceView, today: dt.date, dates: Optional[dict[str, RecordDates]] = None, cache: Cache = NO_CACHE, page_front_matter: Optional[Mapping[str, Any]] = None) -> CompiledSite:
    """Every page of one audience's site; ``page_front_matter`` (what the engine needs, engines.ProjectNeeds) goes into each page's front matter."""
    return PageRenderer(site, view, today, dates, cache, page_front_matter).render()
