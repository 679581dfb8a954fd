"""The committee portal at scale: many synthetic branches, their sites built once, the portal over them.

``python bench/portal.py --branches 200 --records 500`` writes that many
synthetic branches with ``bench/synth.py`` (one seed each, so their records
differ), gives each a name of its own and realistic differences — some
party-group meetings and theme days not held, some months' dues short — and
builds each branch's two sites with the real ``openbranch build``.  That is
the costly part (about half a minute per branch on two cores), so it is done
once: a branch whose site is already in ``--workdir`` is not built again.

Then it measures, with the real command:

- ``openbranch portal`` over every branch, cold (no stage folder, no earlier
  portal): wall time, CPU time and the peak memory of the whole process tree;
- the first search on the public portal in headless Chromium, every byte
  served from opening the home page: up to the first results shown (the
  first batch of branches searched), and up to the search having covered
  every branch.

It prints one Markdown table row per figure and writes the figures to
``<workdir>/portal-bench.json``.  It is not a test;
``tests/test_portal_bench_smoke.py`` runs it with three small branches.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import shutil
import sys
import time
from pathlib import Path
from typing import Any, Optional

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import synth  # noqa: E402
from bench.measure import _gzip_size, run_measured, serve_counting, tree_size  # noqa: E402

TODAY = synth.TODAY.isoformat()
BUREAUS = [
    "区科技局", "区财政局", "区教育局", "区卫生健康委", "区住房和城乡建设局", "区交通运输局", "区民政局", "区人力资源和社会保障局",
    "区市场监督管理局", "区生态环境分局", "区文化和旅游局", "区农业农村局", "区审计局", "区统计局", "区应急管理局", "区司法局",
]
NUMERALS = "一二三四五六七八九十"


def _numeral(n: int) -> str:
    """1 → 一, 12 → 十二, 25 → 二十五."""
    if n <= 10:
        return NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return (NUMERALS[tens - 1] if tens > 1 else "") + "十" + (NUMERALS[ones - 1] if ones else "")


def branch_names(count: int) -> list[tuple[str, str, str]]:
    """(bureau's committee, general branch, branch name) for ``count`` branches: about a dozen per bureau, ten per general branch."""
    bureaus = BUREAUS[: min(len(BUREAUS), max(1, -(-count // 12)))]
    per_bureau = -(-count // len(bureaus))
    out = []
    for i in range(count):
        bureau = bureaus[i // per_bureau]
        n = i % per_bureau + 1
        general = f"{bureau}机关第{_numeral((n - 1) // 10 + 1)}党总支"
        out.append((f"{bureau}机关党委", general, f"{bureau}机关第{_numeral(n)}党支部"))
    return out


def _vary(content: Path, rng: random.Random) -> None:
    """Realistic differences: some group meetings and theme days not held, some months' dues short."""
    referenced = set(re.findall(r'meeting: "?([\w.-]+)"?', "\n".join(p.read_text(encoding="utf-8") for p in (content / "decisions").rglob("*.yml"))))
    missed = rng.choice([0.0, 0.0, 0.03, 0.06, 0.1, 0.15])
    for meeting in sorted((content / "meetings").rglob("*.yml")):
        if ("-group-" in meeting.name or "-theme-day" in meeting.name) and meeting.stem not in referenced and rng.random() < missed:
            meeting.unlink()
    for dues in sorted((content / "finances").rglob("*dues*.yml")):
        text = dues.read_text(encoding="utf-8")

        def short(match: re.Match) -> str:
            paid = float(match.group(1))
            if rng.random() < 0.12:
                paid = max(0.0, paid - rng.choice([12, 24, 48.5, 96, 120]))
            return f"paid: {paid:.2f}"

        dues.write_text(re.sub(r"paid: ([\d.]+)", short, text), encoding="utf-8")


def make_branch(folder: Path, name: str, records: int, seed: int) -> Path:
    """One synthetic branch's records in ``folder/src``, named ``name``; returns its site_config.yml."""
    config = synth.make_site(folder / "src", records, seed)
    branch = config.parent / "content" / "branch.yml"
    branch.write_text(re.sub(r"^name: .*$", f"name: {name}", branch.read_text(encoding="utf-8"), count=1, flags=re.MULTILINE), encoding="utf-8")
    config.write_text(re.sub(r"^site_name: .*$", f"site_name: {name}党务公开", config.read_text(encoding="utf-8"), count=1, flags=re.MULTILINE), encoding="utf-8")
    _vary(config.parent / "content", random.Random(seed))
    return config


def build_branches(work: Path, count: int, records: int, log) -> list[tuple[str, tuple[str, str, str]]]:
    """Every branch built into ``work/branches/bNNN/site`` (those already built are kept); their keys and names."""
    cli = [str(Path(sys.executable).parent / "openbranch")]
    branches = []
    for i, names in enumerate(branch_names(count)):
        key = f"b{i + 1:03d}"
        folder = work / "branches" / key
        branches.append((key, names))
        if (folder / "site" / "members" / "data" / "figures.json").is_file():
            continue
        started = time.perf_counter()
        config = make_branch(folder, names[2], records, seed=i + 1)
        measured = run_measured([*cli, "build", "-c", str(config), "-d", str(folder / "site"), "--today", TODAY], cwd=config.parent)
        if measured.returncode != 0:
            raise RuntimeError(f"{key}: openbranch build failed\n{measured.stderr[-2000:]}")
        shutil.rmtree(config.parent / ".openbranch", ignore_errors=True)  # the stage: not needed again, and large
        log(f"{key} {names[2]}: built in {time.perf_counter() - started:.0f} s")
    return branches


def portal_config(branches: list[tuple[str, tuple[str, str, str]]]) -> dict[str, Any]:
    """portal.yml: a committee per bureau, general branches under it, the branches under those."""
    tree: dict[str, dict[str, list]] = {}
    for key, (committee, general, name) in branches:
        tree.setdefault(committee, {}).setdefault(general, []).append({
            "name": name,
            "id": key,
            "sites": {"public": f"branches/{key}/site/public", "members": f"branches/{key}/site/members"},
            "urls": {"public": f"{key}/", "members": f"{key}/"},
        })
    return {
        "name": "中共滨江区直属机关工作委员会（基准测试）",
        "language": "zh",
        "organizations": [
            {"name": committee, "children": [{"name": general, "children": items} for general, items in generals.items()]}
            for committee, generals in tree.items()
        ],
    }


def _served_root(work: Path, branches: list[tuple[str, Any]]) -> Path:
    root = work / "served"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir()
    for entry in (work / "portal" / "public").iterdir():
        os.symlink(entry, root / entry.name)
    for key, _ in branches:
        os.symlink(work / "branches" / key / "site" / "public", root / key)
    return root


def _counted(served: list) -> dict[str, int]:
    """Bytes served, and what they weigh gzip-compressed as most hosts serve text (Pagefind's files are gzip already)."""
    sizes: dict[str, int] = {}
    for _, file, size in served:
        if file not in sizes:
            sizes[file] = _gzip_size(file, size)
    return {"bytes": sum(n for _, _, n in served), "gzip_bytes": sum(sizes[file] for _, file, _ in served), "requests": len(served)}


def first_query(root: Path, query: str, timeout: float = 600) -> dict[str, Any]:
    """Search ``query`` on the served public portal: bytes to the first results, and to every branch searched."""
    from playwright.sync_api import sync_playwright

    from bench.measure import CHROMIUM_ARGS, CHROMIUM_PATH

    with serve_counting(root) as (base, served), sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM_PATH, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
            page.set_default_timeout(timeout * 1000)
            page.goto(base + "/", wait_until="load")
            box = page.locator("input.md-search__input")
            box.click()
            box.fill("")
            box.press("End")
            page.wait_for_function("() => { const m = document.querySelector('.md-search-result__meta'); const t = JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']; return m && m.textContent.trim() === t.trim(); }")
            started = time.perf_counter()
            box.fill(query)
            box.press("End")
            page.wait_for_selector("li.md-search-result__item")
            first = {"seconds": time.perf_counter() - started, **_counted(list(served))}
            page.wait_for_function("() => /已搜索全部/.test((document.querySelector('.ob-portal-search__status') || {}).textContent || '')")
            status = page.eval_on_selector(".ob-portal-search__status", "e => e.textContent")
            done = {"seconds": time.perf_counter() - started, **_counted(list(served))}
            results = page.locator("li.md-search-result__item").count()
        finally:
            browser.close()
    return {"first": first, "all": done, "results": results, "status": status}


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description="The committee portal over many synthetic branches")
    parser.add_argument("--branches", type=int, default=200)
    parser.add_argument("--records", type=int, default=500, help="records per branch")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/openbranch-portal-bench"), help="where the branches are built (kept between runs)")
    parser.add_argument("--query", default="志愿服务")
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args(argv)
    work = args.workdir.resolve()
    work.mkdir(parents=True, exist_ok=True)

    def log(message: str) -> None:
        print(f"[{dt.datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)

    branches = build_branches(work, args.branches, args.records, log)
    (work / "portal.yml").write_text(yaml.safe_dump(portal_config(branches), allow_unicode=True, sort_keys=False), encoding="utf-8")
    shutil.rmtree(work / "portal", ignore_errors=True)
    shutil.rmtree(work / ".openbranch", ignore_errors=True)
    cli = [str(Path(sys.executable).parent / "openbranch")]
    log(f"portal over {len(branches)} branches …")
    measured = run_measured([*cli, "portal", "-c", str(work / "portal.yml"), "-d", str(work / "portal")], cwd=work)
    if measured.returncode != 0:
        raise RuntimeError(f"openbranch portal failed\n{measured.stderr[-3000:]}")
    size, pages = tree_size(work / "portal")
    figures: dict[str, Any] = {
        "branches": len(branches),
        "records_per_branch": args.records,
        "portal_seconds": measured.seconds,
        "portal_cpu_seconds": measured.cpu_seconds,
        "portal_peak_mb": measured.peak_rss / 1e6,
        "portal_pages": pages,
        "portal_mb": size / 1e6,
        "branch_sites_mb": sum(tree_size(work / "branches" / key / "site")[0] for key, _ in branches) / 1e6,
    }
    log(f"portal built in {measured.seconds:.1f} s, peak {measured.peak_rss / 1e6:.0f} MB")
    if not args.no_browser:
        figures["query"] = args.query
        figures["search"] = first_query(_served_root(work, branches), args.query)
    (work / "portal-bench.json").write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")
    print(table(figures))
    return 0


def table(f: dict[str, Any]) -> str:
    rows = [
        "| figure | measured | target |",
        "|---|---:|---|",
        f"| `openbranch portal` over {f['branches']} branches × {f['records_per_branch']} records, cold: wall s | {f['portal_seconds']:.1f} | < 60 |",
        f"| … CPU s (whole process tree) | {f['portal_cpu_seconds']:.1f} | |",
        f"| … peak memory MB (whole process tree) | {f['portal_peak_mb']:.0f} | < 1,074 (1 GiB) |",
        f"| … pages, output MB (both portals) | {f['portal_pages']:,}, {f['portal_mb']:.1f} | |",
    ]
    search = f.get("search")
    if search:
        rows += [
            f"| first query “{f['query']}”: MB from the home page to the first results (gzip; s) | {search['first']['bytes'] / 1e6:.2f} ({search['first']['gzip_bytes'] / 1e6:.2f} gz; {search['first']['seconds']:.1f} s) | ≤ 1 |",
            f"| … MB until every branch is searched (gzip; s, requests) | {search['all']['bytes'] / 1e6:.2f} ({search['all']['gzip_bytes'] / 1e6:.2f} gz; {search['all']['seconds']:.1f} s, {search['all']['requests']:,}) | |",
        ]
    return "\n".join(rows)


if __name__ == "__main__":
    raise SystemExit(main())
