"""The compile step: one output collection that refuses a path twice, and files named twice staged once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.audience import narrow
from generator.pipeline import check
from generator.compile import DuplicateOutput, Output, compile_audience
from generator.config import load_site

from .helpers import write_site

TODAY = dt.date(2026, 6, 1)


def test_output_refuses_a_path_twice_and_names_both_producers() -> None:
    output = Output()
    output.add("meetings/index.md", "---\ntitle: a\n---\n", "page listing/section.md.j2")
    with pytest.raises(DuplicateOutput) as raised:
        output.add("meetings/index.md", b"other", "chart meetings")
    message = str(raised.value)
    assert "'meetings/index.md'" in message and "page listing/section.md.j2" in message and "chart meetings" in message
    assert output.data("meetings/index.md") == b"---\ntitle: a\n---\n"


def _meeting(day: str, **extra) -> dict:
    return {"title": f"{day} 支委会", "date": day, "kind": "支委会", "visibility": "公开", **extra}


def test_an_attachment_named_by_two_records_is_staged_once(tmp_path: Path) -> None:
    shared = [{"file": "2026/议程.pdf", "title": "议程"}]
    folder = write_site(
        tmp_path / "site",
        {
            "content/attachments/2026/议程.pdf": b"%PDF-1.4 agenda",
            "content/meetings/2026/2026-03-05-branch-committee.yml": _meeting("2026-03-05", attachments=shared),
            "content/meetings/2026/2026-04-05-branch-committee.yml": _meeting("2026-04-05", attachments=shared),
        },
    )
    site, problems = load_site(folder / "site_config.yml")
    assert site is not None, problems
    records, collector = check(site, TODAY)
    assert not collector.errors, collector.sorted()
    output = compile_audience(site, narrow(records, "public"), TODAY, page_front_matter={"search": {"exclude": True}})
    assert output.data("attachments/2026/议程.pdf") == b"%PDF-1.4 agenda"
    for record_id in ("2026-03-05-branch-committee", "2026-04-05-branch-committee"):
        page = output.pages()[f"meetings/2026/{record_id}/index.md"]
        assert "search:\n  exclude: true" in page  # the engine's front matter reaches every page
        assert "attachments/2026/%E8%AE%AE%E7%A8%8B.pdf" in page
