"""bench/portal.py keeps working: three small synthetic branches built, the portal over them, the first search measured.

The benchmark itself (200 branches of 500 records) is run by hand (see
bench/README.md, "The committee portal"); this runs the same code at 3 × 40 records.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .helpers import REPO_ROOT


def test_the_portal_benchmark_runs_small(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, str(REPO_ROOT / "bench" / "portal.py"), "--branches", "3", "--records", "40", "--workdir", str(tmp_path)],
        capture_output=True, text=True, timeout=900,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "| `openbranch portal` over 3 branches × 40 records, cold: wall s |" in proc.stdout
    figures = json.loads((tmp_path / "portal-bench.json").read_text(encoding="utf-8"))
    assert figures["portal_pages"] > 20
    assert 0 < figures["search"]["first"]["bytes"] <= figures["search"]["all"]["bytes"]
    assert figures["search"]["status"].startswith("已搜索全部 3 个支部")
    names = [b["name"] for b in json.loads((tmp_path / "portal" / "public" / "data" / "search.json").read_text(encoding="utf-8"))["branches"]]
    assert len(set(names)) == 3
