"""MkDocs + Material for MkDocs: the default engine, and the only room that knows MkDocs.

- ``render.py`` renders a staged project through MkDocs' Python API, into the
  fresh folder, reusing the previous site's unchanged pages;
- ``reuse.py`` is the MkDocs plugin that does the reuse and reports progress
  (it is added to the loaded configuration, never to the staged mkdocs.yml);
- ``serve.py`` serves a rendered site with MkDocs' live-reload server.

MkDocs' events, its ``Page``/``File`` internals and Material's private
interfaces (the ``__config`` JSON, the search worker's messages) are used
only here and in the theme overrides; tests/engines/test_mkdocs_contract.py
checks each of them against the installed packages.  This module imports
neither MkDocs nor Material: they are loaded when a site is rendered.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Mapping, Optional, Sequence

from ...publish import PreviousSite
from .. import Engine, ProjectNeeds, PythonCall, Rendered

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

    def render(
        self,
        project: Path,
        site_dir: Path,
        epoch: int,
        digests: Mapping[str, str],
        previous: Optional[PreviousSite] = None,
        on_page: Optional[Callable[[], None]] = None,
    ) -> Rendered:
        from .render import render

        return render(project, site_dir, epoch, digests, previous, on_page)

    def serve(self, project: Path, site_dir: Path, watched: Sequence[Path], rebuild: Callable[[], None], dev_addr: Optional[str] = None) -> None:
        from .serve import serve

        serve(project, site_dir, watched, rebuild, dev_addr)
