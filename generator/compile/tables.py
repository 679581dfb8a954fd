"""Tables that read on a phone: the one mechanism every table of every page goes through.

A template writes a plain class-less ``<table>`` (Material styles
``table:not([class])``) with its column headers as ``<th scope="col">`` in a
``<thead>``, and puts it in the ``table_wrap`` macro of ``_macros.j2``::

    {% call table_wrap("money") %}
    <table>
    <thead><tr><th scope="col">日期</th><th scope="col" class="ob-num">金额（元）</th></tr></thead>
    <tbody><tr><td>…</td><td class="ob-num">…</td></tr></tbody>
    </table>
    {% endcall %}

The macro hands the table to ``table_box`` (the ``table_box`` filter), which

* labels every body cell: each ``<td>`` and ``<th>`` of ``<tbody>`` and
  ``<tfoot>`` gets ``data-label`` = the text of its column's header (colspans
  counted; ``rowspan`` is not followed).  A cell that already carries a
  ``data-label`` keeps it: a cell spanning several columns that stands for
  something else than its first column (the regularity calendar's quarter
  cells) says so itself;
* wraps the table in its box: ``div.ob-scroll.ob-table.ob-table--<kind>.ob-table--<layout>``
  holding a cue (``p.ob-scroll__cue``, hidden until needed) and the table.

Two layouts (openbranch.css, "Tables"):

* ``cards`` (the default): below 600 px every row becomes a card, its row
  header (``<th scope="row">``) on top and every other cell as
  "label: value" (the label drawn from ``data-label``), empty cells left out.
  For tables whose rows are things: records, ledger lines, attachments,
  indicators, rectification items.
* ``scroll``: the table stays a table at every width, for a matrix whose
  columns must stay side by side.

In both, a table wider than its box scrolls inside the box, never the page:
the script in overrides/main.html marks an overflowing box (``data-ob-overflow``,
``role="region"``, ``aria-label`` = the cue's text, ``tabindex="0"``) and the
stylesheet then shows the cue and a shadow at the edge that hides columns.
tests/test_layout_browser.py holds every page to that: no page scrolls
sideways, and every cell is on screen or inside such a marked box.

``table_boxes`` does the same for every table inside a record's sanitised body
(tables written in Markdown), so no table reaches a page unboxed.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import Optional

from markupsafe import Markup

from ..i18n import Labels

LAYOUTS = ("cards", "scroll")
_TABLE = re.compile(r"<table\b.*?</table>", re.S | re.I)
_SPACE = re.compile(r"\s+")


class _Labeller(HTMLParser):
    """Re-emits HTML as it came, with ``data-label`` added to the body cells of its tables.

    The column headers are the cells of the first row of a table's
    ``<thead>``; nested tables are labelled from their own headers.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.tables: list[_Table] = []  # the open tables, innermost last

    def handle_starttag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        text = self.get_starttag_text() or ""
        table = self.tables[-1] if self.tables else None
        if tag == "table":
            self.tables.append(_Table())
        elif table is not None:
            if tag in ("thead", "tbody", "tfoot"):
                table.section = tag
            elif tag == "tr":
                table.rows += table.section == "thead"
                table.column = 0
            elif tag in ("th", "td"):
                span = _span(attrs)
                if table.section == "thead":
                    if table.rows == 1:
                        table.header, table.header_span = [], span
                else:
                    label = table.headers[table.column] if table.column < len(table.headers) else ""
                    if label and not any(name == "data-label" for name, _ in attrs):
                        text = _with_attribute(text, "data-label", label)
                table.column += span
        self.out.append(text)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        table = self.tables[-1] if self.tables else None
        if table is not None:
            if tag == "table":
                self.tables.pop()
            elif tag == "th" and table.header is not None:
                name = _SPACE.sub(" ", html.unescape("".join(table.header))).strip()
                table.headers.extend([name] * table.header_span)
                table.header = None
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self._emit_text(data)

    def handle_entityref(self, name: str) -> None:
        self._emit_text(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._emit_text(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def unknown_decl(self, data: str) -> None:
        self.out.append(f"<![{data}]>")

    def _emit_text(self, text: str) -> None:
        if self.tables and self.tables[-1].header is not None:
            self.tables[-1].header.append(text)
        self.out.append(text)


class _Table:
    """Where the labeller is in one table."""

    def __init__(self) -> None:
        self.section: Optional[str] = None  # thead, tbody or tfoot
        self.rows = 0  # header rows seen
        self.column = 0  # the column the next cell of the row starts in
        self.headers: list[str] = []  # one per column
        self.header: Optional[list[str]] = None  # the text of the header cell being read
        self.header_span = 1


def _span(attrs: list[tuple[str, Optional[str]]]) -> int:
    for name, value in attrs:
        if name == "colspan" and value and value.strip().isdigit():
            return max(1, int(value))
    return 1


def _with_attribute(start_tag: str, name: str, value: str) -> str:
    """``<td class="x">`` -> ``<td class="x" name="value">`` (the value escaped for an attribute)."""
    end = -2 if start_tag.endswith("/>") else -1
    return f'{start_tag[:end].rstrip()} {name}="{html.escape(value, quote=True)}"{start_tag[end:]}'


def labelled(table_html: str) -> str:
    """``table_html`` with ``data-label`` on every body cell, from its column's header."""
    parser = _Labeller()
    parser.feed(str(table_html))
    parser.close()
    return "".join(parser.out)


def table_box(table_html: str, t: Labels, kind: str = "", layout: str = "cards") -> Markup:
    """One table, labelled and in its box (see the module's docstring)."""
    if layout not in LAYOUTS:
        raise ValueError(f"table layout {layout!r}: expected one of {', '.join(LAYOUTS)}")
    classes = ["ob-scroll", "ob-table", f"ob-table--{layout}"] + [f"ob-table--{k}" for k in kind.split() if k]
    cue = html.escape(t("table_scroll_cue"))
    return Markup(
        f'<div class="{" ".join(classes)}" data-ob-cue="{cue}">\n'
        f'<p class="ob-scroll__cue" aria-hidden="true" data-pagefind-ignore>{cue}</p>\n'
        f"{labelled(str(table_html).strip())}\n"
        "</div>"
    )


def table_boxes(body_html: str, t: Labels) -> Markup:
    """Every ``<table>`` of a record's sanitised body in its box (``cards``, kind ``body``)."""
    return Markup(_TABLE.sub(lambda m: str(table_box(m.group(0), t, "body")), str(body_html)))
