"""``openbranch portal``: the committee's two portals, built from what the branches published.

The order is a branch build's, with the branches' published sites in the
place of records: read portal.yml (``config``), read each branch's site of
the audience (``branches``: figures.json and whether it has a search index),
compile one plain MkDocs project per audience (``pages``, ``exports``),
stage it (``stage.write_project``), render it with an engine
(``generator.engines``), index its own pages for search, and only when both
audiences rendered swap them in (``generator.publish``).  The public portal
is compiled from the branches' public sites only, the members' portal from
their members' sites only: leak-proof by construction, as a branch build is.
No branch page is rendered again; the portal links to the branches' sites.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Optional

from .. import parallel, publish, search
from ..audience import AUDIENCES
from ..cache import Cache, open_cache
from ..clock import Clock
from ..compile.output import Output
from ..engines import DEFAULT_ENGINE, Engine, EngineError, ProjectNeeds
from ..engines import get as get_engine
from ..errors import ErrorCollector, OpenBranchError, RecordError
from ..i18n import Labels, Messages
from ..progress import Progress, Reporter
from ..stage import Staged, dump_mkdocs_yml, project_config, write_project
from ..theme import BUILTIN_PREFIX, builtin_theme
from .branches import BranchSite, read_branches
from .config import PORTAL_FILE, Portal
from .exports import export_files
from .pages import PortalPages, render_pages
from .view import PortalView, portal_view

# The portal's own theme files, laid over the built-in overrides (a main.html
# that extends the built-in one, the portal's stylesheet and scripts).
PORTAL_THEME = "portal"
PORTAL_CSS = "stylesheets/openbranch-portal.css"


@dataclass
class AudienceReport:
    audience: str
    branches: int
    unavailable: int
    pages: int
    rendered: int = 0
    reused: int = 0
    timings: dict[str, float] = field(default_factory=dict)


@dataclass
class PortalReport:
    output: Path
    audiences: list[AudienceReport] = field(default_factory=list)
    problems: list[RecordError] = field(default_factory=list)  # warnings, and with --keep-going the errors it built past
    seconds: float = 0.0


def portal_label(messages: Messages, audience: str) -> str:
    """公开门户 / 党内门户, as the command's output names each portal."""
    return messages("portal_label_public") if audience == "public" else messages("portal_label_members")


def _overrides() -> dict[str, Path]:
    """The staged ``overrides/``: the built-in theme's, each HTML file also under ``openbranch/``, and the portal's on top."""
    def files(folder: Path) -> dict[str, Path]:
        return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*")) if p.is_file()}

    builtin = files(builtin_theme() / "overrides")
    staged = dict(builtin)
    staged.update({f"{BUILTIN_PREFIX}/{name}": path for name, path in builtin.items() if name.endswith(".html")})
    staged.update(files(builtin_theme() / PORTAL_THEME))
    return staged


def compile_portal(portal: Portal, audience: str, sites: list[BranchSite], today: dt.date, cache: Cache, needs: ProjectNeeds) -> tuple[Output, PortalView]:
    """Every page and data file of one audience's portal."""
    view = portal_view(portal, audience, sites, today)
    output = Output()
    render_pages(PortalPages(view, output, cache, dict(needs.page_front_matter)))
    export_files(view, output)
    return output, view


def stage_portal(portal: Portal, folder: Path, audience: str, compiled: Output, needs: ProjectNeeds) -> Staged:
    """Write one audience's portal project into ``folder``."""
    config = portal.config
    t = Labels(config.language)
    generated = project_config(
        config.name, config.language, audience, compiled, needs, getattr(config.urls, audience),
        extra_css=[PORTAL_CSS], audience_note=t("portal_public_note") if audience == "public" else t("portal_members_note"),
    )
    wanted: dict[str, bytes | Path] = {f"docs/{path}": payload for path, payload in compiled.items()}
    wanted.update({f"overrides/{name}": source for name, source in _overrides().items()})
    wanted["mkdocs.yml"] = dump_mkdocs_yml(generated, PORTAL_FILE).encode("utf-8")
    return write_project(folder, wanted)


