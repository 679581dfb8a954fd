"""The pipeline: load and check once, narrow per audience, compile, stage, render, swap.

This is the only module that knows the order of the stages; each stage lives
in its own module.
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from . import engine, search, stage
from .audience import AUDIENCES, narrow
from .config import Site
from .errors import ErrorCollector, OpenBranchError, RecordError
from .exports import export_files
from .history import RecordDates, record_dates
from .pages import compile_pages
from .records.index import RecordSet, load_records
from .rules import apply_rules, check_previous_ids


def check(site: Site, today: dt.date, previous_index: Optional[Path] = None) -> tuple[RecordSet, ErrorCollector]:
    """Load every record and run every check: schema, references, then the norms' rules.

    ``previous_index`` is the last build's data/records.json: ids it lists that
    are gone now are warned about, since their addresses would break.
    """
    collector = ErrorCollector()
    records = load_records(site, collector)
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
    changed: int
    warnings: list[str] = field(default_factory=list)


@dataclass
class BuildReport:
    output: Path
    stage: Optional[Path] = None
    audiences: list[AudienceReport] = field(default_factory=list)
    seconds: float = 0.0


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
    compiled = compile_pages(site, view, today, dates)
    folder, changed = stage.write_stage(site, stage_root / audience, audience, compiled, export_files(site, view, today))
    return folder, len(compiled.pages), changed, view.counts()


def build(
    site: Site,
    output: Optional[Path] = None,
    audiences: tuple[str, ...] = AUDIENCES,
    today: Optional[dt.date] = None,
    keep_stage: bool = False,
    strict: bool = False,
) -> BuildReport:
    """Build the sites; raise ``OpenBranchError`` with every problem if the records are not clean."""
    started = time.perf_counter()
    today = today or dt.date.today()
    output = (output or site.output_dir).resolve()
    records, collector = check(site, today)
    if collector.failed(strict):
        raise OpenBranchError(collector.sorted())
    report = BuildReport(output=output)
    engine.recover(output)
    epoch = source_date_epoch(records, today)
    rendered: list[tuple[Path, Path]] = []
    dates = record_dates(records, site.content_dir)
    stage_root = stage.stage_root(site, output)
    report.stage = stage_root
    try:
        for audience in audiences:
            folder, pages, changed, counts = compile_audience(site, records, audience, today, stage_root, dates=dates)
            target = output / audience
            fresh = engine.fresh_folder(output, audience)
            rendered.append((fresh, target))
            warnings = engine.render(folder, fresh, epoch)
            search.index_site(fresh, site.config.language)
            report.audiences.append(AudienceReport(audience, counts, pages, changed, warnings))
    except engine.EngineError as exc:
        for fresh, _ in rendered:
            engine.discard(fresh)
        raise OpenBranchError([RecordError("mkdocs.yml", 0, 0, "", site.messages("engine_failed", detail=str(exc)))]) from exc
    except search.SearchIndexError as exc:
        for fresh, _ in rendered:
            engine.discard(fresh)
        where = site.relative(output / audience / search.INDEX_FOLDER)
        raise OpenBranchError([RecordError(where, 0, 0, "", site.messages("search_failed", detail=str(exc)))]) from exc
    except BaseException:
        for fresh, _ in rendered:
            engine.discard(fresh)
        raise
    # Every audience rendered: only now replace the old sites.
    for fresh, target in rendered:
        engine.swap_in(fresh, target)
    if not keep_stage:
        stage.remove_stage(site, stage_root)
    report.seconds = time.perf_counter() - started
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
