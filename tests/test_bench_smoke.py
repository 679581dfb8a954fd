"""The scale benchmark (bench/) at a tiny size: its records check clean and its table is filled.

The benchmark itself is not a test and never runs at scale in CI; these only
make sure it still runs end to end against the current CLI.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import yaml

from bench import synth

from .helpers import run_cli

ROOT = Path(__file__).resolve().parents[1]


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_synthetic_records_check_clean_with_every_type_and_visibility(tmp_path: Path) -> None:
    config = synth.make_site(tmp_path / "a", 300, seed=7)
    code, out, err = run_cli(["check", "-c", config, "--strict", "--today", synth.TODAY.isoformat()])
    assert code == 0, out + err
    assert "错误" not in out + err and "警告" not in out + err, out + err
    assert "共 300 条记录" in out

    records = [p for p in (tmp_path / "a" / "content").rglob("*.yml") if p.name != "branch.yml"]
    assert len(records) == 300
    loaded = [(p.relative_to(tmp_path / "a" / "content").parts[0], yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)) for p in records]
    sections = Counter(section for section, _ in loaded)
    assert set(sections) == {"meetings", "decisions", "finances", "appraisals", "notices"}
    kinds = {(section, data.get("kind")) for section, data in loaded}
    for kind in ("党员大会", "支委会", "党小组会", "党课", "主题党日", "组织生活会", "民主生活会", "其他会议"):
        assert ("meetings", kind) in kinds, kind
    for section, kind in [("finances", "经费"), ("finances", "党费"), ("appraisals", "民主评议党员"), ("appraisals", "支部评星定级"),
                          ("appraisals", "绩效考核"), ("notices", "发展党员"), ("notices", "选举"), ("notices", "评议结果"), ("notices", "其他")]:
        assert (section, kind) in kinds, kind
    visibility = Counter(data.get("visibility") for _, data in loaded)
    assert set(visibility) == {"公开", "党内", "不公开"}
    assert visibility["公开"] > 0.85 * len(loaded)
    results = {data["result"] for section, data in loaded if section == "decisions"}
    assert results == {"通过", "未通过", "暂缓"}

    # Deterministic for a seed, and a different seed gives different records.
    synth.make_site(tmp_path / "b", 300, seed=7)
    synth.make_site(tmp_path / "c", 300, seed=8)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert _files(tmp_path / "a" / "content") != _files(tmp_path / "c" / "content")


def test_small_sizes_keep_every_reference(tmp_path: Path) -> None:
    """A partial year still checks clean: decisions keep their meetings, ledgers their decisions."""
    for records in (1, 9, 137):
        config = synth.make_site(tmp_path / str(records), records)
        code, out, err = run_cli(["check", "-c", config, "--strict", "--today", synth.TODAY.isoformat()])
        assert code == 0, out + err
        assert f"共 {records} 条记录" in out


def _number(cell: str) -> float:
    match = re.match(r"^([\d,]+(?:\.\d+)?)", cell.strip())
    assert match, cell
    return float(match.group(1).replace(",", ""))


def test_benchmark_prints_a_full_table_at_a_tiny_size(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--sizes", "40", "--repeat", "1", "--workdir", str(tmp_path), "--json", str(tmp_path / "figures.json"), "--quiet", "--browser-timeout", "60"],
        capture_output=True, text=True, timeout=600, cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    header = next(line for line in result.stdout.splitlines() if line.startswith("| records |"))
    columns = [c.strip() for c in header.strip("|").split("|")]
    rows = {}
    for line in result.stdout.splitlines():
        if line.startswith("| 40 |"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            rows[cells[1]] = dict(zip(columns, cells))
    ours = next(row for label, row in rows.items() if label.startswith("OpenBranch") and "zensical" not in label)
    base = rows["baseline: MkDocs + Material, members pages"]
    assert any(label.startswith("ratio OpenBranch") for label in rows), rows
    for row in (ours, base):
        for column in ("pages", "build s", "build CPU s", "CPU ms/page", "peak RSS sum MB", "peak PSS MB", "output MB", "first query MB (gzip)"):
            assert _number(row[column]) > 0, (column, row)
    assert _number(ours["check s"]) > 0 and _number(ours["rebuild after 1 edit s"]) > 0 and _number(ours["rebuild CPU s"]) > 0
    assert re.fullmatch(r"[\d,]+ \+ [\d,]+", ours["pages"]), ours["pages"]

    figures = json.loads((tmp_path / "figures.json").read_text(encoding="utf-8"))
    for row in figures["rows"]:
        if "zensical" in row["label"]:
            continue  # Zensical's search box is made on demand; its payload is reported, failures included
        payload = row["payload"]
        assert payload["error"] == "" and payload["results"] > 0, payload
        assert payload["search_bytes"] > 0 and payload["gzip_bytes"] < payload["bytes"]