@dataclass
class _Job:
    portal: Portal
    sites: dict[str, list[BranchSite]]
    today: dt.date
    stage_root: Path
    output: Path
    epoch: int
    engine: Engine


@dataclass
class _Outcome:
    report: AudienceReport
    fresh: Path
    manifest: dict


def _build_audience(job: _Job, audience: str, report: Reporter) -> _Outcome:
    messages = job.portal.messages
    label = portal_label(messages, audience)
    timings: dict[str, float] = {}
    started = time.perf_counter()
    report(audience, messages("portal_progress_compiling", audience=label), force=True)
    cache = open_cache(job.portal.stage_dir)
    try:
        compiled, view = compile_portal(job.portal, audience, job.sites[audience], job.today, cache, job.engine.project)
    finally:
        cache.close()
    folder = job.stage_root / audience
    staged = stage_portal(job.portal, folder, audience, compiled, job.engine.project)
    timings["compile"] = time.perf_counter() - started
    started = time.perf_counter()
    report(audience, messages("portal_progress_rendering", audience=label), force=True)
    target = job.output / audience
    fresh = publish.fresh_folder(job.output, audience)
    try:
        rendered = job.engine.render(folder, fresh, job.epoch, staged.digests, publish.previous_site(folder, target))
        timings["render"] = time.perf_counter() - started
        started = time.perf_counter()
        search.index_site(fresh, job.portal.config.language)
        timings["search"] = time.perf_counter() - started
    except BaseException:
        publish.discard(fresh)
        raise
    result = AudienceReport(audience, len(view.branches), len(view.unavailable), len(compiled.pages()), rendered.rendered, rendered.reused, timings)
    return _Outcome(result, fresh, rendered.manifest)


def _stage_root(portal: Portal, output: Path) -> Path:
    key = hashlib.sha1(str(output.resolve()).encode("utf-8")).hexdigest()[:10]
    return portal.stage_dir / f"portal-{key}"


def build_portal(
    portal: Portal,
    output: Optional[Path] = None,
    keep_going: bool = False,
    engine_name: str = DEFAULT_ENGINE,
    progress: Optional[Progress] = None,
    clock: Optional[Clock] = None,
) -> PortalReport:
    """Build both portals; ``OpenBranchError`` with every problem when a branch cannot be read (unless ``keep_going``).

    Nothing is written before every branch has been read: a failed build
    leaves the previous portals as they were.
    """
    started = time.perf_counter()
    progress = progress or Progress(enabled=False)
    engine = get_engine(engine_name)
    output = (output or portal.output_dir).resolve()
    collector = ErrorCollector()
    collector.extend(portal.problems)
    sites: dict[str, list[BranchSite]] = {}
    for audience in AUDIENCES:
        sites[audience], problems = read_branches(portal, audience)
        collector.extend(problems)
    if collector.errors and not keep_going:
        raise OpenBranchError(collector.sorted())
    # The portal's "today" is the newest of the branches' (their figures are as of their builds):
    # the same published sites give the same portal, whatever day it is built.
    todays = [site.figures.today for found in sites.values() for site in found if site.figures]
    clock = clock or Clock.read(max(todays) if todays else None)
    job = _Job(portal, sites, clock.today, _stage_root(portal, output), output, clock.build_epoch(todays), engine)
    publish.recover(output)
    try:
        outcomes, failures = parallel.each_audience(partial(_build_audience, job), AUDIENCES, progress)
    finally:
        progress.clear()
    if failures:
        publish.discard_all(outcomes)
        failure = failures[0]
        if isinstance(failure, EngineError):
            raise OpenBranchError([RecordError(PORTAL_FILE, 0, 0, "", portal.messages("engine_failed", engine=engine.title, detail=str(failure)))]) from failure
        if isinstance(failure, search.SearchIndexError):
            raise OpenBranchError([RecordError(PORTAL_FILE, 0, 0, "", portal.messages("search_failed", detail=str(failure)))]) from failure
        raise failure
    publish.publish_all(outcomes, output, job.stage_root)
    report = PortalReport(output=output, problems=collector.sorted(), audiences=[outcome.report for outcome in outcomes])
    report.seconds = time.perf_counter() - started
    return report
