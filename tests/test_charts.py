"""Charts: static SVG made at build time, text kept as text, numbers also in a table.

``charts.grouped_bars`` is called directly for the SVG's properties; then one
real ``openbranch build`` of a small site shows where the charts end up: files
under ``site/members/charts/`` and, on the meetings, finances and appraisals
pages, an ``<img>`` with alt text beside a table of the same numbers.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Optional
from urllib.parse import unquote

import pytest

from generator.compile import charts

from .helpers import BRANCH, make_site, run_cli

SVG = "{http://www.w3.org/2000/svg}"

CATEGORIES = ["支委会", "党员大会", "党小组会", "主题党日", "组织生活会"]
SERIES = {"2025年": [12, 4, 24, 12, 1], "2026年": [5, 2, 10, Decimal("4"), 0]}

# URLs an SVG may carry that are identifiers, never fetched: XML namespaces,
# the SVG 1.1 DTD's system identifier and the Dublin Core type in <metadata>.
IDENTIFIER_URLS = {
    "http://www.w3.org/2000/svg",
    "http://www.w3.org/1999/xlink",
    "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd",
    "http://purl.org/dc/elements/1.1/",
    "http://creativecommons.org/ns#",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://purl.org/dc/dcmitype/StillImage",
}


@pytest.fixture(scope="module")
def svg_text() -> str:
    return charts.grouped_bars(CATEGORIES, SERIES, "次数")


def _texts(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()).strip() for t in root.iter(f"{SVG}text")]


def _assert_chart_svg(text: str, labels: list[str]) -> ET.Element:
    """The properties every chart must have; returns the parsed root."""
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == f"{SVG}svg"
    # Scales to the container: a viewBox, and its size in px that of the viewBox
    # (the size it is drawn for, and at most shown at).
    view_box = root.get("viewBox")
    assert view_box and len(view_box.split()) == 4 and all(float(v) >= 0 for v in view_box.split()), view_box
    assert float(view_box.split()[2]) > 0 and float(view_box.split()[3]) > 0
    assert re.fullmatch(r"\d+", root.get("width") or "") and re.fullmatch(r"\d+", root.get("height") or ""), root.attrib
    assert abs(int(root.get("width")) - float(view_box.split()[2])) <= 1 and abs(int(root.get("height")) - float(view_box.split()[3])) <= 1
    # Labels are <text>, drawn with the reader's fonts, not glyph paths.
    texts = _texts(root)
    for label in labels:
        assert label in texts, (label, texts)
    for element in root.iter(f"{SVG}text"):
        assert "font-family" in (element.get("style") or ""), element.attrib
    # No glyph outlines (matplotlib's "path" text mode defines them as DejaVuSans-XX ids).
    assert not any((e.get("id") or "").startswith(("DejaVu", "Noto", "glyph")) for e in root.iter()), "text drawn as paths"
    # Nothing loaded from outside: local fragment references only, no src, no url(http…) in styles.
    for element in root.iter():
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1]
            if local in ("href", "src"):
                assert value.startswith("#"), (element.tag, name, value)
            if "url(" in value:
                assert re.fullmatch(r".*url\(#[^)]*\).*", value, re.S), value
    for element in root.iter(f"{SVG}style"):
        assert "@import" not in (element.text or "") and "http" not in (element.text or "")
    assert root.find(f".//{SVG}script") is None and root.find(f".//{SVG}image") is None and root.find(f".//{SVG}foreignObject") is None
    urls = set(re.findall(r"https?://[^\s\"'<>)]+", text))
    assert urls <= IDENTIFIER_URLS, urls - IDENTIFIER_URLS
    return root


# ---------------------------------------------------------------------------
# grouped_bars
# ---------------------------------------------------------------------------


def test_grouped_bars_is_well_formed_svg_with_chinese_text(svg_text: str) -> None:
    assert svg_text.lstrip().startswith("<?xml")
    _assert_chart_svg(svg_text, CATEGORIES + ["次数", "2025年", "2026年"])


def test_grouped_bars_draws_one_bar_per_value(svg_text: str) -> None:
    root = ET.fromstring(svg_text.encode("utf-8"))
    # matplotlib names each bar patch_N; the figure and axes backgrounds are patches too.
    bars = [g for g in root.iter(f"{SVG}g") if (g.get("id") or "").startswith("patch_")]
    values = sum(len(v) for v in SERIES.values())
    assert len(bars) >= values


def test_grouped_bars_is_deterministic(svg_text: str) -> None:
    again = charts.grouped_bars(CATEGORIES, SERIES, "次数")
    assert again.encode("utf-8") == svg_text.encode("utf-8")
    # Another chart in between does not change the next one's bytes.
    charts.grouped_bars(["一月", "二月"], {"应交": [1, 2]}, "元")
    assert charts.grouped_bars(CATEGORIES, SERIES, "次数") == svg_text


def test_grouped_bars_stacked_and_single_series() -> None:
    stacked = charts.grouped_bars(["2024年度", "2025年度"], {"优秀": [3, 4], "合格": [8, 7], "基本合格": [1, 1], "不合格": [0, 0]}, "人数", stacked=True)
    _assert_chart_svg(stacked, ["2024年度", "2025年度", "优秀", "合格", "基本合格", "人数"])
    single = charts.grouped_bars(["1月", "2月", "3月"], {"实交": [Decimal("120.50"), Decimal("0.10"), 0]}, "元")
    root = _assert_chart_svg(single, ["1月", "2月", "3月", "元"])
    # A single series needs no legend.
    assert "实交" not in _texts(root)


def test_grouped_bars_escapes_markup_in_labels() -> None:
    text = charts.grouped_bars(["<b>会</b> & 议"], {"A&B": [1], "C": [2]}, "次数")
    root = ET.fromstring(text.encode("utf-8"))
    assert "<b>会</b> & 议" in _texts(root) and "A&B" in _texts(root)


# ---------------------------------------------------------------------------
# After a real build
# ---------------------------------------------------------------------------


def _meeting(date: str, kind: str, **extra: Any) -> dict[str, Any]:
    return {"title": f"{date} {kind}", "date": date, "kind": kind, "visibility": "public", "attendees": ["王书记"], **extra}


FUNDS_Q1 = (
    "title: 2026年第一季度经费收支\ndate: 2026-03-31\nvisibility: public\nkind: 经费\nperiod: 2026年第一季度\n"
    "period_start: 2026-01-01\nperiod_end: 2026-03-31\nopening_balance: 100.00\n"
    "income:\n  - date: 2026-01-10\n    source: 上级党组织拨付\n    amount: 600.10\n"
    "expenses:\n  - date: 2026-03-06\n    item: 购买学习资料\n    category: 学习教育\n    amount: 35.50\n"
    "closing_balance: 664.60\n"
)
FUNDS_Q2 = (
    "title: 2026年第二季度经费收支\ndate: 2026-04-30\nvisibility: public\nkind: 经费\nperiod: 2026年第二季度\n"
    "period_start: 2026-04-01\nperiod_end: 2026-06-30\nopening_balance: 664.60\n"
    "income:\n  - date: 2026-04-02\n    source: 党费按比例返还\n    amount: 0.20\n"
    "expenses:\n  - date: 2026-04-16\n    item: 主题党日交通\n    category: 主题党日\n    amount: 200.00\n"
    "closing_balance: 464.80\n"
)
DUES = (
    "title: 2026年党费收缴情况\ndate: 2026-04-30\nkind: 党费\nyear: 2026\nmonths:\n"
    "  - month: 1\n    members: 12\n    due: 360.50\n    paid: 360.50\n"
    "  - month: 2\n    members: 12\n    due: 360.50\n    paid: 300.00\n"
    "  - month: 3\n    members: 12\n    due: 360.50\n    paid: 0.10\n"
)


def _appraisal(year: int, excellent: int, qualified: int) -> dict[str, Any]:
    return {
        "title": f"{year}年度民主评议党员结果",
        "date": f"{year + 1}-01-20",
        "visibility": "public",
        "kind": "民主评议党员",
        "period": f"{year}年度",
        "members": 12,
        "results": {"优秀": excellent, "合格": qualified, "基本合格": 1},
    }


BUILD_FILES: dict[str, Any] = {
    "content/branch.yml": BRANCH,
    "content/meetings/2025/2025-11-12-committee.yml": _meeting("2025-11-12", "支委会"),
    "content/meetings/2025/2025-12-10-committee.yml": _meeting("2025-12-10", "支委会"),
    "content/meetings/2025/2025-12-20-lesson.yml": _meeting("2025-12-20", "党课", speaker="王书记", topic="学习党章"),
    "content/meetings/2026/2026-01-08-committee.yml": _meeting("2026-01-08", "支委会"),
    "content/meetings/2026/2026-02-26-assembly.yml": _meeting("2026-02-26", "党员大会"),
    "content/finances/2026/2026-q1-funds.yml": FUNDS_Q1,
    "content/finances/2026/2026-q2-funds.yml": FUNDS_Q2,
    "content/finances/2026/2026-dues.yml": DUES,
    "content/appraisals/2025/2025-01-20-appraisal.yml": _appraisal(2024, 3, 8),
    "content/appraisals/2026/2026-01-20-appraisal.yml": _appraisal(2025, 4, 7),
}
TODAY = "2026-05-15"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = make_site(tmp_path_factory.mktemp("charts"), BUILD_FILES)
    code, out, err = run_cli(["build", "-c", folder / "site_config.yml", "--today", TODAY], cwd=folder)
    assert code == 0, out + err
    return folder / "site"


class _Charts(HTMLParser):
    """Every <figure class="ob-chart"> with its <img> (the phone's drawing) and <source> (the wide one), and the table that follows it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.charts: list[dict[str, Any]] = []
        self._in_figure = False
        self._in_details = False
        self._row: Optional[list[str]] = None
        self._cell: Optional[list[str]] = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag == "figure" and "ob-chart" in classes:
            self._in_figure = True
            self.charts.append({"img": None, "source": None, "rows": []})
        elif tag == "img" and self._in_figure:
            self.charts[-1]["img"] = attributes
        elif tag == "source" and self._in_figure:
            self.charts[-1]["source"] = attributes
        elif tag == "details" and "ob-chart-data" in classes and self.charts:
            self._in_details = True
        elif tag == "tr" and self._in_details:
            self._row = []
        elif tag in ("th", "td") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "figure":
            self._in_figure = False
        elif tag == "details":
            self._in_details = False
        elif tag in ("th", "td") and self._cell is not None and self._row is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.charts[-1]["rows"].append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _page_charts(page: Path) -> list[dict[str, Any]]:
    parser = _Charts()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.charts


def _svg_for(page: Path, img: dict[str, Any]) -> Path:
    src = unquote(img.get("src") or img["srcset"])
    assert not re.match(r"^[a-z]+:", src) and not src.startswith("//"), src
    target = (page.parent / src).resolve()
    assert target.is_file(), src
    return target


def test_chart_files_are_written_for_the_members_site(built: Path) -> None:
    # Each chart twice: drawn for a wide screen and for a phone.
    def names(*charts: str) -> list[str]:
        return sorted(f"{c}{drawing}.svg" for c in charts for drawing in ("", ".phone"))

    assert sorted(p.name for p in (built / "members" / "charts").glob("*.svg")) == names("dues-2026", "funds-per-period", "grades", "meetings-per-kind")
    for path in (built / "members" / "charts").glob("*.svg"):
        _assert_chart_svg(path.read_text(encoding="utf-8"), [])
    # The dues ledger is members-only (the default visibility): no dues chart on the public site.
    assert sorted(p.name for p in (built / "public" / "charts").glob("*.svg")) == names("funds-per-period", "grades", "meetings-per-kind")


def _table(chart: dict[str, Any]) -> dict[str, list[str]]:
    head, *rows = chart["rows"]
    return {"head": head, **{row[0]: row[1:] for row in rows}}


def _one_chart(page: Path, svg_name: str) -> tuple[dict[str, Any], ET.Element]:
    """The chart whose wide drawing is ``svg_name`` (its <source>), its phone drawing beside it (the <img>); the wide one parsed."""
    charts_on_page = [c for c in _page_charts(page) if c["source"] and c["source"]["srcset"].endswith(svg_name)]
    assert len(charts_on_page) == 1, [c["source"] for c in _page_charts(page)]
    chart = charts_on_page[0]
    img, source = chart["img"], chart["source"]
    assert (img.get("alt") or "").strip(), img
    assert img["src"].endswith(svg_name.replace(".svg", ".phone.svg")), img
    assert source["media"] == "(min-width: 37.5em)", source
    for drawing in (img, source):
        assert _svg_for(page, drawing).is_file()
    root = ET.fromstring(_svg_for(page, source).read_bytes())
    return chart, root


def test_meetings_page_chart_and_its_table(built: Path) -> None:
    page = built / "members" / "meetings" / "index.html"
    chart, root = _one_chart(page, "charts/meetings-per-kind.svg")
    table = _table(chart)
    assert chart["img"]["alt"] == "各类会议召开次数"
    assert table["head"] == ["类别", "2025年", "2026年"]
    assert table["支委会"] == ["2", "1"]
    assert table["党员大会"] == ["0", "1"]
    assert table["党课"] == ["1", "0"]
    for label in ["支委会", "党员大会", "党课", "2025年", "2026年"]:
        assert label in _texts(root)


def test_finances_page_charts_and_their_tables(built: Path) -> None:
    page = built / "members" / "finances" / "index.html"
    funds, root = _one_chart(page, "charts/funds-per-period.svg")
    table = _table(funds)
    assert funds["img"]["alt"] == "各期收入与支出"
    assert table["head"] == ["时间", "收入", "支出"]
    assert table["2026年第一季度"] == ["600.10", "35.50"]
    assert table["2026年第二季度"] == ["0.20", "200.00"]
    assert "2026年第一季度" in _texts(root) and "2026年第二季度" in _texts(root)
    dues, root = _one_chart(page, "charts/dues-2026.svg")
    table = _table(dues)
    # The collection rate of each month against 100 %; the table also gives the amounts.
    assert dues["img"]["alt"] == "2026年各月党费收缴率"
    assert table["head"] == ["月份", "应缴（元）", "实缴（元）", "收缴率"]
    assert [table[m] for m in ("1月", "2月", "3月")] == [["360.50", "360.50", "100.0%"], ["360.50", "300.00", "83.2%"], ["360.50", "0.10", "0.0%"]]
    assert {"1月", "2月", "3月", "100.0%", "83.2%", "0.0%", "应缴全额（100%）"} <= set(_texts(root))


def test_appraisals_page_chart_and_its_table(built: Path) -> None:
    page = built / "members" / "appraisals" / "index.html"
    chart, root = _one_chart(page, "charts/grades.svg")
    table = _table(chart)
    assert chart["img"]["alt"] == "民主评议等次分布"
    assert table["head"] == ["时间", "优秀", "合格", "基本合格", "不合格"]
    assert table["2024年度"] == ["3", "8", "1", "0"]
    assert table["2025年度"] == ["4", "7", "1", "0"]
    assert {"2024年度", "2025年度", "优秀", "合格"} <= set(_texts(root))


def test_pages_load_no_chart_library(built: Path) -> None:
    for section in ("meetings", "finances", "appraisals"):
        html = (built / "members" / section / "index.html").read_text(encoding="utf-8")
        for src in re.findall(r"<script[^>]*\bsrc=\"([^\"]+)\"", html):
            assert not re.match(r"^(https?:)?//", src), src
            assert not re.search(r"chart|plotly|echarts|d3|vega", src, re.I), src
