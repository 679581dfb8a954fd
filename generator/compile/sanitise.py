"""Record bodies: Markdown to sanitised HTML, the boundary between what a worker types and the page.

A record's ``body`` is Markdown written by people; it is rendered here and
cleaned with nh3 (an allow-list of tags, attributes and URL schemes) before it
is placed in a page, so no script, event handler, style or foreign URL
scheme reaches the site.  Every other field reaches a page through Jinja2's
autoescaping (see ``pages``).
"""

from __future__ import annotations

from functools import lru_cache

import markdown
import nh3

from .headings import heading_slug

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "div", "dl", "dt", "em", "h2", "h3", "h4", "h5", "h6",
    "hr", "i", "ins", "kbd", "li", "mark", "ol", "p", "pre", "s", "small", "span", "strong", "sub", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "td": {"align", "colspan", "rowspan"},
    "th": {"align", "colspan", "rowspan", "scope"},
    "ol": {"start"},
    **{f"h{n}": {"id"} for n in range(2, 7)},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


@lru_cache(maxsize=4096)
def render_body(text: str) -> str:
    """A record's Markdown body as safe HTML (no script, handler, style or foreign URL scheme)."""
    if not text.strip():
        return ""
    converter = markdown.Markdown(
        extensions=["tables", "sane_lists", "fenced_code", "toc"],
        # "#" in a body is a section inside the page's own "会议记录"/"正文" heading (h2 -> h3).
        # align="…" rather than style="text-align: …": the sanitiser drops style, keeps align.
        extension_configs={
            "toc": {"slugify": heading_slug, "permalink": False, "baselevel": 2},
            "tables": {"use_align_attribute": True},
        },
        output_format="html",
    )
    raw = converter.convert(text)
    cleaned = nh3.clean(raw, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel="noopener noreferrer")
    # Blank lines would end the raw HTML block in the staged Markdown page.
    return "\n".join(line for line in cleaned.splitlines() if line.strip())
