"""The sitemap lists only the audience's pages with absolute URLs; the print board fits A4.

Both sites of the demo branch are built once with the real command; the
sitemap is read with an XML parser, and the board page is printed to PDF by
real headless Chromium with print media.
"""

from __future__ import annotations

import gzip
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import pytest

from .browser import serve_directory
from .helpers import DEMO_CONFIG

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
A4_WIDTH_PX = 794  # 210 mm at 96 px per inch
A4_WIDTH_PT, A4_HEIGHT_PT = 595.3, 841.9


@pytest.fixture
def demo(demo_out: Path) -> Path:
    return demo_out


def _configured_url(audience: str) -> str:
    import yaml

    config = yaml.safe_load(DEMO_CONFIG.read_text(encoding="utf-8"))
    return config["audiences"][audience]["url"]


def _sitemap_urls(folder: Path) -> list[str]:
    plain = ET.parse(folder / "sitemap.xml").getroot()
    zipped = ET.fromstring(gzip.decompress((folder / "sitemap.xml.gz").read_bytes()))
    urls = [loc.text for loc in plain.findall("sm:url/sm:loc", SITEMAP_NS)]
    assert urls == [loc.text for loc in zipped.findall("sm:url/sm:loc", SITEMAP_NS)]
    return urls


@pytest.mark.parametrize("audience", ["public", "members"])
def test_sitemap_lists_the_audience_pages_with_absolute_urls(demo: Path, audience: str) -> None:
    folder = demo / audience
    base = _configured_url(audience)
    urls = _sitemap_urls(folder)
    records = json.loads((folder / "data/records.json").read_text(encoding="utf-8"))["records"]
    assert len(records) > 50
    assert all(url.startswith(base) for url in urls), [u for u in urls if not u.startswith(base)][:5]
    # Every listed page exists in this site's output.
    for url in urls:
        path = unquote(url[len(base):])
        page = folder / path / "index.html" if url.endswith("/") or not path else folder / path
        assert page.is_file(), url
    # Every record the audience may see is listed, by its permanent address.
    listed = {unquote(url) for url in urls}
    for record in records:
        assert base + unquote(record["url"]).removeprefix(base) in listed, record["id"]


def test_public_sitemap_lists_no_members_record(demo: Path) -> None:
    public = set(_sitemap_urls(demo / "public"))
    members_only = [
        r for r in json.loads((demo / "members/data/records.json").read_text(encoding="utf-8"))["records"] if r["visibility"] != "public"
    ]
    assert members_only, "the demo has members-only records"
    for record in members_only:
        path = record["url"].removeprefix(_configured_url("members"))
        assert not any(url.endswith("/" + path) for url in public), record["id"]


def test_print_board_fits_a4(demo: Path, browser, tmp_path: Path) -> None:
    import subprocess

    boards = sorted((demo / "public/print").glob("20*-q*/index.html"))
    assert boards, "no board pages"
    board = boards[-1].parent.name
    pdf = tmp_path / "board.pdf"
    with serve_directory(demo / "public") as base:
        page = browser.new_page(viewport={"width": A4_WIDTH_PX, "height": 1123})
        page.goto(f"{base}/print/{board}/")
        page.emulate_media(media="print")
        # Nothing on the printed page is wider than the sheet.
        widest = page.evaluate("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")
        assert widest <= A4_WIDTH_PX, widest
        # The header, tabs and search are not printed; the board's QR codes are.
        hidden = page.evaluate("['.md-header', '.md-tabs', '.md-footer'].map(s => { const e = document.querySelector(s); return !e || getComputedStyle(e).display === 'none'; })")
        assert all(hidden), hidden
        assert page.locator(".ob-board__item").count() > 3
        assert page.locator(".ob-board__qr svg").count() == page.locator(".ob-board__item").count()
        page.screenshot(path=str(tmp_path / "board.png"), full_page=True)
        page.pdf(path=str(pdf), format="A4", print_background=True)
        page.close()
    info = subprocess.run(["python3", "-c", _PDF_PAGE_SIZE, str(pdf)], capture_output=True, text=True, check=True).stdout.split()
    width, height, pages = float(info[0]), float(info[1]), int(info[2])
    assert abs(width - A4_WIDTH_PT) < 2 and abs(height - A4_HEIGHT_PT) < 2, info
    assert 1 <= pages <= 12


# The PDF's first MediaBox and page count, read without a PDF library.
_PDF_PAGE_SIZE = r"""
import re, sys
data = open(sys.argv[1], 'rb').read()
box = re.search(rb'/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]', data)
pages = len(re.findall(rb'/Type\s*/Page[^s]', data))
print(float(box.group(3)) - float(box.group(1)), float(box.group(4)) - float(box.group(2)), pages)
"""
