"""Per-stage build timings: python bench/stages.py [--records N] [--repeat R]

Makes a synthetic branch of N records (bench/synth.py) in a temporary folder
and times each stage of a build: loading and
checking, compiling the pages of both audiences, staging, rendering with the
engine (--engine mkdocs|zensical) into an empty stage and again with nothing
changed (Zensical keeps a cache in the stage), indexing the rendered site for
search (Pagefind), and a second compile with nothing changed (the incremental
case serve relies on).
Prints one line per stage: best of R runs, in seconds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator import engines, search, stage  # noqa: E402
from generator.audience import AUDIENCES, narrow  # noqa: E402
from generator.compile import compile_audience  # noqa: E402
from generator.config import load_site  # noqa: E402
from generator.history import record_dates  # noqa: E402
from generator.pipeline import check  # noqa: E402
from bench.synth import make_site  # noqa: E402

TODAY = dt.date(2026, 11, 22)


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--engine", choices=engines.names(), default=engines.DEFAULT_ENGINE)
    args = parser.parse_args()
    engine = engines.get(args.engine)
    times: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        config = make_site(Path(tmp), args.records)
        site, problems = load_site(config)
        assert site is not None, problems
        root = stage.stage_root(site, Path(tmp) / "out")
        for _ in range(args.repeat):
            stage.remove_stage(site, root)
            t, (records, collector) = timed(lambda: check(site, TODAY))
            times.setdefault("load + check", []).append(t)
            assert not collector.errors, collector.errors[:3]
            t, dates = timed(lambda: record_dates(records, site.content_dir))
            times.setdefault("git dates", []).append(t)
            compiled = {}
            for audience in AUDIENCES:
                view = narrow(records, audience)
                t, compiled[audience] = timed(lambda: compile_audience(site, view, TODAY, dates=dates, page_front_matter=engine.project.page_front_matter))
                times.setdefault(f"compile {audience}", []).append(t)
                folder = root / audience
                t, staged = timed(lambda: stage.write_stage(site, folder, audience, compiled[audience], engine.project))
                times.setdefault(f"stage {audience}", []).append(t)
                out = Path(tmp) / "out" / audience
                t, _ = timed(lambda: engine.render(folder, out, 0, staged.digests))
                times.setdefault(f"render {audience}", []).append(t)
                t, _ = timed(lambda: engine.render(folder, out, 0, staged.digests))
                times.setdefault(f"render {audience} again", []).append(t)
                t, _ = timed(lambda: search.index_site(out, site.config.language))
                times.setdefault(f"search index {audience}", []).append(t)
            t, (unchanged, _) = timed(lambda: stage.write_stage(site, root / "public", "public", compiled["public"], engine.project))
            times.setdefault("restage unchanged public", []).append(t)
        pages = len(compiled["members"].pages())
    print(f"engine: {args.engine}  records: {len(records.records)}  members pages: {pages}  files rewritten on an unchanged restage: {unchanged}")
    for name, values in times.items():
        print(f"{name:28s} best {min(values):7.3f} s   median {statistics.median(values):7.3f} s")


if __name__ == "__main__":
    main()
