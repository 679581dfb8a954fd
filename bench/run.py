"""Scale benchmark: python bench/run.py --sizes 1000,10000 --repeat 3

For each size N: writes a synthetic branch of N records (bench/synth.py), runs
``openbranch check`` and ``openbranch build`` (both audiences) through the real
CLI as subprocesses — a cold build, then a rebuild after one public record's
body changed — once per engine when the CLI has ``--engine``; builds a plain
MkDocs + Material project holding the members site's pages as a baseline; and
measures a first search in headless Chromium.  Prints one Markdown table:
wall times (medians of --repeat runs), peak memory of the whole process tree,
output size, and the bytes a browser fetches from opening the home page
through the first search results, for OpenBranch and the baseline, with ratios.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import importlib.util
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Optional

import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import synth  # noqa: E402
from bench.measure import Measured, Payload, first_query_payload, run_measured, tree_size  # noqa: E402

# Files a plain MkDocs project would hold besides its Markdown: images and attachments
# the pages show or link.  OpenBranch's data exports (JSON, CSV, feeds) are left out.
BASELINE_FILES = (".md", ".svg", ".png", ".jpg", ".pdf")
MB = 1024 * 1024
MATERIAL_CHINESE_SEPARATOR = r'[\s\u200b\-_,:!=\[\]()"`/]+|\.(?!\d)|&[lg]t;|(?!\b)(?=[A-Z][a-z])'


# ---------------------------------------------------------------------------
# The CLI under test
# ---------------------------------------------------------------------------


def cli_command() -> list[str]:
    """The installed ``openbranch`` next to this Python, else ``python -m generator``."""
    script = Path(sys.executable).parent / "openbranch"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "generator"]


def build_options(cli: list[str]) -> tuple[list[str], list[Optional[str]]]:
    """The options ``openbranch build --help`` lists, and the engines to measure (None: the default)."""
    text = subprocess.run(cli + ["build", "--help"], capture_output=True, text=True, check=True).stdout
    options = sorted(set(re.findall(r"(--[a-z][a-z-]+)", text)))
    if "--engine" not in options:
        return options, [None]
    # click shows choices as [a|b] or, with a metavar, as a|b.
    choices = re.search(r"--engine\s+\[?([\w-]+(?:\|[\w-]+)+)\]?", text)
    engines = choices.group(1).split("|") if choices else ["mkdocs", "zensical"]
    return options, engines


def _checked(measured: Measured, what: str) -> Measured:
    if measured.returncode != 0:
        raise SystemExit(f"{what} failed (exit {measured.returncode}):\n{measured.stdout[-3000:]}\n{measured.stderr[-3000:]}")
    return measured


def edit_body(record: Path, original: str, run: int) -> str:
    """Change one public record's body: a new first line; return that line."""
    marker = "\nbody: |\n"
    line = f"基准测试：正文修改第{run + 1}次。"
    record.write_text(original.replace(marker, f"{marker}  {line}\n\n", 1), encoding="utf-8")
    return line


def shows_edit(out: Path, record: Path, line: str) -> bool:
    """Whether both sites' page of ``record`` (``<section>/<yyyy>/<id>/``, the file's name as its id) shows ``line``."""
    page = Path(record.parent.parent.name, record.parent.name, record.stem, "index.html")
    return all(line in (out / audience / page).read_text(encoding="utf-8") for audience in ("public", "members"))


# ---------------------------------------------------------------------------
# The baseline: the members site's pages as a plain MkDocs + Material project
# ---------------------------------------------------------------------------


def staged_members(site_root: Path) -> Path:
    stages = sorted((site_root / ".openbranch").glob("build-*/members/mkdocs.yml"), key=lambda p: p.stat().st_mtime)
    if not stages:
        raise SystemExit("no staged members project found: did `openbranch build --keep-stage` keep one?")
    return stages[-1].parent


def _without_search_meta(text: str) -> str:
    """The page with no ``search:`` front matter: a site that indexes its rendered HTML
    (Pagefind) stages pages excluded from Material's index, but the baseline uses that index."""
    if not text.startswith("---\n"):
        return text
    end = text.find("\n---\n", 4)
    if end < 0:
        return text
    meta = yaml.safe_load(text[4:end]) or {}
    if not isinstance(meta, dict) or "search" not in meta:
        return text
    meta.pop("search")
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=True, width=1000) + text[end + 1:]


