"""A build killed mid-way leaves the old site or the new one, never a mixture (issue 6).

A site is built once (the *old* output); then a record's title changes and
the same input is built into a separate folder once (the *new* output; builds
are deterministic, see test_build.py).  Then, again and again, the old output
is put back in place and the real ``openbranch build`` is started in a
subprocess and killed with SIGKILL after a growing delay — from early in
loading, through rendering, up to the swap — until one run finishes before
its kill.  After every kill, ``OUT/public`` and ``OUT/members`` must each be
byte for byte the old tree or the new tree: never missing, never partly
rewritten.  Leftovers of the killed runs (``OUT/.public.new-<pid>`` …) are
left where they are; the next normal build must succeed, clear them all and
produce the new site.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from .helpers import build_site, describe, leftovers, tree_hashes, write_site

TODAY = "2026-06-01"
AUDIENCES = ("public", "members")


def _meeting(i: int, title: str) -> dict[str, Any]:
    return {
        "title": title,
        "date": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
        "visibility": "public" if i % 3 else "members",
        "kind": ["支委会", "党员大会", "党课", "主题党日"][i % 4],
        "chair": "王书记",
        "attendees": ["王书记", "李委员", "赵委员"],
        "tags": [f"标签{i % 5}"],
        "body": f"## 会议情况\n\n第 {i} 次会议的记录。\n",
    }


def _files(changed_title: str) -> dict[str, Any]:
    files = {f"content/meetings/2025/m{i:02d}.yml": _meeting(i, f"第 {i} 次支部会议") for i in range(40)}
    files["content/meetings/2025/m01.yml"] = _meeting(1, changed_title)  # public (1 % 3 != 0)
    return files


def _start_build(site: Path, out: Path) -> subprocess.Popen:
    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "build", "-c", str(site / "site_config.yml"), "-d", str(out), "--today", TODAY],
        cwd=str(site),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _restore(saved: Path, out: Path) -> None:
    """Put the old sites back; the hidden leftovers of killed runs stay in OUT/."""
    for audience in AUDIENCES:
        shutil.rmtree(out / audience, ignore_errors=True)
        shutil.copytree(saved / audience, out / audience, symlinks=True)


def test_killed_build_leaves_old_or_new_site(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", _files("第 1 次支部会议"))
    out = tmp_path / "out"
    proc = build_site(site, out)
    assert proc.returncode == 0, describe(proc)
    old = {a: tree_hashes(out / a) for a in AUDIENCES}
    saved = tmp_path / "saved"
    for audience in AUDIENCES:
        shutil.copytree(out / audience, saved / audience, symlinks=True)

    write_site(site, _files("第 1 次支部会议（已更正标题）"))
    started = time.monotonic()
    proc = build_site(site, tmp_path / "reference")
    full = time.monotonic() - started
    assert proc.returncode == 0, describe(proc)
    new = {a: tree_hashes(tmp_path / "reference" / a) for a in AUDIENCES}
    for audience in AUDIENCES:
        assert new[audience] != old[audience], f"the change should show on the {audience} site"

    # Kill moments: from 0.3 s up, through the whole build, until a run completes first.
    delays = [0.3, 0.6, 1.0] + [round(full * f, 2) for f in (0.3, 0.45, 0.6, 0.7, 0.8, 0.86, 0.9, 0.94, 0.97, 1.0, 1.05, 1.1, 1.2, 1.4, 1.7, 2.0, 3.0, 5.0)]
    outcomes: list[str] = []
    completed = False
    for delay in sorted(set(delays)):
        _restore(saved, out)
        child = _start_build(site, out)
        try:
            child.wait(timeout=delay)
            finished = True
        except subprocess.TimeoutExpired:
            finished = False
            os.kill(child.pid, signal.SIGKILL)
            child.wait(timeout=30)
        for audience in AUDIENCES:
            assert (out / audience).is_dir(), f"{audience} site missing after a kill at {delay} s"
            got = tree_hashes(out / audience)
            state = "old" if got == old[audience] else "new" if got == new[audience] else None
            if state is None and got != old[audience]:
                # Neither: before calling it a mixture, make sure the reference is of the
                # same code (a checkout that changed under a long test run would differ).
                again = tmp_path / f"reference-{len(outcomes)}"
                assert build_site(site, again).returncode == 0
                if tree_hashes(again / audience) == got:
                    new = {a: tree_hashes(again / a) for a in AUDIENCES}
                    state = "new"
            if state is None:
                extra = sorted(set(got) ^ set(old[audience]))[:5]
                changed = sorted(k for k in set(got) & set(old[audience]) if got[k] != old[audience][k] and got[k] != new[audience].get(k))[:5]
                raise AssertionError(f"{audience} site is a mixture after a kill at {delay} s: files differing from old {extra}, changed {changed}")
            outcomes.append(f"{delay}s:{audience}={state}{'' if not finished else '(finished)'}")
        if finished:
            assert child.returncode == 0, f"the build at delay {delay} s failed with {child.returncode}"
            assert all(o.endswith("=new(finished)") for o in outcomes[-2:]), outcomes
            completed = True
            break
    assert completed, f"no build finished within the largest delay: {outcomes}"
    killed = [o for o in outcomes if "(finished)" not in o]
    assert killed, f"every build finished before its kill: {outcomes}"

    # Leave the state of the last killed run in place (the loop ended with a finished
    # one): kill one more early and one late run, then build normally.
    for delay in (0.5, full * 0.9):
        _restore(saved, out)
        child = _start_build(site, out)
        try:
            child.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            os.kill(child.pid, signal.SIGKILL)
            child.wait(timeout=30)
    proc = build_site(site, out)
    assert proc.returncode == 0, describe(proc)
    # The result is exactly a clean build's (made now, from the same code and input).
    clean = tmp_path / "clean"
    assert build_site(site, clean).returncode == 0
    for audience in AUDIENCES:
        assert tree_hashes(out / audience) == tree_hashes(clean / audience), audience
    left = leftovers(out)
    assert left == [], left
    assert sorted(p.name for p in out.iterdir()) == sorted(AUDIENCES)
