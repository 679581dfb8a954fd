"""Record and listing pages: Jinja2 templates from the theme -> Markdown with front matter.

``PageRenderer`` holds one audience's Jinja2 environment and turns a template
and its data into a staged page; this module renders the home page, every
record's page, the regularity report and the open-data page, and makes the
navigation.  The listings (``listings``) and the print board (``board``) are
rendered with the same renderer.

Every plain field reaches the page through Jinja2's autoescaping inside HTML
elements, where Markdown leaves it alone; a record's ``body`` is sanitised
HTML (``sanitise``).  The page title in the front matter is HTML-escaped
too, because the engine's templates print it without escaping.  Templates
receive data: the figures are computed beforehand (``generator.figures``).
"""

from __future__ import annotations

import datetime as dt
import html
import json
from pathlib import Path
from typing import Any, Callable, Optional

import jinja2
import yaml
from markupsafe import Markup

from .. import theme, vocabulary
from ..cache import NO_CACHE, Cache, code_stamp, templates_folder
from ..config import Site
from ..figures import Figures
from ..hashing import folder_digest
from ..history import RecordDates
from ..i18n import Labels
from ..records.index import Record, RecordSet
from ..records.models.common import money_text
from .attachments import human_size, record_files
from .descriptions import record_description
from .exports import documented_files
from .headings import dedupe_heading_ids
from .output import Output
from .sanitise import render_body
from .tables import table_box, table_boxes
from .urls import page_url, record_page_path, relative_url, tag_url

# The sections in the order of the navigation.
SECTION_ORDER = ["notices", "meetings", "decisions", "finances", "appraisals", "opinions", "elections", "responsibilities", "inspections"]


def _fingerprint(record: Optional[Record]) -> Optional[str]:
    return record.fingerprint if record is not None else None


def template_filters(t: Labels) -> dict[str, Callable[..., str]]:
    """The filters every page template may use, in the site's language (the portal's pages too)."""
    return {
        "date": t.date,
        "money": lambda value: money_text(value, "grouped"),
        "enum": t.enum,
        "size": human_size,
        "percent": lambda v: "" if v is None else f"{v}%",
        "table_box": lambda table, kind="", layout="cards": table_box(table, t, kind, layout),
        "table_boxes": lambda body: table_boxes(body, t),
    }


def template_environment(loader: jinja2.BaseLoader, t: Labels, stage_dir: Optional[Path] = None) -> jinja2.Environment:
    """The Jinja2 environment of page templates (a branch's pages, the portal's): autoescaped, strict, with ``template_filters``.

    With a ``stage_dir``, compiled templates are kept in it between builds
    (Jinja checks each against its template's source before using it):
    compiling them costs more than a one-record rebuild renders.
    """
    env = jinja2.Environment(
        loader=loader,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        bytecode_cache=None if stage_dir is None else jinja2.FileSystemBytecodeCache(templates_folder(stage_dir)),
    )
    env.filters.update(template_filters(t))
    return env


def front_matter_page(front: dict[str, Any], body: str) -> str:
    """A staged page: YAML front matter (``title`` and ``description`` HTML-escaped: the engine prints them as they are) and the body."""
    front = {**front, "title": html.escape(front["title"], quote=False)}
    # The engine's templates print the description unescaped, inside an attribute.
    if front.get("description"):
        front["description"] = html.escape(" ".join(str(front["description"]).split()), quote=True)
    # libyaml's emitter: same YAML, five times faster (it writes astral characters as escapes).
    header = yaml.dump(front, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=True, width=1000).strip()
    return f"---\n{header}\n---\n\n{body.rstrip()}\n"


