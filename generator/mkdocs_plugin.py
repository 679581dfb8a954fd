"""The MkDocs plugin: page-level reuse of the previous build, and progress.

This is the only module that knows MkDocs' events.  ``engine`` adds the
plugin to the loaded configuration (it is not in the staged ``mkdocs.yml``,
which stays engine-neutral) and tells it which pages may be reused: pages
whose staged Markdown is byte-for-byte what the previous build rendered,
under the same configuration, theme overrides and navigation.

A reused page is not rendered: MkDocs is handed a stub source that selects an
empty template, so it writes nothing for that page, and ``engine`` links the
previous build's HTML into the new site instead.  A page's HTML depends only
on its own source, its URL and the site-wide inputs hashed into the reuse key
(the Material templates read ``nav``, ``config`` and ``page``; only pages in
the navigation have neighbours), so the result is the same bytes a full
render would give — ``tests/test_incremental.py`` checks exactly that.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

import jinja2
from mkdocs.plugins import BasePlugin

REUSED_TEMPLATE = "openbranch-reused-page.html"
# Front matter only: no Markdown to convert, and Material's own search index skips it.
REUSED_SOURCE = f"---\ntemplate: {REUSED_TEMPLATE}\nsearch:\n  exclude: true\n---\n"


class OpenBranchPlugin(BasePlugin):
    def __init__(self, reusable: set[str], previous_site: Optional[Path], page_done: Optional[Callable[[], None]] = None):
        super().__init__()
        self.reusable = reusable
        self.previous_site = previous_site
        self.page_done = page_done
        self.in_nav: set[str] = set()
        self.reused: list[str] = []  # dest_uri of each page taken from the previous site

    def on_nav(self, nav, *, config, files):  # noqa: ANN001 - MkDocs' types
        # Navigation pages show their neighbours and their active state: always rendered.
        self.in_nav = {page.file.src_uri for page in nav.pages}
        return nav

    def on_page_read_source(self, *, page, config):  # noqa: ANN001
        src = page.file.src_uri
        if self.previous_site is None or src not in self.reusable or src in self.in_nav:
            return None
        if not (self.previous_site / page.file.dest_uri).is_file():
            return None
        self.reused.append(page.file.dest_uri)
        return REUSED_SOURCE

    def on_env(self, env, *, config, files):  # noqa: ANN001
        env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({REUSED_TEMPLATE: ""}), env.loader])
        return env

    def on_post_page(self, output, *, page, config):  # noqa: ANN001
        if self.page_done is not None:
            self.page_done()
        return output