def make_baseline(stage: Path, folder: Path) -> Path:
    """A plain MkDocs project with the staged Markdown pages and our theme settings, without our overrides."""
    if folder.exists():
        shutil.rmtree(folder)
    docs = stage / "docs"
    for source in docs.rglob("*"):
        if source.is_file() and source.suffix.lower() in BASELINE_FILES:
            target = folder / "docs" / source.relative_to(docs)
            target.parent.mkdir(parents=True, exist_ok=True)
            if source.suffix == ".md":
                target.write_text(_without_search_meta(source.read_text(encoding="utf-8")), encoding="utf-8")
            else:
                shutil.copyfile(source, target)
    text = (stage / "mkdocs.yml").read_text(encoding="utf-8")
    staged = yaml.safe_load("\n".join(line for line in text.splitlines() if "!!python" not in line))
    theme = {k: v for k, v in staged["theme"].items() if k != "custom_dir"}
    extensions = [e if not (isinstance(e, dict) and "toc" in e) else {"toc": {"permalink": True}} for e in staged["markdown_extensions"]]
    config = {
        "site_name": staged["site_name"],
        "docs_dir": "docs",
        "use_directory_urls": True,
        "theme": theme,
        # Material's own search; with lang zh it segments Chinese with jieba, and
        # Material's documented separator for Chinese splits at jieba's word breaks.
        "plugins": [{"search": {"lang": "zh", "separator": MATERIAL_CHINESE_SEPARATOR}}],
        "markdown_extensions": extensions,
        "validation": staged.get("validation", {}),
        # Sections only, as ours: never a nav listing every page.
        "nav": staged["nav"],
    }
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


# ---------------------------------------------------------------------------
# One size
# ---------------------------------------------------------------------------


@dataclass
class Row:
    records: int
    label: str
    pages: int = 0
    pages_detail: str = ""
    check_s: Optional[float] = None
    build_s: float = 0.0
    builds_s: list[float] = field(default_factory=list)
    build_cpu_s: float = 0.0
    rebuild_s: Optional[float] = None
    rebuilds_s: list[float] = field(default_factory=list)
    rebuild_cpu_s: Optional[float] = None
    peak_bytes: int = 0  # the RSS sum's peak
    output_bytes: int = 0
    payload: Optional[dict[str, Any]] = None
    payload_public: Optional[dict[str, Any]] = None
    unchanged_s: Optional[float] = None
    unchanged_runs_s: list[float] = field(default_factory=list)
    unchanged_cpu_s: Optional[float] = None
    peak_pss_bytes: int = 0
    rebuild_correct: Optional[bool] = None  # the edit was on both sites' page of the record after every rebuild

    @property
    def ms_per_page(self) -> float:
        """CPU milliseconds per page: what the build costs, whatever else the machine runs."""
        return 1000 * self.build_cpu_s / self.pages if self.pages else 0.0


def _median(values: list[float]) -> float:
    return statistics.median(values)


def _payload_dict(payload: Payload) -> dict[str, Any]:
    return {
        "bytes": payload.bytes, "gzip_bytes": payload.gzip_bytes, "search_bytes": payload.search_bytes,
        "requests": len(payload.served), "results": payload.results, "seconds": round(payload.seconds, 2), "error": payload.error,
        "largest": sorted(((s.path, s.bytes) for s in payload.served), key=lambda x: -x[1])[:5],
    }


