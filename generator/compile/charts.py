"""Charts: static SVG bar charts drawn at build time with matplotlib, cached, each with its table.

Text stays text (``svg.fonttype: none``) so Chinese labels render with the
reader's own fonts; the SVG has a viewBox and no fixed size so it scales to a
phone; ids and metadata are fixed so two builds give the same bytes.  Every
chart is shown beside a table with the same numbers (for screen readers).

A chart is cached across builds under its numbers and a stamp of this
module and of matplotlib; matplotlib is slow to import, so it is imported
only when a chart has to be drawn.
"""

from __future__ import annotations

import io
import json
import re
import warnings
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
    "font.size": 14,
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
    text = re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r'<svg\1 preserveAspectRatio="xMidYMid meet"', text, count=1)
    # Let the reader's fonts draw the Chinese labels, whatever matplotlib found.
    families = ", ".join(f"'{f}'" if " " in f else f for f in _FONT_FAMILIES)
    text = re.sub(r"font-family:[^;\"]*", f"font-family:{families}", text)
    text = re.sub(r"font: ([\d.]+px) '[^']*'", rf"font-size:\1;font-family:{families}", text)
    return text


def grouped_bars(categories: Sequence[str], series: dict[str, Sequence[float | Decimal | int]], y_label: str = "", stacked: bool = False, whole: bool = False) -> str:
    """Bars per category, one colour per series (stacked if asked; ``whole``: ticks at whole numbers only, for counts)."""
    matplotlib, plt = _pyplot()
    with matplotlib.rc_context(_STYLE):
        # About phone width: the SVG scales down on a phone, so fewer, larger labels read best.
        fig, ax = plt.subplots(figsize=(6.4, 3.6))
        count = len(series)
        width = 0.8 if stacked else 0.8 / max(count, 1)
        bottoms = [0.0] * len(categories)
        for i, (name, values) in enumerate(series.items()):
            numbers = [float(v) for v in values]
            if stacked:
                positions = list(range(len(categories)))
                ax.bar(positions, numbers, width, bottom=bottoms, label=name, color=PALETTE[i % len(PALETTE)])
                bottoms = [b + n for b, n in zip(bottoms, numbers)]
            else:
                positions = [p - 0.4 + width * (i + 0.5) for p in range(len(categories))]
                ax.bar(positions, numbers, width, label=name, color=PALETTE[i % len(PALETTE)])
        ax.set_xticks(list(range(len(categories))))
        ax.set_xticklabels(list(categories))
        if len(categories) > 4 and max(len(c) for c in categories) > 3:
            plt.setp(ax.get_xticklabels(), rotation=30, ha="right")
        if y_label:
            ax.set_ylabel(y_label)
        ax.set_axisbelow(True)
        if whole:
            from matplotlib.ticker import MaxNLocator

            ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        if count > 1:
            ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=min(count, 4), borderaxespad=0.2)
        return _svg(fig)


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
    whole: bool = False,
) -> dict[str, Any]:
    """Stage one chart's SVG at ``charts/<name>.svg``; return it with the table of the same numbers.

    The template ``report/_chart.j2`` shows the result: ``{path, caption, head, rows}``.
    """
    path = f"charts/{name}.svg"
    key = json.dumps([categories, {k: [str(v) for v in values] for k, values in series.items()}, unit, stacked, *([True] if whole else [])], ensure_ascii=False)
    svg = cache.get_or_make("chart", CHARTS_VERSION, key, lambda: grouped_bars(categories, series, unit, stacked=stacked, whole=whole))
    output.add(path, svg.encode("utf-8"), f"chart {name}")
    shown = {k: [money_text(v, "grouped") if isinstance(v, Decimal) else v for v in values] for k, values in series.items()}
    rows = [[category] + [shown[k][i] for k in shown] for i, category in enumerate(categories)]
    return {"path": path, "caption": caption, "head": [head or ""] + list(series), "rows": rows}
