"""Charts: static SVG bar charts drawn at build time with matplotlib, cached, each with its table.

Text stays text (``svg.fonttype: none``) so Chinese labels render with the
reader's own fonts; ids and metadata are fixed so two builds give the same
bytes.  Every chart is shown beside a table with the same numbers (for
screen readers).

Each chart is drawn twice, once per ``DRAWINGS`` entry: for a phone (bars
lying down, one category a line, so labels never crowd; about 300 px wide,
a little more with its labels) and for a wider screen (upright bars, about
600 px).  Each is drawn at the size it is shown: report/_chart.j2 shows a
drawing at most at its own width (the phone one by ``<img>``, the wide one
by ``<picture><source media=…>``), so its text is the size it was drawn at:
14 px on a phone (still 12 px on the narrowest, 320 px, where a drawing
shrinks to the column), 16 px, the body text's size, on a wider screen.
The SVG carries its size in px (``svg_size``) beside its viewBox, so the
browser knows how wide each drawing is whichever ``<picture>`` picks.

A chart is cached across builds under its numbers and a stamp of this
module and of matplotlib; matplotlib is slow to import, so it is imported
only when a chart has to be drawn.
"""

from __future__ import annotations

import io
import json
import re
import warnings
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Optional, Sequence

from ..cache import Cache
from ..hashing import code_version
from ..records.models.common import money_text
from .output import Output

CHARTS_VERSION = code_version(Path(__file__), "matplotlib")

PALETTE = ["#c62828", "#f9a825", "#6d4c41", "#1565c0", "#2e7d32", "#6a1b9a", "#00838f"]
_FONT_FAMILIES = ["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", "sans-serif"]

_STYLE = {
    "svg.fonttype": "none",
    "svg.hashsalt": "openbranch",
    "font.family": "sans-serif",
    "font.sans-serif": _FONT_FAMILIES[:-1] + ["DejaVu Sans"],
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "#555555",
    "axes.labelcolor": "#222222",
    "xtick.color": "#222222",
    "ytick.color": "#222222",
    "axes.grid": True,
    "axes.grid.axis": "y",
    "grid.color": "#e0e0e0",
    "legend.frameon": False,
    "figure.dpi": 72,
}


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return matplotlib, plt


def _svg(fig) -> str:
    _, plt = _pyplot()
    buffer = io.StringIO()
    with warnings.catch_warnings():
        # Without a CJK font installed at build time matplotlib warns about
        # glyphs it cannot measure; the browser draws them with its own fonts.
        warnings.simplefilter("ignore")
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    plt.close(fig)
    text = buffer.getvalue()
    # Its size in px, the size it is drawn for (at 72 dpi matplotlib's points are
    # px): the page shows it at most that wide (CSS scales it down to a narrower
    # column), which keeps its text the size it was drawn at.
    text = re.sub(
        r'<svg([^>]*?) width="([\d.]+)pt" height="([\d.]+)pt"',
        lambda m: f'<svg{m.group(1)} width="{round(float(m.group(2)))}" height="{round(float(m.group(3)))}" preserveAspectRatio="xMidYMid meet"',
        text,
        count=1,
    )
    # Let the reader's fonts draw the Chinese labels, whatever matplotlib found.
    families = ", ".join(f"'{f}'" if " " in f else f for f in _FONT_FAMILIES)
    text = re.sub(r"font-family:[^;\"]*", f"font-family:{families}", text)
    text = re.sub(r"font: ([\d.]+px) '[^']*'", rf"font-size:\1;font-family:{families}", text)
    return text


@dataclass(frozen=True)
class Drawing:
    """One size a chart is drawn at."""

    suffix: str  # file name: charts/<name><suffix>.svg
    media: str  # the media query that picks it ("" for the <img> every other screen gets)
    width_px: int  # the width it is drawn (and at most shown) at
    font_px: float  # its text size, as shown at that width
    lying: bool  # bars lying down, a category per line (phone)


DRAWINGS = (
    Drawing(".phone", "", 300, 14, lying=True),
    Drawing("", "(min-width: 37.5em)", 680, 16, lying=False),
)
WIDE = DRAWINGS[1]


