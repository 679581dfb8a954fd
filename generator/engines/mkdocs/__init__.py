"""MkDocs + Material for MkDocs: the default engine, and the only room that knows MkDocs.

- ``render.py`` renders a staged project through MkDocs' Python API, into the
  fresh folder, reusing the previous site's unchanged pages;
- ``reuse.py`` is the MkDocs plugin that does the reuse and reports progress
  (it is added to the loaded configuration, never to the staged mkdocs.yml);
- ``serve.py`` serves a rendered site with MkDocs' live-reload server.

MkDocs' events, its ``Page``/``File`` internals and Material's private
interfaces (the ``__config`` JSON, the search worker's messages) are used
only here and in the theme overrides; tests/engines/test_mkdocs_contract.py
checks each of them against the installed packages.  Neither this module
nor ``render.py`` imports MkDocs or Material at import time: ``render`` loads
them when a site is rendered.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional, Sequence

from .. import Engine, ProjectNeeds, PythonCall
from .render import render as render_project

# What a Material project needs beyond the engine-neutral part; Zensical reads
# the same projects, so it needs the same.
MATERIAL_PROJECT = ProjectNeeds(
    # Material's search plugin, kept for its search box only.  Its index stays
    # empty: every page is excluded from it (the front matter below), the
    # index is Pagefind's (generator/search.py), and themes/overrides/main.html
    # points the box at the worker that reads it.
    plugins=("search",),
    # Readable Unicode heading anchors (#基本信息, not #_1, #_2).
    extension_options={"toc": {"slugify": PythonCall("pymdownx.slugs.slugify", {"case": "lower"})}},
    page_front_matter={"search": {"exclude": True}},
)


class MkDocs(Engine):
    name = "mkdocs"
    title = "MkDocs"
    module = "mkdocs"
    packages = ("mkdocs", "mkdocs-material")
    project = MATERIAL_PROJECT

    # The function itself: it loads MkDocs only when it renders.
    render = staticmethod(render_project)

    def serve(self, project: Path, site_dir: Path, watched: Sequence[Path], rebuild: Callable[[], None], dev_addr: Optional[str] = None) -> None:
        from .serve import serve

        serve(project, site_dir, watched, rebuild, dev_addr)
