"""Heading anchors: one slug function, and repair of ids a page would hold twice.

The engine slugs the Markdown headings of a page's template; a record body's
headings are slugged earlier, apart from them (``sanitise.render_body``).
Both use ``heading_slug`` (pymdownx's, as the generated mkdocs.yml names it),
so Chinese headings get readable anchors; ``dedupe_heading_ids`` then renames
a body heading whose id the template already uses.
"""

from __future__ import annotations

import re

from pymdownx.slugs import slugify

# The slug function for heading anchors, the same as the generated mkdocs.yml's
# so body headings and template headings get the same readable Chinese anchors.
heading_slug = slugify(case="lower")

_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*$", re.MULTILINE)
_HTML_HEADING_ID = re.compile(r'(<h[1-6] id=")([^"]+)(")')


def dedupe_heading_ids(text: str) -> str:
    """Give a body heading another id when the page's own heading has the same one.

    "## 会议议程" in both the template and the body would give two elements
    with one id and break links to the section.
    """
    taken = {heading_slug(m.group(1), "-") for m in _MARKDOWN_HEADING.finditer(text)}

    def rename(match: re.Match) -> str:
        wanted, n = match.group(2), 1
        candidate = wanted
        while candidate in taken:
            candidate = f"{wanted}_{n}"
            n += 1
        taken.add(candidate)
        return f"{match.group(1)}{candidate}{match.group(3)}"

    return _HTML_HEADING_ID.sub(rename, text)