class PageRenderer:
    """One audience's Jinja2 environment: a template and its data -> a staged Markdown page."""

    def __init__(
        self,
        site: Site,
        view: RecordSet,
        figures: Figures,
        today: dt.date,
        output: Output,
        cache: Cache = NO_CACHE,
        page_front_matter: Optional[dict[str, Any]] = None,
    ):
        self.site = site
        self.view = view
        self.figures = figures
        self.today = today
        self.output = output
        self.cache = cache
        self.page_front_matter = dict(page_front_matter or {})
        self.t = Labels(site.config.language)
        self.tag_urls = {tag: tag_url(tag) for tag in figures.site.tags}
        self.env = self._environment()
        # Everything site-wide a cached page depends on besides what it lists or shows.
        self.page_stamp = json.dumps(
            [
                view.audience,
                site.config.model_dump_json(),
                view.branch.model_dump_json() if view.branch else None,
                folder_digest(theme.own_templates(self.site)),
                self.page_front_matter,
            ],
            ensure_ascii=False,
            sort_keys=True,
        )

    def _environment(self) -> jinja2.Environment:
        env = template_environment(theme.template_loader(self.site), self.t, self.site.stage_dir)
        env.globals.update(
            t=self.t, site=self.site, view=self.view, figures=self.figures.site, today=self.today, audience=self.view.audience, tag_urls=self.tag_urls
        )
        return env

    def _context(self, doc_path: str, **values: Any) -> dict[str, Any]:
        url = page_url(doc_path)

        def link(target: Any) -> str:
            to = target.url if isinstance(target, Record) else str(target)
            return relative_url(url, to)

        def kind_label(record: Record) -> str:
            # A type listed by status (opinions) shows its status where others show their kind.
            status = vocabulary.STATUS_ENUMERATION.get(record.type)
            if status is not None:
                return self.t.enum(status[1], getattr(record.model, status[0]))
            return vocabulary.kind_label(record.type, record.kind, self.t.language)

        return {"page_url": url, "link": link, "kind_label": kind_label, "record_of": self.view.get, **values}

    def page_text(self, doc_path: str, template: str, title: str, meta: Optional[dict[str, Any]] = None, **values: Any) -> str:
        """One page: front matter (title, the engine's ``page_front_matter``, ``meta``, the template as ``page_type``) and the rendered template.

        ``page_type`` names the kind of page (its template, e.g. ``record/meeting``;
        main.html writes it into the page, tests/test_layout_browser.py picks a page of each kind by it).
        """
        # Every page is a folder's index.md, so the Markdown file sits in its
        # URL's folder and a relative link means the same to every engine:
        # MkDocs keeps links in raw HTML as written, Zensical resolves them
        # against the Markdown file's folder.
        assert doc_path == "index.md" or doc_path.endswith("/index.md"), doc_path
        body = self.env.get_template(template).render(self._context(doc_path, title=title, **values))
        body = dedupe_heading_ids(body)
        return front_matter_page({"title": title, "page_type": template.removesuffix(".md.j2"), **self.page_front_matter, **(meta or {})}, body)

    def emit(self, doc_path: str, template: str, title: str, meta: Optional[dict[str, Any]] = None, **values: Any) -> None:
        """Render a page and stage it at ``doc_path``."""
        self.output.add(doc_path, self.page_text(doc_path, template, title, meta, **values), f"page {template}")

    def emit_cached(self, namespace: str, doc_path: str, template: str, key: list[Any], make: Callable[[], str]) -> None:
        """Stage the page ``make`` renders, cached across builds under ``key`` (with the site-wide stamp and the code)."""
        text = self.cache.get_or_make(namespace, code_stamp(), json.dumps([self.page_stamp, *key], ensure_ascii=False, default=str), make)
        self.output.add(doc_path, text, f"page {template}")


# ---------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------


def render_home(pages: PageRenderer) -> None:
    view = pages.view
    title = pages.site.config.site_name or (view.branch.name if view.branch else "OpenBranch")
    # Overdue rectification items are the members' business: the members' home page lists them.
    overdue = [tracked for tracked in pages.figures.rectification if tracked.overdue] if view.audience == "members" else []
    description = view.branch.description if view.branch and view.branch.description else pages.t("description_home", name=title)
    pages.emit("index.md", "home.md.j2", title, meta={"hide": ["navigation"], "description": description}, branch=view.branch, term=pages.figures.term, overdue_items=overdue)