def grouped_bars(
    categories: Sequence[str],
    series: dict[str, Sequence[float | Decimal | int | None]],
    y_label: str = "",
    stacked: bool = False,
    *,
    drawing: Drawing = WIDE,
    reference: Optional[tuple[float, str]] = None,
    percent: bool = False,
    whole: bool = False,
) -> str:
    """Bars per category, one colour per series (stacked if asked), as SVG text.

    ``reference`` draws a line at a value with its label (the 100 % of a rate);
    ``percent`` writes the value axis in per cent; ``whole`` puts ticks at whole numbers only (for counts).  A value of None draws no bar.
    """
    matplotlib, plt = _pyplot()
    style = dict(_STYLE, **{"font.size": drawing.font_px})
    if drawing.lying:
        style["axes.grid.axis"] = "x"
    with matplotlib.rc_context(style):
        count = len(series)
        per_band = 1 if stacked else max(count, 1)
        width_in = drawing.width_px / 72
        if drawing.lying:
            band_px = max(drawing.font_px * 1.9, drawing.font_px * 1.1 * per_band + 8)
            height_in = (len(categories) * band_px + drawing.font_px * (6 if count > 1 else 4)) / 72
        else:
            height_in = width_in * 0.5
        fig, ax = plt.subplots(figsize=(width_in, height_in))
        thickness = 0.8 if stacked else 0.8 / per_band
        bottoms = [0.0] * len(categories)
        for i, (name, values) in enumerate(series.items()):
            numbers = [float("nan") if v is None else float(v) for v in values]
            colour = PALETTE[i % len(PALETTE)]
            if stacked:
                positions = list(range(len(categories)))
                offset = {"left" if drawing.lying else "bottom": bottoms}
                bottoms = [b + n for b, n in zip(bottoms, numbers)]
            else:
                positions = [p - 0.4 + thickness * (i + 0.5) for p in range(len(categories))]
                offset = {}
            if drawing.lying:
                ax.barh(positions, numbers, thickness, label=name, color=colour, **offset)
            else:
                ax.bar(positions, numbers, thickness, label=name, color=colour, **offset)
        ticks = list(range(len(categories)))
        if drawing.lying:
            ax.set_yticks(ticks)
            ax.set_yticklabels(list(categories))
            ax.invert_yaxis()  # the first category on top, as in the table
            value_axis = ax.xaxis
        else:
            ax.set_xticks(ticks)
            ax.set_xticklabels(list(categories))
            if len(categories) > 4 and max(len(c) for c in categories) > 3:
                plt.setp(ax.get_xticklabels(), rotation=30, ha="right")
            value_axis = ax.yaxis
        if reference is not None:
            value, label = reference
            line = ax.axvline if drawing.lying else ax.axhline
            line(value, color="#333333", linewidth=1.2, linestyle=(0, (4, 3)), label=label)
        if percent:
            # Each bar says its rate, at the text's size (rates near 100 % differ by
            # less than a bar's edge): inside the bar in white, or past its end when short.
            turn = 0 if drawing.lying else 90
            for container in ax.containers:
                values = list(container.datavalues)
                inside = [f"{v:.1f}%" if v == v and v >= 25 else "" for v in values]
                outside = [f"{v:.1f}%" if v == v and v < 25 else "" for v in values]
                ax.bar_label(container, labels=inside, label_type="center", color="white", rotation=turn, fontsize=drawing.font_px)
                ax.bar_label(container, labels=outside, label_type="edge", padding=3, color="#222222", rotation=turn, fontsize=drawing.font_px)
            value_axis.set_ticks([0, 25, 50, 75, 100])
            value_axis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:g}%"))
            top = max([100.0] + [float(v) for values in series.values() for v in values if v is not None])
            (ax.set_xlim if drawing.lying else ax.set_ylim)(0, top * 1.08)
        if y_label and not percent:
            (ax.set_xlabel if drawing.lying else ax.set_ylabel)(y_label)
        ax.set_axisbelow(True)
        if whole:
            value_axis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
        if count > 1 or reference is not None:
            # As many columns as fit the drawing's width (a wider legend would widen the drawing).
            labels = list(series) + ([reference[1]] if reference is not None else [])
            widest = max(_text_width(label, drawing.font_px) for label in labels) + 3 * drawing.font_px
            columns = max(1, min(len(labels), 4, int(drawing.width_px // widest)))
            ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=columns, borderaxespad=0.2)
        return _svg(fig)


def _text_width(text: str, font_px: float) -> float:
    """About how wide a label is drawn: a Chinese character is one em, anything else a little over half."""
    return sum(font_px if ord(c) > 0x2E80 else font_px * 0.6 for c in text)


def svg_size(svg: str) -> tuple[int, int]:
    """The width and height in px of an SVG written by ``grouped_bars``."""
    found = re.search(r'<svg[^>]*? width="(\d+)" height="(\d+)"', svg)
    if not found:
        raise ValueError("a chart without its size")
    return int(found.group(1)), int(found.group(2))


def chart(
    output: Output,
    cache: Cache,
    name: str,
    caption: str,
    categories: list[str],
    series: dict[str, list[Any]],
    unit: str,
    stacked: bool = False,
    head: Optional[str] = None,
    reference: Optional[tuple[float, str]] = None,
    percent: bool = False,
    table: Optional[dict[str, list[Any]]] = None,
    whole: bool = False,
) -> dict[str, Any]:
    """Stage one chart's drawings at ``charts/<name>.svg`` and ``charts/<name>.phone.svg``; return them with the table of the same numbers.

    The table shows ``table`` (columns by heading) when given, else ``series``.
    The template ``report/_chart.j2`` shows the result:
    ``{sources: [{path, media, width, height}], caption, head, rows}``, the phone's drawing first.
    """
    key = json.dumps(
        [categories, {k: [str(v) for v in values] for k, values in series.items()}, unit, stacked, reference, percent, *([True] if whole else [])],
        ensure_ascii=False,
    )
    sources = []
    for drawing in DRAWINGS:
        path = f"charts/{name}{drawing.suffix}.svg"
        svg = cache.get_or_make(
            "chart", CHARTS_VERSION, json.dumps([key, drawing.suffix]),
            lambda: grouped_bars(categories, series, unit, stacked=stacked, drawing=drawing, reference=reference, percent=percent, whole=whole),
        )
        output.add(path, svg.encode("utf-8"), f"chart {name}")
        width, height = svg_size(svg)
        sources.append({"path": path, "media": drawing.media, "width": width, "height": height})
    columns = table if table is not None else series
    shown = {k: [money_text(v, "grouped") if isinstance(v, Decimal) else v for v in values] for k, values in columns.items()}
    rows = [[category] + [shown[k][i] for k in shown] for i, category in enumerate(categories)]
    return {"sources": sources, "caption": caption, "head": [head or ""] + list(shown), "rows": rows}