def bench_size(records: int, args: argparse.Namespace, work: Path, cli: list[str], options: list[str], engines: list[Optional[str]], log) -> tuple[list[Row], dict[str, float]]:
    folder = work / f"n{records}"
    if folder.exists():
        shutil.rmtree(folder)
    started = time.perf_counter()
    config = synth.make_site(folder / "site", records, args.seed, args.today)
    if args.index_pages:
        # The search index in parts of this many pages (README: the index's parts), instead of the default.
        config.write_text(config.read_text(encoding="utf-8") + f"limits:\n  search_index_pages: {args.index_pages}\n", encoding="utf-8")
    site_root = config.parent
    notes = {"generate_s": time.perf_counter() - started, "load_before": os.getloadavg()[0]}
    log(f"[{records}] generated in {notes['generate_s']:.1f} s")
    today = ["--today", args.today.isoformat()]
    checks = [_checked(run_measured(cli + ["check", "-c", str(config)] + today), "openbranch check") for _ in range(args.repeat)]
    log(f"[{records}] check {_median([c.seconds for c in checks]):.1f} s")
    record = synth.public_record(config)
    original = record.read_text(encoding="utf-8")
    rows: list[Row] = []
    base_config: Optional[Path] = None
    # Builds that keep their staged project by default need no flag for it.
    keep_stage = ["--keep-stage"] if "--keep-stage" in options else []
    for number, engine in enumerate(engines):
        label = f"OpenBranch ({engine or 'default engine'}), both sites" + (f", index in parts of {args.index_pages:,} pages" if args.index_pages else "")
        out = folder / f"out-{engine or 'default'}"
        engine_args = ["--engine", engine] if engine else []
        builds: list[Measured] = []
        unchanged: list[Measured] = []
        rebuilds: list[Measured] = []
        correct: list[bool] = []
        for run in range(args.repeat):
            # Cold: no output, no staged projects or caches from an earlier build (and --clean when the CLI has it).
            shutil.rmtree(out, ignore_errors=True)
            shutil.rmtree(site_root / ".openbranch", ignore_errors=True)
            command = cli + ["build", "-c", str(config), "-d", str(out)] + today + engine_args
            builds.append(_checked(run_measured(command + (["--clean"] if "--clean" in options else [])), "openbranch build"))
            log(f"[{records}] {label}: build {builds[-1].seconds:.1f} s (CPU {builds[-1].cpu_seconds:.1f} s), "
                f"{builds[-1].peak_rss / MB:.0f} MB RSS sum, {builds[-1].peak_pss / MB:.0f} MB PSS")
            keep = number == 0 and run == args.repeat - 1 and not args.no_baseline
            if not args.no_incremental:
                unchanged.append(_checked(run_measured(command), "openbranch build (nothing changed)"))
                log(f"[{records}] {label}: rebuild with nothing changed {unchanged[-1].seconds:.1f} s (CPU {unchanged[-1].cpu_seconds:.1f} s)")
                line = edit_body(record, original, run)
                try:
                    rebuilds.append(_checked(run_measured(command + (keep_stage if keep else [])), "openbranch build (one record changed)"))
                    correct.append(shows_edit(out, record, line))
                finally:
                    record.write_text(original, encoding="utf-8")
                log(f"[{records}] {label}: rebuild after one edit {rebuilds[-1].seconds:.1f} s (CPU {rebuilds[-1].cpu_seconds:.1f} s)"
                    + ("" if correct[-1] else "; the edit is missing from a site"))
            elif keep:
                _checked(run_measured(command + keep_stage + ["--audience", "members"]), "openbranch build (members, stage kept)")
            if keep:
                # Copied now: the next engine's cold builds remove the stage.
                base_config = make_baseline(staged_members(site_root), folder / "baseline")
        public_size, public_pages = tree_size(out / "public")
        members_size, members_pages = tree_size(out / "members")
        measured = builds + unchanged + rebuilds
        row = Row(
            records, label, public_pages + members_pages, f"{public_pages:,} + {members_pages:,}",
            _median([c.seconds for c in checks]), _median([b.seconds for b in builds]), [round(b.seconds, 2) for b in builds],
            _median([b.cpu_seconds for b in builds]),
            _median([r.seconds for r in rebuilds]) if rebuilds else None, [round(r.seconds, 2) for r in rebuilds],
            _median([r.cpu_seconds for r in rebuilds]) if rebuilds else None,
            max(m.peak_rss for m in measured), public_size + members_size,
            unchanged_s=_median([u.seconds for u in unchanged]) if unchanged else None,
            unchanged_runs_s=[round(u.seconds, 2) for u in unchanged],
            unchanged_cpu_s=_median([u.cpu_seconds for u in unchanged]) if unchanged else None,
            peak_pss_bytes=max(m.peak_pss for m in measured),
            rebuild_correct=all(correct) if correct else None,
        )
        if not args.no_browser:
            row.payload = _payload_dict(first_query_payload(out / "members", args.query, args.browser_timeout))
            row.payload_public = _payload_dict(first_query_payload(out / "public", args.query, args.browser_timeout))
            log(f"[{records}] {label}: first query {row.payload['bytes'] / MB:.1f} MB (members), {row.payload_public['bytes'] / MB:.1f} MB (public)")
        rows.append(row)
    if base_config is not None:
        shutil.rmtree(site_root / ".openbranch", ignore_errors=True)
        base_out = folder / "baseline" / "site"
        runs = []
        for _ in range(args.repeat):
            shutil.rmtree(base_out, ignore_errors=True)
            runs.append(_checked(run_measured([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(base_config), "-d", str(base_out)]), "mkdocs build (baseline)"))
            log(f"[{records}] baseline: build {runs[-1].seconds:.1f} s (CPU {runs[-1].cpu_seconds:.1f} s), {runs[-1].peak_rss / MB:.0f} MB RSS, {runs[-1].peak_pss / MB:.0f} MB PSS")
        size, pages = tree_size(base_out)
        row = Row(
            records, "baseline: MkDocs + Material, members pages", pages, f"{pages:,}", None,
            _median([r.seconds for r in runs]), [round(r.seconds, 2) for r in runs], _median([r.cpu_seconds for r in runs]),
            None, [], None, max(r.peak_rss for r in runs), size, peak_pss_bytes=max(r.peak_pss for r in runs),
        )
        if not args.no_browser:
            row.payload = _payload_dict(first_query_payload(base_out, args.query, args.browser_timeout))
            log(f"[{records}] baseline: first query {row.payload['bytes'] / MB:.1f} MB")
        rows.append(row)
    notes["load_after"] = os.getloadavg()[0]
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return rows, notes