def render_record(pages: PageRenderer, record: Record, dates: Optional[RecordDates]) -> None:
    view, today = pages.view, pages.today
    template = f"record/{record.type}_{record.kind}.md.j2" if record.type == "finance" else f"record/{record.type}.md.j2"
    doc_path = record_page_path(record)
    links = pages.figures.site
    related = {
        "decisions": links.decisions_of_meeting.get(record.id, []),
        "ledgers": links.expenses_of_decision.get(record.id, []),
        "meeting": view.get(record.model.meeting) if record.type in ("decision", "election") else None,
        "decision": view.get(record.model.decision) if record.type == "opinion" else None,
    }
    files = record_files(pages.site, record)
    numbers = pages.figures.of(record)

    def make() -> str:
        return pages.page_text(
            doc_path,
            template,
            record.title,
            meta={"record_id": record.id, "record_type": record.type, "date": record.date.isoformat(), "description": record_description(record, pages.t)},
            record=record,
            m=record.model,
            body_html=Markup(render_body(record.model.body)),
            attachments=files.attachments,
            receipts=files.receipts,
            related=related,
            dates=dates,
            attendance=numbers.attendance,
            notice=numbers.notice,
            totals=numbers.funds or numbers.dues,
            share=numbers.dues_share,
            grades=numbers.grades,
            items=numbers.items,
            excellent_cap=numbers.excellent_cap,
            opinion=numbers.opinion,
            election=numbers.election,
            term=pages.figures.term,
            inspection_state=pages.figures.duties.state_of.get(record.id),
        )

    # A record's page is cached across builds under everything it shows: the
    # record, the records it links to, its files, its dates and figures, and the day's state.
    linked = [*related["decisions"], *related["ledgers"], related["meeting"], related["decision"]]
    if record.type == "finance" and record.kind == "funds":
        linked += [view.get(e.decision) for e in record.model.expenses if e.decision]
        linked += [view.get(i.dues) for i in record.model.income if i.dues]
    if record.type == "responsibility":
        linked += [view.get(a.report) for a in record.model.assignments if a.report]
    key = [
        _fingerprint(record),
        [_fingerprint(r) for r in linked],
        [(a.url, a.size, a.sha256) for a in files.all()],
        repr(dates),
        repr(numbers),
        record.date >= today,
        [c.date <= today for c in record.model.corrections],
        # An election's page shows whether it gives the branch's current term, and that term's state today.
        [repr(pages.figures.term), pages.figures.term.election_id] if record.type == "election" and pages.figures.term else None,
    ]
    pages.emit_cached("record-page", doc_path, template, key, make)


def render_regularity(pages: PageRenderer) -> None:
    figures, t = pages.figures, pages.t
    newest = figures.calendars[0] if figures.calendars else None
    if newest is not None and newest.rate is not None:
        description = t("description_regularity", year=newest.year, rate=f"{newest.rate}%", held=newest.held, due=newest.due)
    else:
        description = t("regularity")
    pages.emit("regularity/index.md", "report/regularity.md.j2", t("regularity"), meta={"description": description}, calendars=figures.calendars, rectification=figures.rectification)


def render_catalogue(pages: PageRenderer) -> None:
    """The 党务公开目录 page: every catalogue item, and for the items this audience may see, each event's or period's state."""
    language = pages.t.language
    disclosed_by = {entry.index: pages.t("list_separator").join(vocabulary.disclosing_label(spec, language) for spec in entry.item.records) for entry in pages.figures.catalogue}
    pages.emit("catalogue/index.md", "report/catalogue.md.j2", pages.t("catalogue"), catalogue=pages.figures.catalogue, disclosed_by=disclosed_by)


def render_data_page(pages: PageRenderer) -> None:
    pages.emit("data/index.md", "report/data.md.j2", pages.t("open_data"), meta={"description": pages.t("open_data_intro")}, files=documented_files(pages.t, pages.view), sections=SECTION_ORDER)


def navigation(t: Labels) -> list[Any]:
    nav: list[Any] = [{t("home"): "index.md"}]
    for section in SECTION_ORDER:
        nav.append({t(f"section_{section}"): f"{section}/index.md"})
        if section == "meetings":
            nav.append({t("regularity_short"): "regularity/index.md"})
            nav.append({t("catalogue_short"): "catalogue/index.md"})
    nav.append({t("tags"): "tags/index.md"})
    nav.append({t("open_data"): "data/index.md"})
    nav.append({t("board"): "print/index.md"})
    return nav
