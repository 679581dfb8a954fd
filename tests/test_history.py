"""First-published and last-changed dates: a record's own ``published:``, else git history.

A real git repository in tmp_path, commits dated with GIT_COMMITTER_DATE, the
real build; the dates are read from the built record pages.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from .helpers import BRANCH, build_site, write_site

MEETING = {
    "title": "3月支委会",
    "kind": "支委会",
    "visibility": "公开",
    "chair": "王书记",
    "attendees": ["王书记"],
}


def _commit(site: Path, when: str, message: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", "add", "-A"], cwd=site, check=True, env=env)
    subprocess.run(["git", "commit", "-q", "-m", message], cwd=site, check=True, env=env)


def test_published_date_wins_over_the_commit_that_added_the_file(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "content/branch.yml": BRANCH,
            # Disclosed on 14 March, typed into the repository only in November.
            "content/meetings/2026/2026-03-12-branch-committee.yml": {**MEETING, "date": "2026-03-12", "published": "2026-03-14"},
            # No published: date: the first commit that added it is the day it was published.
            "content/meetings/2026/2026-04-09-branch-committee.yml": {**MEETING, "title": "4月支委会", "date": "2026-04-09"},
        },
    )
    subprocess.run(["git", "init", "-q"], cwd=site, check=True)
    _commit(site, "2026-11-20T10:00:00+08:00", "records")
    out = tmp_path / "out"
    proc = build_site(site, out, today="2026-12-01")
    assert proc.returncode == 0, proc.stderr
    march = (out / "public/meetings/2026/2026-03-12-branch-committee/index.html").read_text(encoding="utf-8")
    april = (out / "public/meetings/2026/2026-04-09-branch-committee/index.html").read_text(encoding="utf-8")
    assert '首次发布 <time datetime="2026-03-14">' in march
    assert '最后更新 <time datetime="2026-11-20">' in march
    assert '首次发布 <time datetime="2026-11-20">' in april