# ---------------------------------------------------------------------------
# The table
# ---------------------------------------------------------------------------


def _mb(value: float) -> str:
    return f"{value / MB:,.1f}"


def _s(value: Optional[float]) -> str:
    return "—" if value is None else f"{value:,.1f}"


def _payload_cell(payload: Optional[dict[str, Any]]) -> str:
    if payload is None:
        return "not measured"
    if payload["error"]:
        return f"failed: {payload['error'][:60]}"
    return f"{payload['bytes'] / MB:,.2f} ({payload['gzip_bytes'] / MB:,.2f} gz)"


def _ratio(ours: Optional[float], base: Optional[float]) -> str:
    if not ours or not base:
        return "—"
    return f"{ours / base:.2f}×"


HEADER = (
    "| records | site | pages | check s | build s | build CPU s | CPU ms/page | unchanged rebuild s | rebuild after 1 edit s | rebuild CPU s "
    "| peak RSS sum MB | peak PSS MB | output MB | first query MB (gzip) |\n"
    "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
)


def _mb_or_dash(value: int) -> str:
    return _mb(value) if value else "—"


def table(rows: list[Row]) -> str:
    lines = [HEADER]
    for row in rows:
        lines.append(
            f"| {row.records:,} | {row.label} | {row.pages_detail} | {_s(row.check_s)} | {_s(row.build_s)} | {_s(row.build_cpu_s)} | {row.ms_per_page:.1f} | "
            f"{_s(row.unchanged_s)} | {_s(row.rebuild_s)} | {_s(row.rebuild_cpu_s)} | {_mb(row.peak_bytes)} | {_mb_or_dash(row.peak_pss_bytes)} | "
            f"{_mb(row.output_bytes)} | {_payload_cell(row.payload)} |"
        )
        if row.label.startswith("baseline"):
            for ours in [r for r in rows if r.records == row.records and not r.label.startswith("baseline")]:
                engine = ours.label.removeprefix("OpenBranch ").removesuffix(", both sites")
                ours_payload = ours.payload["bytes"] if ours.payload and not ours.payload["error"] else None
                base_payload = row.payload["bytes"] if row.payload and not row.payload["error"] else None
                lines.append(
                    f"| {row.records:,} | ratio OpenBranch {engine} / baseline | {_ratio(ours.pages, row.pages)} | — | {_ratio(ours.build_s, row.build_s)} | "
                    f"{_ratio(ours.build_cpu_s, row.build_cpu_s)} | {_ratio(ours.ms_per_page, row.ms_per_page)} | — | — | — | "
                    f"{_ratio(ours.peak_bytes, row.peak_bytes)} | {_ratio(ours.peak_pss_bytes, row.peak_pss_bytes)} | {_ratio(ours.output_bytes, row.output_bytes)} | "
                    f"{_ratio(ours_payload, base_payload)} |"
                )
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# The targets of issue 18, each marked met or not
# ---------------------------------------------------------------------------

GIB = 1024 * MB
KB = 1000  # the first query's target is in kilobytes as a browser's network panel shows them
TARGET_REBUILD_S = 5.0
TARGET_UNCHANGED_S = 2.0
TARGET_PEAK_PSS = GIB
TARGET_DECADE_GROWTH = 12.0
TARGET_FIRST_QUERY = 500 * KB


