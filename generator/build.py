"""The pipeline: load and check once, narrow per audience, compile, stage, render, swap.

This is the only module that knows the order of the stages; each stage lives
in its own module.
"""

from __future__ import annotations

import calendar
import ctypes
import datetime as dt
import multiprocessing
import os
import signal
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from . import engine, search, stage
from .audience import AUDIENCES, narrow
from .cache import NO_CACHE, Cache
from .config import Site
from .errors import ErrorCollector, OpenBranchError, RecordError
from .compile import compile_audience as compile_site
from .history import RecordDates, record_dates
from .progress import Progress, Reporter
from .records.index import RecordSet, load_records
from .rules import apply_rules, check_previous_ids


def check(site: Site, today: dt.date, previous_index: Optional[Path] = None, cache: Cache = NO_CACHE) -> tuple[RecordSet, ErrorCollector]:
    """Load every record and run every check: schema, references, then the norms' rules.

    ``previous_index`` is the last build's data/records.json: ids it lists that
    are gone now are warned about, since their addresses would break.
    """
    collector = ErrorCollector()
    records = load_records(site, collector, cache)
    if not collector.errors:
        # The rules compare records with each other: only meaningful on clean input.
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
    warnings: list[str] = field(default_factory=list)
    rendered: int = 0  # pages the engine rendered
    reused: int = 0  # pages taken unchanged from the previous build
    timings: dict[str, float] = field(default_factory=dict)


@dataclass
class BuildReport:
    output: Path
    engine: str = engine.DEFAULT_ENGINE
    stage: Optional[Path] = None
    audiences: list[AudienceReport] = field(default_factory=list)
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)


def source_date_epoch(records: RecordSet, today: dt.date) -> int:
    """Timestamps in the output: SOURCE_DATE_EPOCH if set, else the newest record's date."""
    env = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if env.isdigit():
        return int(env)
    newest = max((r.date for r in records if r.date <= today), default=today)
    return calendar.timegm(newest.timetuple())


def compile_audience(
    site: Site,
    records: RecordSet,
    audience: str,
    today: dt.date,
    stage_root: Path,
    include_drafts: bool = False,
    dates: Optional[dict[str, RecordDates]] = None,
) -> tuple[Path, int, int, dict[str, int]]:
    """Compile one audience's MkDocs project into ``stage_root/<audience>``."""
    view = narrow(records, audience, include_drafts)
    cache = Cache(site.stage_dir / "cache.sqlite")
    try:
        # Material's own search index stays empty: site search is Pagefind's (generator/search.py).
        compiled = compile_site(site, view, today, dates=dates, cache=cache, page_front_matter={"search": {"exclude": True}})
    finally:
        cache.close()
    folder, changed = stage.write_stage(site, stage_root / audience, audience, compiled)
    return folder, len(compiled.pages()), changed, view.counts()


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
    engine: str = engine.DEFAULT_ENGINE


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
    """Compile, stage and render one audience into a fresh folder beside its live site."""
    messages = job.site.messages
    label = messages("audience_label_" + audience)
    timings: dict[str, float] = {}
    started = time.perf_counter()
    report(audience, messages("progress_compiling", audience=label), force=True)
    folder, pages, changed, counts = compile_audience(job.site, job.records, audience, job.today, job.stage_root, dates=job.dates)
    timings["compile"] = time.perf_counter() - started

    done = [0]

    def on_page() -> None:
        done[0] += 1
        report(audience, messages("progress_rendering", audience=label, done=done[0], total=pages))

    started = time.perf_counter()
    target = job.output / audience
    fresh = engine.fresh_folder(job.output, audience)
    try:
        rendered = engine.render(folder, fresh, job.epoch, previous_site=target if target.is_dir() else None, on_page=on_page, engine=job.engine)
    except BaseException:
        engine.discard(fresh)
        raise
    timings["render"] = time.perf_counter() - started
    report(audience, messages("progress_indexing", audience=label), force=True)
    started = time.perf_counter()
    try:
        search.index_site(fresh, job.site.config.language)
    except search.SearchIndexError as exc:
        engine.discard(fresh)
        raise _SearchFailed(audience, str(exc)) from exc
    except BaseException:
        engine.discard(fresh)
        raise
    timings["search"] = time.perf_counter() - started
    report(audience, messages("progress_rendered", audience=label, total=pages), force=True)
    result = AudienceReport(audience, counts, pages, changed, rendered.warnings, rendered.rendered, rendered.reused, timings)
    return _Outcome(result, fresh, rendered.manifest)


# Set in the parent just before the workers fork; they read it instead of unpickling records.
_FORK_JOB: Optional[_Job] = None
_FORK_CHANNEL: Any = None


def _die_with_parent() -> None:
    """A killed build must not leave workers rendering on (Linux: PR_SET_PDEATHSIG)."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass


def _forked_audience(audience: str) -> _Outcome:
    assert _FORK_JOB is not None
    return _build_audience(_FORK_JOB, audience, Reporter(channel=_FORK_CHANNEL))


def _workers(audiences: tuple[str, ...]) -> int:
    """How many audiences to build at once: one process per audience, up to the cores there are."""
    if len(audiences) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        cores = os.cpu_count() or 1
    return max(1, min(len(audiences), cores))


def _build_audiences(job: _Job, audiences: tuple[str, ...], progress: Progress) -> list[_Outcome]:
    """Every audience's build, in parallel where there are cores for it (the audiences are independent)."""
    workers = _workers(audiences)
    if workers == 1:
        return [_build_audience(job, audience, Reporter(progress)) for audience in audiences]
    global _FORK_JOB, _FORK_CHANNEL
    context = multiprocessing.get_context("fork")
    channel = context.Queue()
    _FORK_JOB, _FORK_CHANNEL = job, channel
    outcomes: list[_Outcome] = []
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_die_with_parent) as pool:
            futures = [pool.submit(_forked_audience, audience) for audience in audiences]
            listener = progress.listen(channel)
            problems: list[BaseException] = []
            for future in futures:
                try:
                    outcomes.append(future.result())
                except BaseException as exc:  # noqa: BLE001 - re-raised below, after cleaning up
                    problems.append(exc)
            channel.put(None)
            listener.join(timeout=2)
        if problems:
            for outcome in outcomes:
                engine.discard(outcome.fresh)
            raise problems[0]
        return outcomes
    finally:
        _FORK_JOB, _FORK_CHANNEL = None, None
        channel.close()


