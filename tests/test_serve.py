"""`openbranch serve`: a live preview that recompiles when records change.

Runs the real command in a subprocess on a free port, fetches pages over HTTP,
edits a record and waits for the served page to change; checks that nothing is
ever written into content/ (a write there would make serve rebuild forever),
and that a rebuild after an edit renders only what changed: serve runs the
same pipeline as build, so the other pages are the previous preview's, reused.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from tests.helpers import BRANCH, make_site


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _wait_for(url: str, needle: str, seconds: float) -> str:
    deadline = time.monotonic() + seconds
    last = ""
    while time.monotonic() < deadline:
        try:
            last = _fetch(url)
            if needle in last:
                return last
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    raise AssertionError(f"{needle!r} never appeared at {url}; last page had {len(last)} characters")


def _snapshot(folder: Path) -> dict[str, float]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime for p in sorted(folder.rglob("*"))}


@contextmanager
def _serving(site: Path, *options: str) -> Iterator[tuple[str, list[str]]]:
    """``openbranch serve`` on a free port: yields its base URL, and a list that holds its output once it is stopped."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "-c", str(site / "site_config.yml"), "-a", f"127.0.0.1:{port}", *options],
        cwd=site.parent,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    output: list[str] = []
    try:
        yield f"http://127.0.0.1:{port}", output
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            text, _ = process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            text, _ = process.communicate()
        output.append(text.decode("utf-8", "replace"))


def _meeting(title: str, day: int) -> dict:
    return {"title": title, "date": f"2026-03-{day:02d}", "kind": "支委会", "visibility": "公开", "attendees": ["王书记"]}


def test_serve_recompiles_on_record_change_and_never_writes_content(tmp_path: Path) -> None:
    draft = {"title": "草稿中的公示", "date": "2026-03-06", "kind": "其他", "visibility": "公开", "status": "草稿", "start": "2026-03-06", "end": "2026-03-12"}
    site = make_site(
        tmp_path,
        {
            "content/branch.yml": BRANCH,
            "content/meetings/2026/m1.yml": _meeting("三月支委会初稿", 5),
            "content/notices/2026/n1.yml": draft,
        },
    )
    before = _snapshot(site / "content")
    with _serving(site, "--today", "2026-03-10", "--drafts") as (base, output):
        page = _wait_for(f"{base}/meetings/2026/m1/", "三月支委会初稿", 90)
        assert "本网站仅供本支部党员查阅" in _fetch(f"{base}/")  # the members' site by default
        # --drafts shows draft records in the preview.
        assert "草稿中的公示" in _fetch(f"{base}/notices/2026/n1/")

        # The preview has a search index of its own (remade after each rebuild).
        entry = _fetch(f"{base}/pagefind/pagefind-entry.json")
        assert '"page_count"' in entry, entry

        record = site / "content/meetings/2026/m1.yml"
        record.write_text(record.read_text(encoding="utf-8").replace("三月支委会初稿", "三月支委会定稿"), encoding="utf-8")
        page = _wait_for(f"{base}/meetings/2026/m1/", "三月支委会定稿", 60)
        assert "三月支委会初稿" not in page
        # The index changed with the page (its metadata file is named by a hash of the content).
        deadline, now = time.monotonic() + 60, entry
        while now == entry and time.monotonic() < deadline:
            time.sleep(0.5)
            try:
                now = _fetch(f"{base}/pagefind/pagefind-entry.json")
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass  # mid-rebuild
        assert now != entry and '"page_count"' in now, "the search index was not remade after the change"

        # A broken record is reported and the last good preview stays up.
        record.write_text(record.read_text(encoding="utf-8").replace("2026-03-05", "2026-3-5"), encoding="utf-8")
        time.sleep(3)
        assert "三月支委会定稿" in _fetch(f"{base}/meetings/2026/m1/")
    text = output[0]
    assert "content/meetings/2026/m1.yml:2:7: date:" in text, text[-2000:]
    # serve writes only into the build folder: content/ holds exactly what the test wrote.
    after = _snapshot(site / "content")
    assert sorted(after) == sorted(before)
    assert not (site / "content" / ".openbranch").exists()
    assert (site / ".openbranch" / "serve" / "members" / "mkdocs.yml").is_file()


def test_serve_rebuilds_only_what_a_record_edit_changed(tmp_path: Path) -> None:
    """After an edit, serve renders the edited page (and the navigation's) and reuses every other record page."""
    records = {f"content/meetings/2026/m{day}.yml": _meeting(f"三月第{day}次支委会", day) for day in range(1, 7)}
    site = make_site(tmp_path, {"content/branch.yml": BRANCH, **records})
    preview = site / ".openbranch" / "serve" / "preview" / "members"  # where serve publishes (pipeline.serve)
    with _serving(site, "--today", "2026-03-20") as (base, output):
        _wait_for(f"{base}/meetings/2026/m1/", "三月第1次支委会", 90)
        served = {day: (preview / f"meetings/2026/m{day}/index.html").stat().st_ino for day in range(1, 7)}

        record = site / "content/meetings/2026/m1.yml"
        record.write_text(record.read_text(encoding="utf-8").replace("三月第1次支委会", "三月第一次支委会（改）"), encoding="utf-8")
        _wait_for(f"{base}/meetings/2026/m1/", "三月第一次支委会（改）", 60)
        again = {day: (preview / f"meetings/2026/m{day}/index.html").stat().st_ino for day in range(1, 7)}
        # The unchanged pages' HTML is the very file the first build wrote (hard-linked into the new preview).
        assert [day for day in range(2, 7) if again[day] != served[day]] == [], (served, again)
        assert again[1] != served[1]
        assert "三月第2次支委会" in _fetch(f"{base}/meetings/2026/m2/")
    text = output[0]
    # Each rebuild reports as build does: the first renders every page, the second reuses the five.
    pages = [int(m.group(1)) for m in re.finditer(r"党内网站：6 条记录，(\d+) 个页面", text)]
    reuse = [tuple(map(int, m.groups())) for m in re.finditer(r"党内网站：重新生成 (\d+) 页，沿用未变的 (\d+) 页", text)]
    assert len(pages) == 2 and len(reuse) == 1, text[-2000:]
    rendered, reused = reuse[0]
    assert reused == 5 and rendered + reused == pages[1], (rendered, reused, pages)
