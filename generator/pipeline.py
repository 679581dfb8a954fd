"""The pipeline: load and check once, narrow per audience, compile, stage, render, index, publish.

This is the only module that knows the order of the stages, and ``build``
and ``serve`` run the same one: records are loaded and checked once (with
the cache), then each audience — in its own process where there are cores
for it (``parallel``) — is narrowed, compiled into a staged project, rendered
by the engine into a fresh folder (reusing the live site's unchanged pages)
and indexed for search; only when every audience has rendered does
``publish`` swap the new sites in.  Each stage lives in its own module.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Callable, Optional

from . import inputs, parallel, publish, search, stage
from .audience import AUDIENCES, narrow
from .cache import NO_CACHE, Cache, open_cache
from .cache import clear as clear_cache
from .clock import Clock
from .compile import compile_audience as compile_site
from .config import Site, load_site
from .engines import DEFAULT_ENGINE, Engine, EngineError, ProjectNeeds
from .engines import get as get_engine
from .errors import ErrorCollector, OpenBranchError, RecordError
from .history import RecordDates, record_dates
from .progress import Progress, Reporter
from .records.index import RecordSet, load_records
from .rules import apply_rules, check_previous_ids

# The folder, inside serve's stage root, that serve's rendered sites are published to.
PREVIEW = "preview"


def check(site: Site, today: dt.date, previous_index: Optional[Path] = None, cache: Cache = NO_CACHE) -> tuple[RecordSet, ErrorCollector]:
    """Load every record and run every check: schema, references, then the norms' rules.

    The rules run on every record that loaded, even when other files have
    errors, so one pass reports everything (a rule that needs every record of
    a kind, such as a chain of ledgers, knows from ``records.failed`` which
    files are missing from it).  ``previous_index`` is the last build's
    data/records.json: ids it lists that are gone now are warned about, since
    their addresses would break.
    """
    collector = ErrorCollector()
    records = load_records(site, collector, cache)
    records.dates = record_dates(records, site.content_dir)
    collector.extend(apply_rules(records, site, today))
    if previous_index is not None:
        collector.extend(check_previous_ids(records, site, previous_index))
    return records, collector


@dataclass
class AudienceReport:
    audience: str
    counts: dict[str, int]
    pages: int
    changed: int  # staged files rewritten
    warnings: list[str] = field(default_factory=list)  # the engine's
    rendered: int = 0  # pages the engine rendered
    reused: int = 0  # pages taken unchanged from the previous build
    timings: dict[str, float] = field(default_factory=dict)


@dataclass
class BuildReport:
    output: Path
    engine: str = DEFAULT_ENGINE
    stage: Optional[Path] = None
    audiences: list[AudienceReport] = field(default_factory=list)
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)
    problems: list[RecordError] = field(default_factory=list)  # the check's warnings, which did not stop the build

    def stored(self) -> dict[str, Any]:
        """What an unchanged build reports again (``publish.remember_build``): plain data."""
        return {
            "audiences": [{**asdict(part), "timings": {}} for part in self.audiences],
            "problems": [asdict(problem) for problem in self.problems],
        }

    @classmethod
    def unchanged(cls, stored: dict[str, Any], output: Path, engine: str, stage_root: Path) -> "BuildReport":
        """The report of a build that found nothing changed since the one that ``stored`` this: every page reused."""
        audiences = [AudienceReport(**{**part, "changed": 0, "rendered": 0, "reused": part["pages"]}) for part in stored["audiences"]]
        problems = [RecordError(**problem) for problem in stored["problems"]]
        return cls(output=output, engine=engine, stage=stage_root, audiences=audiences, problems=problems)


def compile_audience(
    site: Site,
    records: RecordSet,
    audience: str,
    today: dt.date,
    stage_root: Path,
    project: ProjectNeeds,
    include_drafts: bool = False,
    dates: Optional[dict[str, RecordDates]] = None,
) -> tuple[Path, int, stage.Staged, dict[str, int]]:
    """Compile one audience's project, with what the engine needs in it, into ``stage_root/<audience>``.

    Returns the project's folder, its page count, what the stage wrote, and
    the audience's record counts.
    """
    view = narrow(records, audience, include_drafts, today)
    cache = open_cache(site.stage_dir)
    try:
        compiled = compile_site(site, view, today, dates=dates, cache=cache, page_front_matter=project.page_front_matter)
    finally:
        cache.close()
    folder = stage_root / audience
    staged = stage.write_stage(site, folder, audience, compiled, project)
    return folder, len(compiled.pages()), staged, view.counts()


@dataclass
class _Job:
    """What every audience's build shares (inherited by forked workers, never pickled)."""

    site: Site
    records: RecordSet
    today: dt.date
    dates: dict[str, RecordDates]
    stage_root: Path
    output: Path
    epoch: int
    engine: Engine
    include_drafts: bool = False