def _mark(ok: Optional[bool]) -> str:
    return "not measured" if ok is None else ("met" if ok else "**not met**")


def target_rows(rows: list[Row]) -> list[tuple[int, str, str, str, Optional[bool]]]:
    """(records, target, measured, limit, met) for the default engine's row of every size."""
    result: list[tuple[int, str, str, str, Optional[bool]]] = []
    ours_by_size: dict[int, Row] = {}
    for row in rows:
        if row.label.startswith("OpenBranch") and row.records not in ours_by_size:
            ours_by_size[row.records] = row  # the first engine measured is the default one
    for records, ours in ours_by_size.items():
        base = next((r for r in rows if r.records == records and r.label.startswith("baseline")), None)
        if base is not None:
            result.append((records, "cold build of both sites, wall", f"{ours.build_s:,.1f} s = {ours.build_s / base.build_s:.2f}× the baseline's {base.build_s:,.1f} s",
                           "≤ 1.00×", ours.build_s <= base.build_s))
            result.append((records, "CPU per page", f"{ours.ms_per_page:.1f} ms against the baseline's {base.ms_per_page:.1f} ms", "≤ the baseline's",
                           ours.ms_per_page <= base.ms_per_page))
        else:
            result.append((records, "cold build of both sites against the baseline", f"{ours.build_s:,.1f} s wall, {ours.ms_per_page:.1f} ms CPU a page", "≤ 1.00×", None))
        if ours.rebuild_s is not None:
            correct = "" if ours.rebuild_correct else " (**the edit was missing from a site**)"
            result.append((records, "one record changed: both sites correct and published", f"{ours.rebuild_s:,.1f} s{correct}", f"≤ {TARGET_REBUILD_S:g} s",
                           ours.rebuild_s <= TARGET_REBUILD_S and bool(ours.rebuild_correct)))
        if ours.unchanged_s is not None:
            result.append((records, "unchanged rebuild", f"{ours.unchanged_s:,.1f} s", f"≤ {TARGET_UNCHANGED_S:g} s", ours.unchanged_s <= TARGET_UNCHANGED_S))
        pss = ours.peak_pss_bytes
        result.append((records, "peak memory (PSS; RSS sum beside it)", f"{_mb_or_dash(pss)} MB PSS, {_mb(ours.peak_bytes)} MB RSS sum", "≤ 1,024 MB PSS",
                       pss <= TARGET_PEAK_PSS if pss else None))
        smaller = [n for n in sorted(ours_by_size) if n < records]
        if smaller:
            below = ours_by_size[smaller[-1]]
            decades = math.log10(records / below.records)
            growth = (ours.build_cpu_s / below.build_cpu_s) ** (1 / decades) if below.build_cpu_s and decades > 0 else None
            result.append((records, f"cost linear: build CPU from {below.records:,} records", f"{ours.build_cpu_s / below.build_cpu_s:.1f}× over {decades:.1f} decade(s) = {growth:.1f}× a decade"
                           if growth else "—", f"≤ {TARGET_DECADE_GROWTH:g}× a decade", growth <= TARGET_DECADE_GROWTH if growth else None))
        payloads = [p for p in (ours.payload, ours.payload_public) if p and not p["error"]]
        if payloads:
            worst = max(payloads, key=lambda p: p["bytes"])
            result.append((records, "first search query, everything fetched (the larger site)", f"{worst['bytes'] / KB:,.0f} KB ({worst['gzip_bytes'] / KB:,.0f} KB gzipped)",
                           "≤ 500 KB", worst["bytes"] <= TARGET_FIRST_QUERY))
        else:
            result.append((records, "first search query", "not measured" if not ours.payload else f"failed: {ours.payload['error'][:60]}", "≤ 500 KB", None))
    return result


def targets(rows: list[Row]) -> str:
    """The targets as a Markdown table, each marked met or not."""
    lines = ["| records | target | measured | limit | met? |", "|---:|---|---|---|---|"]
    for records, name, measured, limit, met in target_rows(rows):
        lines.append(f"| {records:,} | {name} | {measured} | {limit} | {_mark(met)} |")
    return "\n".join(lines)


def machine() -> str:
    import psutil

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{os.cpu_count()} cores ({cpu}), {psutil.virtual_memory().total / 1024**3:.1f} GB RAM, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


