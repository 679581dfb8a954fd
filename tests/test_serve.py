"""`openbranch serve`: a live preview that recompiles when records change.

Runs the real command in a subprocess on a free port, fetches pages over HTTP,
edits a record and waits for the served page to change; checks that nothing is
ever written into content/ (a write there would make serve rebuild forever).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

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


def test_serve_recompiles_on_record_change_and_never_writes_content(tmp_path: Path) -> None:
    meeting = {
        "title": "三月支委会初稿",
        "date": "2026-03-05",
        "kind": "支委会",
        "visibility": "公开",
        "attendees": ["王书记"],
    }
    draft = {"title": "草稿中的公示", "date": "2026-03-06", "kind": "其他", "visibility": "公开", "status": "草稿", "start": "2026-03-06", "end": "2026-03-12"}
    site = make_site(
        tmp_path,
        {
            "content/branch.yml": BRANCH,
            "content/meetings/2026/m1.yml": meeting,
            "content/notices/2026/n1.yml": draft,
        },
    )
    before = _snapshot(site / "content")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "-c", str(site / "site_config.yml"), "-a", f"127.0.0.1:{port}", "--today", "2026-03-10", "--drafts"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
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
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            output, _ = process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            output, _ = process.communicate()
    text = output.decode("utf-8", "replace")
    assert "content/meetings/2026/m1.yml:2:7: date:" in text, text[-2000:]
    # serve writes only into the build folder: content/ holds exactly what the test wrote.
    after = _snapshot(site / "content")
    assert sorted(after) == sorted(before)
    assert not (site / "content" / ".openbranch").exists()
    assert (site / ".openbranch" / "serve" / "members" / "mkdocs.yml").is_file()