@dataclass
class _Outcome:
    report: AudienceReport
    fresh: Path
    manifest: dict


class _SearchFailed(Exception):
    """Pagefind failed on one audience's rendered site (picklable, from a worker process)."""

    def __init__(self, audience: str, detail: str):
        super().__init__(audience, detail)
        self.audience = audience
        self.detail = detail


def _build_audience(job: _Job, audience: str, report: Reporter) -> _Outcome:
    """Compile, stage, render and index one audience into a fresh folder beside its live site."""
    messages = job.site.messages
    label = messages("audience_label_" + audience)
    timings: dict[str, float] = {}
    started = time.perf_counter()
    report(audience, messages("progress_compiling", audience=label), force=True)
    folder, pages, staged, counts = compile_audience(job.site, job.records, audience, job.today, job.stage_root, job.engine.project, job.include_drafts, job.dates)
    timings["compile"] = time.perf_counter() - started

    done = [0]

    def on_page() -> None:
        done[0] += 1
        report(audience, messages("progress_rendering", audience=label, done=done[0], total=pages))

    started = time.perf_counter()
    target = job.output / audience
    fresh = publish.fresh_folder(job.output, audience)
    try:
        rendered = job.engine.render(folder, fresh, job.epoch, staged.digests, publish.previous_site(folder, target), on_page)
        timings["render"] = time.perf_counter() - started
        report(audience, messages("progress_indexing", audience=label), force=True)
        started = time.perf_counter()
        search.index_site(
            fresh,
            job.site.config.language,
            kept=publish.search_inputs(folder),
            keep=publish.pending_search_inputs(folder),
            live=target,
            max_pages=job.site.config.limits.search_index_pages,
        )
        timings["search"] = time.perf_counter() - started
    except search.SearchIndexError as exc:
        publish.discard(fresh)
        raise _SearchFailed(audience, str(exc)) from exc
    except BaseException:
        publish.discard(fresh)
        raise
    report(audience, messages("progress_rendered", audience=label, total=pages), force=True)
    result = AudienceReport(audience, counts, pages, staged.changed, rendered.warnings, rendered.rendered, rendered.reused, timings)
    return _Outcome(result, fresh, rendered.manifest)


def _engine_problem(site: Site, engine: Engine, exc: EngineError) -> RecordError:
    return RecordError("mkdocs.yml", 0, 0, "", site.messages("engine_failed", engine=engine.title, detail=str(exc)))


def _failure(site: Site, output: Path, engine: Engine, exc: BaseException) -> BaseException:
    """What a failed audience build is reported as: a one-line problem, or the exception itself if unexpected."""
    if isinstance(exc, EngineError):
        return OpenBranchError([_engine_problem(site, engine, exc)])
    if isinstance(exc, _SearchFailed):
        where = site.relative(output / exc.audience / search.INDEX_FOLDER)
        return OpenBranchError([RecordError(where, 0, 0, "", site.messages("search_failed", detail=exc.detail))])
    return exc


