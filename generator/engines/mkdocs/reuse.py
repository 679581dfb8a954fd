"""The MkDocs plugin: page-level reuse of the previous build, and progress.

``render`` adds the plugin to the loaded configuration (it is not in the
staged ``mkdocs.yml``, which stays engine-neutral) and tells it which pages
may be reused: pages whose staged Markdown is byte-for-byte what the
previous build rendered, under the same configuration, theme overrides and
navigation.

A reused page is not rendered: its ``Page.read_source`` and ``Page.render``
are replaced by stubs that give it an empty template and no content (and set
what MkDocs 1.6 reads after rendering, ``present_anchor_ids`` and
``links_to_anchors``), so MkDocs writes nothing for that page, and
``render`` links the previous build's HTML into the new site instead.  The
staged docs' other files are not copied either (``File.copy_file`` is
replaced): ``render`` hard-links them.  A page's HTML depends only
on its own source, its URL and the site-wide inputs hashed into the reuse key
(the Material templates read ``nav``, ``config`` and ``page``; only pages in
the navigation have neighbours), so the result is the same bytes a full
render would give — ``tests/test_incremental.py`` checks exactly that.
"""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path
from typing import Callable, Optional

import jinja2
from mkdocs.plugins import BasePlugin
from mkdocs.structure.toc import get_toc

from . import MATERIAL_PROJECT

REUSED_TEMPLATE = "openbranch-reused-page.html"


def _read_nothing(page, config) -> None:  # noqa: ANN001 - MkDocs' types
    # No file read, no Markdown: an empty template, and Material's own search index skips it.
    page.markdown = ""
    page.meta = {**MATERIAL_PROJECT.page_front_matter, "template": REUSED_TEMPLATE}


def _render_nothing(page, config, files) -> None:  # noqa: ANN001
    page.content = ""
    page.toc = get_toc([])
    page.present_anchor_ids = set()
    page.links_to_anchors = {}


def _copy_nothing(dirty: bool = False) -> None:
    """``render`` links the staged file into the site instead (see ``static_files``)."""


class ReusePlugin(BasePlugin):
    def __init__(self, reusable: set[str], previous_site: Optional[Path], cache_dir: Optional[Path] = None, page_done: Optional[Callable[[], None]] = None):
        super().__init__()
        self.reusable = reusable
        self.previous_site = previous_site
        self.cache_dir = cache_dir
        self.page_done = page_done
        self.in_nav: set[str] = set()
        self.reused: list[str] = []  # dest_uri of each page taken from the previous site
        self.static_files: list[tuple[str, str]] = []  # (source path, dest_uri) for ``render`` to link

    def on_files(self, files, *, config):  # noqa: ANN001
        # The staged docs' own files (record JSON, attachments, charts, feeds) are
        # hard-linked by ``render`` rather than copied byte by byte: thousands of them.
        docs = os.path.abspath(config.docs_dir) + os.sep
        for file in files:
            if not file.is_documentation_page() and file.abs_src_path and file.abs_src_path.startswith(docs):
                self.static_files.append((file.abs_src_path, file.dest_uri))
                file.copy_file = _copy_nothing
        return files

    def on_nav(self, nav, *, config, files):  # noqa: ANN001 - MkDocs' types
        # Navigation pages show their neighbours and their active state: always rendered.
        self.in_nav = {page.file.src_uri for page in nav.pages}
        return nav

    def on_pre_page(self, page, *, config, files):  # noqa: ANN001
        src = page.file.src_uri
        if self.previous_site is None or src not in self.reusable or src in self.in_nav:
            return page
        if not (self.previous_site / page.file.dest_uri).is_file():
            return page
        self.reused.append(page.file.dest_uri)
        # Only this page object is changed: it is neither read nor converted.
        page.read_source = partial(_read_nothing, page)
        page.render = partial(_render_nothing, page)
        return page

    def on_env(self, env, *, config, files):  # noqa: ANN001
        env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({REUSED_TEMPLATE: ""}), env.loader])
        if self.cache_dir is not None:
            # Compiled templates kept between builds (keyed by their source): Material's are many.
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(self.cache_dir))
        return env

    def on_post_page(self, output, *, page, config):  # noqa: ANN001
        if self.page_done is not None:
            self.page_done()
        return output