def table_from_json(files: list[Path]) -> str:
    rows, notes = [], []
    for file in files:
        data = json.loads(file.read_text(encoding="utf-8"))
        names = {f.name for f in dataclasses.fields(Row)}
        rows.extend(Row(**{k: v for k, v in row.items() if k in names}) for row in data["rows"])
        notes.append(f"- {file.name}: {data['machine']}; code {data.get('code', 'unknown')}; repeat {data['args']['repeat']}; "
                     + "; ".join(f"{n} records: load average {v.get('load_before', 0):.1f} before, {v.get('load_after', 0):.1f} after" for n, v in data["notes"].items()))
    return table(rows) + "\n\n" + targets(rows) + "\n\n" + "\n".join(notes)


def code_version() -> str:
    """The commit of the code under test, with ``+`` when the checkout has changes."""
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "generator", "themes"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return commit + ("+" if dirty else "")


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__.split("\n\n", 1)[1])
    parser.add_argument("--sizes", default="1000,10000", help="record counts, comma-separated (default 1000,10000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the table shows medians (default 3)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic records (default 1)")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=synth.TODAY, help=f"the build's today (default {synth.TODAY})")
    parser.add_argument("--query", default="志愿服务", help="the first search typed into the search box (default 志愿服务)")
    parser.add_argument("--no-browser", action="store_true", help="skip the first-query payload measured in Chromium")
    parser.add_argument("--browser-timeout", type=float, default=600, help="seconds to wait for the first results (default 600)")
    parser.add_argument("--no-baseline", action="store_true", help="skip the plain MkDocs + Material baseline")
    parser.add_argument("--index-pages", type=int, default=None, help="limits.search_index_pages of the generated sites: the search index in parts of this many pages (default: the site's default)")
    parser.add_argument("--no-incremental", action="store_true", help="skip the rebuilds (nothing changed, then one record edited)")
    parser.add_argument("--engines", default=None, help="only these of the engines the CLI offers, comma-separated (default: every one)")
    parser.add_argument("--workdir", type=Path, default=None, help="where the sites are written (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the generated sites and outputs in --workdir")
    parser.add_argument("--json", type=Path, default=None, help="also write every figure (each run's time, the largest files fetched) as JSON")
    parser.add_argument("--quiet", action="store_true", help="print only the table")
    parser.add_argument("--from-json", type=Path, nargs="+", default=None, metavar="FILE", help="measure nothing: print the table of earlier --json files")
    args = parser.parse_args(argv)
    if args.from_json:
        print(table_from_json(args.from_json))
        return 0
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]

    def log(message: str) -> None:
        if not args.quiet:
            print(message, file=sys.stderr, flush=True)

    cli = cli_command()
    options, engines = build_options(cli)
    if args.engines and engines != [None]:
        wanted = [name.strip() for name in args.engines.split(",") if name.strip()]
        unknown = [name for name in wanted if name not in engines]
        if unknown:
            parser.error(f"--engines: {', '.join(unknown)} not offered by the CLI ({', '.join(e for e in engines if e)})")
        engines = [engine for engine in engines if engine in wanted]
    log(f"openbranch build options: {' '.join(options)}; engines measured: {', '.join(e or 'default' for e in engines)}")
    rows: list[Row] = []
    notes: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="openbranch-bench-") as tmp:
        work = (args.workdir or Path(tmp)).resolve()
        work.mkdir(parents=True, exist_ok=True)
        for records in sizes:
            size_rows, notes[records] = bench_size(records, args, work, cli, options, engines, log)
            rows.extend(size_rows)
    print(table(rows))
    print()
    print(targets(rows))
    print()
    if not args.no_baseline and importlib.util.find_spec("jieba") is None:
        print("Note: jieba is not installed, so the baseline's Material search did not segment Chinese (pip install jieba).")
    print(f"Machine: {machine()}. Code: {code_version()}. Medians of {args.repeat} run(s); query “{args.query}” on the members site; --today {args.today}.")
    for records, note in notes.items():
        public = [r.payload_public for r in rows if r.records == records and r.payload_public]
        extra = f"; public site's first query {_payload_cell(public[0])}" if public else ""
        print(f"- {records:,} records: generated in {note['generate_s']:.1f} s; 1-minute load average {note['load_before']:.1f} before, {note['load_after']:.1f} after{extra}")
    if args.json:
        args.json.write_text(json.dumps({"machine": machine(), "code": code_version(), "args": {k: str(v) for k, v in vars(args).items()}, "build_options": options,
                                         "rows": [asdict(r) | {"ms_per_page": r.ms_per_page} for r in rows], "notes": notes}, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