def _run(
    site: Site,
    output: Path,
    audiences: tuple[str, ...],
    clock: Clock,
    engine: Engine,
    stage_root: Path,
    include_drafts: bool = False,
    clean: bool = False,
    strict: bool = False,
    progress: Optional[Progress] = None,
) -> BuildReport:
    """Every stage, for ``audiences``, into ``output``; ``OpenBranchError`` with every problem when something stops it.

    Nothing is done when every input is as the build that made the live
    sites found it (``inputs``): its report is given again.
    """
    started = time.perf_counter()
    progress = progress or Progress(enabled=False)
    progress.show("build", site.messages("progress_loading"), force=True)
    fingerprint = inputs.fingerprint(site, clock, engine.name, audiences, include_drafts, output)
    sites = {audience: output / audience for audience in audiences}
    stored = None if clean else publish.unchanged_build(stage_root, fingerprint, sites)
    progress.timed("inputs", time.perf_counter() - started)
    if stored is not None:
        progress.clear()
        report = BuildReport.unchanged(stored, output, engine.name, stage_root)
        if strict and report.problems:
            raise OpenBranchError(report.problems)
        report.seconds = time.perf_counter() - started
        report.timings = dict(progress.timings)
        return report
    publish.forget_build(stage_root)
    checking = time.perf_counter()
    if clean:
        clear_cache(site.stage_dir)
    cache = open_cache(site.stage_dir)
    try:
        records, collector = check(site, clock.today, cache=cache)
    finally:
        cache.close()
    progress.timed("check", time.perf_counter() - checking)
    progress.show("build", None)
    if collector.failed(strict):
        progress.clear()
        raise OpenBranchError(collector.sorted())
    report = BuildReport(output=output, engine=engine.name, stage=stage_root, problems=collector.sorted())
    publish.recover(output)
    if clean:
        stage.remove_stage(site, stage_root)
    epoch = clock.build_epoch(record.date for record in records)
    job = _Job(site, records, clock.today, records.dates, stage_root, output, epoch, engine, include_drafts)
    try:
        outcomes, problems = parallel.each_audience(partial(_build_audience, job), audiences, progress)
    finally:
        progress.clear()
    if problems:
        publish.discard_all(outcomes)
        failure = _failure(site, output, engine, problems[0])
        if failure is problems[0]:
            raise failure
        raise failure from problems[0]
    publish.publish_all(outcomes, output, stage_root)
    for outcome in outcomes:
        report.audiences.append(outcome.report)
        for name, seconds in outcome.report.timings.items():
            progress.timed(f"{name} {outcome.report.audience}", seconds)
    publish.remember_build(stage_root, fingerprint, sites, report.stored())
    report.seconds = time.perf_counter() - started
    report.timings = dict(progress.timings)
    return report


def build(
    site: Site,
    output: Optional[Path] = None,
    audiences: tuple[str, ...] = AUDIENCES,
    clock: Optional[Clock] = None,
    clean: bool = False,
    strict: bool = False,
    progress: Optional[Progress] = None,
    engine_name: str = DEFAULT_ENGINE,
) -> BuildReport:
    """Build the sites; raise ``OpenBranchError`` with every problem if the records are not clean.

    The staged projects stay in the stage folder between builds: they are what
    makes the next build incremental (MkDocs reuses unchanged pages, Zensical
    its cache).  ``clean`` starts from nothing.  ``engine_name`` is one of
    ``engines.names()``.
    """
    engine = get_engine(engine_name)
    output = (output or site.output_dir).resolve()
    return _run(site, output, audiences, clock or Clock.read(), engine, stage.stage_root(site, output), clean=clean, strict=strict, progress=progress)


def serve(
    site: Site,
    audience: str,
    clock: Clock,
    include_drafts: bool,
    dev_addr: Optional[str],
    on_problems: Callable[[list[RecordError]], None],
    on_built: Optional[Callable[[BuildReport], None]] = None,
) -> None:
    """Build one audience's preview as ``build`` does, serve it with live reload, build again on every change.

    The preview is staged in ``.openbranch/serve/<audience>`` and published to
    ``.openbranch/serve/preview/<audience>``, with the cache and page reuse of
    ``build``.  ``content/``, ``themes/`` and site_config.yml are watched and
    never written, so serving cannot loop; site_config.yml is read again on
    each change.  A change that breaks the records is reported through
    ``on_problems`` and the last good preview stays up.
    """
    engine = get_engine(DEFAULT_ENGINE)
    stage_root = stage.stage_root(site)
    output = stage_root / PREVIEW

    def rebuild() -> bool:
        current, problems = load_site(site.config_path)
        if current is None:
            on_problems(problems)
            return False
        try:
            report = _run(current, output, (audience,), clock, engine, stage_root, include_drafts=include_drafts)
        except OpenBranchError as exc:
            on_problems(exc.errors)
            return False
        on_problems(report.problems)
        if on_built is not None:
            on_built(report)
        return True

    if not rebuild():
        raise OpenBranchError([])
    watched = [folder for folder in (site.content_dir, site.themes_dir) if folder.is_dir()] + [site.config_path]
    try:
        engine.serve(stage_root / audience, output / audience, watched, rebuild, dev_addr)
    except EngineError as exc:
        raise OpenBranchError([_engine_problem(site, engine, exc)]) from exc