def build(
    site: Site,
    output: Optional[Path] = None,
    audiences: tuple[str, ...] = AUDIENCES,
    today: Optional[dt.date] = None,
    clean: bool = False,
    strict: bool = False,
    progress: Optional[Progress] = None,
    engine_name: str = engine.DEFAULT_ENGINE,
) -> BuildReport:
    """Build the sites; raise ``OpenBranchError`` with every problem if the records are not clean.

    The staged projects stay in the stage folder between builds: they are what
    makes the next build incremental (MkDocs reuses unchanged pages, Zensical
    its cache).  ``clean`` starts from nothing.  ``engine_name`` is one of
    ``engine.ENGINES``.
    """
    if engine_name not in engine.ENGINES:
        raise ValueError(f"unknown engine {engine_name!r}; expected one of {', '.join(engine.ENGINES)}")
    started = time.perf_counter()
    progress = progress or Progress(enabled=False)
    today = today or dt.date.today()
    output = (output or site.output_dir).resolve()
    progress.show("build", site.messages("progress_loading"), force=True)
    if clean:
        for name in ("cache.sqlite", "cache.sqlite-wal", "cache.sqlite-shm"):
            (site.stage_dir / name).unlink(missing_ok=True)
    cache = Cache(site.stage_dir / "cache.sqlite")
    try:
        records, collector = check(site, today, cache=cache)
    finally:
        cache.close()
    progress.timed("check", time.perf_counter() - started)
    progress.show("build", None)
    if collector.failed(strict):
        progress.clear()
        raise OpenBranchError(collector.sorted())
    report = BuildReport(output=output, engine=engine_name)
    engine.recover(output)
    stage_root = stage.stage_root(site, output)
    if clean:
        stage.remove_stage(site, stage_root)
    report.stage = stage_root
    job = _Job(site, records, today, record_dates(records, site.content_dir), stage_root, output, source_date_epoch(records, today), engine_name)
    try:
        outcomes = _build_audiences(job, audiences, progress)
    except engine.EngineError as exc:
        raise OpenBranchError([RecordError("mkdocs.yml", 0, 0, "", site.messages("engine_failed", engine=engine.ENGINE_NAMES[engine_name], detail=str(exc)))]) from exc
    except _SearchFailed as exc:
        where = site.relative(output / exc.audience / search.INDEX_FOLDER)
        raise OpenBranchError([RecordError(where, 0, 0, "", site.messages("search_failed", detail=exc.detail))]) from exc
    finally:
        progress.clear()
    # Every audience rendered: only now replace the old sites.
    for outcome in outcomes:
        audience_stage = stage_root / outcome.report.audience
        engine.forget(audience_stage)
        engine.swap_in(outcome.fresh, output / outcome.report.audience)
        engine.remember(audience_stage, outcome.manifest, output / outcome.report.audience)
        report.audiences.append(outcome.report)
        for name, seconds in outcome.report.timings.items():
            progress.timed(f"{name} {outcome.report.audience}", seconds)
    report.seconds = time.perf_counter() - started
    report.timings = dict(progress.timings)
    return report


def serve(site: Site, audience: str, today: dt.date, include_drafts: bool, dev_addr: Optional[str], on_problems) -> None:
    """Compile, run MkDocs' live-reload server on the staged project, recompile on change.

    Only the build folder is written; ``content/``, ``themes/`` and
    site_config.yml are watched and never written, so serving cannot loop.
    """
    import threading

    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer

    def recompile() -> Optional[Path]:
        records, collector = check(site, today)
        on_problems(collector.sorted())
        if collector.failed():
            return None
        folder, _, _, _ = compile_audience(site, records, audience, today, stage.stage_root(site), include_drafts, record_dates(records, site.content_dir))
        return folder

    folder = recompile()
    if folder is None:
        raise OpenBranchError([])

    timer: list[threading.Timer] = []

    class _Changed(FileSystemEventHandler):
        def on_any_event(self, event) -> None:  # noqa: ANN001 - watchdog's event type
            if event.is_directory and event.event_type == "modified":
                return
            # Editors save in bursts: recompile once the burst is over.
            for pending in timer:
                pending.cancel()
            timer[:] = [threading.Timer(0.3, recompile)]
            timer[0].start()

    observer = Observer()
    handler = _Changed()
    for watched in (site.content_dir, site.themes_dir):
        if watched.is_dir():
            observer.schedule(handler, str(watched), recursive=True)
    observer.schedule(handler, str(site.config_path.parent), recursive=False)
    observer.start()
    try:
        from mkdocs.commands.serve import serve as mkdocs_serve

        options = {"dev_addr": dev_addr} if dev_addr else {}
        # The preview's search index, remade after each of MkDocs' rebuilds.
        hooks = [str(Path(__file__).resolve().parent / "serve_hooks.py")]
        mkdocs_serve(config_file=str(folder / "mkdocs.yml"), livereload=True, hooks=hooks, **options)
    finally:
        observer.stop()
        observer.join()
